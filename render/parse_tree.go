package render

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/opentact-go/opentact/verbs"
)

// frame is an open element of the document being parsed.
type frame struct {
	node    verbs.Node // nil while skipping a subtree
	written string     // the name as written, matched against the end tag
	name    string     // the canonical name (as written for raw elements)
	parent  *frame
	seg     string // the last step of the path: Name[n], or Response
	pos     Position
	counts  map[string]int // same-named children seen so far
	skip    bool           // the subtree is skipped after an error

	text     strings.Builder // the text content of a text element
	sawText  bool
	textErr  bool   // unexpected text already reported
	textAttr string // the attribute that gave the text (Say text, Play url)
	// rawText is the text node of a raw element that text goes to until
	// the next element or comment.
	rawText *verbs.RawText
}

// flushText stores the text gathered for the open text node of a raw
// element.
func (f *frame) flushText() {
	if f.rawText != nil {
		f.rawText.Text = f.text.String()
		f.text.Reset()
		f.rawText = nil
	}
}

// child counts the next child named name and returns the last step of its
// path, name[n].
func (f *frame) child(name string) string {
	if f.counts == nil {
		f.counts = make(map[string]int)
	}
	f.counts[name]++
	return name + "[" + strconv.Itoa(f.counts[name]) + "]"
}

// path returns the XPath-style path of the element. It is built only for a
// finding: the paths of deeply nested elements are long.
func (f *frame) path() string {
	n := 0
	for g := f; g != nil; g = g.parent {
		n += 1 + len(g.seg)
	}
	b := make([]byte, n)
	for g := f; g != nil; g = g.parent {
		n -= len(g.seg)
		copy(b[n:], g.seg)
		n--
		b[n] = '/'
	}
	return string(b)
}

// unknownElement describes an element the language does not have,
// suggesting a close one.
func unknownElement(n xml.Name) string {
	written := qualified(n)
	msg := fmt.Sprintf("unknown element <%s>", written)
	s := ""
	if _, known := verbs.LookupElement(n.Local); known && n.Space != "" {
		s = n.Local // the element of the language under a name-space prefix
	} else {
		s = suggest(written, verbs.ElementNames())
	}
	if s != "" {
		msg += fmt.Sprintf("; did you mean <%s>?", s)
	}
	return msg
}

// qualified returns an XML name as written, prefix included.
func qualified(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// push opens an element.
func (p *parser) push(f *frame) { p.stack = append(p.stack, f) }

// skipElement opens an element whose subtree is ignored after an error.
func (p *parser) skipElement(written string, parent *frame, seg string) {
	p.push(&frame{written: written, parent: parent, seg: seg, skip: true})
}

// startElement opens an element: checks the limits, the name and its
// place, reads its attributes and adds its node to the parent.
func (p *parser) startElement(t xml.StartElement, pos Position) {
	written := qualified(t.Name)
	p.elements++
	if p.elements > p.settings.maxElements {
		p.addError(p.path(), pos, "limit", fmt.Sprintf("more than %d elements (the MaxElements limit)", p.settings.maxElements))
		p.fatal = true
		return
	}
	if len(p.stack)+1 > p.settings.maxDepth {
		p.addError(p.path(), pos, "limit", fmt.Sprintf("elements nested deeper than %d levels (the MaxDepth limit)", p.settings.maxDepth))
		p.fatal = true
		return
	}
	if len(p.stack) == 0 {
		p.startRoot(t, written, pos)
		return
	}
	parent := p.stack[len(p.stack)-1]
	parent.flushText()
	if parent.skip {
		p.skipElement(written, parent, parent.child(written))
		return
	}
	if raw, ok := parent.node.(*verbs.RawElement); ok {
		p.startRaw(parent, raw, t, written, pos)
		return
	}
	var spec verbs.ElementSpec
	known := false
	if t.Name.Space == "" {
		spec, known = verbs.LookupElement(written)
	}
	if !known {
		if !p.settings.lenient {
			seg := parent.child(written)
			p.addError(parent.path()+"/"+seg, pos, "unknown-element", unknownElement(t.Name))
			p.skipElement(written, parent, seg)
			return
		}
		p.startRaw(parent, parent.node, t, written, pos)
		return
	}
	node := spec.New()
	if !appendChild(parent.node, node) {
		seg := parent.child(spec.Name)
		p.addError(parent.path()+"/"+seg, pos, "placement", misplaced(spec.Name, parent, node))
		p.skipElement(written, parent, seg)
		return
	}
	f := &frame{node: node, written: written, name: spec.Name, parent: parent, seg: parent.child(spec.Name), pos: pos}
	p.positions[node] = pos
	p.attrs(f, spec, t.Attr)
	p.push(f)
}

// startRoot opens the root element, which must be <Response>.
func (p *parser) startRoot(t xml.StartElement, written string, pos Position) {
	if p.sawRoot {
		p.addError("/"+written, pos, "root",
			fmt.Sprintf("a second root element <%s>: a document has exactly one root <Response>", written))
		p.skipElement(written, nil, written)
		return
	}
	p.sawRoot = true
	if written != "Response" {
		p.addError("/"+written, pos, "root", fmt.Sprintf("the root element is <%s>; it must be <Response>", written))
		p.skipElement(written, nil, written)
		return
	}
	r := new(verbs.Response)
	spec, _ := verbs.LookupElement("Response")
	f := &frame{node: r, written: written, name: "Response", seg: "Response", pos: pos}
	p.root = r
	p.positions[r] = pos
	p.attrs(f, spec, t.Attr)
	p.push(f)
}

// startRaw opens an element kept as a RawElement: an unknown element in
// lenient mode, or any element inside one.
func (p *parser) startRaw(parent *frame, into verbs.Node, t xml.StartElement, written string, pos Position) {
	seg := parent.child(written)
	raw := &verbs.RawElement{Name: written}
	if !appendChild(into, raw) {
		p.addError(parent.path()+"/"+seg, pos, "placement", misplaced(written, parent, raw))
		p.skipElement(written, parent, seg)
		return
	}
	f := &frame{node: raw, written: written, name: written, parent: parent, seg: seg, pos: pos}
	p.positions[raw] = pos
	raw.Attrs = p.rawAttrs(f, t.Attr)
	p.push(f)
}

// endElement closes the innermost element, which must have the same name.
func (p *parser) endElement(t xml.EndElement, pos Position) {
	written := qualified(t.Name)
	if len(p.stack) == 0 {
		p.addError("/", pos, "syntax", fmt.Sprintf("unexpected end tag </%s>", written))
		p.fatal = true
		return
	}
	f := p.stack[len(p.stack)-1]
	if written != f.written {
		p.addError(f.path(), pos, "syntax", fmt.Sprintf("element <%s> closed by </%s>", f.written, written))
		p.fatal = true
		return
	}
	p.stack[len(p.stack)-1] = nil
	p.stack = p.stack[:len(p.stack)-1]
	f.flushText()
	if !f.skip {
		p.finish(f)
	}
}
