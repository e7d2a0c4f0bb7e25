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
	path    string
	pos     Position
	counts  map[string]int // same-named children seen so far
	skip    bool           // the subtree is skipped after an error

	text     strings.Builder // the text content of a text element
	sawText  bool
	textErr  bool   // unexpected text already reported
	textAttr string // the attribute that gave the text (Say text, Play url)
}

// child returns the path of the next child named name and counts it.
func (f *frame) child(name string) string {
	if f.counts == nil {
		f.counts = make(map[string]int)
	}
	f.counts[name]++
	return f.path + "/" + name + "[" + strconv.Itoa(f.counts[name]) + "]"
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
func (p *parser) skipElement(written, path string) {
	p.push(&frame{written: written, path: path, skip: true})
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
	if parent.skip {
		p.skipElement(written, parent.child(written))
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
			path := parent.child(written)
			p.addError(path, pos, "unknown-element", unknownElement(t.Name))
			p.skipElement(written, path)
			return
		}
		p.startRaw(parent, parent.node, t, written, pos)
		return
	}
	node := spec.New()
	if !appendChild(parent.node, node) {
		path := parent.child(spec.Name)
		p.addError(path, pos, "placement", misplaced(spec.Name, parent, node))
		p.skipElement(written, path)
		return
	}
	f := &frame{node: node, written: written, name: spec.Name, path: parent.child(spec.Name), pos: pos}
	p.positions[node] = pos
	p.attrs(f, spec, t.Attr)
	p.push(f)
}

// startRoot opens the root element, which must be <Response>.
func (p *parser) startRoot(t xml.StartElement, written string, pos Position) {
	if p.sawRoot {
		p.addError("/"+written, pos, "root",
			fmt.Sprintf("a second root element <%s>: a document has exactly one root <Response>", written))
		p.skipElement(written, "/"+written)
		return
	}
	p.sawRoot = true
	if written != "Response" {
		p.addError("/"+written, pos, "root", fmt.Sprintf("the root element is <%s>; it must be <Response>", written))
		p.skipElement(written, "/"+written)
		return
	}
	r := new(verbs.Response)
	spec, _ := verbs.LookupElement("Response")
	f := &frame{node: r, written: written, name: "Response", path: "/Response", pos: pos}
	p.root = r
	p.positions[r] = pos
	p.attrs(f, spec, t.Attr)
	p.push(f)
}

// startRaw opens an element kept as a RawElement: an unknown element in
// lenient mode, or any element inside one.
func (p *parser) startRaw(parent *frame, into verbs.Node, t xml.StartElement, written string, pos Position) {
	path := parent.child(written)
	raw := &verbs.RawElement{Name: written}
	if !appendChild(into, raw) {
		p.addError(path, pos, "placement", misplaced(written, parent, raw))
		p.skipElement(written, path)
		return
	}
	f := &frame{node: raw, written: written, name: written, path: path, pos: pos}
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
		p.addError(f.path, pos, "syntax", fmt.Sprintf("element <%s> closed by </%s>", f.written, written))
		p.fatal = true
		return
	}
	p.stack[len(p.stack)-1] = nil
	p.stack = p.stack[:len(p.stack)-1]
	if !f.skip {
		p.finish(f)
	}
}
