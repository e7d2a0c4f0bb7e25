package render

import "strings"

// comment reads a comment, which must not hold "--" (so it cannot end in
// "-" either). Its line ends are normalised.
func (s *scanner) comment() bool {
	src, start := s.src, s.i
	body := start + len("<!--")
	k := strings.Index(src[body:], "--")
	if k < 0 {
		return s.syntax(start, "unexpected end of input in a comment: <!-- is not closed by -->")
	}
	k += body
	if k+2 >= len(src) {
		return s.syntax(start, "unexpected end of input in a comment: <!-- is not closed by -->")
	}
	if src[k+2] != '>' {
		return s.syntax(k, `invalid sequence "--" not allowed in comments`)
	}
	text, ok := s.sectionText(body, k)
	if !ok {
		return false
	}
	s.tok = token{kind: tokComment, off: start, text: text, attrs: s.tok.attrs[:0]}
	return true
}

// cdata reads a CDATA section as text, its line ends normalised.
func (s *scanner) cdata() bool {
	src, start := s.src, s.i
	body := start + len("<![CDATA[")
	k := strings.Index(src[body:], "]]>")
	if k < 0 {
		return s.syntax(start, "unexpected end of input in a CDATA section: <![CDATA[ is not closed by ]]>")
	}
	k += body
	text, ok := s.sectionText(body, k)
	if !ok {
		return false
	}
	s.tok = token{kind: tokText, off: start, text: text, cdata: true, attrs: s.tok.attrs[:0]}
	return true
}

// sectionText returns the text of a comment or CDATA section, the bytes
// from body to end, with its characters checked and its line ends
// normalised, and moves past the three-byte terminator at end.
func (s *scanner) sectionText(body, end int) (string, bool) {
	if !s.checkChars(body, end) {
		return "", false
	}
	s.i = end + 3
	return normalizeLineEnds(s.src[body:end]), true
}

// procInst reads a processing instruction. The XML declaration is read
// by prolog at the start of the document; one anywhere else is an error.
func (s *scanner) procInst() bool {
	src, start := s.src, s.i
	target, i := s.name(start + 2)
	if target == "" {
		if s.err != nil {
			return false
		}
		return s.syntax(start+2, "<? must start a processing instruction: expected a name, found %s", quoteByte(src, start+2))
	}
	k := strings.Index(src[i:], "?>")
	if k < 0 {
		return s.syntax(start, "unexpected end of input in the processing instruction <?%s: it is not closed by ?>", target)
	}
	k += i
	if k > i && !isXMLSpace(src[i]) {
		return s.syntax(i, "white space is required after the target of <?%s", target)
	}
	if !s.checkChars(i, k) {
		return false
	}
	if strings.EqualFold(target, "xml") {
		if target == "xml" && s.declEncoding(start) {
			return false
		}
		return s.fail(start, "declaration", "the XML declaration must come first in the document")
	}
	s.i = k + 2
	s.tok = token{kind: tokPI, off: start, name: target, text: src[i:k], attrs: s.tok.attrs[:0]}
	return true
}

// doctype skips a document type declaration, internal subset included, so
// that the caller can refuse it and go on. Quoted strings, and comments
// and processing instructions of the internal subset, are skipped whole:
// a bracket, > or quote inside them ends nothing.
func (s *scanner) doctype() bool {
	src, start := s.src, s.i
	depth := 0
	for i := start + len("<!DOCTYPE"); i < len(src); i++ {
		switch c := src[i]; c {
		case '<':
			open, end := "", ""
			switch {
			case depth > 0 && strings.HasPrefix(src[i:], "<!--"):
				open, end = "<!--", "-->"
			case depth > 0 && strings.HasPrefix(src[i:], "<?"):
				open, end = "<?", "?>"
			default:
				continue
			}
			k := strings.Index(src[i+len(open):], end)
			if k < 0 {
				return s.syntax(start, "unexpected end of input in <!DOCTYPE")
			}
			i += len(open) + k + len(end) - 1
		case '"', '\'':
			k := strings.IndexByte(src[i+1:], c)
			if k < 0 {
				return s.syntax(start, "unexpected end of input in <!DOCTYPE")
			}
			i += k + 1
		case '[':
			depth++
		case ']':
			depth--
		case '>':
			if depth <= 0 {
				if !s.checkChars(start, i) {
					return false
				}
				s.i = i + 1
				s.tok = token{kind: tokDoctype, off: start, attrs: s.tok.attrs[:0]}
				return true
			}
		}
	}
	return s.syntax(start, "unexpected end of input in <!DOCTYPE")
}
