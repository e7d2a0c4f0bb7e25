package render

import (
	"fmt"
	"strings"

	"github.com/opentact-go/opentact/verbs"
)

// parser turns the scanner's tokens into a document. It keeps its own
// stack of open elements, so nesting costs no recursion.
type parser struct {
	src       string
	settings  parseSettings
	sc        scanner
	stack     []*frame
	free      []*frame     // closed frames, for reuse
	kids      []verbs.Node // the children of the open elements, innermost last
	root      *verbs.Response
	sawRoot   bool
	positions Positions // nil when the positions are not wanted
	diags     Diagnostics
	elements  int
	errors    int // error findings so far
	warnings  int // warnings so far
	fatal     bool
	hasCR     bool // src holds a CR: lines may end in CR or CRLF as well as LF
	bom       int  // the length of the byte-order mark, which has no column

	// The position cursor: the byte offset whose line and column are known.
	curOff       int
	curLine      int
	curLineStart int

	// The first frames, allocated with the parser.
	stackBuf [8]*frame
	freeBuf  [8]*frame
	kidsBuf  [16]verbs.Node
}

// newParser returns a parser of src. It records the position of every
// node when withPositions is set.
func newParser(src string, s parseSettings, withPositions bool) *parser {
	p := &parser{src: src, settings: s, curLine: 1, hasCR: strings.IndexByte(src, '\r') >= 0}
	p.stack = p.stackBuf[:0]
	p.free = p.freeBuf[:0]
	p.kids = p.kidsBuf[:0]
	p.sc.src = src
	if strings.HasPrefix(src, "\uFEFF") {
		p.bom = len("\uFEFF")
		p.curLineStart = p.bom
	}
	p.sc.prolog()
	if withPositions {
		p.positions = make(Positions, positionsHint(src, s.maxElements))
	}
	return p
}

// positionsHint estimates the number of nodes of src from its start tags
// and comments, for sizing the positions map; the estimate is capped, so a
// large document grows its map as it goes.
func positionsHint(src string, maxElements int) int {
	n := strings.Count(src, "<") - strings.Count(src, "</")
	return max(min(n, maxElements+1, 1024), 0)
}

// setPosition records the position of a node.
func (p *parser) setPosition(n verbs.Node, pos Position) {
	if p.positions != nil {
		p.positions[n] = pos
	}
}

// run reads every token and builds the document.
func (p *parser) run() {
	sc := &p.sc
	for !p.fatal && sc.next() {
		t := &sc.tok
		pos := p.position(t.off)
		switch t.kind {
		case tokStart:
			p.startElement(t, pos)
		case tokEnd:
			p.endElement()
		case tokText:
			p.charData(t, pos)
		case tokComment:
			p.comment(t.text, pos)
		case tokPI:
			p.addError(p.path(), pos, "processing-instruction",
				fmt.Sprintf("processing instruction <?%s?> is not allowed", t.name))
		case tokDoctype:
			p.addError(p.path(), pos, "dtd", "DTDs and other <!…> declarations are not allowed")
		}
	}
	if p.fatal {
		return
	}
	if e := sc.err; e != nil {
		p.addError(p.path(), p.position(e.off), e.rule, e.msg)
		return
	}
	if !p.sawRoot {
		p.addError("/", p.position(len(p.src)), "root", "no <Response> element: a document has exactly one root <Response>")
	}
}

// position returns the line and column of a byte offset; the columns of
// the first line start after a byte-order mark. Offsets come in
// increasing order, so the cursor only moves forward; a smaller offset
// restarts from the beginning.
func (p *parser) position(off int) Position {
	off = min(max(off, 0), len(p.src))
	if off < p.curOff {
		p.curOff, p.curLine, p.curLineStart = 0, 1, p.bom
	}
	for i := p.curOff; i < off; {
		var j int
		if p.hasCR {
			j = strings.IndexAny(p.src[i:off], "\r\n")
		} else {
			j = strings.IndexByte(p.src[i:off], '\n')
		}
		if j < 0 {
			break
		}
		i += j + 1
		if p.src[i-1] == '\r' && i < len(p.src) && p.src[i] == '\n' {
			i++ // CRLF is one line end
		}
		p.curLine++
		p.curLineStart = i
	}
	// A position inside a CRLF (at its LF) is the first column of the line
	// the CRLF starts.
	p.curOff = max(off, p.curLineStart)
	return Position{Line: p.curLine, Col: max(off-p.curLineStart, 0) + 1}
}

// After maxParseErrors errors the parser stops, and after maxParseWarnings
// warnings it reports no more: a hostile document cannot make it build a
// finding for each of its hundreds of thousands of attributes.
const (
	maxParseErrors   = 100
	maxParseWarnings = 1000
)

// addError records an error finding, and stops the parser with a last
// one when there are too many.
func (p *parser) addError(path string, pos Position, rule, msg string) {
	if p.fatal {
		return
	}
	p.diags = append(p.diags, Diagnostic{
		Path: path, Line: pos.Line, Col: pos.Col, Severity: SeverityError, Rule: rule, Message: msg,
	})
	if p.errors++; p.errors == maxParseErrors {
		p.diags = append(p.diags, Diagnostic{
			Path: path, Line: pos.Line, Col: pos.Col, Severity: SeverityError, Rule: "limit",
			Message: fmt.Sprintf("%d errors: the rest of the document is not read", maxParseErrors),
		})
		p.fatal = true
	}
}

// addWarning records a warning finding, the last one allowed saying that
// no more are reported.
func (p *parser) addWarning(path string, pos Position, rule, msg string) {
	if p.warnings++; p.warnings > maxParseWarnings {
		return
	}
	if p.warnings == maxParseWarnings {
		rule, msg = "limit", fmt.Sprintf("%d warnings: no more are reported", maxParseWarnings)
	}
	p.diags = append(p.diags, Diagnostic{
		Path: path, Line: pos.Line, Col: pos.Col, Severity: SeverityWarning, Rule: rule, Message: msg,
	})
}

// path returns the path of the innermost open element, or "/" outside the
// root.
func (p *parser) path() string {
	if len(p.stack) == 0 {
		return "/"
	}
	return p.stack[len(p.stack)-1].path()
}
