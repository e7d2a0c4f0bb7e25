package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
)

// checkEncoding reports an XML declaration at the start of the document
// that names an encoding other than UTF-8, before encoding/xml would report
// it without a position.
func (p *parser) checkEncoding() bool {
	data := bytes.TrimPrefix(p.data, []byte("\uFEFF"))
	return p.reportEncoding(len(p.data) - len(data))
}

// reportEncoding reports the declaration at byte offset off when it names
// an encoding other than UTF-8.
func (p *parser) reportEncoding(off int) bool {
	enc := declaredEncoding(p.data[off:])
	if enc == "" || strings.EqualFold(enc, "utf-8") {
		return false
	}
	p.addError("/", p.position(int64(off)), "encoding",
		fmt.Sprintf("encoding %q is not supported: documents must be UTF-8", enc))
	return true
}

// declaredEncoding returns the encoding named by the XML declaration that
// data starts with, or "".
func declaredEncoding(data []byte) string {
	if !bytes.HasPrefix(data, []byte("<?xml")) || len(data) < 6 || !isXMLSpace(data[5]) {
		return ""
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return "" // a syntax error, reported by the decoder
	}
	return pseudoAttr(string(data[5:end]), "encoding")
}

// pseudoAttr returns the value of the pseudo-attribute name in the content
// of an XML declaration, or "".
func pseudoAttr(content, name string) string {
	for {
		i := strings.Index(content, name)
		if i < 0 {
			return ""
		}
		rest := strings.TrimLeft(content[i+len(name):], " \t\r\n")
		content = content[i+len(name):]
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\r\n")
		if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
			return ""
		}
		q := rest[0]
		rest = rest[1:]
		if j := strings.IndexByte(rest, q); j >= 0 {
			return rest[:j]
		}
		return ""
	}
}

// procInst accepts the XML declaration at the very start of the document
// and refuses every other processing instruction.
func (p *parser) procInst(t xml.ProcInst, off int64, pos Position) {
	if t.Target == "xml" {
		first := off == 0 ||
			off == 3 && p.tokens == 1 && bytes.HasPrefix(p.data, []byte("\uFEFF")) // after a byte-order mark
		if first {
			return
		}
		p.addError(p.path(), pos, "declaration", "the XML declaration must come first in the document")
		return
	}
	p.addError(p.path(), pos, "processing-instruction",
		fmt.Sprintf("processing instruction <?%s?> is not allowed", t.Target))
}
