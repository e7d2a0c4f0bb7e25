package render

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

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

func (p *parser) startElement(t xml.StartElement, pos Position) {
	written := qualified(t.Name)
	p.elements++
	if p.elements > p.settings.maxElements {
		p.errorf(p.path(), pos, "limit", fmt.Sprintf("more than %d elements", p.settings.maxElements))
		p.fatal = true
		return
	}
	if len(p.stack)+1 > p.settings.maxDepth {
		p.errorf(p.path(), pos, "limit", fmt.Sprintf("elements nested deeper than %d levels", p.settings.maxDepth))
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
			p.errorf(path, pos, "unknown-element", unknownElement(t.Name))
			p.skipElement(written, path)
			return
		}
		p.startRaw(parent, parent.node, t, written, pos)
		return
	}
	node := spec.New()
	if !appendChild(parent.node, node) {
		path := parent.child(spec.Name)
		p.errorf(path, pos, "placement", misplaced(spec.Name, parent, node))
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
		p.errorf("/"+written, pos, "root",
			fmt.Sprintf("a second root element <%s>: a document has exactly one root <Response>", written))
		p.skipElement(written, "/"+written)
		return
	}
	p.sawRoot = true
	if written != "Response" {
		p.errorf("/"+written, pos, "root", fmt.Sprintf("the root element is <%s>; it must be <Response>", written))
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
		p.errorf(path, pos, "placement", misplaced(written, parent, raw))
		p.skipElement(written, path)
		return
	}
	f := &frame{node: raw, written: written, name: written, path: path, pos: pos}
	p.positions[raw] = pos
	raw.Attrs = p.rawAttrs(f, t.Attr)
	p.push(f)
}

func (p *parser) endElement(t xml.EndElement, pos Position) {
	written := qualified(t.Name)
	if len(p.stack) == 0 {
		p.errorf("", pos, "syntax", fmt.Sprintf("unexpected end tag </%s>", written))
		p.fatal = true
		return
	}
	f := p.stack[len(p.stack)-1]
	if written != f.written {
		p.errorf(f.path, pos, "syntax", fmt.Sprintf("element <%s> closed by </%s>", f.written, written))
		p.fatal = true
		return
	}
	p.stack[len(p.stack)-1] = nil
	p.stack = p.stack[:len(p.stack)-1]
	if !f.skip {
		p.finish(f)
	}
}

// finish stores the text content of a closed element.
func (p *parser) finish(f *frame) {
	text := f.text.String()
	switch n := f.node.(type) {
	case *verbs.Say:
		if f.textAttr == "" {
			n.Text = text
		} else if !onlySpace(text) {
			p.textConflict(f)
		}
	case *verbs.Play:
		if u := trimSpace(text); u != "" {
			if f.textAttr != "" {
				p.textConflict(f)
			} else {
				n.URL = u
			}
		}
	case *verbs.Callback:
		if u := trimSpace(text); u != "" {
			if f.textAttr != "" {
				p.textConflict(f)
			} else {
				n.URL = u
			}
		}
	case *verbs.To:
		n.Destination = trimSpace(text)
	case *verbs.Sip:
		n.Address = trimSpace(text)
	case *verbs.Number:
		n.Digits = trimSpace(text)
	case *verbs.Meta:
		if f.sawText {
			n.Text = verbs.Some(text)
		}
	case *verbs.RawElement:
		p.dropLayout(n)
	}
}

func (p *parser) textConflict(f *frame) {
	p.errorf(f.path+"/@"+f.textAttr, f.pos, "alias-conflict",
		fmt.Sprintf("<%s> has both the %s attribute and text content; write one of them", f.name, f.textAttr))
}

// dropLayout removes the white-space text of a raw element whose content
// holds no other text: that white space is layout.
func (p *parser) dropLayout(raw *verbs.RawElement) {
	for _, c := range raw.Children {
		if t, ok := c.(*verbs.RawText); ok && !onlySpace(t.Text) {
			return
		}
	}
	kept := raw.Children[:0]
	for _, c := range raw.Children {
		if t, ok := c.(*verbs.RawText); ok {
			delete(p.positions, t)
			continue
		}
		kept = append(kept, c)
	}
	clear(raw.Children[len(kept):])
	raw.Children = kept
	if len(kept) == 0 {
		raw.Children = nil
	}
}

// textElement reports whether the element holds text content.
func textElement(n verbs.Node) bool {
	switch n.(type) {
	case *verbs.Say, *verbs.Play, *verbs.To, *verbs.Sip, *verbs.Number, *verbs.Meta, *verbs.Callback:
		return true
	}
	return false
}

