package render

import (
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
		kids := entries(n)
		for i, idx := range siblingIndexes(kids) {
			if idx > 0 {
				visit(kids[i], path+"/"+stepName(kids[i])+"["+strconv.Itoa(idx)+"]", depth+1)
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
		step := stepName(k)
		count[step]++
		out[i] = count[step]
	}
	return out
}

// loc names the node a finding is about, relative to the node being
// checked, the top of the checker's stack: that node itself (here), or its
// child at index pos of its child list, nil entries included. Check keeps
// no path while it walks; a finding records the pathNode of its node, and
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

// pathNode is one step of the path of a node that has a finding, linked
// to its parent's: a node's steps are counted once, however many findings
// it and its descendants have.
type pathNode struct {
	parent *pathNode
	step   string // such as Say[2]; "/Response" for the root
	depth  int
	// path is the whole path, once resolvePaths wrote it: a prefix of the
	// path of a descendant shares that string's memory.
	path string
}

// pathOf returns the pathNode of the node at l, making the pathNodes of
// the stack that no finding needed before. The frames that have one are
// always the first c.withPath of the stack, so a finding costs only the
// frames pushed since the previous one: a chain of findings one per level
// is linear in the depth.
func (c *checker) pathOf(l loc) *pathNode {
	if len(c.stack) == 0 {
		return &pathNode{step: "/Response"}
	}
	var parent *pathNode
	if c.withPath > 0 {
		parent = c.stack[c.withPath-1].pn
	}
	for d := c.withPath; d < len(c.stack); d++ {
		f := &c.stack[d]
		if d == 0 {
			f.pn = &pathNode{step: "/Response"}
		} else {
			f.pn = c.step(parent, c.stack[d-1].node, f.node, f.pos)
		}
		parent = f.pn
	}
	c.withPath = len(c.stack)
	if l.child != nil && len(c.stack) > 0 {
		return c.step(parent, c.stack[len(c.stack)-1].node, l.child, l.pos)
	}
	return parent
}

// step returns the pathNode of n, child pos of the node of parent.
func (c *checker) step(parent *pathNode, parentNode, n verbs.Node, pos int) *pathNode {
	s := "/" + stepName(n) + "[" + strconv.Itoa(c.siblingIndex(parentNode, pos)) + "]"
	return &pathNode{parent: parent, step: s, depth: parent.depth + 1}
}

// pending is a finding whose path is written by resolvePaths.
type pending struct {
	i    int // index in c.ds
	pn   *pathNode
	attr string
	// isAttr: the finding is about the attribute attr.
	isAttr bool
}

// resolvePaths writes the path of every finding. The deepest nodes go
// first: writing a path also gives each ancestor on the way its path, a
// prefix of the same string, so a chain of findings one per level costs
// time linear in the depth. The paths of attributes, which cannot share
// their element's string, are written one after the other into a single
// string: one allocation for all of them, however many there are.
func (c *checker) resolvePaths() {
	attrBytes := 0
	for _, p := range deepestFirst(c.pending) {
		path := p.pn.resolve()
		if p.isAttr {
			attrBytes += len(path) + len("/@") + len(p.attr)
		}
		c.ds[p.i].Path = path
	}
	if attrBytes > 0 {
		var b strings.Builder
		b.Grow(attrBytes)
		ends := make([]int, 0, len(c.pending))
		for _, p := range c.pending {
			if p.isAttr {
				b.WriteString(c.ds[p.i].Path)
				b.WriteString("/@")
				writeValidUTF8(&b, p.attr)
				ends = append(ends, b.Len())
			}
		}
		all, start := b.String(), 0
		for _, p := range c.pending {
			if p.isAttr {
				c.ds[p.i].Path = all[start:ends[0]]
				start, ends = ends[0], ends[1:]
			}
		}
	}
	c.pending = nil
}

// writeValidUTF8 writes s to b, each run of invalid UTF-8 replaced by
// U+FFFD, as strings.ToValidUTF8 does.
func writeValidUTF8(b *strings.Builder, s string) {
	if utf8.ValidString(s) {
		b.WriteString(s)
		return
	}
	b.WriteString(strings.ToValidUTF8(s, string(utf8.RuneError)))
}

// deepestFirst returns ps ordered by the depth of their node, deepest
// first, keeping the order of findings at one depth: a counting sort,
// linear in the findings and the depth.
func deepestFirst(ps []pending) []pending {
	if len(ps) < 2 {
		return ps
	}
	maxDepth := 0
	for _, p := range ps {
		maxDepth = max(maxDepth, p.pn.depth)
	}
	// start[d] is the index in out of the first finding at depth
	// maxDepth-d.
	start := make([]int, maxDepth+2)
	for _, p := range ps {
		start[maxDepth-p.pn.depth+1]++
	}
	for d := 1; d < len(start); d++ {
		start[d] += start[d-1]
	}
	out := make([]pending, len(ps))
	for _, p := range ps {
		d := maxDepth - p.pn.depth
		out[start[d]] = p
		start[d]++
	}
	return out
}

// resolve returns the path of pn, writing it and those of its ancestors
// that have none yet.
func (pn *pathNode) resolve() string {
	if pn.path != "" {
		return pn.path
	}
	var chain []*pathNode // pn and its ancestors without a path, deepest first
	top := pn
	for ; top != nil && top.path == ""; top = top.parent {
		chain = append(chain, top)
	}
	var b strings.Builder
	if top != nil {
		b.WriteString(top.path)
	}
	ends := make([]int, len(chain))
	for i := len(chain) - 1; i >= 0; i-- {
		b.WriteString(chain[i].step)
		ends[i] = b.Len()
	}
	full := b.String()
	for i, n := range chain {
		n.path = full[:ends[i]]
	}
	return full
}

// siblingIndex returns the 1-based position of child pos of parent among
// its same-named siblings. In a short list they are counted on the spot;
// the positions of a longer list are counted once per Check: they depend
// on the parent node alone, which Check never changes.
func (c *checker) siblingIndex(parent verbs.Node, pos int) int {
	if idx, ok := c.indexes[parent]; ok {
		return idx[pos]
	}
	kids := entries(parent)
	if pos >= len(kids) {
		return 0
	}
	if len(kids) <= shortList {
		return sameNameIndex(kids, pos)
	}
	idx := siblingIndexes(kids)
	if c.indexes == nil {
		c.indexes = make(map[verbs.Node][]int)
	}
	c.indexes[parent] = idx
	return idx[pos]
}

// shortList is the length up to which siblingIndex counts on the spot.
const shortList = 32

// sameNameIndex returns the 1-based position of kids[pos] among its
// same-named siblings.
func sameNameIndex(kids []verbs.Node, pos int) int {
	step := stepName(kids[pos])
	n := 1
	for _, k := range kids[:pos] {
		if !verbs.IsNil(k) && stepName(k) == step {
			n++
		}
	}
	return n
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
