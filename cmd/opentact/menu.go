package main

import (
	"context"
	"fmt"
	"io"

	"github.com/opentact-go/opentact/flowgraph"
)

// runDoc implements `opentact doc [-o FILE] FILE|URL`: the menu tree of a
// document as Markdown, every prompt under the keys that lead to it. It
// exits 0, 1 when the document does not parse, 2 on a usage or I/O error.
func runDoc(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("doc", stderr)
	output := fs.String("o", "", "write the Markdown to this file instead of standard output")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, "opentact doc: exactly one FILE or URL\n", usageText())
		return exitUsageErr
	}
	name := fs.Arg(0)
	doc, ds, err := loadDocument(context.Background(), name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "opentact doc: %v\n", err)
		return exitUsageErr
	}
	if ds != nil {
		for _, d := range ds {
			fmt.Fprintln(stderr, newFinding(name, d))
		}
		return exitProblem
	}
	title := name
	if name == "-" {
		title = "standard input"
	}
	if err := emit(*output, flowgraph.Markdown(doc, title), stdout); err != nil {
		fmt.Fprintf(stderr, "opentact doc: %v\n", err)
		return exitUsageErr
	}
	return exitOK
}
