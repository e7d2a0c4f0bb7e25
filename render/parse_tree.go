package render

import (
	"fmt"
	"strconv"
	"strings"

	table "github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/verbs"
)

// frame is an open element of the document being parsed. Closed frames
// are reused for the next elements.
type frame struct {
	node    verbs.Node // nil while skipping a subtree
	written string     // the name as written, matched against the end tag
	name    string     // the canonical name (as written for raw elements)
	parent  *frame
	seg     step // the last step of the path: Name[n], or Response
	pos     Position
	skip    bool // the subtree is skipped after an error
	kids    int  // where the children of node start in parser.kids

	// counts counts the same-named children seen so far, in countBuf
	// while they fit; countMap takes over when there are many names.
	counts   []childCount
	countBuf [4]childCount
	countMap map[string]int

	// The text content of a text element: text holds the first piece,
	// more the whole text once a second piece comes.
	text     string
	more     strings.Builder
	sawText  bool
	textErr  bool   // unexpected text already reported
	textAttr string // the attribute that gave the text (Say text, Play url)
	// rawText is the text node of a raw element that text goes to until
	// the next element or comment.
	rawText *verbs.RawText
}

// step is the last step of the path of an element: its name and its
// 1-based position among its same-named siblings, or only its name when n
// is 0 (a root element).
type step struct {
	name string
	n    int
}

// String returns the step as written in a path: name[n], or name.
func (s step) String() string { return string(s.append(nil)) }

// append appends the step as written in a path to b.
func (s step) append(b []byte) []byte {
	b = append(b, s.name...)
	if s.n == 0 {
		return b
	}
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(s.n), 10)
	return append(b, ']')
}

// childCount is the number of children of one name seen so far.
type childCount struct {
	name string
	n    int
}

// maxCountList is the number of child names counted in a list; more
// move the counts to a map.
const maxCountList = 16

// newFrame returns an empty frame, reusing a closed one when it can. Its
// children start at the end of parser.kids.
func (p *parser) newFrame() *frame {
	var f *frame
	if n := len(p.free); n > 0 {
		f = p.free[n-1]
		p.free[n-1] = nil
		p.free = p.free[:n-1]
	} else {
		f = new(frame)
		f.counts = f.countBuf[:0]
	}
	f.kids = len(p.kids)
	return f
}

// release keeps a closed frame for reuse.
func (p *parser) release(f *frame) {
	clear(f.counts)
	counts := f.counts[:0]
	*f = frame{}
	f.counts = counts
	p.free = append(p.free, f)
}

// addChild adds child to the children of the innermost open element f and
// reports whether the language allows it there. The children are set on
// f.node when it closes, in one list of the right size.
func (p *parser) addChild(f *frame, child verbs.Node) bool {
	if !accepts(f.node, child) {
		return false
	}
	p.kids = append(p.kids, child)
	return true
}

// closeChildren sets the children gathered for f, the innermost open
// element, on its node.
func (p *parser) closeChildren(f *frame) {
	kids := p.kids[f.kids:]
	if f.node != nil {
		setChildren(f.node, kids)
	}
	clear(kids)
	p.kids = p.kids[:f.kids]
}

// addText adds a piece of the text content.
func (f *frame) addText(b string) {
	switch {
	case f.more.Len() > 0:
		f.more.WriteString(b)
	case f.text == "":
		f.text = b
	default:
		f.more.Grow(len(f.text) + len(b))
		f.more.WriteString(f.text)
		f.more.WriteString(b)
		f.text = ""
	}
}

// textContent returns the text content gathered so far.
func (f *frame) textContent() string {
	if f.more.Len() > 0 {
		return f.more.String()
	}
	return f.text
}

// resetText empties the text content.
func (f *frame) resetText() {
	f.text = ""
	f.more = strings.Builder{}
}

// flushText stores the text gathered for the open text node of a raw
// element.
func (f *frame) flushText() {
	if f.rawText != nil {
		f.rawText.Text = f.textContent()
		f.resetText()
		f.rawText = nil
	}
}

// child counts the next child named name and returns the last step of its
// path, name[n].
func (f *frame) child(name string) step {
	if f.countMap != nil {
		f.countMap[name]++
		return step{name, f.countMap[name]}
	}
	for i := range f.counts {
		if c := &f.counts[i]; c.name == name {
			c.n++
			return step{name, c.n}
		}
	}
	if len(f.counts) < maxCountList {
		f.counts = append(f.counts, childCount{name, 1})
		return step{name, 1}
	}
	f.countMap = make(map[string]int, 2*maxCountList)
	for _, c := range f.counts {
		f.countMap[c.name] = c.n
	}
	f.countMap[name] = 1
	return step{name, 1}
}

// path returns the XPath-style path of the element. It is built only for a
// finding: the paths of deeply nested elements are long.
func (f *frame) path() string {
	var buf [16]*frame
	chain := buf[:0]
	for g := f; g != nil; g = g.parent {
		chain = append(chain, g)
	}
	var b []byte
	for i := len(chain) - 1; i >= 0; i-- {
		b = append(b, '/')
		b = chain[i].seg.append(b)
	}
	return string(b)
}

