package render

import (
	"unicode/utf8"
)

// Byte classes of the escaping table.
const (
	plainByte     = iota // written as is
	escapeAlways         // & < and CR: escaped in text and attributes
	escapeInText         // >: escaped in text only
	escapeInAttr         // " tab LF: escaped in attributes only
	forbiddenByte        // C0 controls XML 1.0 forbids
	multiByte            // the first byte of a UTF-8 sequence, or a broken one
)

var byteClass = func() (t [256]uint8) {
	for b := 0; b < 0x20; b++ {
		t[b] = forbiddenByte // tab, LF and CR are reclassified below
	}
	for b := 0x80; b < 0x100; b++ {
		t[b] = multiByte
	}
	t['&'], t['<'], t['\r'] = escapeAlways, escapeAlways, escapeAlways
	t['>'] = escapeInText
	t['"'], t['\t'], t['\n'] = escapeInAttr, escapeInAttr, escapeInAttr
	return t
}()

// appendEscaped appends s to dst as XML character data, or as the inside of
// a double-quoted attribute value when attr is true. It is the one escaping
// function of the writer. Text escapes & < > (as the spec fixes) and CR (so
// that XML's line-end normalisation cannot change it); attribute values
// escape & < " (the spec's list: > is left as is) and turn tab, LF and CR
// into character references, so that they survive attribute-value
// normalisation.
//
// When s holds invalid UTF-8 or a character XML 1.0 forbids (a C0 control
// other than tab, LF and CR, U+FFFE, U+FFFF), appendEscaped stops and
// returns the byte offset of the first one; otherwise the offset is -1.
// Surrogate code points cannot occur: their UTF-8 encoding is invalid.
func appendEscaped(dst []byte, s string, attr bool) ([]byte, int) {
	last := 0    // start of the run of bytes not yet copied
	careEnd := 0 // end of the word being read byte by byte
	for i := 0; i < len(s); {
		if i >= careEnd {
			if i = skipPlainWords(s, i); i >= len(s) {
				break
			}
			careEnd = i + wordBytes
		}
		c := s[i]
		switch byteClass[c] {
		case plainByte:
			i++
			continue
		case multiByte:
			r, size := utf8.DecodeRuneInString(s[i:])
			if badMultiByte(r, size) {
				return dst, i
			}
			i += size
			continue
		case forbiddenByte:
			return dst, i
		case escapeInText:
			if attr {
				i++
				continue
			}
		case escapeInAttr:
			if !attr {
				i++
				continue
			}
		}
		dst = append(dst, s[last:i]...)
		dst = append(dst, escapeEntity(c)...)
		i++
		last = i
	}
	return append(dst, s[last:]...), -1
}

// escapeEntity returns the reference that escapes c.
func escapeEntity(c byte) string {
	switch c {
	case '&':
		return "&amp;"
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	case '"':
		return "&quot;"
	case '\t':
		return "&#x9;"
	case '\n':
		return "&#xA;"
	}
	return "&#xD;"
}

// Constants of the word-at-a-time scan: a byte of ones and the high bit of
// every byte, repeated over a 64-bit word.
const (
	eachByte  = 0x0101010101010101
	highBits  = 0x8080808080808080
	wordBytes = 8
)

// skipPlainWords returns the index of the first 8-byte word of s, from i
// on, that may hold a byte needing attention: a C0 control, a non-ASCII
// byte, or one of & " < >. The bytes it skips are plain in text and in
// attribute values alike, so both scans above treat them as one run; the
// word it stops at is then read byte by byte.
func skipPlainWords(s string, i int) int {
	for ; i+wordBytes <= len(s); i += wordBytes {
		// One bounds check for the word, then one 64-bit load: the
		// compiler knows w holds 8 bytes and merges the byte loads.
		w := s[i : i+wordBytes]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if wordNeedsCare(x) {
			return i
		}
	}
	return i
}

// wordNeedsCare reports whether any byte of x is below 0x20, above 0x7F, or
// one of & " < > (exactly: the zero-byte tests below have no false
// negatives, and their false positives only mark bytes above a true one).
func wordNeedsCare(x uint64) bool {
	control := (x - eachByte*0x20) &^ x            // a byte below 0x20
	ampQuote := (x | eachByte*0x04) ^ eachByte*'&' // zero where a byte is & or "
	angle := (x | eachByte*0x02) ^ eachByte*'>'    // zero where a byte is < or >
	return (control|x|zeroByte(ampQuote)|zeroByte(angle))&highBits != 0
}

// zeroByte sets the high bit of the lowest zero byte of y (and maybe of
// bytes above it); it is zero when no byte of y is zero.
func zeroByte(y uint64) uint64 {
	return (y - eachByte) &^ y
}
