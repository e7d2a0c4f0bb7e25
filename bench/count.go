package bench

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// shape is what a document holds, counted from its bytes: elements,
// attributes and characters of non-blank text.
type shape struct {
	Elements, Attrs, TextBytes int
}

// measure decodes doc with encoding/xml, failing on any document that is not
// well-formed, and returns its shape.
func measure(doc []byte) (shape, error) {
	var s shape
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = true
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return s, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			s.Elements++
			s.Attrs += len(t.Attr)
		case xml.EndElement:
			depth--
		case xml.CharData:
			if text := strings.TrimSpace(string(t)); text != "" {
				s.TextBytes += len(text)
			}
		}
	}
	if depth != 0 || s.Elements == 0 {
		return s, errors.New("bench: document is incomplete")
	}
	return s, nil
}

// node is a plain struct for any element: what xml.Unmarshal fills in the
// encoding-xml parsing benchmark, the floor for a decoder on encoding/xml.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Text     string     `xml:",chardata"`
	Children []node     `xml:",any"`
}
