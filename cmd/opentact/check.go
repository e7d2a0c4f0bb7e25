package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/opentact-go/opentact/flowgraph"
	"github.com/opentact-go/opentact/render"
)

// finding is one diagnostic of one file, as check prints it.
type finding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
}

// String formats f as FILE:LINE:COL: SEVERITY: PATH: MESSAGE.
func (f finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s: %s", f.File, f.Line, f.Col, f.Severity, f.Path, f.Message)
}

func newFinding(file string, d render.Diagnostic) finding {
	f := finding{File: file, Line: d.Line, Col: d.Col, Severity: string(d.Severity),
		Path: d.Path, Rule: d.Rule, Message: d.Message}
	// Every printed line carries a position and a path, even for a
	// finding about the document as a whole.
	f.Line, f.Col = max(f.Line, 1), max(f.Col, 1)
	if f.Path == "" {
		f.Path = "/"
	}
	return f
}

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("check", stderr)
	strict := fs.Bool("strict", false, "count warnings as errors")
	asJSON := fs.Bool("json", false, "print the findings as a JSON array")
	lenient := fs.Bool("lenient", false, "keep unknown elements and attributes instead of reporting them")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, "opentact check: no files\n", usageText())
		return exitUsageErr
	}
	if stdinTwice(fs.Args()) {
		fmt.Fprintln(stderr, `opentact check: standard input ("-") given more than once`)
		return exitUsageErr
	}
	var opts []render.ParseOption
	if *lenient {
		opts = append(opts, render.Lenient())
	}
	code := exitOK
	all := []finding{}
	for _, name := range expandPaths(fs.Args()) {
		data, err := readInput(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "opentact check: %v\n", err)
			code = exitUsageErr
			continue
		}
		for _, d := range checkDocument(data, opts) {
			if d.Severity == render.SeverityError || *strict {
				code = max(code, exitProblem)
			}
			f := newFinding(name, d)
			if *asJSON {
				all = append(all, f)
			} else if _, err := fmt.Fprintln(stdout, f); err != nil {
				fmt.Fprintf(stderr, "opentact check: %v\n", err)
				return exitUsageErr
			}
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false) // messages name elements: keep <Hangup> readable
		if err := enc.Encode(all); err != nil {
			fmt.Fprintf(stderr, "opentact check: %v\n", err)
			return exitUsageErr
		}
	}
	return code
}

// checkDocument parses and validates one document and returns every
// finding, the parse errors of a document that does not parse included.
func checkDocument(data []byte, opts []render.ParseOption) render.Diagnostics {
	doc, err := render.ParseDocument(data, opts...)
	if err != nil {
		return asDiagnostics(err)
	}
	ds := append(doc.Check(), flowgraph.Lint(doc.Response, doc.Positions)...)
	ds.Sort()
	return ds
}

// asDiagnostics turns a parse error into findings, wrapping an error that
// is not a render.Diagnostics as one document-level error.
func asDiagnostics(err error) render.Diagnostics {
	var ds render.Diagnostics
	if errors.As(err, &ds) {
		return ds
	}
	return render.Diagnostics{{Severity: render.SeverityError, Rule: "parse", Message: err.Error()}}
}
