package render

import (
	"strconv"

	"github.com/opentact-go/opentact/verbs"
)

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

// attrName writes ` name="`.
func (w *writer) attrName(name string) {
	w.buf = append(w.buf, ' ')
	w.buf = append(w.buf, name...)
	w.buf = append(w.buf, '=', '"')
}

// value writes the escaped attribute value s of attribute name; base is
// the offset of s in the whole value, for the fault.
func (w *writer) value(name, s string, base int) {
	var bad int
	w.buf, bad = appendEscaped(w.buf, s, true)
	if bad >= 0 {
		w.fail(fault{node: w.cur, attr: name, offset: base + bad, reason: invalidCharReason(s, bad)})
	}
}

// attr writes a string attribute when it is not empty.
func (w *writer) attr(name, s string) {
	if s != "" {
		w.optString(name, verbs.Some(s))
	}
}

// optString writes a string attribute when it is set, even if empty.
func (w *writer) optString(name string, o verbs.Opt[string]) {
	if !o.Set {
		return
	}
	w.attrName(name)
	w.value(name, o.Val, 0)
	w.buf = append(w.buf, '"')
}

func (w *writer) optInt(name string, o verbs.Opt[int]) {
	if o.Set {
		w.intAttr(name, int64(o.Val))
	}
}

func (w *writer) optMillis(name string, o verbs.Opt[verbs.Millis]) {
	if o.Set {
		w.intAttr(name, int64(o.Val))
	}
}

func (w *writer) intAttr(name string, v int64) {
	w.attrName(name)
	w.buf = strconv.AppendInt(w.buf, v, 10)
	w.buf = append(w.buf, '"')
}

func (w *writer) optBool(name string, o verbs.Opt[bool]) {
	if o.Set {
		w.attrName(name)
		w.buf = strconv.AppendBool(w.buf, o.Val)
		w.buf = append(w.buf, '"')
	}
}

// listAttr writes a comma-separated list attribute when it is not empty.
func listAttr[T ~string](w *writer, name string, items []T) {
	if len(items) == 0 {
		return
	}
	w.attrName(name)
	base := 0
	for i, s := range items {
		if i > 0 {
			w.buf = append(w.buf, ',')
			base++
		}
		w.value(name, string(s), base)
		base += len(s)
	}
	w.buf = append(w.buf, '"')
}

// ints writes a comma-separated list of integers when it is not empty.
func (w *writer) ints(name string, items []int) {
	if len(items) == 0 {
		return
	}
	w.attrName(name)
	for i, v := range items {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		w.buf = strconv.AppendInt(w.buf, int64(v), 10)
	}
	w.buf = append(w.buf, '"')
}

// extra writes attributes the SDK does not model, after the modelled ones.
// A name that is not an XML name, or that the start tag already holds, is
// a fault: the output would not be well-formed.
func (w *writer) extra(attrs []verbs.Attr) {
	for _, a := range attrs {
		if w.failed() {
			return
		}
		if bad := invalidNameAt(a.Name); bad >= 0 {
			w.fail(fault{node: w.cur, offset: bad, reason: "invalid attribute name " + strconv.Quote(a.Name)})
			return
		}
		if w.hasAttr(a.Name) {
			w.fail(fault{node: w.cur, attr: a.Name, offset: -1, reason: "duplicate attribute"})
			return
		}
		w.optString(a.Name, verbs.Some(a.Value))
	}
}

// hasAttr reports whether the start tag being written already holds the
// attribute name. Values are escaped, so ` name="` can only be an
// attribute.
func (w *writer) hasAttr(name string) bool {
	tag := w.buf[w.tagStart:]
	for i := 0; i+len(name)+2 < len(tag); i++ {
		j := i + 1 + len(name)
		if tag[i] == ' ' && string(tag[i+1:j]) == name && tag[j] == '=' && tag[j+1] == '"' {
			return true
		}
	}
	return false
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
