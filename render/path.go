package render

import (
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/opentact-go/opentact/verbs"
)

// Paths returns the XPath-style path of every node of r, the same paths
// Check reports: 1-based positions among same-named siblings
// (/Response/Gather[1]/DTMF[2]/Say[1]), comment()[n] for comments and
// text()[n] for the text of a raw element, where comments count only among
// comments. It is keyed by node pointer, like Positions. A node that stands
// at several places of r keeps the path of its first place in document
// order; nil entries, nodes met again inside themselves and content nested
// more than 1000 levels deep are left out. A nil r has no paths.
func Paths(r *verbs.Response) map[verbs.Node]string {
	paths := make(map[verbs.Node]string)
	if r == nil {
		return paths
	}
	var visit func(n verbs.Node, path string, depth int)
	onStack := make(map[verbs.Node]bool)
	visit = func(n verbs.Node, path string, depth int) {
		if _, seen := paths[n]; !seen {
			paths[n] = path
		}
		if onStack[n] || depth > maxCheckDepth {
			return
		}
		onStack[n] = true
		kids := childrenOf(n)
		for i, p := range siblingPaths(path, kids) {
			if p != "" {
				visit(kids[i], p, depth+1)
			}
		}
		delete(onStack, n)
	}
	visit(r, "/Response", 0)
	return paths
}

// siblingPaths returns the path of each item of a child list under parent;
// a nil or typed-nil item gets "".
func siblingPaths(parent string, kids []verbs.Node) []string {
	out := make([]string, len(kids))
	for i, n := range siblingIndexes(kids) {
		if n > 0 {
			out[i] = parent + "/" + stepName(kids[i]) + "[" + strconv.Itoa(n) + "]"
		}
	}
	return out
}

// siblingIndexes returns the 1-based position of each item of a child list
// among its same-named siblings; a nil or typed-nil item gets 0.
func siblingIndexes(kids []verbs.Node) []int {
	out := make([]int, len(kids))
	count := make(map[string]int, len(kids))
	for i, k := range kids {
		if nodeIsNil(k) {
			continue
		}
		step := stepName(k)
		count[step]++
		out[i] = count[step]
	}
	return out
}

// loc names the node a finding is about, relative to the node being
// checked, the top of the checker's stack: that node itself (here), or its
// child at index pos of its child list, nil entries included. Check keeps
// no path while it walks; it turns a loc into one only when it reports a
// finding, so a clean document costs no path at all.
type loc struct {
	child verbs.Node
	pos   int
}

// here is the loc of the node being checked.
var here = loc{}

// nodeAt returns the node at l.
func (c *checker) nodeAt(l loc) verbs.Node {
	if l.child != nil {
		return l.child
	}
	if len(c.stack) == 0 {
		return nil
	}
	return c.stack[len(c.stack)-1].node
}

// path returns the path of the node at l (see Paths).
func (c *checker) path(l loc) string {
	b := append(make([]byte, 0, 64), "/Response"...)
	for d := 1; d < len(c.stack); d++ {
		b = c.appendStep(b, c.stack[d-1].node, c.stack[d].node, c.stack[d].pos)
	}
	if l.child != nil && len(c.stack) > 0 {
		b = c.appendStep(b, c.stack[len(c.stack)-1].node, l.child, l.pos)
	}
	return string(b)
}

// appendStep appends the step of n, child pos of parent, to a path.
func (c *checker) appendStep(b []byte, parent, n verbs.Node, pos int) []byte {
	b = append(b, '/')
	b = append(b, stepName(n)...)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(c.siblingIndex(parent, pos)), 10)
	return append(b, ']')
}

// siblingIndex returns the 1-based position of child pos of parent among
// its same-named siblings. In a short list they are counted on the spot;
// the positions of a longer list are counted once per Check: they depend
// on the parent node alone, which Check never changes.
func (c *checker) siblingIndex(parent verbs.Node, pos int) int {
	if n, ok := shortListIndex(parent, pos); ok {
		return n
	}
	idx, ok := c.indexes[parent]
	if !ok {
		idx = siblingIndexes(childrenOf(parent))
		if c.indexes == nil {
			c.indexes = make(map[verbs.Node][]int)
		}
		c.indexes[parent] = idx
	}
	return idx[pos]
}

