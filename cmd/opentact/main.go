// Command opentact checks, formats and converts Opentact call-flow XML.
//
// Usage:
//
//	opentact check [-strict] [-json] [-lenient] FILE...
//	opentact fmt [-w] [-d] [-compact] [-lenient] FILE...
//	opentact gen [-main] [-pkg NAME] [-func NAME] [-lenient] FILE
//	opentact sim [-press 1,2,#] [-from N] [-to N] [-at RFC3339] [-dial answer|busy|noanswer] FILE|URL
//	opentact sim -explore [-depth 3] FILE|URL
//
// A FILE of "-" reads standard input. check prints one line per finding,
// FILE:LINE:COL: error|warning: PATH: message, and exits 0 when no document
// has an error (with -strict, when none has a warning either), 1 when one
// has, and 2 on a usage or I/O error. fmt prints the canonical form of each
// document; -w rewrites the files in place instead, -d prints a diff. gen
// prints Go code that builds the document with package flow. sim runs a
// call through the document (or the call_flow_url) with the keys of -press
// and prints its transcript, one step per line; it exits 0 when the call
// ends normally and 1 on an invalid document or a dead end. sim -explore
// prints the findings of every key path in check's format.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit codes shared by every subcommand.
const (
	exitOK       = 0
	exitProblem  = 1 // a document has an error (check) or does not parse (fmt, gen)
	exitUsageErr = 2 // bad usage, or a file could not be read or written
)

const usage = `usage:
  opentact check [-strict] [-json] [-lenient] FILE...
  opentact fmt [-w] [-d] [-compact] [-lenient] FILE...
  opentact gen [-main] [-pkg NAME] [-func NAME] [-lenient] FILE
  opentact sim [-press 1,2,#] [-from N] [-to N] [-at RFC3339] [-dial answer|busy|noanswer] FILE|URL
  opentact sim -explore [-depth 3] FILE|URL
A FILE of "-" reads standard input.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line args and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsageErr
	}
	switch args[0] {
	case "check":
		return runCheck(args[1:], stdin, stdout, stderr)
	case "fmt":
		return runFmt(args[1:], stdin, stdout, stderr)
	case "gen":
		return runGen(args[1:], stdin, stdout, stderr)
	case "sim":
		return runSim(args[1:], stdin, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "opentact: unknown command %q\n%s", args[0], usage)
	return exitUsageErr
}
