package render

import "github.com/opentact-go/opentact/verbs"

// maxWriteDepth bounds the nesting the writer follows, so that a document
// holding itself (a Gather inside one of its own DTMF branches) is an error
// instead of endless recursion.
const maxWriteDepth = 1000

const xmlDeclaration = `<?xml version="1.0" encoding="UTF-8"?>`

const indentSpaces = "                                                                "

// writer appends a document to buf in one pass. The first problem is kept
// in fault and stops the writing, like bufio.Writer's sticky error.
type writer struct {
	buf     []byte
	compact bool
	// depth is the nesting depth of the element being written; the
	// children of <Response> are at depth 1.
	depth int
	// cur is the node whose start tag or text is being written, and
	// tagStart the offset of that start tag in buf.
	cur      verbs.Node
	tagStart int
	fault    fault
}

func (w *writer) failed() bool { return w.fault.reason != "" }

// fail records f unless an earlier fault is already recorded.
func (w *writer) fail(f fault) {
	if !w.failed() {
		w.fault = f
	}
}

func (w *writer) newline() {
	if !w.compact {
		w.buf = append(w.buf, '\n')
	}
}

func (w *writer) indent() {
	if w.compact {
		return
	}
	for n := 2 * w.depth; n > 0; n -= len(indentSpaces) {
		w.buf = append(w.buf, indentSpaces[:min(n, len(indentSpaces))]...)
	}
}

// start begins the start tag of n on a new line.
func (w *writer) start(n verbs.Node, name string) {
	w.indent()
	w.startInline(n, name)
}

// startInline begins the start tag of n where the output stands.
func (w *writer) startInline(n verbs.Node, name string) {
	w.cur = n
	w.tagStart = len(w.buf)
	w.buf = append(w.buf, '<')
	w.buf = append(w.buf, name...)
}

// end closes an element that has no content: `/>`.
func (w *writer) end() {
	w.buf = append(w.buf, '/', '>')
	w.newline()
}

// text writes the escaped text content of the current element and its end
// tag, or closes it empty when text is "".
func (w *writer) text(name, s string) {
	if s == "" {
		w.end()
		return
	}
	w.buf = append(w.buf, '>')
	var bad int
	w.buf, bad = appendEscaped(w.buf, s, false)
	if bad >= 0 {
		w.fail(fault{node: w.cur, offset: bad, reason: invalidCharReason(s, bad)})
		return
	}
	w.endTag(name)
	w.newline()
}

func (w *writer) endTag(name string) {
	w.buf = append(w.buf, '<', '/')
	w.buf = append(w.buf, name...)
	w.buf = append(w.buf, '>')
}

// writeChildren writes list as the content of the current element, one level
// deeper, and its end tag; an empty list closes the element empty.
func writeChildren[T verbs.Node](w *writer, name string, list []T) {
	if len(list) == 0 {
		w.end()
		return
	}
	parent := w.cur
	w.buf = append(w.buf, '>')
	w.newline()
	w.depth++
	for i, n := range list {
		if w.failed() {
			return
		}
		w.node(parent, i, n)
	}
	w.depth--
	w.indent()
	w.endTag(name)
	w.newline()
}