func (p *parser) charData(s string, pos Position) {
	if len(p.stack) == 0 {
		s = strings.TrimPrefix(s, "\uFEFF")
		if !onlySpace(s) {
			p.errorf("", pos, "text", fmt.Sprintf("text %s outside the root <Response>", quote(s)))
		}
		return
	}
	f := p.stack[len(p.stack)-1]
	if f.skip {
		return
	}
	if p.badChars(f.path, pos, s) {
		return
	}
	if raw, ok := f.node.(*verbs.RawElement); ok {
		if n := len(raw.Children); n > 0 {
			if t, ok := raw.Children[n-1].(*verbs.RawText); ok {
				t.Text += s
				return
			}
		}
		t := &verbs.RawText{Text: s}
		raw.Children = append(raw.Children, t)
		p.positions[t] = pos
		return
	}
	if textElement(f.node) {
		f.text.WriteString(s)
		f.sawText = true
		return
	}
	if !onlySpace(s) && !f.textErr {
		f.textErr = true
		p.errorf(f.path, pos, "text", fmt.Sprintf("unexpected text %s in <%s>; text belongs only in <Say>, <Play>, <To> and <Meta>", quote(s), f.name))
	}
}

func (p *parser) comment(s string, pos Position) {
	if len(p.stack) == 0 {
		if !p.badChars("", pos, s) {
			p.warnf("", pos, "comment-dropped", "a comment outside the root <Response> is dropped")
		}
		return
	}
	f := p.stack[len(p.stack)-1]
	if f.skip || p.badChars(f.path, pos, s) {
		return
	}
	c := &verbs.Comment{Text: s}
	if !appendChild(f.node, c) {
		p.errorf(f.path, pos, "placement", fmt.Sprintf("a comment is not allowed in <%s>", f.name))
		return
	}
	p.positions[c] = pos
}

// badChars reports invalid UTF-8 or a character XML 1.0 forbids in s.
func (p *parser) badChars(path string, pos Position, s string) bool {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			p.errorf(path, pos, "character", fmt.Sprintf("invalid UTF-8 at byte offset %d", i))
			return true
		case !xmlChar(r):
			p.errorf(path, pos, "character", fmt.Sprintf("character %U at byte offset %d is not allowed in XML", r, i))
			return true
		}
	}
	return false
}

// xmlChar reports whether XML 1.0 allows the character.
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return r <= utf8.MaxRune
}

// quote returns s quoted for a message, shortened when long.
func quote(s string) string {
	s = trimSpace(s)
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		return strconv.Quote(string(r[:40])) + "…"
	}
	return strconv.Quote(s)
}

// appendChild adds child to the children of parent and reports whether the
// language allows it there.
func appendChild(parent, child verbs.Node) bool {
	switch p := parent.(type) {
	case *verbs.Response:
		return add(&p.Commands, child)
	case *verbs.DTMF:
		return add(&p.Commands, child)
	case *verbs.Default:
		return add(&p.Commands, child)
	case *verbs.Error:
		return add(&p.Commands, child)
	case *verbs.Call:
		return add(&p.Commands, child)
	case *verbs.Geo:
		return add(&p.Commands, child)
	case *verbs.Schedule:
		return add(&p.Commands, child)
	case *verbs.Record:
		return add(&p.Commands, child)
	case *verbs.Case:
		return add(&p.Commands, child)
	case *verbs.Dial:
		return add(&p.Children, child)
	case *verbs.Gather:
		return add(&p.Children, child)
	case *verbs.Tone:
		return add(&p.Children, child)
	case *verbs.Curl:
		return add(&p.Children, child)
	case *verbs.Callback:
		return add(&p.Children, child)
	case *verbs.Switch:
		return add(&p.Children, child)
	case *verbs.RawElement:
		return add(&p.Children, child)
	}
	return false
}

func add[T verbs.Node](list *[]T, child verbs.Node) bool {
	c, ok := child.(T)
	if ok {
		*list = append(*list, c)
	}
	return ok
}

// misplaced describes an element found where the language does not allow
// it, naming where it belongs.
func misplaced(name string, parent *frame, child verbs.Node) string {
	if _, raw := child.(*verbs.RawElement); raw {
		return fmt.Sprintf("<%s> is not allowed in <%s>, which has no child elements", name, parent.name)
	}
	var places []string
	if _, ok := child.(verbs.Command); ok {
		places = append(places, "a command list")
	}
	if _, ok := child.(verbs.DialChild); ok {
		places = append(places, "<Dial>")
	}
	if _, ok := child.(verbs.GatherChild); ok {
		places = append(places, "<Gather>")
	}
	if _, ok := child.(verbs.ToneChild); ok {
		places = append(places, "<Tone>")
	}
	if _, ok := child.(verbs.CurlChild); ok {
		places = append(places, "<Curl>")
	}
	if _, ok := child.(verbs.CallbackChild); ok {
		places = append(places, "<Callback>")
	}
	if _, ok := child.(verbs.SwitchChild); ok {
		places = append(places, "<Switch>")
	}
	if len(places) == 0 {
		return fmt.Sprintf("<%s> is not allowed in <%s>; it may only be the root element", name, parent.name)
	}
	where := places[0]
	if n := len(places); n > 1 {
		where = strings.Join(places[:n-1], ", ") + " or " + places[n-1]
	}
	return fmt.Sprintf("<%s> is not allowed in <%s>; it belongs in %s", name, parent.name, where)
}
