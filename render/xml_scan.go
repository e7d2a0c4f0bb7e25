package render

import (
	"fmt"
	"strings"
)

// tokKind is the kind of a token of the XML scanner.
type tokKind uint8

const (
	tokStart   tokKind = iota + 1 // a start tag; tok.empty when it is self-closing
	tokEnd                        // an end tag, or the end of a self-closing tag
	tokText                       // character data or a CDATA section (tok.cdata)
	tokComment                    // a comment; tok.text is its content as written
	tokPI                         // a processing instruction other than the declaration; tok.name is its target
	tokDoctype                    // a document type declaration, skipped
)

// token is what the scanner read last. Its strings are substrings of the
// source where nothing had to be unescaped; attrs is reused by the next
// token.
type token struct {
	kind  tokKind
	off   int // byte offset of the token in the source
	name  string
	attrs []xmlAttr
	empty bool
	text  string
	cdata bool
}

// xmlAttr is an attribute of a start tag, its value unescaped and
// normalised as XML 1.0 §3.3.3 has a parser do.
type xmlAttr struct {
	name, value string
	off         int  // byte offset of the name
	repeat      bool // an earlier attribute of the tag has the same name
}

// scanError is a document the scanner refuses: the byte offset of the
// problem, the rule of the finding and its message. policy marks what is
// well-formed XML 1.0 that Opentact documents do not use (another
// encoding, another version).
type scanError struct {
	off    int
	rule   string
	msg    string
	policy bool
}

// scanner is a strict XML 1.0 tokenizer for the subset of XML that
// Opentact documents use: elements, attributes, text, the five predefined
// entities and character references, comments, CDATA sections and the XML
// declaration. It refuses what is not well formed (XML 1.0 fifth edition)
// with the byte offset of the problem, checks the nesting of the tags, and
// hands processing instructions and a DTD to its caller, which refuses
// them. The source must be UTF-8.
type scanner struct {
	src  string
	i    int // offset of the next byte to read
	tok  token
	err  *scanError
	open []string // the names of the open elements, innermost last
	buf  []byte   // scratch for unescaped text
	seen map[string]struct{}

	// end is set after a self-closing tag: the next token is its end.
	end bool
}

// maxAttrCompare is the number of attributes of a tag checked for repeats
// by comparing names; a tag with more uses a map.
const maxAttrCompare = 8

// newScanner returns a scanner of src that has read the byte-order mark
// and the XML declaration, or failed on them.
func newScanner(src string) *scanner {
	s := &scanner{src: src}
	s.prolog()
	return s
}

// fail stops the scanner with an error at byte offset off.
func (s *scanner) fail(off int, rule, format string, args ...any) bool {
	if s.err == nil {
		s.err = &scanError{off: off, rule: rule, msg: fmt.Sprintf(format, args...)}
	}
	return false
}

// syntax stops the scanner with a syntax error at byte offset off.
func (s *scanner) syntax(off int, format string, args ...any) bool {
	return s.fail(off, "syntax", format, args...)
}

// next reads the next token into s.tok and reports whether there is one.
// At the end of the input, or after an error (in s.err), it returns false.
func (s *scanner) next() bool {
	if s.err != nil {
		return false
	}
	if s.end {
		s.end = false
		s.tok.kind = tokEnd
		s.open = s.open[:len(s.open)-1]
		return true
	}
	src := s.src
	if s.i >= len(src) {
		if n := len(s.open); n > 0 {
			return s.syntax(len(src), "unexpected end of input: <%s> is not closed", s.open[n-1])
		}
		return false
	}
	if src[s.i] != '<' {
		return s.text()
	}
	rest := src[s.i+1:]
	switch {
	case rest == "":
		return s.syntax(s.i, "unexpected end of input after <")
	case rest[0] == '/':
		return s.endTag()
	case rest[0] == '?':
		return s.procInst()
	case rest[0] != '!':
		return s.startTag()
	case strings.HasPrefix(rest, "!--"):
		return s.comment()
	case strings.HasPrefix(rest, "![CDATA["):
		return s.cdata()
	case strings.HasPrefix(rest, "!DOCTYPE"):
		return s.doctype()
	}
	return s.syntax(s.i, "<! starts neither a comment (<!--) nor a CDATA section (<![CDATA[)")
}

