package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// maxInput is the most the commands read of one document: one byte more
// than render's default MaxBytes limit (1 MiB), so that a larger document
// is still refused by the parser with its "limit" finding while the CLI
// never holds more than this in memory, whatever arrives on standard input.
const maxInput = 1<<20 + 1

// readInput reads the named file, or standard input for "-", stopping
// after maxInput bytes.
func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return readLimited(stdin)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := readLimited(f)
	var pathErr *fs.PathError
	if err != nil && !errors.As(err, &pathErr) { // a PathError names the file already
		err = fmt.Errorf("read %s: %w", name, err)
	}
	if err != nil {
		return nil, err
	}
	return data, nil
}

// readLimited reads r to its end or to maxInput bytes, whichever is first.
func readLimited(r io.Reader) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, maxInput))
}
