package render

import (
	"bytes"
	"fmt"
)

// checkRaw reports what encoding/xml's tokenizer lets through although XML
// 1.0 forbids it, in the text or start tag token at data[start:end]: a
// character reference to a code point that is not an XML character (a
// surrogate such as &#xD800;, which encoding/xml turns into U+FFFD, or
// U+FFFE, U+FFFF, beyond U+10FFFF), and an attribute that follows the
// previous one's closing quote without white space (<Say lang="es"loop="2">).
// A CDATA section is skipped: "&#" is not a reference there.
func (p *parser) checkRaw(start, end int) bool {
	d := p.data[:end]
	if start >= end || bytes.HasPrefix(d[start:], []byte("<![CDATA[")) {
		return false
	}
	if d[start] == '<' {
		return p.checkStartTag(start+1, end)
	}
	for i := start; i < end; i++ {
		j := bytes.IndexByte(d[i:], '&')
		if j < 0 {
			return false
		}
		i += j
		if p.badCharRef(i) {
			return true
		}
	}
	return false
}

// checkStartTag checks the start tag at data[i:end], its name starting at
// i: the character references in its attribute values, and white space
// after each value.
func (p *parser) checkStartTag(i, end int) bool {
	d := p.data[:end]
	for i < len(d) {
		switch c := d[i]; c {
		case '"', '\'':
			q := bytes.IndexByte(d[i+1:], c)
			if q < 0 {
				return false
			}
			for k := i + 1; k < i+1+q; k++ {
				if d[k] == '&' && p.badCharRef(k) {
					return true
				}
			}
			i += q + 2
			if i < len(d) && !isXMLSpace(d[i]) && d[i] != '>' && d[i] != '/' {
				p.addError(p.path(), p.position(int64(i)), "syntax",
					"white space is required between attributes")
				return true
			}
		default:
			i++
		}
	}
	return false
}

// badCharRef reports the character reference at offset i ("&#…;" or
// "&#x…;") when it names a code point XML 1.0 does not allow. References
// that are not well formed are left to the tokenizer.
func (p *parser) badCharRef(i int) bool {
	d := p.data
	k := i + 1
	if k >= len(d) || d[k] != '#' {
		return false
	}
	k++
	base := 10
	if k < len(d) && d[k] == 'x' {
		base = 16
		k++
	}
	start, v := k, 0
	for ; k < len(d); k++ {
		n := digitValue(d[k], base)
		if n < 0 {
			break
		}
		if v <= 0x10FFFF {
			v = v*base + n
		}
	}
	if k == start || k >= len(d) || d[k] != ';' {
		return false
	}
	if v <= 0x10FFFF && isXMLChar(rune(v)) {
		return false
	}
	what := fmt.Sprintf("U+%04X", v)
	switch {
	case v > 0x10FFFF:
		what = "beyond U+10FFFF"
	case v >= 0xD800 && v <= 0xDFFF:
		what = fmt.Sprintf("the surrogate U+%04X", v)
	}
	p.addError(p.path(), p.position(int64(i)), "character",
		fmt.Sprintf("character reference %s names %s, which is not an XML character", d[i:k+1], what))
	return true
}

// digitValue returns the value of c as a digit in base 10 or 16, or -1.
func digitValue(c byte, base int) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case base == 16 && c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case base == 16 && c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