// startTag reads a start tag: its name, its attributes and whether it is
// self-closing.
func (s *scanner) startTag() bool {
	src, start := s.src, s.i
	name, i := s.name(start + 1)
	if name == "" {
		if s.err != nil {
			return false
		}
		return s.syntax(start, "< must start a tag (a < in text is written &lt;)")
	}
	t := &s.tok
	*t = token{kind: tokStart, off: start, name: name, attrs: t.attrs[:0]}
	for {
		j := skipSpace(src, i)
		if j >= len(src) {
			return s.syntax(j, "unexpected end of input in the start tag <%s>", name)
		}
		switch src[j] {
		case '>':
			s.i = j + 1
			s.open = append(s.open, name)
			return true
		case '/':
			if j+1 < len(src) && src[j+1] == '>' {
				s.i = j + 2
				s.open = append(s.open, name)
				t.empty, s.end = true, true
				return true
			}
			return s.syntax(j+1, "expected > after / in the start tag <%s>", name)
		}
		if j == i {
			if len(t.attrs) > 0 {
				return s.syntax(j, "white space is required between attributes")
			}
			return s.syntax(j, "invalid character %s in the name <%s…>", quoteByte(src, j), name)
		}
		if i = s.attr(j, name); i < 0 {
			return false
		}
	}
}

// attr reads the attribute of the tag name that starts at offset i, adds
// it to the token and returns the offset after its value, or -1.
func (s *scanner) attr(i int, tag string) int {
	src := s.src
	name, j := s.name(i)
	if name == "" {
		if s.err == nil {
			s.syntax(i, "invalid character %s in the start tag <%s>: expected an attribute name, > or />", quoteByte(src, i), tag)
		}
		return -1
	}
	j = skipSpace(src, j)
	if j >= len(src) {
		s.syntax(j, "unexpected end of input in the start tag <%s>", tag)
		return -1
	}
	if src[j] != '=' {
		s.syntax(j, "attribute %s has no value: expected = and a quoted value", name)
		return -1
	}
	j = skipSpace(src, j+1)
	if j >= len(src) || src[j] != '"' && src[j] != '\'' {
		s.syntax(j, "the value of attribute %s must be in quotes", name)
		return -1
	}
	value, end := s.attrValue(j)
	if end < 0 {
		return -1
	}
	a := xmlAttr{name: name, value: value, off: i}
	a.repeat = s.repeated(name)
	s.tok.attrs = append(s.tok.attrs, a)
	return end
}

// repeated reports whether an attribute of the current tag already has
// name: by comparing names while there are few, with a map beyond.
func (s *scanner) repeated(name string) bool {
	attrs := s.tok.attrs
	if len(attrs) < maxAttrCompare {
		for i := range attrs {
			if attrs[i].name == name {
				return true
			}
		}
		return false
	}
	if len(attrs) == maxAttrCompare {
		if s.seen == nil {
			s.seen = make(map[string]struct{}, 4*maxAttrCompare)
		} else {
			clear(s.seen)
		}
		for _, a := range attrs {
			s.seen[a.name] = struct{}{}
		}
	}
	if _, ok := s.seen[name]; ok {
		return true
	}
	s.seen[name] = struct{}{}
	return false
}

// endTag reads an end tag, which must close the innermost open element.
func (s *scanner) endTag() bool {
	src, start := s.src, s.i
	name, i := s.name(start + 2)
	if name == "" {
		if s.err != nil {
			return false
		}
		return s.syntax(start+2, "</ must start an end tag: expected a name, found %s", quoteByte(src, start+2))
	}
	i = skipSpace(src, i)
	if i >= len(src) || src[i] != '>' {
		if i >= len(src) {
			return s.syntax(i, "unexpected end of input in the end tag </%s>", name)
		}
		return s.syntax(i, "invalid character %s in the end tag </%s>: expected >", quoteByte(src, i), name)
	}
	n := len(s.open)
	if n == 0 {
		return s.syntax(start, "unexpected end tag </%s>", name)
	}
	if s.open[n-1] != name {
		return s.syntax(start, "element <%s> closed by </%s>", s.open[n-1], name)
	}
	s.open = s.open[:n-1]
	s.i = i + 1
	s.tok = token{kind: tokEnd, off: start, name: name, attrs: s.tok.attrs[:0]}
	return true
}

// name reads the XML name that starts at offset i and returns it with the
// offset after it; the name is "" when none starts there, and an invalid
// UTF-8 sequence there is an error.
func (s *scanner) name(i int) (string, int) {
	src := s.src
	j := i
	for j < len(src) {
		c := src[j]
		if c < 0x80 {
			if !nameByte[c] || j == i && !nameStartByte[c] {
				break
			}
			j++
			continue
		}
		r, size := decodeRuneAt(src, j)
		if size == 0 {
			s.charError(j)
			return "", j
		}
		if !isNameStart(r) && (j == i || !isNameChar(r)) {
			break
		}
		j += size
	}
	return src[i:j], j
}

// skipSpace returns the offset of the first byte from i on that is not
// XML white space.
func skipSpace(src string, i int) int {
	for i < len(src) && isXMLSpace(src[i]) {
		i++
	}
	return i
}

// quoteByte describes the character at offset i of src for a message.
func quoteByte(src string, i int) string {
	if i >= len(src) {
		return "end of input"
	}
	if r, size := decodeRuneAt(src, i); size > 0 && r >= 0x20 {
		return fmt.Sprintf("%q", r)
	}
	return fmt.Sprintf("%U", rune(src[i]))
}
