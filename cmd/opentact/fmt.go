package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/opentact-go/opentact/internal/legacy"
	"github.com/opentact-go/opentact/internal/textdiff"
	"github.com/opentact-go/opentact/render"
)

func runFmt(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("fmt", stderr)
	write := fs.Bool("w", false, "write the result to the file instead of standard output")
	diff := fs.Bool("d", false, "print a diff instead of the formatted document")
	compact := fs.Bool("compact", false, "use the compact layout")
	lenient := fs.Bool("lenient", false, "keep unknown elements and attributes instead of reporting them")
	modernize := fs.Bool("modernize", false, "rewrite the legacy dialect into the current one where the spec gives the mapping; what cannot be converted is reported on stderr and kept")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, "opentact fmt: no files\n", usageText())
		return exitUsageErr
	}
	if stdinTwice(fs.Args()) {
		fmt.Fprintln(stderr, `opentact fmt: standard input ("-") given more than once`)
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
	for _, name := range expandPaths(fs.Args()) {
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
		out, ds := format(data, popts, wopts, *modernize, func(d render.Diagnostic) {
			fmt.Fprintln(stderr, newFinding(name, d))
		})
		if ds != nil {
			for _, d := range ds {
				fmt.Fprintln(stderr, newFinding(name, d))
			}
			code = max(code, exitProblem)
			continue
		}
		// -d and -w go together, as with gofmt: the diff, then the file.
		switch {
		case *diff:
			_, err = io.WriteString(stdout, textdiff.Unified(name+".orig", name, data, out))
		case !*write:
			_, err = stdout.Write(out)
		}
		if err != nil {
			fmt.Fprintf(stderr, "opentact fmt: %v\n", err)
			return exitUsageErr
		}
		if *write && !bytes.Equal(data, out) {
			if err := writeFileAtomic(name, out); err != nil {
				fmt.Fprintf(stderr, "opentact fmt: %v\n", err)
				code = exitUsageErr
			}
		}
	}
	return code
}

// format parses data, which need not be valid, and returns its canonical
// form, or the findings that stop it from parsing. With modernize the
// legacy dialect is rewritten first, and report gets what was left as it
// was.
func format(data []byte, popts []render.ParseOption, wopts []render.Option, modernize bool, report func(render.Diagnostic)) ([]byte, render.Diagnostics) {
	doc, err := render.ParseDocument(data, popts...)
	if err != nil {
		return nil, asDiagnostics(err)
	}
	r := doc.Response
	if modernize {
		for _, d := range legacy.Modernize(r, doc.Positions) {
			report(d)
		}
	}
	out, err := render.Append(nil, r, wopts...)
	if err != nil {
		return nil, asDiagnostics(err)
	}
	// Indentation can make a deep document many times its size: a form
	// that check and fmt would refuse to read back is not written.
	if limit := maxInput - 1; len(out) > limit {
		return nil, render.Diagnostics{{Severity: render.SeverityError, Rule: "limit", Message: fmt.Sprintf(
			"the canonical form is %d bytes, more than the MaxBytes limit of %d bytes that check and fmt read; -compact writes no indentation", len(out), limit)}}
	}
	return out, nil
}

// writeFile writes data to the file name atomically, creating it (mode
// 0644 before the umask) or replacing it with its permissions kept.
func writeFile(name string, data []byte) error {
	if _, err := os.Stat(name); errors.Is(err, os.ErrNotExist) {
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return writeFileAtomic(name, data)
}

// writeFileAtomic replaces the file name with data through a temporary file
// in the same directory, keeping the file's permissions and, where the user
// may, its owner and group. A symbolic link is written through: the file it
// names is replaced and the link kept. A file that is read-only, or that the
// user may not write, is left as it is.
func writeFileAtomic(name string, data []byte) error {
	if target, err := filepath.EvalSymlinks(name); err == nil {
		name = target
	}
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	if info.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("%s is read-only", name)
	}
	// Replacing the file takes only the right to write its directory;
	// ask for the right to write the file itself, as writing in place would.
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	f.Close()
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	keepOwner(tmp, info)
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
