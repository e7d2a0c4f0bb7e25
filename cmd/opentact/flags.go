package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// newFlags returns the flag set of a subcommand, printing its synopsis and
// flags to stderr on -h or a bad flag.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		c, _ := lookup(name)
		fmt.Fprintf(fs.Output(), "usage: opentact %s\n", c.synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; when it reports false the command returns code:
// exitOK after -h (the usage was asked for), exitUsageErr for a bad flag.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return exitOK, true
	case errors.Is(err, flag.ErrHelp):
		return exitOK, false
	}
	return exitUsageErr, false
}
