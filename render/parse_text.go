package render

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/opentact-go/opentact/verbs"
)

// charData handles text: kept by text elements and raw elements, layout
// (white space) elsewhere, and an error anywhere else, as is a CDATA
// section outside the root.
func (p *parser) charData(t *token, pos Position) {
	s := t.text
	if len(p.stack) == 0 {
		if t.cdata || !onlyXMLSpace(s) {
			p.addError("/", pos, "text", fmt.Sprintf("text %s outside the root <Response>", quoteShort(s)))
		}
		return
	}
	f := p.stack[len(p.stack)-1]
	if f.skip {
		return
	}
	if _, ok := f.node.(*verbs.RawElement); ok {
		if f.rawText == nil { // adjacent text and CDATA make one node
			f.rawText = new(verbs.RawText)
			p.kids = append(p.kids, f.rawText)
			p.setPosition(f.rawText, pos)
		}
		f.addText(s)
		return
	}
	if textElement(f.node) {
		f.addText(s)
		f.sawText = true
		return
	}
	if !f.textErr && !onlyXMLSpace(s) {
		f.textErr = true
		p.addError(f.path(), pos, "text", fmt.Sprintf("unexpected text %s in <%s>; text belongs only in <Say>, <Play>, <To> and <Meta>", quoteShort(s), f.name))
	}
}

// comment keeps a comment as a node where an element may stand; elsewhere
// (outside the root, inside a text or empty element) it is dropped with a
// warning.
func (p *parser) comment(s string, pos Position) {
	if len(p.stack) == 0 {
		p.addWarning("/", pos, "comment-dropped", "a comment outside the root <Response> is dropped")
		return
	}
	f := p.stack[len(p.stack)-1]
	if f.skip {
		return
	}
	f.flushText()
	c := &verbs.Comment{Text: s}
	if !p.addChild(f, c) {
		p.addWarning(f.path(), pos, "comment-dropped",
			fmt.Sprintf("a comment inside <%s> is dropped: <%s> has no place for comments", f.name, f.name))
		return
	}
	p.setPosition(c, pos)
}

// finish stores the text content of a closed element.
func (p *parser) finish(f *frame) {
	text := f.textContent()
	if raw, ok := f.node.(*verbs.RawElement); ok {
		p.dropLayout(raw)
		return
	}
	p.setText(f, text)
}

// trimmedText stores text content that is trimmed (a URL), unless an
// attribute gave the value already.
func (p *parser) trimmedText(f *frame, text string, url *string) {
	switch u := trimXMLSpace(text); {
	case u == "":
	case f.textAttr != "":
		p.textConflict(f)
	default:
		*url = u
	}
}

// textConflict reports a text element given both the attribute alias of
// its text and text content.
func (p *parser) textConflict(f *frame) {
	p.addError(f.path()+"/@"+f.textAttr, f.pos, "alias-conflict",
		fmt.Sprintf("<%s> has both the %s attribute and text content; write one of them", f.name, f.textAttr))
}

// dropLayout removes the white-space text of a raw element whose content
// holds no other text: that white space is layout.
func (p *parser) dropLayout(raw *verbs.RawElement) {
	for _, c := range raw.Children {
		if t, ok := c.(*verbs.RawText); ok && !onlyXMLSpace(t.Text) {
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

// quoteShort returns s quoted for a message, trimmed of XML white space
// and shortened when long.
func quoteShort(s string) string { return quoteCapped(trimXMLSpace(s)) }

// quoteCapped quotes s, cut to its first 40 characters: an attribute
// value in a message, white space kept, since it may be what is wrong.
func quoteCapped(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		return strconv.Quote(string(r[:40])) + "…"
	}
	return strconv.Quote(s)
}

// onlyXMLSpace reports whether s holds nothing but XML white space.
func onlyXMLSpace[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if !isXMLSpace(s[i]) {
			return false
		}
	}
	return true
}

// trimXMLSpace removes surrounding XML white space.
func trimXMLSpace(s string) string { return strings.Trim(s, " \t\r\n") }

// normalizeLineEnds turns CRLF and lone CR into LF, as XML 1.0 §2.11 has a
// parser do before anything else; the scanner does it for text, comments
// and CDATA sections.
func normalizeLineEnds(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
