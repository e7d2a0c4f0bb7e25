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
			if (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF {
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