// shortList is the length up to which siblingIndex counts on the spot.
const shortList = 32

// shortListIndex returns the 1-based position of child pos of parent
// among its same-named siblings, if its child list is short.
func shortListIndex(parent verbs.Node, pos int) (int, bool) {
	switch v := parent.(type) {
	case *verbs.Response:
		return sameNameIndex(v.Commands, pos)
	case *verbs.Record:
		return sameNameIndex(v.Commands, pos)
	case *verbs.Dial:
		return sameNameIndex(v.Children, pos)
	case *verbs.Gather:
		return sameNameIndex(v.Children, pos)
	case *verbs.DTMF:
		return sameNameIndex(v.Commands, pos)
	case *verbs.Default:
		return sameNameIndex(v.Commands, pos)
	case *verbs.Error:
		return sameNameIndex(v.Commands, pos)
	case *verbs.Callback:
		return sameNameIndex(v.Children, pos)
	case *verbs.Curl:
		return sameNameIndex(v.Children, pos)
	case *verbs.Call:
		return sameNameIndex(v.Commands, pos)
	case *verbs.Geo:
		return sameNameIndex(v.Commands, pos)
	case *verbs.Schedule:
		return sameNameIndex(v.Commands, pos)
	case *verbs.Tone:
		return sameNameIndex(v.Children, pos)
	case *verbs.Switch:
		return sameNameIndex(v.Children, pos)
	case *verbs.Case:
		return sameNameIndex(v.Commands, pos)
	case *verbs.RawElement:
		return sameNameIndex(v.Children, pos)
	}
	return 0, false
}

func sameNameIndex[T verbs.Node](list []T, pos int) (int, bool) {
	if len(list) > shortList || pos >= len(list) {
		return 0, false
	}
	step := stepName(list[pos])
	n := 1
	for _, k := range list[:pos] {
		if !nodeIsNil(k) && stepName(k) == step {
			n++
		}
	}
	return n, true
}

// stepName is the name a node is counted by among its siblings.
func stepName(n verbs.Node) string {
	switch v := n.(type) {
	case *verbs.Comment:
		return "comment()"
	case *verbs.RawText:
		return "text()"
	case *verbs.RawElement:
		if v.Name == "" {
			return "*"
		}
		return strings.ToValidUTF8(v.Name, string(utf8.RuneError))
	}
	return n.ElementName()
}

// attrPath is the path of an element's attribute.
func attrPath(elem, attr string) string {
	return elem + "/@" + strings.ToValidUTF8(attr, string(utf8.RuneError))
}

// nodeIsNil reports a nil interface or an interface holding a nil pointer.
func nodeIsNil(n verbs.Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// childrenOf returns the child nodes of a non-nil node, in document order.
func childrenOf(n verbs.Node) []verbs.Node {
	switch v := n.(type) {
	case *verbs.Response:
		return asNodes(v.Commands)
	case *verbs.Record:
		return asNodes(v.Commands)
	case *verbs.Dial:
		return asNodes(v.Children)
	case *verbs.Gather:
		return asNodes(v.Children)
	case *verbs.DTMF:
		return asNodes(v.Commands)
	case *verbs.Default:
		return asNodes(v.Commands)
	case *verbs.Error:
		return asNodes(v.Commands)
	case *verbs.Callback:
		return asNodes(v.Children)
	case *verbs.Curl:
		return asNodes(v.Children)
	case *verbs.Call:
		return asNodes(v.Commands)
	case *verbs.Geo:
		return asNodes(v.Commands)
	case *verbs.Schedule:
		return asNodes(v.Commands)
	case *verbs.Tone:
		return asNodes(v.Children)
	case *verbs.Switch:
		return asNodes(v.Children)
	case *verbs.Case:
		return asNodes(v.Commands)
	case *verbs.RawElement:
		return asNodes(v.Children)
	}
	return nil
}

// asNodes converts a typed child list to a list of nodes.
func asNodes[T verbs.Node](list []T) []verbs.Node {
	out := make([]verbs.Node, len(list))
	for i, n := range list {
		out[i] = n
	}
	return out
}
