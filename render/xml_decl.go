package render

import (
	"fmt"
	"strings"
)

// prolog reads what may open the document: a UTF-8 byte-order mark and
// the XML declaration. A UTF-16 or UTF-32 document, with or without its
// byte-order mark, is refused here: its every other byte is NUL (three of
// every four for UTF-32).
func (s *scanner) prolog() {
	src := s.src
	switch {
	case strings.HasPrefix(src, "\x00\x00\xFE\xFF"), strings.HasPrefix(src, "\xFF\xFE\x00\x00"):
		s.fail(0, "encoding", "the document is UTF-32 (it starts with a UTF-32 byte-order mark): documents must be UTF-8")
		return
	case len(src) >= 4 && (src[0] == 0 && src[1] == 0 && src[2] == 0 && src[3] != 0 || src[0] != 0 && src[1] == 0 && src[2] == 0 && src[3] == 0):
		s.fail(0, "encoding", "the document looks like UTF-32 without a byte-order mark (three NUL bytes with every character): documents must be UTF-8")
		return
	case strings.HasPrefix(src, "\xFE\xFF"), strings.HasPrefix(src, "\xFF\xFE"):
		s.policy(0, "encoding", "the document is UTF-16 (it starts with a UTF-16 byte-order mark): documents must be UTF-8")
		return
	case len(src) >= 2 && (src[0] == 0 && src[1] != 0 || src[0] != 0 && src[1] == 0):
		s.policy(0, "encoding", "the document looks like UTF-16 without a byte-order mark (NUL bytes between its characters): documents must be UTF-8")
		return
	case strings.HasPrefix(src, "\uFEFF"):
		s.i = len("\uFEFF")
	}
	if strings.HasPrefix(src[s.i:], "<?xml") && (len(src) == s.i+5 || isXMLSpace(src[s.i+5]) || src[s.i+5] == '?') {
		s.decl(s.i)
	}
}

// policy stops the scanner on well-formed XML that Opentact documents do
// not use.
func (s *scanner) policy(off int, rule, format string, args ...any) {
	s.fail(off, rule, format, args...)
	s.err.policy = true
}

// decl reads the XML declaration at offset start, strictly:
//
//	'<?xml' S 'version' Eq '1.0' (S 'encoding' Eq EncName)? (S 'standalone' Eq ('yes'|'no'))? S? '?>'
//
// with single or double quotes. Only version 1.0 and the encoding UTF-8
// (in any case) are accepted.
func (s *scanner) decl(start int) {
	src := s.src
	i := start + len("<?xml")
	names := [...]string{"version", "encoding", "standalone"}
	next := 0 // the first pseudo-attribute that may come next
	for {
		j := skipSpace(src, i)
		if strings.HasPrefix(src[j:], "?>") {
			if next == 0 {
				s.syntax(j, "the XML declaration has no version: write <?xml version=\"1.0\"?>")
				return
			}
			s.i = j + 2
			return
		}
		if j == i {
			s.declError(j, "white space is required before each pseudo-attribute")
			return
		}
		k := next
		for k < len(names) && !strings.HasPrefix(src[j:], names[k]) {
			k++
		}
		if k == len(names) || next == 0 && k != 0 {
			s.declError(j, "expected %s", declExpected(next))
			return
		}
		name := names[k]
		value, end, ok := s.declValue(j + len(name))
		if !ok {
			return
		}
		switch name {
		case "version":
			if !isVersionNum(value) {
				s.declError(j+len(name), `version %q is not of the form "1.x"`, value)
				return
			}
			if value != "1.0" {
				s.policy(start, "syntax", "unsupported version %q; only version 1.0 is supported", value)
				return
			}
		case "encoding":
			if !isEncName(value) {
				s.declError(j+len(name), "encoding %q is not an encoding name", value)
				return
			}
			if !strings.EqualFold(value, "UTF-8") {
				s.policy(start, "encoding", "encoding %q is not supported: documents must be UTF-8", value)
				return
			}
		case "standalone":
			if value != "yes" && value != "no" {
				s.declError(j+len(name), `standalone %q must be "yes" or "no"`, value)
				return
			}
		}
		next, i = k+1, end
	}
}

// declEncoding reports, for an XML declaration at offset start that is
// not at the start of the document, an encoding other than UTF-8: it is
// the likelier cause.
func (s *scanner) declEncoding(start int) bool {
	probe := scanner{src: s.src}
	probe.decl(start)
	if e := probe.err; e != nil && e.policy && e.rule == "encoding" {
		s.err = e
		return true
	}
	return false
}

// declExpected names what may come at a point of the declaration.
func declExpected(next int) string {
	switch next {
	case 0:
		return `version="1.0"`
	case 1:
		return "encoding, standalone or ?>"
	case 2:
		return "standalone or ?>"
	}
	return "?>"
}

// declValue reads `Eq "value"` from offset i in the declaration.
func (s *scanner) declValue(i int) (value string, end int, ok bool) {
	src := s.src
	i = skipSpace(src, i)
	if i >= len(src) || src[i] != '=' {
		s.declError(i, "expected =")
		return "", 0, false
	}
	i = skipSpace(src, i+1)
	if i >= len(src) || src[i] != '"' && src[i] != '\'' {
		s.declError(i, "expected a quoted value")
		return "", 0, false
	}
	q := src[i]
	k := strings.IndexByte(src[i+1:], q)
	if k < 0 {
		s.declError(i, "the value is not closed")
		return "", 0, false
	}
	value = src[i+1 : i+1+k]
	for j := 0; j < len(value); j++ {
		if c := value[j]; c < 0x20 || c >= 0x7F || c == '?' || c == '<' || c == '>' {
			s.declError(i+1+j, "unexpected %s in a value", quoteByte(src, i+1+j))
			return "", 0, false
		}
	}
	return value, i + 2 + k, true
}

// declError stops the scanner on a malformed XML declaration.
func (s *scanner) declError(off int, format string, args ...any) {
	if off < len(s.src) && s.src[off] >= 0x80 {
		if _, size := decodeRuneAt(s.src, off); size == 0 {
			s.charError(off)
			return
		}
	}
	s.syntax(off, "malformed XML declaration: %s", fmt.Sprintf(format, args...))
}

// isVersionNum reports whether v is "1." followed by digits.
func isVersionNum(v string) bool {
	if len(v) < 3 || !strings.HasPrefix(v, "1.") {
		return false
	}
	for i := 2; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// isEncName reports whether v matches EncName: a letter, then letters,
// digits, '.', '_' and '-'.
func isEncName(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i]
		letter := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
			return false
		}
	}
	return v != ""
}