// childPath returns the path of the child of f at step s.
func (f *frame) childPath(s step) string { return f.path() + "/" + s.String() }

// unknownElement describes an element the language does not have,
// suggesting a close one.
func unknownElement(written string) string {
	msg := fmt.Sprintf("unknown element <%s>", written)
	s := ""
	if local, prefixed := localName(written); prefixed {
		if _, known := table.Lookup(local); known {
			s = local // the element of the language under a name-space prefix
		}
	}
	if s == "" {
		s = suggest(written, verbs.ElementNames())
	}
	if s != "" {
		msg += fmt.Sprintf("; did you mean <%s>?", s)
	}
	return msg
}

// localName returns the part of a name after its name-space prefix, and
// whether it has one ("p:Say" has the prefix p).
func localName(name string) (string, bool) {
	i := strings.IndexByte(name, ':')
	if i <= 0 || i == len(name)-1 {
		return name, false
	}
	return name[i+1:], true
}

// push opens an element.
func (p *parser) push(f *frame) { p.stack = append(p.stack, f) }

// skipElement opens an element whose subtree is ignored after an error.
func (p *parser) skipElement(written string, parent *frame, seg step) {
	f := p.newFrame()
	f.written, f.parent, f.seg, f.skip = written, parent, seg, true
	for _, a := range p.sc.tok.attrs {
		if a.repeat && !p.fatal { // not well formed, wherever it is
			p.repeatedAttr(parsedAttr{name: a.name, owner: f, pos: p.position(p.sc.tok.off)})
		}
	}
	p.push(f)
}

// startElement opens an element: checks the limits, the name and its
// place, reads its attributes and adds its node to the parent.
func (p *parser) startElement(t *token, pos Position) {
	written := t.name
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
	if _, ok := parent.node.(*verbs.RawElement); ok {
		p.startRaw(parent, t, written, pos)
		return
	}
	var spec *table.Element
	if _, prefixed := localName(written); !prefixed {
		spec = lookupElement(written)
	}
	if spec == nil {
		if !p.settings.lenient {
			seg := parent.child(written)
			p.addError(parent.childPath(seg), pos, "unknown-element", unknownElement(written))
			p.skipElement(written, parent, seg)
			return
		}
		p.startRaw(parent, t, written, pos)
		return
	}
	node := spec.New()
	if !p.addChild(parent, node) {
		seg := parent.child(spec.Name)
		p.addError(parent.childPath(seg), pos, "placement", misplaced(spec.Name, parent, node))
		p.skipElement(written, parent, seg)
		return
	}
	f := p.newFrame()
	f.node, f.written, f.name, f.parent, f.seg, f.pos = node, written, spec.Name, parent, parent.child(spec.Name), pos
	p.setPosition(node, pos)
	p.attrs(f, spec, t.attrs)
	p.push(f)
}

// startRoot opens the root element, which must be <Response>.
func (p *parser) startRoot(t *token, written string, pos Position) {
	if p.sawRoot {
		p.addError("/"+written, pos, "root",
			fmt.Sprintf("a second root element <%s>: a document has exactly one root <Response>", written))
		p.skipElement(written, nil, step{name: written})
		return
	}
	p.sawRoot = true
	if written != "Response" {
		p.addError("/"+written, pos, "root", fmt.Sprintf("the root element is <%s>; it must be <Response>", written))
		p.skipElement(written, nil, step{name: written})
		return
	}
	r := new(verbs.Response)
	spec := lookupElement("Response")
	f := p.newFrame()
	f.node, f.written, f.name, f.seg, f.pos = r, written, "Response", step{name: "Response"}, pos
	p.root = r
	p.setPosition(r, pos)
	p.attrs(f, spec, t.attrs)
	p.push(f)
}

// startRaw opens an element kept as a RawElement: an unknown element in
// lenient mode, or any element inside one.
func (p *parser) startRaw(parent *frame, t *token, written string, pos Position) {
	seg := parent.child(written)
	raw := &verbs.RawElement{Name: written}
	if !p.addChild(parent, raw) {
		p.addError(parent.childPath(seg), pos, "placement", misplaced(written, parent, raw))
		p.skipElement(written, parent, seg)
		return
	}
	if _, inRaw := parent.node.(*verbs.RawElement); !inRaw {
		p.addWarning(parent.childPath(seg), pos, "unknown-element", unknownElement(written)+"; kept as written, with its content")
	}
	f := p.newFrame()
	f.node, f.written, f.name, f.parent, f.seg, f.pos = raw, written, written, parent, seg, pos
	p.setPosition(raw, pos)
	raw.Attrs = p.rawAttrs(f, t.attrs)
	p.push(f)
}

// endElement closes the innermost element; the scanner has checked that
// the end tag names it.
func (p *parser) endElement() {
	f := p.stack[len(p.stack)-1]
	p.stack[len(p.stack)-1] = nil
	p.stack = p.stack[:len(p.stack)-1]
	f.flushText()
	p.closeChildren(f)
	if !f.skip {
		p.finish(f)
	}
	p.release(f)
}
