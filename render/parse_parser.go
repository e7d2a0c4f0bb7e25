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
	fatal     bool
	hasCR     bool // src holds a CR: lines may end in CR or CRLF as well as LF

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

// position returns the line and column of a byte offset. Offsets come in
// increasing order, so the cursor only moves forward; a smaller offset
// restarts from the beginning.
func (p *parser) position(off int) Position {
	off = min(max(off, 0), len(p.src))
	if off < p.curOff {
		p.curOff, p.curLine, p.curLineStart = 0, 1, 0
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

// addError records an error finding.
func (p *parser) addError(path string, pos Position, rule, msg string) {
	p.diags = append(p.diags, Diagnostic{
		Path: path, Line: pos.Line, Col: pos.Col, Severity: SeverityError, Rule: rule, Message: msg,
	})
}

// addWarning records a warning finding.
func (p *parser) addWarning(path string, pos Position, rule, msg string) {
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
