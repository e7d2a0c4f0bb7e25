package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

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
// of reporting them as errors, so that they render back unchanged.
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
// every node. Problems come back as a Diagnostics error holding every
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
	s := newParseSettings(opts)
	if int64(len(data)) > s.maxBytes {
		return nil, Diagnostics{{
			Line: 1, Col: 1, Severity: SeverityError, Rule: "limit",
			Message: fmt.Sprintf("the document is %d bytes, more than the limit of %d", len(data), s.maxBytes),
		}}
	}
	p := newParser(data, s)
	p.run()
	if p.diags.HasErrors() || p.root == nil {
		p.diags.Sort()
		return nil, p.diags
	}
	p.diags.Sort()
	return &Document{Response: p.root, Positions: p.positions, Warnings: p.diags}, nil
}

// Parse parses data into a document. It is ParseDocument without the
// positions and warnings.
func Parse(data []byte, opts ...ParseOption) (*verbs.Response, error) {
	d, err := ParseDocument(data, opts...)
	if err != nil {
		return nil, err
	}
	return d.Response, nil
}

// Decode reads a whole document from r, at most the MaxBytes limit, and
// parses it.
func Decode(r io.Reader, opts ...ParseOption) (*verbs.Response, error) {
	if r == nil {
		return nil, errors.New("render: decode from a nil reader")
	}
	s := newParseSettings(opts)
	data, err := io.ReadAll(io.LimitReader(r, s.maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("render: reading the document: %w", err)
	}
	if int64(len(data)) > s.maxBytes {
		return nil, Diagnostics{{
			Line: 1, Col: 1, Severity: SeverityError, Rule: "limit",
			Message: fmt.Sprintf("the document is more than the limit of %d bytes", s.maxBytes),
		}}
	}
	return Parse(data, opts...)
}

// parser turns encoding/xml's raw token stream into a document. It keeps
// its own stack of open elements, so nesting costs no recursion.
type parser struct {
	data      []byte
	settings  parseSettings
	dec       *xml.Decoder
	stack     []*frame
	root      *verbs.Response
	sawRoot   bool
	positions Positions
	diags     Diagnostics
	elements  int
	tokens    int // tokens read so far
	fatal     bool

	// The position cursor: the byte offset whose line and column are known.
	curOff       int
	curLine      int
	curLineStart int
}

func newParser(data []byte, s parseSettings) *parser {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	return &parser{
		data:      data,
		settings:  s,
		dec:       dec,
		positions: make(Positions),
		curLine:   1,
	}
}

// run reads every token and builds the document.
func (p *parser) run() {
	if p.checkEncoding() {
		return
	}
	for !p.fatal {
		off := p.dec.InputOffset()
		tok, err := p.dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			p.syntaxError(err, off)
			return
		}
		pos := p.position(off)
		switch t := tok.(type) {
		case xml.StartElement:
			p.startElement(t, pos)
		case xml.EndElement:
			p.endElement(t, pos)
		case xml.CharData:
			p.charData(string(t), pos)
		case xml.Comment:
			p.comment(string(t), pos)
		case xml.ProcInst:
			p.procInst(t, off, pos)
		case xml.Directive:
			p.errorf(p.path(), pos, "dtd", "DTDs and other <!…> declarations are not allowed")
		}
		p.tokens++
	}
	if p.fatal {
		return
	}
	end := p.position(int64(len(p.data)))
	if len(p.stack) > 0 {
		top := p.stack[len(p.stack)-1]
		p.errorf(top.path, end, "syntax", fmt.Sprintf("unexpected end of input: <%s> is not closed", top.written))
		return
	}
	if !p.sawRoot {
		p.errorf("", end, "root", "no <Response> element: a document has exactly one root <Response>")
	}
}

