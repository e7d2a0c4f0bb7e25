// Package place writes the XPath-style paths of the findings of a walk
// over a document (/Response/Gather[1]/DTMF[2]/@value) in time linear in
// the document and the bytes written.
//
// A walker makes a Node for each element on the way to a finding, linked
// to its parent, and one for each attribute a finding is about. Nodes
// carry no path until Resolve writes the paths of a whole set at once into
// one string, deepest first, so that the path of a node is a prefix of
// the path of one of its descendants wherever it can be: a chain of
// findings one per level costs time linear in the depth, not quadratic.
// Compare orders two nodes as their paths compare, without writing them,
// so findings can be sorted before their paths exist.
package place

import (
	"bytes"
	"cmp"
	"strconv"
	"strings"
)

// Node is one step of a path: an element counted among its same-named
// siblings (name[index]), the root (/Response) or an attribute (/@name),
// linked to the step above it.
type Node struct {
	parent *Node
	// name is the element's name, such as Say, comment() or text(); for an
	// attribute, its name without the @.
	name string
	// index is the element's 1-based position among its same-named
	// siblings; the root and attributes write none.
	index int
	kind  uint8
	depth int
	// size is the length of the whole path.
	size int
	// state tells whether Resolve has given the node a place in the string
	// it is writing (claimed), wrote it there (written, at start:end) or
	// gave it its path.
	state      uint8
	start, end int
	path       string
}

// The kinds of a Node.
const (
	element uint8 = iota
	root
	attr
)

// The states of a Node.
const (
	fresh uint8 = iota
	claimed
	written
)

// Tree makes Nodes, many to an allocation.
type Tree struct {
	slab []Node
}

// maxSlab is the number of nodes one allocation of a Tree holds at most.
const maxSlab = 256

func (t *Tree) alloc() *Node {
	if len(t.slab) == cap(t.slab) {
		t.slab = make([]Node, 0, min(max(8, 2*cap(t.slab)), maxSlab))
	}
	t.slab = t.slab[:len(t.slab)+1]
	return &t.slab[len(t.slab)-1]
}

// Reserve makes room for n more nodes (up to maxSlab) in one allocation.
func (t *Tree) Reserve(n int) {
	if cap(t.slab)-len(t.slab) < n {
		t.slab = make([]Node, 0, min(n, maxSlab))
	}
}

// Root returns a new root node, /name.
func (t *Tree) Root(name string) *Node {
	n := t.alloc()
	*n = Node{name: name, kind: root, size: 1 + len(name)}
	return n
}

// Element returns the node of the element name[index], a child of parent.
func (t *Tree) Element(parent *Node, name string, index int) *Node {
	n := t.alloc()
	*n = Node{parent: parent, name: name, index: index, depth: parent.depth + 1}
	n.size = parent.size + stepSize(n)
	return n
}

// Attr returns the node of the attribute name of parent's element.
func (t *Tree) Attr(parent *Node, name string) *Node {
	n := t.alloc()
	*n = Node{parent: parent, name: name, kind: attr, depth: parent.depth + 1}
	n.size = parent.size + stepSize(n)
	return n
}

// Depth returns the number of steps above n.
func (n *Node) Depth() int { return n.depth }

// Path returns the path of n, which Resolve must have written.
func (n *Node) Path() string { return n.path }

// stepSize is the length of n's own step.
func stepSize(n *Node) int {
	switch n.kind {
	case attr:
		return len("/@") + len(n.name)
	case root:
		return len("/") + len(n.name)
	}
	return len("/[]") + len(n.name) + digits(n.index)
}

// digits is the number of bytes strconv.Itoa(i) writes.
func digits(i int) int {
	d := 1
	if i < 0 {
		d, i = 2, -i
	}
	for ; i >= 10; i /= 10 {
		d++
	}
	return d
}

// appendStep appends n's own step to b.
func appendStep(b []byte, n *Node) []byte {
	switch n.kind {
	case attr:
		return append(append(b, "/@"...), n.name...)
	case root:
		return append(append(b, '/'), n.name...)
	}
	b = append(append(b, '/'), n.name...)
	return append(strconv.AppendInt(append(b, '['), int64(n.index), 10), ']')
}

