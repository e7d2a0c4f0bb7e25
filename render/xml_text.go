package render

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// text reads character data up to the next markup: references are
// replaced, line ends normalised to LF (XML 1.0 §2.11), and "]]>", a
// forbidden character or invalid UTF-8 refused. The text is a substring of
// the source unless something had to be replaced.
func (s *scanner) text() bool {
	src, start := s.src, s.i
	buf := s.buf[:0]
	copied := false
	last, i := start, start
	for i < len(src) {
		c := src[i]
		if textByte[c] {
			i++
			continue
		}
		switch {
		case c == '<':
			goto done
		case c == '&':
			buf = append(buf, src[last:i]...)
			var ok bool
			if buf, i, ok = s.reference(buf, i); !ok {
				return false
			}
			last, copied = i, true
		case c == '\r':
			buf = append(buf, src[last:i]...)
			buf = append(buf, '\n')
			i = crEnd(src, i)
			last, copied = i, true
		case c == ']':
			if strings.HasPrefix(src[i:], "]]>") {
				return s.syntax(i, `"]]>" is not allowed in text (it is written ]]&gt;)`)
			}
			i++
		default:
			n := s.charAt(i)
			if n == 0 {
				return false
			}
			i += n
		}
	}
done:
	text := src[start:i]
	if copied {
		buf = append(buf, src[last:i]...)
		text = string(buf)
	}
	s.buf = buf
	s.i = i
	s.tok = token{kind: tokText, off: start, text: text, attrs: s.tok.attrs[:0]}
	return true
}

// crEnd returns the offset after the line end that starts with the CR at
// offset i: a CRLF or a lone CR.
func crEnd(src string, i int) int {
	if i+1 < len(src) && src[i+1] == '\n' {
		return i + 2
	}
	return i + 1
}

// charAt checks the character at offset i, which is not plain ASCII
// text: it returns its size, or 0 after reporting it when it is invalid
// UTF-8 or a character XML 1.0 forbids.
func (s *scanner) charAt(i int) int {
	if c := s.src[i]; c < utf8.RuneSelf {
		if c >= 0x20 || c == '\t' || c == '\n' || c == '\r' {
			return 1
		}
		s.charError(i)
		return 0
	}
	_, size := decodeRuneAt(s.src, i)
	if size == 0 {
		s.charError(i)
	}
	return size
}

// checkChars checks every character of src[i:j], returning false after
// reporting the first bad one.
func (s *scanner) checkChars(i, j int) bool {
	for i < j {
		if c := s.src[i]; c >= 0x20 && c < utf8.RuneSelf {
			i++
			continue
		}
		n := s.charAt(i)
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// attrValue reads the quoted attribute value that starts at offset i (at
// its quote) and returns it with the offset after the closing quote, or
// -1. References are replaced and white space normalised as XML 1.0
// §3.3.3 has it: each tab, LF, CR or CRLF written literally becomes one
// space, while a reference such as &#xA; gives its character.
func (s *scanner) attrValue(i int) (string, int) {
	src := s.src
	q := src[i]
	start := i + 1
	buf := s.buf[:0]
	copied := false
	last := start
	for i = start; i < len(src); {
		c := src[i]
		if attrByte[c] {
			i++
			continue
		}
		switch {
		case c == q:
			value := src[start:i]
			if copied {
				buf = append(buf, src[last:i]...)
				value = string(buf)
			}
			s.buf = buf
			return value, i + 1
		case c == '"' || c == '\'':
			i++
		case c == '<':
			s.syntax(i, "< is not allowed in an attribute value (it is written &lt;)")
			return "", -1
		case c == '&':
			buf = append(buf, src[last:i]...)
			var ok bool
			if buf, i, ok = s.reference(buf, i); !ok {
				return "", -1
			}
			last, copied = i, true
		case c == '\t' || c == '\n' || c == '\r':
			buf = append(buf, src[last:i]...)
			buf = append(buf, ' ')
			if c == '\r' {
				i = crEnd(src, i)
			} else {
				i++
			}
			last, copied = i, true
		default:
			n := s.charAt(i)
			if n == 0 {
				return "", -1
			}
			i += n
		}
	}
	s.syntax(i, "unexpected end of input in an attribute value")
	return "", -1
}

// reference reads the entity or character reference at offset i (at its
// &), appends the character it stands for to buf and returns buf with the
// offset after the reference.
func (s *scanner) reference(buf []byte, i int) ([]byte, int, bool) {
	src := s.src
	if i+1 < len(src) && src[i+1] == '#' {
		return s.charRef(buf, i)
	}
	name, j := s.name(i + 1)
	if s.err != nil {
		return buf, i, false
	}
	if name == "" {
		return buf, i, s.syntax(i, "& must start a reference such as &amp; (a & in text is written &amp;)")
	}
	if j >= len(src) || src[j] != ';' {
		return buf, i, s.syntax(i, "reference &%s is not ended by ;", name)
	}
	var c byte
	switch name {
	case "amp":
		c = '&'
	case "lt":
		c = '<'
	case "gt":
		c = '>'
	case "quot":
		c = '"'
	case "apos":
		c = '\''
	default:
		return buf, i, s.syntax(i, "invalid character entity &%s; (only &amp; &lt; &gt; &quot; &apos; and character references are defined)", name)
	}
	return append(buf, c), j + 1, true
}

// charRef reads the character reference at offset i ("&#…;" or "&#x…;").
func (s *scanner) charRef(buf []byte, i int) ([]byte, int, bool) {
	src := s.src
	k := i + 2
	base := 10
	if k < len(src) && src[k] == 'x' {
		base = 16
		k++
	}
	digits, v := k, 0
	for ; k < len(src); k++ {
		n := digitValue(src[k], base)
		if n < 0 {
			break
		}
		if v <= utf8.MaxRune {
			v = v*base + n
		}
	}
	if k == digits || k >= len(src) || src[k] != ';' {
		return buf, i, s.syntax(i, "malformed character reference %s: write &#digits; or &#xhex;", quoteShort(src[i:min(k+1, len(src))]))
	}
	ref := src[i : k+1]
	if v <= utf8.MaxRune && isXMLChar(rune(v)) {
		return utf8.AppendRune(buf, rune(v)), k + 1, true
	}
	what := fmt.Sprintf("U+%04X", v)
	switch {
	case v > utf8.MaxRune:
		what = "beyond U+10FFFF"
	case v >= 0xD800 && v <= 0xDFFF:
		what = "the surrogate " + what
	}
	return buf, i, s.fail(i, "character", "character reference %s names %s, which is not an XML character", ref, what)
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
