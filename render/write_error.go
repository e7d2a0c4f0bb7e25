package render

import (
	"strconv"

	"github.com/opentact-go/opentact/verbs"
)

// WriteError reports content that Append, Marshal or Encode cannot write
// as well-formed XML.
type WriteError struct {
	// Path is the XPath-style location of the element, comment, text or
	// attribute at fault, such as /Response/Say[1] or
	// /Response/Gather[1]/@url; "" for a nil document.
	Path string
	// Offset is the byte offset of the problem in the value, text, comment
	// or name at fault, or -1 when the problem has no offset.
	Offset int
	// Reason says what is wrong, such as "invalid UTF-8".
	Reason string
}

// Error formats e as "render: PATH: REASON at byte offset OFFSET", the
// wording of the validator's findings.
func (e *WriteError) Error() string {
	s := "render: "
	if e.Path != "" {
		s += e.Path + ": "
	}
	s += e.Reason
	if e.Offset >= 0 {
		s += " at byte offset " + strconv.Itoa(e.Offset)
	}
	return s
}

// fault records the first problem the writer meets. The writer stays
// allocation-free by keeping the node at fault; the path is worked out only
// when the error is reported.
type fault struct {
	// node is the element, comment or text at fault, or the parent of a
	// nil child.
	node verbs.Node
	// child is the 1-based position of a nil child in node's list, or 0.
	child int
	// attr names the attribute at fault, "" for the node itself.
	attr   string
	offset int
	reason string
}

// err returns the fault as a *WriteError with the path of its node in r.
func (f *fault) err(r *verbs.Response) error {
	e := &WriteError{Offset: f.offset, Reason: f.reason}
	if f.node == nil {
		return e
	}
	e.Path = pathOf(r, f.node)
	if f.child > 0 {
		e.Reason += " at position " + strconv.Itoa(f.child)
	}
	if f.attr != "" {
		e.Path += "/@" + f.attr
	}
	return e
}

// pathOf returns the path of the first place of n in r, as Check reports
// it; "/Response" when n lies deeper than the paths reach.
func pathOf(r *verbs.Response, n verbs.Node) string {
	if p, ok := Paths(r)[n]; ok {
		return p
	}
	return "/Response"
}