// Resolve writes the path of every node of ns and of their ancestors on
// the way, all into one string: the deepest nodes first, each ancestor's
// path a prefix of the first descendant's written through it. The nodes
// of one Tree are resolved once; nodes resolved before keep their paths.
func Resolve(ns []*Node) {
	if len(ns) == 0 {
		return
	}
	// The bottoms of the chains to write, deepest first: a chain is a
	// bottom node and the ancestors no deeper chain went through.
	bottoms := make([]*Node, 0, len(ns))
	total, claims, longest := 0, 0, 0
	for _, n := range deepestFirst(ns) {
		if n.state != fresh || n.path != "" {
			continue
		}
		bottoms = append(bottoms, n)
		total += n.size
		chain := 0
		for a := n; a != nil && a.state == fresh && a.path == ""; a = a.parent {
			a.state = claimed
			chain++
		}
		claims += chain
		longest = max(longest, chain)
	}
	var b strings.Builder
	b.Grow(total)
	chain, done := make([]*Node, 0, longest), make([]*Node, 0, claims)
	for _, n := range bottoms {
		chain = chain[:0]
		a := n
		for ; a != nil && a.state == claimed; a = a.parent {
			chain = append(chain, a)
		}
		start := b.Len()
		switch {
		case a == nil:
		case a.state == written:
			// Within the capacity Grow made, writing never moves what
			// is written.
			b.WriteString(b.String()[a.start:a.end])
		default:
			b.WriteString(a.path)
		}
		for i := len(chain) - 1; i >= 0; i-- {
			c := chain[i]
			writeStep(&b, c)
			c.state, c.start, c.end = written, start, b.Len()
		}
		done = append(done, chain...)
	}
	all := b.String()
	for _, n := range done {
		n.path, n.state = all[n.start:n.end], fresh
	}
}

// writeStep writes n's own step to b.
func writeStep(b *strings.Builder, n *Node) {
	var buf [64]byte
	b.Write(appendStep(buf[:0], n))
}

// deepestFirst returns ns ordered by depth, deepest first, keeping the
// order of nodes at one depth: a counting sort, linear in the nodes and
// the depth.
func deepestFirst(ns []*Node) []*Node {
	if len(ns) < 2 {
		return ns
	}
	maxDepth := 0
	for _, n := range ns {
		maxDepth = max(maxDepth, n.depth)
	}
	// start[d] is the index in out of the first node at depth maxDepth-d.
	start := make([]int, maxDepth+2)
	for _, n := range ns {
		start[maxDepth-n.depth+1]++
	}
	for d := 1; d < len(start); d++ {
		start[d] += start[d-1]
	}
	out := make([]*Node, len(ns))
	for _, n := range ns {
		d := maxDepth - n.depth
		out[start[d]] = n
		start[d]++
	}
	return out
}

// Compare returns strings.Compare of the paths of a and b without writing
// them. It walks up from both to where they meet, then down the two
// chains: the first steps whose bytes differ decide, a path is before the
// paths it is a prefix of, and two nodes with the same step below one
// parent (made twice for one element) count as one. Comparing neighbours
// in document order costs little however deep they are.
func Compare(a, b *Node) int {
	if a == b {
		return 0
	}
	// xs and ys are the nodes from a and b up to, not including, the
	// ancestor they share (all of them, for two trees).
	var bx, by [32]*Node
	xs, ys := bx[:0], by[:0]
	x, y := a, b
	for x.depth > y.depth {
		xs, x = append(xs, x), x.parent
	}
	for y.depth > x.depth {
		ys, y = append(ys, y), y.parent
	}
	for x != y {
		xs, ys = append(xs, x), append(ys, y)
		x, y = x.parent, y.parent
	}
	var sbx, sby [64]byte
	i, j := len(xs)-1, len(ys)-1
	for ; i >= 0 && j >= 0; i, j = i-1, j-1 {
		sx, sy := appendStep(sbx[:0], xs[i]), appendStep(sby[:0], ys[j])
		if c := compareSteps(sx, sy); c != 0 {
			return c
		}
		// One step is a prefix of the other: the byte after the shorter
		// one in its own path decides, the end of the path or the / of
		// the next step.
		switch {
		case len(sx) < len(sy):
			if i == 0 {
				return -1
			}
			if c := sy[len(sx)]; c != '/' {
				return cmp.Compare('/', c)
			}
			return compareSlow(a, b) // a name with a / in it
		case len(sy) < len(sx):
			if j == 0 {
				return 1
			}
			if c := sx[len(sy)]; c != '/' {
				return cmp.Compare(c, '/')
			}
			return compareSlow(a, b)
		}
	}
	// Equal steps all the way down one of the chains: its path is a prefix
	// of the other's.
	switch {
	case i < 0 && j < 0:
		return 0
	case i < 0:
		return -1
	}
	return 1
}

// compareSteps compares two steps by their first differing byte, and
// returns 0 when one is a prefix of the other.
func compareSteps(x, y []byte) int {
	n := min(len(x), len(y))
	return bytes.Compare(x[:n], y[:n])
}

// compareSlow compares the paths of a and b written out.
func compareSlow(a, b *Node) int {
	return bytes.Compare(appendPath(make([]byte, 0, a.size), a), appendPath(make([]byte, 0, b.size), b))
}

// appendPath appends the whole path of n to b.
func appendPath(b []byte, n *Node) []byte {
	if n == nil {
		return b
	}
	if n.path != "" {
		return append(b, n.path...)
	}
	return appendStep(appendPath(b, n.parent), n)
}
