package render

import (
	"strconv"
	"strings"

	"github.com/opentact-go/opentact/verbs"
)

// comment writes <!--Text--> where the output stands. Comment text cannot
// be escaped, so a "--", a final "-", a carriage return (parsers read it
// as a line feed) or a character XML forbids is a fault.
func (w *writer) comment(c *verbs.Comment) {
	if bad := invalidCharAt(c.Text); bad >= 0 {
		w.fail(fault{node: c, offset: bad, reason: invalidCharReason(c.Text, bad)})
		return
	}
	if i := strings.Index(c.Text, "--"); i >= 0 {
		w.fail(fault{node: c, offset: i, reason: `comment contains "--"`})
		return
	}
	if i := strings.IndexByte(c.Text, '\r'); i >= 0 {
		w.fail(fault{node: c, offset: i, reason: "comment contains a carriage return, which every XML parser reads as a line feed"})
		return
	}
	if strings.HasSuffix(c.Text, "-") {
		w.fail(fault{node: c, offset: len(c.Text) - 1, reason: `comment ends in "-"`})
		return
	}
	w.buf = append(w.buf, "<!--"...)
	w.buf = append(w.buf, c.Text...)
	w.buf = append(w.buf, "-->"...)
}

// raw writes an element the SDK does not model. When it holds text other
// than white space, its whole content is written inline so that the text
// is kept exactly; otherwise its element and comment children are laid out
// like those of a known element and white-space text is dropped.
func (w *writer) raw(e *verbs.RawElement) {
	w.indent()
	if !w.rawStart(e) {
		return
	}
	switch {
	case hasRawText(e.Children):
		w.rawInline(e.Children)
		w.endTag(e.Name)
		w.newline()
	case hasRawMarkup(e.Children):
		writeChildren(w, e.Name, e.Children)
	default:
		w.end()
	}
}

// rawStart writes the start tag of e up to its last attribute and reports
// whether that went well.
func (w *writer) rawStart(e *verbs.RawElement) bool {
	if bad := invalidNameAt(e.Name); bad >= 0 {
		w.fail(fault{node: e, offset: bad, reason: "invalid element name " + strconv.Quote(e.Name)})
		return false
	}
	w.startInline(e, e.Name)
	w.extra(e.Attrs)
	return !w.failed()
}

// rawInline writes the children of a raw element with no added white
// space, then closes the start tag before them with '>'.
func (w *writer) rawInline(kids []verbs.RawChild) {
	parent := w.cur
	w.buf = append(w.buf, '>')
	w.depth++
	defer func() { w.depth-- }()
	for i, k := range kids {
		if w.failed() {
			return
		}
		if verbs.IsNil(k) {
			w.fail(fault{node: parent, child: i + 1, offset: -1, reason: "nil node"})
			return
		}
		if w.depth > maxWriteDepth {
			w.fail(fault{node: k, offset: -1, reason: "nesting deeper than " + strconv.Itoa(maxWriteDepth) + " levels"})
			return
		}
		switch v := k.(type) {
		case *verbs.RawText:
			var bad int
			w.buf, bad = appendEscaped(w.buf, v.Text, false)
			if bad >= 0 {
				w.fail(fault{node: v, offset: bad, reason: invalidCharReason(v.Text, bad)})
			}
		case *verbs.Comment:
			w.comment(v)
		case *verbs.RawElement:
			if !w.rawStart(v) {
				return
			}
			if rawEmpty(v.Children) {
				w.buf = append(w.buf, '/', '>')
				continue
			}
			w.rawInline(v.Children)
			w.endTag(v.Name)
		}
	}
}

// hasRawText reports whether kids hold text other than white space.
func hasRawText(kids []verbs.RawChild) bool {
	for _, k := range kids {
		if t, ok := k.(*verbs.RawText); ok && t != nil && strings.TrimLeft(t.Text, " \t\r\n") != "" {
			return true
		}
	}
	return false
}

// hasRawMarkup reports whether kids hold anything but text, nil nodes
// included so that the writer reports them.
func hasRawMarkup(kids []verbs.RawChild) bool {
	for _, k := range kids {
		if t, ok := k.(*verbs.RawText); !ok || t == nil {
			return true
		}
	}
	return false
}

// rawEmpty reports whether kids write nothing inline.
func rawEmpty(kids []verbs.RawChild) bool {
	for _, k := range kids {
		if t, ok := k.(*verbs.RawText); !ok || t == nil || t.Text != "" {
			return false
		}
	}
	return true
}
