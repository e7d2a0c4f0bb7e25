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
