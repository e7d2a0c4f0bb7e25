package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/opentact-go/opentact/internal/gen"
	"github.com/opentact-go/opentact/render"
)

// runGen implements `opentact gen [-main] [-pkg NAME] [-func NAME]
// [-lenient] FILE`: it prints Go code that builds the document in FILE
// with package flow; building and rendering that code prints what
// `opentact fmt FILE` prints. The errors of a document that parses but is
// invalid are printed to stderr, and the code is generated all the same.
// It exits 0 on success, 1 when the document does not parse or cannot be
// expressed with the builder, and 2 on a usage or I/O error.
func runGen(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asMain := fs.Bool("main", false, "print a complete package main program that prints the document's canonical XML")
	pkg := fs.String("pkg", "", `package name of the generated file (default "flows"; "main" with -main)`)
	fn := fs.String("func", "Flow", "name of the generated function returning the *flow.Flow")
	lenient := fs.Bool("lenient", false, "keep unknown elements and attributes (generated as flow.Raw and flow.Attr) instead of reporting them")
	if err := fs.Parse(args); err != nil {
		return exitUsageErr
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, "opentact gen: exactly one FILE\n", usage)
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
	for _, d := range doc.Check().Errors() {
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
	if _, err := stdout.Write(src); err != nil {
		fmt.Fprintf(stderr, "opentact gen: %v\n", err)
		return exitUsageErr
	}
	return exitOK
}
