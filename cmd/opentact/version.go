package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version returns the module version the binary was built from: a tag for
// `go install …@vX.Y.Z`, "(devel)" for a build from a checkout.
func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

// runVersion implements `opentact version`: one line, "opentact VERSION
// GOVERSION GOOS/GOARCH", as `go version` prints its own.
func runVersion(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: opentact version")
		if len(args) == 1 && isHelpFlag(args[0]) {
			return exitOK
		}
		return exitUsageErr
	}
	if _, err := fmt.Fprintf(stdout, "opentact %s %s %s/%s\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH); err != nil {
		fmt.Fprintf(stderr, "opentact version: %v\n", err)
		return exitUsageErr
	}
	return exitOK
}
