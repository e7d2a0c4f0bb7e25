package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/opentact-go/opentact/internal/textdiff"
	"github.com/opentact-go/opentact/render"
)

func runFmt(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fmt", flag.ContinueOnError)
	fs.SetOutput(stderr)
	write := fs.Bool("w", false, "write the result to the file instead of standard output")
	diff := fs.Bool("d", false, "print a diff instead of the formatted document")
	compact := fs.Bool("compact", false, "use the compact layout")
	lenient := fs.Bool("lenient", false, "keep unknown elements and attributes instead of reporting them")
	if err := fs.Parse(args); err != nil {
		return exitUsageErr
	}
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, "opentact fmt: no files\n", usage)
		return exitUsageErr
	}
	var popts []render.ParseOption
	if *lenient {
		popts = append(popts, render.Lenient())
	}
	var wopts []render.Option
	if *compact {
		wopts = append(wopts, render.Compact())
	}
	code := exitOK
	for _, name := range fs.Args() {
		if *write && name == "-" {
			fmt.Fprintln(stderr, "opentact fmt: cannot use -w with standard input")
			return exitUsageErr
		}
		data, err := readInput(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "opentact fmt: %v\n", err)
			code = exitUsageErr
			continue
		}
		out, ds := format(data, popts, wopts)
		if ds != nil {
			for _, d := range ds {
				fmt.Fprintln(stderr, newFinding(name, d))
			}
			code = max(code, exitProblem)
			continue
		}
		switch {
		case *diff:
			fmt.Fprint(stdout, textdiff.Unified(name+".orig", name, data, out))
		case *write:
			if !bytes.Equal(data, out) {
				if err := writeFileAtomic(name, out); err != nil {
					fmt.Fprintf(stderr, "opentact fmt: %v\n", err)
					code = exitUsageErr
				}
			}
		default:
			stdout.Write(out)
		}
	}
	return code
}

// format parses data, which need not be valid, and returns its canonical
// form, or the findings that stop it from parsing.
func format(data []byte, popts []render.ParseOption, wopts []render.Option) ([]byte, render.Diagnostics) {
	r, err := render.Parse(data, popts...)
	if err != nil {
		return nil, asDiagnostics(err)
	}
	out, err := render.Append(nil, r, wopts...)
	if err != nil {
		return nil, asDiagnostics(err)
	}
	return out, nil
}

// writeFileAtomic replaces the file name with data through a temporary file
// in the same directory, keeping the file's permissions.
func writeFileAtomic(name string, data []byte) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
