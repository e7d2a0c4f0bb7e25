package main

import (
	"context"
	"fmt"
	"io"

	"github.com/opentact-go/opentact/flowgraph"
)

// runGraph implements `opentact graph [-format mermaid|dot|svg] [-follow]
// [-o FILE] FILE|URL`: it draws the flow of one document. With -follow the
// documents behind its Gather and Callback URLs are fetched and drawn too; a
// URL that cannot be fetched is reported on stderr and the graph is still
// drawn. It exits 0 when the graph is complete, 1 when the document does not
// parse or a followed URL failed, 2 on a usage or I/O error.
func runGraph(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("graph", stderr)
	format := fs.String("format", "mermaid", "output format: mermaid, dot or svg")
	follow := fs.Bool("follow", false, "fetch the documents behind Gather and Callback URLs and draw them too")
	output := fs.String("o", "", "write the graph to this file instead of standard output")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, "opentact graph: exactly one FILE or URL\n", usageText())
		return exitUsageErr
	}
	var draw func(*flowgraph.Graph) string
	switch *format {
	case "mermaid":
		draw = (*flowgraph.Graph).Mermaid
	case "dot":
		draw = (*flowgraph.Graph).DOT
	case "svg":
		draw = (*flowgraph.Graph).SVG
	default:
		fmt.Fprintf(stderr, "opentact graph: unknown format %q (mermaid, dot or svg)\n", *format)
		return exitUsageErr
	}
	ctx := context.Background()
	name := fs.Arg(0)
	doc, ds, err := loadDocument(ctx, name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "opentact graph: %v\n", err)
		return exitUsageErr
	}
	if ds != nil {
		for _, d := range ds {
			fmt.Fprintln(stderr, newFinding(name, d))
		}
		return exitProblem
	}
	var opts []flowgraph.Option
	if *follow {
		opts = append(opts, flowgraph.Follow(httpFetcher(ctx)))
	}
	g := flowgraph.New(doc, opts...)
	code := exitOK
	for _, fe := range g.FetchErrors {
		fmt.Fprintf(stderr, "opentact graph: %v\n", fe)
		code = exitProblem
	}
	if err := emit(*output, draw(g), stdout); err != nil {
		fmt.Fprintf(stderr, "opentact graph: %v\n", err)
		return exitUsageErr
	}
	return code
}

// emit writes text to the file named output, or to stdout when it is ""
// or "-".
func emit(output, text string, stdout io.Writer) error {
	if output != "" && output != "-" {
		return writeFile(output, []byte(text))
	}
	_, err := io.WriteString(stdout, text)
	return err
}
