package render

import (
	"fmt"
	"unicode/utf8"
)

// This file holds the XML 1.0 (fifth edition) Name and Char rules, the one
// copy that the writer, the validator and the reader share.

// validXMLName reports whether s matches the Name production of XML 1.0.
func validXMLName(s string) bool { return invalidNameAt(s) < 0 }

// invalidNameAt returns -1 when s is an XML 1.0 Name (fifth edition), and
// otherwise the byte offset of the first character that cannot stand where
// it is (0 for the empty name).
func invalidNameAt(s string) int {
	if s == "" {
		return 0
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return i
			}
		}
		if !isNameStart(r) && (i == 0 || !isNameChar(r)) {
			return i
		}
	}
	return -1
}

// isNameStart reports whether r may begin an XML name (NameStartChar).
func isNameStart(r rune) bool {
	switch {
	case r == ':' || r == '_' || 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z':
		return true
	case r < 0xC0:
		return false
	}
	return 0xC0 <= r && r <= 0xD6 || 0xD8 <= r && r <= 0xF6 || 0xF8 <= r && r <= 0x2FF ||
		0x370 <= r && r <= 0x37D || 0x37F <= r && r <= 0x1FFF || 0x200C <= r && r <= 0x200D ||
		0x2070 <= r && r <= 0x218F || 0x2C00 <= r && r <= 0x2FEF || 0x3001 <= r && r <= 0xD7FF ||
		0xF900 <= r && r <= 0xFDCF || 0xFDF0 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0xEFFFF
}

// isNameChar reports whether r may follow the first character of an XML
// name (NameChar).
func isNameChar(r rune) bool {
	return isNameStart(r) || r == '-' || r == '.' || '0' <= r && r <= '9' || r == 0xB7 ||
		0x300 <= r && r <= 0x36F || 0x203F <= r && r <= 0x2040
}

// isXMLChar reports whether XML 1.0 allows the character.
func isXMLChar(r rune) bool {
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

// badMultiByte reports whether a multi-byte sequence decoded as r of size
// bytes cannot be written: invalid UTF-8 (surrogate and overlong encodings
// included, which decode as one-byte errors) or U+FFFE, U+FFFF. The other
// characters of two bytes or more are all XML characters.
func badMultiByte(r rune, size int) bool {
	return r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF
}

// isXMLSpace reports whether c is XML white space.
func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// invalidCharAt returns the byte offset of the first invalid UTF-8 sequence
// or character XML 1.0 forbids in s, or -1 when s can be written.
func invalidCharAt(s string) int {
	careEnd := 0 // end of the word being read byte by byte
	for i := 0; i < len(s); {
		if i >= careEnd {
			if i = skipPlainWords(s, i); i >= len(s) {
				break
			}
			careEnd = i + wordBytes
		}
		switch byteClass[s[i]] {
		case forbiddenByte:
			return i
		case multiByte:
			r, size := utf8.DecodeRuneInString(s[i:])
			if badMultiByte(r, size) {
				return i
			}
			i += size
			continue
		}
		i++
	}
	return -1
}

// invalidCharReason describes the problem that invalidCharAt found at
// offset i of s.
func invalidCharReason(s string, i int) string {
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size <= 1 {
		return "invalid UTF-8"
	}
	return fmt.Sprintf("character %U not allowed in XML", r)
}

// decodeRuneAt decodes the character at offset i of src and returns it
// with its size, or a size of 0 when it is invalid UTF-8 (an overlong or
// surrogate encoding included) or a character XML 1.0 forbids.
func decodeRuneAt(src string, i int) (rune, int) {
	if c := src[i]; c < utf8.RuneSelf {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return rune(c), 0
		}
		return rune(c), 1
	}
	r, size := utf8.DecodeRuneInString(src[i:])
	if badMultiByte(r, size) {
		return r, 0
	}
	return r, size
}

// charError stops the scanner on the character at offset i, for which
// decodeRuneAt returned a size of 0, naming what is wrong with it.
func (s *scanner) charError(i int) {
	s.fail(i, "character", "%s", badCharMessage(s.src[i:]))
}

// badCharMessage describes the invalid UTF-8 or forbidden character that
// b starts with.
func badCharMessage(b string) string {
	c := b[0]
	if c < utf8.RuneSelf {
		return fmt.Sprintf("character %U is not allowed in XML", rune(c))
	}
	if r, size := utf8.DecodeRuneInString(b); size > 1 {
		return fmt.Sprintf("character %U is not allowed in XML", r)
	}
	var c1 byte
	if len(b) > 1 {
		c1 = b[1]
	}
	cont := c1&0xC0 == 0x80
	switch {
	case c == 0xC0 || c == 0xC1, c == 0xE0 && cont && c1 < 0xA0, c == 0xF0 && cont && c1 < 0x90:
		return fmt.Sprintf("invalid UTF-8: an overlong encoding (it starts with the bytes %#x %#x)", c, c1)
	case c == 0xED && cont && c1 >= 0xA0:
		r := rune(0xD000) | rune(c1&0x3F)<<6
		if len(b) > 2 && b[2]&0xC0 == 0x80 {
			r |= rune(b[2] & 0x3F)
		}
		return fmt.Sprintf("invalid UTF-8: the surrogate %U encoded as UTF-8, which is not an XML character", r)
	case c == 0xF4 && cont && c1 >= 0x90, c >= 0xF5 && c <= 0xF7:
		return fmt.Sprintf("invalid UTF-8: the byte %#x starts a code point beyond U+10FFFF", c)
	}
	return fmt.Sprintf("invalid UTF-8 (the byte %#x)", c)
}

// Byte tables of the scanner, by the byte's value.
var (
	// nameStartByte and nameByte: ASCII bytes that may start an XML name
	// and that may stand in one.
	nameStartByte, nameByte [utf8.RuneSelf]bool
	// textByte: the bytes that character data holds as they are (ASCII
	// other than controls, & < ] and CR).
	textByte [256]bool
	// attrByte: the bytes that an attribute value holds as they are (ASCII
	// other than controls, & < and both quotes).
	attrByte [256]bool
)

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		nameStartByte[c] = isNameStart(rune(c))
		nameByte[c] = isNameChar(rune(c))
		plain := c >= 0x20
		textByte[c] = plain && c != '&' && c != '<' && c != ']' || c == '\t' || c == '\n'
		attrByte[c] = plain && c != '&' && c != '<' && c != '"' && c != '\''
	}
}
