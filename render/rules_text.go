package render

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/opentact-go/opentact/verbs"
)

// values checks that every text, attribute and comment value of n can be
// written as XML: no invalid UTF-8 and no character XML 1.0 forbids.
func (c *checker) values(n verbs.Node, path string) {
	switch v := n.(type) {
	case *verbs.Comment:
		c.chars(n, path, "comment", v.Text)
		if strings.Contains(v.Text, "--") {
			c.errorf(n, path, "comment", `comment must not contain "--"`)
		}
		if strings.HasSuffix(v.Text, "-") {
			c.errorf(n, path, "comment", `comment must not end in "-"`)
		}
	case *verbs.RawText:
		c.chars(n, path, "text", v.Text)
	case *verbs.RawElement:
		c.attrChars(n, path, v.Attrs)
	default:
		for _, av := range setValues(n) {
			if av.attr == "" {
				c.chars(n, path, "<"+n.ElementName()+"> text", av.value)
			} else {
				c.chars(n, attrPath(path, av.attr), av.attr, av.value)
			}
		}
		c.attrChars(n, path, extraAttrs(n))
	}
}

// attrChars checks the values of unmodelled attributes.
func (c *checker) attrChars(n verbs.Node, path string, attrs []verbs.Attr) {
	for _, a := range attrs {
		c.chars(n, attrPath(path, a.Name), "attribute "+quoteName(a.Name), a.Value)
	}
}

// chars reports the first invalid UTF-8 sequence or forbidden character of
// s, with its byte offset.
func (c *checker) chars(n verbs.Node, path, label, s string) {
	off, what, bad := badChar(s)
	if bad {
		c.errorf(n, path, "xml-char", "%s contains %s at byte offset %d", label, what, off)
	}
}

// badChar finds the first invalid UTF-8 sequence or character outside the
// XML 1.0 Char production (C0 controls other than tab, LF and CR, U+FFFE,
// U+FFFF; surrogates are invalid UTF-8 in Go strings) and returns its byte
// offset and a description.
func badChar(s string) (off int, what string, bad bool) {
	for i := 0; i < len(s); {
		b := s[i]
		if b >= 0x20 && b < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return i, "invalid UTF-8", true
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			return i, fmt.Sprintf("the character %U, which XML forbids,", r), true
		}
		i += size
	}
	return 0, "", false
}

// validXMLName reports whether s matches the Name production of XML 1.0.
func validXMLName(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for i, r := range s {
		if !xmlNameStart(r) && (i == 0 || !xmlNameChar(r)) {
			return false
		}
	}
	return true
}

func xmlNameStart(r rune) bool {
	switch {
	case r == ':' || r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
		return true
	case r < 0xC0:
		return false
	}
	return r <= 0xD6 || r >= 0xD8 && r <= 0xF6 || r >= 0xF8 && r <= 0x2FF ||
		r >= 0x370 && r <= 0x37D || r >= 0x37F && r <= 0x1FFF || r >= 0x200C && r <= 0x200D ||
		r >= 0x2070 && r <= 0x218F || r >= 0x2C00 && r <= 0x2FEF || r >= 0x3001 && r <= 0xD7FF ||
		r >= 0xF900 && r <= 0xFDCF || r >= 0xFDF0 && r <= 0xFFFD || r >= 0x10000 && r <= 0xEFFFF
}

func xmlNameChar(r rune) bool {
	return r == '-' || r == '.' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// quoteName formats a name for a message, quoted when it is not a plain
// XML name.
func quoteName(s string) string {
	if validXMLName(s) {
		return s
	}
	return fmt.Sprintf("%q", s)
}
