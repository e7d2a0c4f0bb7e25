package render

import (
	"strconv"

	"github.com/opentact-go/opentact/verbs"
)

// document writes the declaration and the <Response> root.
func (w *writer) document(r *verbs.Response) {
	if r == nil {
		w.fail(fault{offset: -1, reason: "nil document"})
		return
	}
	w.buf = append(w.buf, xmlDeclaration...)
	w.newline()
	w.element(r)
}

// node writes n, the i-th (0-based) child of parent. Attributes are written
// in the order of table.Element.Attrs.
func (w *writer) node(parent verbs.Node, i int, n verbs.Node) {
	if verbs.IsNil(n) {
		w.fail(fault{node: parent, child: i + 1, offset: -1, reason: "nil node"})
		return
	}
	if w.depth > maxWriteDepth {
		w.fail(fault{node: n, offset: -1, reason: "nesting deeper than " + strconv.Itoa(maxWriteDepth) + " levels"})
		return
	}
	if w.element(n) {
		return
	}
	switch v := n.(type) {
	case *verbs.Comment:
		w.indent()
		w.comment(v)
		w.newline()
	case *verbs.RawElement:
		w.raw(v)
	case *verbs.RawText:
		// Only white space reaches here: a raw element holding other
		// text is written inline. Between elements it is layout.
	default:
		w.fail(fault{node: parent, child: i + 1, offset: -1, reason: "unsupported node"})
	}
}
