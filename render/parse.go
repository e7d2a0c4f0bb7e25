package render

import (
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/opentact-go/opentact/verbs"
)

// The default limits of the parser.
const (
	defaultMaxBytes    = 1 << 20
	defaultMaxDepth    = 64
	defaultMaxElements = 10000
)

// ParseOption configures Parse, ParseDocument and Decode.
type ParseOption func(*parseSettings)

type parseSettings struct {
	lenient     bool
	maxBytes    int64
	maxDepth    int
	maxElements int
}

// Lenient keeps unknown elements (with their whole subtree) as
// verbs.RawElement nodes and unknown attributes as Extra attributes instead
// of reporting them as errors, so that they render back unchanged; each kept
// one is a warning (Document.Warnings, and `opentact check -lenient -strict`
// fails on it). Known
// elements are still checked: one in a place the language forbids, a bad
// value or a conflicting alias remains an error.
func Lenient() ParseOption { return func(s *parseSettings) { s.lenient = true } }

// MaxBytes limits the size of the input (default 1 MiB). A limit of zero
// or less keeps the default.
func MaxBytes(n int64) ParseOption { return func(s *parseSettings) { s.maxBytes = n } }

// MaxDepth limits the nesting depth of elements, the root <Response> being
// depth 1 (default 64). A limit of zero or less keeps the default.
func MaxDepth(n int) ParseOption { return func(s *parseSettings) { s.maxDepth = n } }

// MaxElements limits the number of elements (default 10,000). A limit of
// zero or less keeps the default.
func MaxElements(n int) ParseOption { return func(s *parseSettings) { s.maxElements = n } }

// newParseSettings applies opts over the defaults.
func newParseSettings(opts []ParseOption) parseSettings {
	var s parseSettings
	for _, o := range opts {
		if o != nil {
			o(&s)
		}
	}
	if s.maxBytes <= 0 {
		s.maxBytes = defaultMaxBytes
	}
	if s.maxDepth <= 0 {
		s.maxDepth = defaultMaxDepth
	}
	if s.maxElements <= 0 {
		s.maxElements = defaultMaxElements
	}
	return s
}

// ParseDocument parses data into a Document that records the position of
// every node (lines and columns are 1-based; columns count bytes, as in
// go/token). Problems come back as a Diagnostics error holding every
// finding with its path, line and column; the parser's warnings about an
// accepted document are in Document.Warnings.
//
// The document must be UTF-8 with exactly one root <Response>; the XML
// declaration is optional. DTDs, processing instructions and entities other
// than the predefined ones are refused. Aliases of the language (the Say
// text attribute, the Play url attribute, Gather length, Error say, Tone
// volume, <callback>, <Scheduler>, lowercase methods) are read into the
// canonical form.
func ParseDocument(data []byte, opts ...ParseOption) (*Document, error) {
	r, err := parse(data, opts, true)
	if err != nil {
		return nil, err
	}
	return &Document{Response: r.root, Positions: r.positions, Warnings: r.diags}, nil
}

// Parse parses data into a document. It is ParseDocument without the
// positions and warnings.
func Parse(data []byte, opts ...ParseOption) (*verbs.Response, error) {
	r, err := parse(data, opts, false)
	if err != nil {
		return nil, err
	}
	return r.root, nil
}

// parsed is what parse returns of an accepted document.
type parsed struct {
	root      *verbs.Response
	positions Positions
	diags     Diagnostics
}

// parse runs a parser over data and returns the document, or the findings
// when it is refused. The positions of the nodes are recorded only when
// withPositions is set; the findings carry their own.
func parse(data []byte, opts []ParseOption, withPositions bool) (parsed, error) {
	s := newParseSettings(opts)
	if int64(len(data)) > s.maxBytes {
		return parsed{}, Diagnostics{{
			Path: "/", Line: 1, Col: 1, Severity: SeverityError, Rule: "limit",
			Message: fmt.Sprintf("the document is more than the MaxBytes limit of %d bytes", s.maxBytes),
		}}
	}
	p := newParser(string(data), s, withPositions)
	p.run()
	r := parsed{root: p.root, positions: p.positions, diags: p.diags}
	p.recycle()
	r.diags.Sort()
	if r.diags.HasErrors() || r.root == nil {
		return parsed{}, r.diags
	}
	return r, nil
}

// Decode reads a whole document from r, at most the MaxBytes limit, and
// parses it.
func Decode(r io.Reader, opts ...ParseOption) (*verbs.Response, error) {
	if r == nil {
		return nil, errors.New("render: decode from a nil reader")
	}
	s := newParseSettings(opts)
	limit := s.maxBytes
	if limit < math.MaxInt64 {
		limit++ // one byte more tells a document over the limit
	}
	data, err := io.ReadAll(io.LimitReader(r, limit))
	if err != nil {
		return nil, fmt.Errorf("render: reading the document: %w", err)
	}
	if int64(len(data)) > s.maxBytes {
		return nil, Diagnostics{{
			Path: "/", Line: 1, Col: 1, Severity: SeverityError, Rule: "limit",
			Message: fmt.Sprintf("the document is more than the MaxBytes limit of %d bytes", s.maxBytes),
		}}
	}
	return Parse(data, opts...)
}
