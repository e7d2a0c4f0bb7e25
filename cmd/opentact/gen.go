package main

// STUB: replaced by the generator's CLI glue (owned by the builder work).

import (
	"fmt"
	"io"
)

func runGen(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "opentact gen: not implemented yet")
	return exitUsageErr
}
