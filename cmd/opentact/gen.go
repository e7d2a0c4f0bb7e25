package main

import (
	"fmt"
	"io"

	"github.com/opentact-go/opentact/internal/gen"
	"github.com/opentact-go/opentact/render"
)

// runGen implements `opentact gen [-main] [-pkg NAME] [-func NAME]
// [-lenient] [-o FILE] FILE`: it prints Go code that builds the document in
// FILE with package flow; building and rendering that code prints what
// `opentact fmt FILE` prints. With -o the code goes to that file instead
// (for //go:generate), written atomically. The errors of a document that
// parses but is invalid are printed to stderr and gen exits 1; the code is
// still printed to standard output, so it can be fixed in Go, but an -o
// file is left as it was. It exits 0 on success, 1 when the document does
// not parse, is invalid or cannot be expressed with the builder, and 2 on a
// usage or I/O error.
func runGen(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("gen", stderr)
	asMain := fs.Bool("main", false, "print a complete package main program that prints the document's canonical XML")
	pkg := fs.String("pkg", "", `package name of the generated file (default "flows"; "main" with -main)`)
	fn := fs.String("func", "Flow", "name of the generated function returning the *flow.Flow")
	lenient := fs.Bool("lenient", false, "keep unknown elements and attributes (generated as flow.Raw and flow.Attr) instead of reporting them")
	output := fs.String("o", "", "write the code to this file instead of standard output")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, "opentact gen: exactly one FILE\n", usageText())
		return exitUsageErr
	}
	opts := gen.Options{Package: *pkg, Func: *fn, Main: *asMain}
	if err := opts.Check(); err != nil {
		fmt.Fprintf(stderr, "opentact %v\n", err)
		return exitUsageErr
	}
	name := fs.Arg(0)
	data, err := readInput(name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "opentact gen: %v\n", err)
		return exitUsageErr
	}
	var popts []render.ParseOption
	if *lenient {
		popts = append(popts, render.Lenient())
	}
	doc, err := render.ParseDocument(data, popts...)
	if err != nil {
		for _, d := range asDiagnostics(err) {
			fmt.Fprintln(stderr, newFinding(name, d))
		}
		return exitProblem
	}
	// A document with errors still becomes code, whose Build reports the
	// same errors; say so now rather than when the code first runs.
	invalid := doc.Check().Errors()
	for _, d := range invalid {
		fmt.Fprintln(stderr, newFinding(name, d))
	}
	opts.Source = name
	if name == "-" {
		opts.Source = "standard input"
	}
	src, err := gen.Generate(doc.Response, opts)
	if err != nil {
		fmt.Fprintf(stderr, "opentact %s: %v\n", name, err)
		return exitProblem
	}
	code := exitOK
	if len(invalid) > 0 {
		code = exitProblem
	}
	if *output != "" && *output != "-" && code == exitOK {
		err = writeFile(*output, src)
	} else {
		_, err = stdout.Write(src)
	}
	if err != nil {
		fmt.Fprintf(stderr, "opentact gen: %v\n", err)
		return exitUsageErr
	}
	return code
}
