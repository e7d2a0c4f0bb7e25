package render

// STUB: replaced by the writer implementation.

import (
	"errors"
	"io"

	"github.com/opentact-go/opentact/verbs"
)

// Option configures Marshal, Encode and Append.
type Option func(*writeSettings)

type writeSettings struct {
	compact bool
}

// Compact writes no white space between elements instead of the default
// two-space indented layout.
func Compact() Option {
	return func(s *writeSettings) { s.compact = true }
}

// Marshal validates r and returns its canonical XML. Warnings do not block
// rendering; an error returns the Diagnostics and no bytes.
func Marshal(r *verbs.Response, opts ...Option) ([]byte, error) {
	return nil, errors.New("render: writer not implemented")
}

// Encode validates r and writes its canonical XML to w.
func Encode(w io.Writer, r *verbs.Response, opts ...Option) error {
	return errors.New("render: writer not implemented")
}

// Append writes the canonical XML of r to the end of dst without
// validating it, and returns the extended buffer. It fails only on content
// that cannot be written as well-formed XML. It allocates nothing when dst
// has room.
func Append(dst []byte, r *verbs.Response, opts ...Option) ([]byte, error) {
	return dst, errors.New("render: writer not implemented")
}
