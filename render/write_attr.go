package render

import (
	"strconv"

	"github.com/opentact-go/opentact/verbs"
)

// The attribute writers below write nothing for an absent attribute: an
// empty plain string, an unset Opt, an empty list.

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
// a fault: the output would not be well-formed. The cost is linear in the
// number of attributes: the modelled part of the tag is scanned once per
// name (it is short and fixed), and the extra names are kept in a set.
func (w *writer) extra(attrs []verbs.Attr) {
	modelled := len(w.buf) - w.tagStart
	var seen map[string]struct{}
	if len(attrs) > 1 {
		seen = make(map[string]struct{}, len(attrs))
	}
	for _, a := range attrs {
		if w.failed() {
			return
		}
		if bad := invalidNameAt(a.Name); bad >= 0 {
			w.fail(fault{node: w.cur, offset: bad, reason: "invalid attribute name " + strconv.Quote(a.Name)})
			return
		}
		_, twice := seen[a.Name]
		if twice || w.hasAttr(a.Name, modelled) {
			w.fail(fault{node: w.cur, attr: a.Name, offset: -1, reason: "duplicate attribute"})
			return
		}
		if seen != nil {
			seen[a.Name] = struct{}{}
		}
		w.optString(a.Name, verbs.Some(a.Value))
	}
}

// hasAttr reports whether the first n bytes of the start tag being written
// hold the attribute name. Values are escaped, so ` name="` can only be an
// attribute.
func (w *writer) hasAttr(name string, n int) bool {
	tag := w.buf[w.tagStart : w.tagStart+n]
	for i := 0; i+len(name)+2 < len(tag); i++ {
		j := i + 1 + len(name)
		if tag[i] == ' ' && string(tag[i+1:j]) == name && tag[j] == '=' && tag[j+1] == '"' {
			return true
		}
	}
	return false
}