// checkEncoding reports an XML declaration naming an encoding other than
// UTF-8, before encoding/xml would report it without a position.
func (p *parser) checkEncoding() bool {
	data := bytes.TrimPrefix(p.data, []byte("\uFEFF"))
	if !bytes.HasPrefix(data, []byte("<?xml")) || len(data) < 6 || !isXMLSpace(data[5]) {
		return false
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return false // a syntax error, reported by the decoder
	}
	enc := pseudoAttr(string(data[5:end]), "encoding")
	if enc == "" || strings.EqualFold(enc, "utf-8") {
		return false
	}
	p.errorf("", p.position(int64(len(p.data)-len(data))), "encoding",
		fmt.Sprintf("encoding %q is not supported: documents must be UTF-8", enc))
	return true
}

// pseudoAttr returns the value of the pseudo-attribute name in the content
// of an XML declaration, or "".
func pseudoAttr(content, name string) string {
	for {
		i := strings.Index(content, name)
		if i < 0 {
			return ""
		}
		rest := strings.TrimLeft(content[i+len(name):], " \t\r\n")
		content = content[i+len(name):]
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\r\n")
		if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
			return ""
		}
		q := rest[0]
		rest = rest[1:]
		if j := strings.IndexByte(rest, q); j >= 0 {
			return rest[:j]
		}
		return ""
	}
}

// syntaxError reports an error of the decoder and stops parsing.
func (p *parser) syntaxError(err error, off int64) {
	// The decoder stops just after the byte that failed.
	pos := p.position(max(p.dec.InputOffset()-1, off))
	msg := strings.TrimPrefix(err.Error(), "xml: ")
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg = se.Msg
		if se.Line != pos.Line {
			pos = Position{Line: se.Line, Col: 1}
		}
	} else {
		pos = p.position(off)
	}
	p.errorf(p.path(), pos, "syntax", msg)
	p.fatal = true
}

// procInst accepts the XML declaration at the very start of the document
// and refuses every other processing instruction.
func (p *parser) procInst(t xml.ProcInst, off int64, pos Position) {
	if t.Target == "xml" {
		if p.tokens == 0 && (off == 0 || (off == 3 && bytes.HasPrefix(p.data, []byte("\uFEFF")))) {
			return
		}
		if p.tokens == 1 && off == 3 && bytes.HasPrefix(p.data, []byte("\uFEFF")) {
			return // the byte-order mark came as a text token
		}
		p.errorf(p.path(), pos, "declaration", "the XML declaration must come first in the document")
		return
	}
	p.errorf(p.path(), pos, "processing-instruction",
		fmt.Sprintf("processing instruction <?%s?> is not allowed", t.Target))
}

// position returns the line and column of a byte offset. Offsets come in
// increasing order, so the cursor only moves forward; a smaller offset
// restarts from the beginning.
func (p *parser) position(off64 int64) Position {
	off := int(off64)
	if off > len(p.data) {
		off = len(p.data)
	}
	if off < p.curOff {
		p.curOff, p.curLine, p.curLineStart = 0, 1, 0
	}
	for i := p.curOff; i < off; i++ {
		if p.data[i] == '\n' {
			p.curLine++
			p.curLineStart = i + 1
		}
	}
	p.curOff = off
	return Position{Line: p.curLine, Col: off - p.curLineStart + 1}
}

// errorf records an error finding.
func (p *parser) errorf(path string, pos Position, rule, msg string) {
	p.diags = append(p.diags, Diagnostic{
		Path: path, Line: pos.Line, Col: pos.Col, Severity: SeverityError, Rule: rule, Message: msg,
	})
}

// warnf records a warning finding.
func (p *parser) warnf(path string, pos Position, rule, msg string) {
	p.diags = append(p.diags, Diagnostic{
		Path: path, Line: pos.Line, Col: pos.Col, Severity: SeverityWarning, Rule: rule, Message: msg,
	})
}

// path returns the path of the innermost open element, or "" outside the
// root.
func (p *parser) path() string {
	if len(p.stack) == 0 {
		return ""
	}
	return p.stack[len(p.stack)-1].path
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// onlySpace reports whether s holds nothing but XML white space.
func onlySpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isXMLSpace(s[i]) {
			return false
		}
	}
	return true
}

// trimSpace removes surrounding XML white space.
func trimSpace(s string) string { return strings.Trim(s, " \t\r\n") }
