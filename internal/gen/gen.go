// Package gen turns a call-flow document into Go code that builds it with
// package flow (imported as flow "github.com/opentact-go/opentact/builder").
// It backs the `opentact gen` command.
//
// The code is gofmt-formatted. Nested command lists with more than one
// command, or with nested content of their own, become named variables
// declared before the flow that uses them (digit1, dialError, …), so the
// generated function reads from the innermost branches out to the
// document; a list that appears twice is declared once and reused. Building the generated flow and rendering it reproduces the
// canonical form of the document (what `opentact fmt` prints) byte for
// byte.
package gen

import (
	"errors"
	"fmt"
	"go/format"
	"go/token"
	"strings"
	"unicode"

	"github.com/opentact-go/opentact/verbs"
)

// Options configures Generate.
type Options struct {
	// Package is the package clause of the file, "flows" when empty. Main
	// files are always package main.
	Package string
	// Func is the name of the generated function returning the *flow.Flow,
	// "Flow" when empty.
	Func string
	// Main adds a main function printing the document's canonical XML to
	// standard output, making the file a complete program.
	Main bool
	// Source, when set, is named in the doc comment of the function (for
	// example the input file name).
	Source string
}

// Check reports an option Generate cannot use: an invalid package or
// function name (the blank identifier, or for the function a name the file
// gives a package it may import), or a package other than main for a main
// program.
func (o Options) Check() error {
	pkg, fn := o.names()
	if o.Main && o.Package != "" && o.Package != "main" {
		return fmt.Errorf("gen: a main program is package main, not %q", o.Package)
	}
	if !token.IsIdentifier(pkg) || pkg == "_" {
		return fmt.Errorf("gen: invalid package name %q", pkg)
	}
	if !token.IsIdentifier(fn) || fn == "main" || fn == "init" || fn == "_" || importNames[fn] {
		return fmt.Errorf("gen: invalid function name %q", fn)
	}
	return nil
}

// importNames are the names the generated file may give imported
// packages: a function of one of these names would not compile.
var importNames = map[string]bool{"flow": true, "verbs": true, "time": true, "fmt": true, "os": true, "render": true}

// names returns the package and function names, defaults applied.
func (o Options) names() (pkg, fn string) {
	pkg, fn = o.Package, o.Func
	if o.Main {
		pkg = "main"
	}
	if pkg == "" {
		pkg = "flows"
	}
	if fn == "" {
		fn = "Flow"
	}
	return pkg, fn
}

// Generate returns a gofmt-formatted Go source file whose function
// opts.Func returns a *flow.Flow building r. It fails for a document the
// builder cannot express, such as attributes on <Response>, a <Meta> with
// both a value attribute and text content, or a <Call> without a value.
func Generate(r *verbs.Response, opts Options) ([]byte, error) {
	if err := opts.Check(); err != nil {
		return nil, err
	}
	if r == nil {
		return nil, errors.New("gen: nil document")
	}
	pkg, fn := opts.names()
	g := &gen{hoisted: map[string]int{}, names: map[string]bool{fn: true, "main": true, "flow": true, "verbs": true, "time": true, "fmt": true, "os": true, "render": true}}
	if len(g.optionsResponse(r)) > 0 {
		return nil, errors.New("gen: attributes on <Response> cannot be built")
	}
	body := g.list(r.Commands)
	if g.err != nil {
		return nil, g.err
	}

	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n", pkg)
	if opts.Main {
		b.WriteString("\"fmt\"\n\"os\"\n")
	}
	if g.needTime {
		b.WriteString("\"time\"\n")
	}
	b.WriteString("\nflow \"github.com/opentact-go/opentact/builder\"\n")
	if opts.Main {
		b.WriteString("\"github.com/opentact-go/opentact/render\"\n")
	}
	if g.needVerbs {
		b.WriteString("\"github.com/opentact-go/opentact/verbs\"\n")
	}
	b.WriteString(")\n\n")
	if opts.Main {
		fmt.Fprintf(&b, `func main() {
	xml, err := %s().XML()
	if err != nil && !render.IsWarnings(err) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err) // warnings: the document is still written
	}
	os.Stdout.Write(xml)
}

`, fn)
	}
	if src := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1 // keep the comment on one line
		}
		return r
	}, opts.Source); src != "" {
		fmt.Fprintf(&b, "// %s returns the call flow of %s.\n", fn, src)
	} else {
		fmt.Fprintf(&b, "// %s returns the call flow.\n", fn)
	}
	fmt.Fprintf(&b, "func %s() *flow.Flow {\n", fn)
	for _, v := range g.vars {
		fmt.Fprintf(&b, "%s := %s\n", placeholder(len(g.vars)), v.expr) // named below
	}
	fmt.Fprintf(&b, "return %s\n}\n", body)
	code := g.name(b.String())
	src, err := format.Source([]byte(code))
	if err != nil {
		return nil, fmt.Errorf("gen: formatting the generated code: %v", err)
	}
	return src, nil
}

// gen accumulates the statements of the generated function.
type gen struct {
	vars      []variable // hoisted command lists, innermost first
	names     map[string]bool
	hoisted   map[string]int // expression → index in vars
	needTime  bool
	needVerbs bool
	err       error
}

func (g *gen) fail(format string, args ...any) {
	if g.err == nil {
		g.err = fmt.Errorf("gen: "+format, args...)
	}
}
