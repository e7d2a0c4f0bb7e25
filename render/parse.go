package render

// STUB: replaced by the parser implementation.

import (
	"errors"
	"io"

	"github.com/opentact-go/opentact/verbs"
)

// ParseOption configures Parse, ParseDocument and Decode.
type ParseOption func(*parseSettings)

type parseSettings struct {
	lenient     bool
	maxBytes    int64
	maxDepth    int
	maxElements int
}

// Lenient keeps unknown elements and attributes as raw nodes instead of
// reporting them as errors.
func Lenient() ParseOption { return func(s *parseSettings) { s.lenient = true } }

// MaxBytes limits the size of the input (default 1 MiB).
func MaxBytes(n int64) ParseOption { return func(s *parseSettings) { s.maxBytes = n } }

// MaxDepth limits the nesting depth of elements (default 64).
func MaxDepth(n int) ParseOption { return func(s *parseSettings) { s.maxDepth = n } }

// MaxElements limits the number of elements (default 10,000).
func MaxElements(n int) ParseOption { return func(s *parseSettings) { s.maxElements = n } }

// ParseDocument parses data into a Document that records the position of
// every node. Problems come back as Diagnostics with line and column.
func ParseDocument(data []byte, opts ...ParseOption) (*Document, error) {
	return nil, errors.New("render: parser not implemented")
}

// Parse parses data into a document.
func Parse(data []byte, opts ...ParseOption) (*verbs.Response, error) {
	d, err := ParseDocument(data, opts...)
	if err != nil {
		return nil, err
	}
	return d.Response, nil
}

// Decode reads a whole document from r and parses it.
func Decode(r io.Reader, opts ...ParseOption) (*verbs.Response, error) {
	return nil, errors.New("render: parser not implemented")
}
