// Command opentact checks, formats, converts and draws Opentact call-flow
// XML.
//
// Usage:
//
//	opentact check [-strict] [-json] [-lenient] PATH...
//	opentact fmt [-w] [-d] [-compact] [-lenient] [-modernize] PATH...
//	opentact gen [-main] [-pkg NAME] [-func NAME] [-lenient] [-o FILE] FILE
//	opentact graph [-format mermaid|dot|svg] [-follow] [-o FILE] FILE|URL
//	opentact doc [-o FILE] FILE|URL
//	opentact sim [-press 1,2,#] [-from N] [-to N] [-at RFC3339] [-dial answer|busy|noanswer] FILE|URL
//	opentact sim -explore [-depth 3] FILE|URL
//	opentact dev [-addr 127.0.0.1:8080] FILE|URL
//	opentact dev [-addr 127.0.0.1:8080] -handler-cmd CMD [PATH]
//	opentact version
//	opentact help [COMMAND]
//
// A PATH is a file, "-" for standard input, a directory (every .xml file
// below it) or DIR/... (the same, as go vet writes it). check prints one
// line per finding, FILE:LINE:COL: error|warning: PATH: message, and exits
// 0 when no document has an error (with -strict, when none has a warning
// either), 1 when one has, and 2 on a usage or I/O error. fmt prints the
// canonical form of each document; -w rewrites the files in place instead,
// -d prints a diff instead (with -w, as well), -modernize rewrites the legacy dialect into the current
// one. gen prints Go code that builds the document with package flow. graph
// draws the flow, doc writes its menu tree as Markdown. sim runs a call
// through the document (or the call_flow_url) with the keys of -press and
// prints its transcript, one step per line; it exits 0 when the call ends
// normally and 1 on an invalid document or a dead end; sim -explore prints
// the findings of every key path in check's format. dev serves a phone page
// on a loopback address: call the flow in the browser, press keys, hear the
// prompts, watch the document and its graph, and save the call as a test.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit codes shared by every subcommand.
const (
	exitOK       = 0
	exitProblem  = 1 // a document has an error (check, gen) or does not parse (fmt, gen, graph, doc)
	exitUsageErr = 2 // bad usage, or a file could not be read or written
)

// command is a subcommand: its synopsis line and what runs it.
type command struct {
	name, synopsis string
	run            func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands are the subcommands in the order usage lists them.
var commands []command

func init() {
	commands = []command{
		{"check", "check [-strict] [-json] [-lenient] PATH...", runCheck},
		{"fmt", "fmt [-w] [-d] [-compact] [-lenient] [-modernize] PATH...", runFmt},
		{"gen", "gen [-main] [-pkg NAME] [-func NAME] [-lenient] [-o FILE] FILE", runGen},
		{"graph", "graph [-format mermaid|dot|svg] [-follow] [-o FILE] FILE|URL", runGraph},
		{"doc", "doc [-o FILE] FILE|URL", runDoc},
		{"sim", "sim [-press 1,2,#] [-from N] [-to N] [-at RFC3339] [-dial answer|busy|noanswer] [-explore [-depth N]] FILE|URL", runSim},
		{"dev", "dev [-addr 127.0.0.1:8080] [-lenient] FILE|URL | -handler-cmd CMD [PATH]", runDev},
		{"version", "version", runVersion},
		{"help", "help [COMMAND]", runHelp},
	}
}

func usageText() string {
	var b strings.Builder
	b.WriteString("usage:\n")
	for _, c := range commands {
		b.WriteString("  opentact " + c.synopsis + "\n")
	}
	b.WriteString(`A PATH is a file, "-" for standard input, a directory or DIR/... (every .xml file below it).` + "\n")
	b.WriteString(`Run "opentact help COMMAND" for a command's flags.` + "\n")
	return b.String()
}

// isHelpFlag reports the flags that ask for the usage.
func isHelpFlag(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help"
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line args and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText())
		return exitUsageErr
	}
	if isHelpFlag(args[0]) {
		fmt.Fprint(stdout, usageText())
		return exitOK
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "opentact: unknown command %q\n%s", args[0], usageText())
		return exitUsageErr
	}
	return c.run(args[1:], stdin, stdout, stderr)
}

// runHelp implements `opentact help [COMMAND]`: the usage, or one command's
// synopsis and flags, on standard output.
func runHelp(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || len(args) == 1 && isHelpFlag(args[0]) {
		if _, err := fmt.Fprint(stdout, usageText()); err != nil {
			fmt.Fprintf(stderr, "opentact help: %v\n", err)
			return exitUsageErr
		}
		return exitOK
	}
	c, ok := lookup(args[0])
	if !ok || len(args) > 1 {
		fmt.Fprintf(stderr, "opentact help: unknown command %q\n%s", strings.Join(args, " "), usageText())
		return exitUsageErr
	}
	if c.name == "help" || c.name == "version" {
		fmt.Fprintf(stdout, "usage: opentact %s\n", c.synopsis)
		return exitOK
	}
	return c.run([]string{"-h"}, nil, stdout, stdout)
}
