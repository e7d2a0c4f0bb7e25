package render

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/opentact-go/opentact/verbs"
)

// values checks that every text, attribute and comment value of n can be
// written as XML: no invalid UTF-8 and no character XML 1.0 forbids. The
// values of an element are read by elementChars (elements_gen.go).
func (c *checker) values(n verbs.Node, l loc) {
	switch v := n.(type) {
	case *verbs.Comment:
		c.chars(l, valueComment, "", v.Text, 0)
		if strings.Contains(v.Text, "--") {
			c.errorf(l, "comment", `comment must not contain "--"`)
		}
		if strings.HasSuffix(v.Text, "-") {
			c.errorf(l, "comment", `comment must not end in "-"`)
		}
		if strings.IndexByte(v.Text, '\r') >= 0 {
			c.errorf(l, "comment", "comment must not contain a carriage return (XML parsers read it as a line feed)")
		}
	case *verbs.RawText:
		c.chars(l, valueRawText, "", v.Text, 0)
	case *verbs.RawElement:
		c.attrChars(l, v.Attrs)
	default:
		c.elementChars(n, l)
	}
}

// listChars checks the items of a list attribute, written joined with
// commas: a finding names the offset in the joined value.
func listChars[T ~string](c *checker, l loc, attr string, items []T) {
	off := 0
	for _, s := range items {
		if c.chars(l, valueAttr, attr, string(s), off) {
			return
		}
		off += len(s) + 1
	}
}

// valueKind tells what a value checked by chars is, for the path and
// message of a finding.
type valueKind int

const (
	valueText    valueKind = iota // the text of a modelled element
	valueAttr                     // a modelled attribute
	valueExtra                    // an unmodelled attribute
	valueComment                  // a comment
	valueRawText                  // raw text
)

// attrChars checks the values of unmodelled attributes.
func (c *checker) attrChars(l loc, attrs []verbs.Attr) {
	for _, a := range attrs {
		c.chars(l, valueExtra, a.Name, a.Value, 0)
	}
}

// chars reports the first invalid UTF-8 sequence or forbidden character of
// s, a value of the node at l written at byte offset base of the whole
// value, and whether it found one. attr names the attribute of an
// attribute value.
func (c *checker) chars(l loc, kind valueKind, attr, s string, base int) bool {
	if len(s) == 0 {
		return false // most attributes are unset: chars is inlined for them
	}
	return c.nonEmptyChars(l, kind, attr, s, base)
}

// nonEmptyChars is chars for a value that is not empty.
func (c *checker) nonEmptyChars(l loc, kind valueKind, attr, s string, base int) bool {
	if printableASCII(s) {
		return false
	}
	return c.badChars(l, kind, attr, s, base)
}

// printableASCII reports whether s holds only the bytes 0x20 to 0x7F, all
// characters XML allows; most values do. It reads s 8 bytes at a time.
// When it reports false, s may still be a valid value (white space other
// than the space, non-ASCII characters): badChar decides.
func printableASCII(s string) bool {
	for ; len(s) >= 2*wordBytes; s = s[2*wordBytes:] {
		if notPrintable(word(s[:wordBytes])) || notPrintable(word(s[wordBytes:2*wordBytes])) {
			return false
		}
	}
	if len(s) >= wordBytes {
		if notPrintable(word(s[:wordBytes])) {
			return false
		}
		s = s[wordBytes:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// word reads the 8 bytes of w as a little-endian word.
func word(w string) uint64 {
	_ = w[7]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// notPrintable reports whether a byte of x may be below 0x20 or above
// 0x7F: a byte below 0x20 sets its high bit in x-0x20…, a byte of 0x80 or
// more in x; a borrow only sets high bits of higher bytes, so there are
// no false negatives.
func notPrintable(x uint64) bool { return ((x-eachByte*0x20)|x)&highBits != 0 }

// badChars is chars for a value that may hold a character XML forbids.
func (c *checker) badChars(l loc, kind valueKind, attr, s string, base int) bool {
	off, what, bad := badChar(s)
	if !bad {
		return false
	}
	var label string
	switch kind {
	case valueText:
		label = "<" + c.nodeAt(l).ElementName() + "> text"
	case valueAttr:
		label = c.attrLabel(l, attr)
	case valueExtra:
		label = "attribute " + quoteName(attr)
	case valueComment:
		label = "comment"
	case valueRawText:
		label = "text"
	}
	isAttr := kind == valueAttr || kind == valueExtra
	c.add(l, isAttr, attr, SeverityError, "xml-char", "%s contains %s at byte offset %d", []any{label, what, base + off})
	return true
}

// badChar finds, with invalidCharAt, the first invalid UTF-8 sequence or
// character outside the XML 1.0 Char production and returns its byte
// offset and a description for a diagnostic.
func badChar(s string) (off int, what string, bad bool) {
	if off = invalidCharAt(s); off < 0 {
		return 0, "", false
	}
	if r, size := utf8.DecodeRuneInString(s[off:]); r != utf8.RuneError || size > 1 {
		return off, fmt.Sprintf("the character %U, which XML forbids,", r), true
	}
	return off, "invalid UTF-8", true
}

// quoteName formats a name for a message, quoted when it is not a plain
// XML name.
func quoteName(s string) string {
	if validXMLName(s) {
		return s
	}
	return fmt.Sprintf("%q", s)
}
