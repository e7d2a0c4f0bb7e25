package render

import (
	"cmp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/opentact-go/opentact/internal/place"
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
		kids := entries(n)
		for i, idx := range siblingIndexes(kids) {
			if idx > 0 {
				visit(kids[i], path+"/"+place.StepName(kids[i])+"["+strconv.Itoa(idx)+"]", depth+1)
			}
		}
		delete(onStack, n)
	}
	visit(r, "/Response", 0)
	return paths
}

// entries returns the entries of the child list of n, nil ones included.
func entries(n verbs.Node) []verbs.Node {
	var out []verbs.Node
	verbs.EachEntry(n, func(_ int, c verbs.Node) { out = append(out, c) })
	return out
}

// siblingIndexes returns the 1-based position of each item of a child list
// among its same-named siblings; a nil or typed-nil item gets 0.
func siblingIndexes(kids []verbs.Node) []int {
	out := make([]int, len(kids))
	count := make(map[string]int, len(kids))
	for i, k := range kids {
		if verbs.IsNil(k) {
			continue
		}
		step := place.StepName(k)
		count[step]++
		out[i] = count[step]
	}
	return out
}

// loc names the node a finding is about, relative to the node being
// checked, the top of the checker's stack: that node itself (here), or its
// child at index pos of its child list, nil entries included. Check keeps
// no path while it walks; a finding records the place of its node, and
// the paths are written out once the walk is over (resolvePaths), so a
// clean document costs no path at all.
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

// pathOf returns the place of the node at l, making the places of the
// stack that no finding needed before. The frames that have one are
// always the first c.withPath of the stack, so a finding costs only the
// frames pushed since the previous one: a chain of findings one per level
// is linear in the depth.
func (c *checker) pathOf(l loc) *place.Node {
	if len(c.stack) == 0 {
		return c.tree.Root("Response")
	}
	var parent *place.Node
	if c.withPath > 0 {
		parent = c.stack[c.withPath-1].pn
	}
	for d := c.withPath; d < len(c.stack); d++ {
		f := &c.stack[d]
		switch {
		case d == 0:
			f.pn = c.tree.Root("Response")
		case c.kid != nil && c.kidOf == d-1 && c.kidPos == f.pos:
			// A finding about this child came before its own: one place
			// for both, so that their paths share their bytes.
			f.pn = c.kid
		default:
			f.pn = c.step(parent, c.stack[d-1].node, f.node, f.pos)
		}
		parent = f.pn
	}
	c.withPath = len(c.stack)
	if l.child == nil {
		return parent
	}
	top := len(c.stack) - 1
	if c.kid == nil || c.kidOf != top || c.kidPos != l.pos {
		c.kid, c.kidOf, c.kidPos = c.step(parent, c.stack[top].node, l.child, l.pos), top, l.pos
	}
	return c.kid
}

// step returns the place of n, child pos of the node of parent.
func (c *checker) step(parent *place.Node, parentNode, n verbs.Node, pos int) *place.Node {
	return c.tree.Element(parent, place.StepName(n), c.siblingIndex(parentNode, pos))
}

// pending is a finding whose path resolvePaths writes: the place of its
// node, or of its attribute.
type pending struct {
	i  int // index in c.ds
	pn *place.Node
}

// resolvePaths writes the path of every finding, all into one string
// (place.Resolve): a chain of findings one per level costs time linear in
// the depth and the bytes of the paths.
func (c *checker) resolvePaths() {
	ns := make([]*place.Node, len(c.pending))
	for i, p := range c.pending {
		ns[i] = p.pn
	}
	place.Resolve(ns)
	for _, p := range c.pending {
		c.ds[p.i].Path = p.pn.Path()
	}
	c.pending = nil
}

// inOrder reports whether the findings are in the order Diagnostics.Sort
// gives them: by line, column and path, the paths compared by their places
// before they are written. Findings come in document order, so comparing
// neighbours walks each part of the tree a few times at most.
func (c *checker) inOrder() bool {
	for i := 1; i < len(c.pending); i++ {
		a, b := &c.ds[c.pending[i-1].i], &c.ds[c.pending[i].i]
		if d := cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col)); d != 0 {
			if d > 0 {
				return false
			}
			continue
		}
		if place.Compare(c.pending[i-1].pn, c.pending[i].pn) > 0 {
			return false
		}
	}
	return true
}

// siblingIndex returns the 1-based position of child pos of parent among
// its same-named siblings. In a short list they are counted on the spot,
// without copying the list; the positions of a longer list are counted
// once per Check: they depend on the parent node alone, which Check never
// changes.
func (c *checker) siblingIndex(parent verbs.Node, pos int) int {
	if idx, ok := c.indexes[parent]; ok {
		return idx[pos]
	}
	var k verbs.Node
	n := 0
	verbs.EachEntry(parent, func(i int, e verbs.Node) {
		if i == pos {
			k = e
		}
		n++
	})
	if pos >= n {
		return 0
	}
	if n <= shortList {
		return sameNameIndex(parent, k, pos)
	}
	idx := siblingIndexes(entries(parent))
	if c.indexes == nil {
		c.indexes = make(map[verbs.Node][]int)
	}
	c.indexes[parent] = idx
	return idx[pos]
}

// shortList is the length up to which siblingIndex counts on the spot.
const shortList = 32

// sameNameIndex returns the 1-based position of k, entry pos of parent's
// child list, among its same-named siblings.
func sameNameIndex(parent, k verbs.Node, pos int) int {
	step := place.StepName(k)
	n := 1
	verbs.EachEntry(parent, func(i int, e verbs.Node) {
		if i < pos && !verbs.IsNil(e) && place.StepName(e) == step {
			n++
		}
	})
	return n
}

// attrPath is the path of an element's attribute.
func attrPath(elem, attr string) string {
	return elem + "/@" + strings.ToValidUTF8(attr, string(utf8.RuneError))
}
