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

// parser turns encoding/xml's raw token stream into a document. It keeps
// its own stack of open elements, so nesting costs no recursion.
type parser struct {
	data      []byte
	settings  parseSettings
	rd        bytes.Reader // the decoder's input
	dec       *xml.Decoder
	stack     []*frame
	free      []*frame     // closed frames, for reuse
	kids      []verbs.Node // the children of the open elements, innermost last
	root      *verbs.Response
	sawRoot   bool
	positions Positions // nil when the positions are not wanted
	diags     Diagnostics
	elements  int
	tokens    int // tokens read so far
	fatal     bool
	hasCR     bool // data holds a CR: lines may end in CR or CRLF as well as LF

	// The position cursor: the byte offset whose line and column are known.
	curOff       int
	curLine      int
	curLineStart int

	// The first frames, allocated with the parser.
	stackBuf [8]*frame
	freeBuf  [8]*frame
	kidsBuf  [16]verbs.Node
}

// newParser returns a parser of data reading encoding/xml's strict token
// stream: no entity map beyond the predefined entities, no charset reader.
// It records the position of every node when withPositions is set.
func newParser(data []byte, s parseSettings, withPositions bool) *parser {
	p := &parser{data: data, settings: s, curLine: 1, hasCR: bytes.IndexByte(data, '\r') >= 0}
	p.stack = p.stackBuf[:0]
	p.free = p.freeBuf[:0]
	p.kids = p.kidsBuf[:0]
	p.rd.Reset(data)
	p.dec = xml.NewDecoder(&p.rd)
	p.dec.Strict = true
	if withPositions {
		p.positions = make(Positions, positionsHint(data, s.maxElements))
	}
	return p
}

// positionsHint estimates the number of nodes of data from its start tags
// and comments, for sizing the positions map; the estimate is capped, so a
// large document grows its map as it goes.
func positionsHint(data []byte, maxElements int) int {
	n := bytes.Count(data, []byte("<")) - bytes.Count(data, []byte("</"))
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
			p.charData(t, pos)
		case xml.Comment:
			p.comment(string(t), pos)
		case xml.ProcInst:
			p.procInst(t, off, pos)
		case xml.Directive:
			p.addError(p.path(), pos, "dtd", "DTDs and other <!…> declarations are not allowed")
		}
		switch tok.(type) {
		case xml.StartElement, xml.CharData:
			if p.checkRaw(int(off), int(p.dec.InputOffset())) {
				return
			}
		}
		p.tokens++
	}
	if p.fatal {
		return
	}
	end := p.position(int64(len(p.data)))
	if len(p.stack) > 0 {
		top := p.stack[len(p.stack)-1]
		p.addError(top.path(), end, "syntax", fmt.Sprintf("unexpected end of input: <%s> is not closed", top.written))
		return
	}
	if !p.sawRoot {
		p.addError("/", end, "root", "no <Response> element: a document has exactly one root <Response>")
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
		if off >= 0 && off < int64(len(p.data)) && p.reportEncoding(int(off)) {
			p.fatal = true
			return
		}
		pos = p.position(off)
	}
	p.addError(p.path(), pos, "syntax", msg)
	p.fatal = true
}

// position returns the line and column of a byte offset. Offsets come in
// increasing order, so the cursor only moves forward; a smaller offset
// restarts from the beginning.
func (p *parser) position(off64 int64) Position {
	off := int(min(max(off64, 0), int64(len(p.data))))
	if off < p.curOff {
		p.curOff, p.curLine, p.curLineStart = 0, 1, 0
	}
	for i := p.curOff; i < off; {
		var j int
		if p.hasCR {
			j = bytes.IndexAny(p.data[i:off], "\r\n")
		} else {
			j = bytes.IndexByte(p.data[i:off], '\n')
		}
		if j < 0 {
			break
		}
		i += j + 1
		if p.data[i-1] == '\r' && i < len(p.data) && p.data[i] == '\n' {
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
