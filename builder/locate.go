package flow

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/opentact-go/opentact/internal/place"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// locate gives every recorded problem the path of its node in r, sorted
// as render.Diagnostics.Sort sorts them. A node that stands at several
// places (a sub-flow used twice) is reported at each.
//
// The walk keeps no path: a problem records the place of its node, linked
// to its parent's (internal/place), and the paths are written once the
// walk is over, into one string, each ancestor's path a prefix of a
// descendant's where it can be. The children of an element are walked in
// the order of their steps, so the problems come out in path order
// without comparing paths, which a deep flow makes long: a flow with a
// problem at every level costs time linear in its size and in the bytes
// of the paths.
func locate(r *verbs.Response, is map[verbs.Node][]issue) render.Diagnostics {
	if len(is) == 0 {
		return nil
	}
	problems := 0
	for _, xs := range is {
		problems += len(xs)
	}
	st := locPool.Get().(*locStacks)
	l := locator{
		is:     is,
		frames: st.frames[:0],
		kids:   st.kids[:0],
		// A node met at several places has its problems at each: this is
		// the least there are.
		found: make([]located, 0, problems),
	}
	l.tree.Reserve(problems + 16)
	l.frames = append(l.frames, locFrame{pn: l.tree.Root("Response")})
	l.withPlace = 1
	l.children(r, nil)
	// Every frame and child was cleared as it was left: the pool keeps
	// no node alive.
	l.frames[0] = locFrame{}
	if cap(l.frames) <= maxPooledLoc && cap(l.kids) <= maxPooledLoc {
		st.frames, st.kids = l.frames[:0], l.kids[:0]
		locPool.Put(st)
	}
	if len(l.found) == 0 {
		return nil
	}
	sorted := true
	ns := make([]*place.Node, len(l.found))
	for i, f := range l.found {
		ns[i] = f.pn
		if i > 0 && place.Compare(ns[i-1], f.pn) > 0 {
			// Names no flow of the builder makes (a raw element's holding
			// a / or a [): the paths decide, once they are written.
			sorted = false
		}
	}
	place.Resolve(ns)
	ds := make(render.Diagnostics, len(l.found))
	for i, f := range l.found {
		ds[i] = render.Diagnostic{Path: f.pn.Path(), Severity: render.SeverityError, Rule: f.x.rule, Message: "flow: " + f.x.msg}
	}
	if !sorted {
		ds.Sort()
	}
	return ds
}

// locStacks are the frames and children of a locator, kept between calls
// so that locating the problems of a deep flow does not grow them anew.
type locStacks struct {
	frames []locFrame
	kids   []locKid
}

var locPool = sync.Pool{New: func() any {
	return &locStacks{frames: make([]locFrame, 0, 16), kids: make([]locKid, 0, 32)}
}}

// maxPooledLoc is the capacity beyond which the stacks grown by a deep
// flow are left to the garbage collector.
const maxPooledLoc = 1 << 13

// locator walks a document for locate.
type locator struct {
	is   map[verbs.Node][]issue
	tree place.Tree
	// frames are the elements from the root to the one being walked; the
	// first withPlace have their place, made when a problem needed it.
	frames    []locFrame
	withPlace int
	// kids holds the children of the elements being walked, each list
	// after its parent's.
	kids  []locKid
	found []located
}

// locFrame is an element being walked: its step and, once a problem
// needed it, its place.
type locFrame struct {
	name  string
	index int
	pn    *place.Node
}

// locKid is a child about to be walked, with its step.
type locKid struct {
	n     verbs.Node
	name  string
	index int
}

// located is a problem and the place of its node or attribute.
type located struct {
	pn *place.Node
	x  issue
}

// here returns the place of the element being walked, making those of
// the frames that have none yet.
func (l *locator) here() *place.Node {
	for d := l.withPlace; d < len(l.frames); d++ {
		f := &l.frames[d]
		f.pn = l.tree.Element(l.frames[d-1].pn, f.name, f.index)
	}
	l.withPlace = len(l.frames)
	return l.frames[len(l.frames)-1].pn
}

// own reports the problems of n, the element of the top frame, and
// returns those of its attributes, sorted by name: the paths of
// attributes sort so, and those of one name keep the order they were
// recorded in. It is kept out of children (noinline), whose frame is on
// the stack once per level of the document.
//
//go:noinline
func (l *locator) own(n verbs.Node) []issue {
	var attrs []issue
	for _, x := range l.is[n] {
		if x.attr == "" {
			l.found = append(l.found, located{l.here(), x})
		} else {
			attrs = append(attrs, x)
		}
	}
	if len(attrs) > 1 {
		slices.SortStableFunc(attrs, func(a, b issue) int { return cmp.Compare(a.attr, b.attr) })
	}
	return attrs
}

// children walks the children of n, the element of the top frame, in the
// order of their steps, and reports the problems of n's attributes attrs
// (sorted by name) among them where their paths sort.
func (l *locator) children(n verbs.Node, attrs []issue) {
	base := len(l.kids)
	kids := l.collect(n)
	for len(kids) > 0 || len(attrs) > 0 {
		if len(attrs) > 0 && (len(kids) == 0 || compareAttrKid(attrs[0].attr, &kids[0]) <= 0) {
			l.attr(attrs[0])
			attrs = attrs[1:]
			continue
		}
		k := &kids[0]
		kids = kids[1:]
		l.frames = append(l.frames, locFrame{name: k.name, index: k.index})
		l.children(k.n, l.own(k.n))
		l.frames[len(l.frames)-1] = locFrame{}
		l.frames = l.frames[:len(l.frames)-1]
		l.withPlace = min(l.withPlace, len(l.frames))
	}
	clear(l.kids[base:])
	l.kids = l.kids[:base]
}

// collect appends the children of n to l.kids, with their steps, sorted
// by them, and returns them. It is kept out of children (noinline).
//
//go:noinline
func (l *locator) collect(n verbs.Node) []locKid {
	base := len(l.kids)
	verbs.EachEntry(n, func(_ int, k verbs.Node) {
		if !verbs.IsNil(k) {
			l.kids = append(l.kids, locKid{n: k, name: place.StepName(k)})
		}
	})
	kids := l.kids[base:]
	countSiblings(kids)
	if !slices.IsSortedFunc(kids, compareKids) {
		slices.SortFunc(kids, compareKids)
	}
	return kids
}

// attr reports the problem x of an attribute of the element of the top
// frame.
func (l *locator) attr(x issue) {
	l.found = append(l.found, located{l.tree.Attr(l.here(), x.attr), x})
}

// countSiblings gives each of kids its 1-based position among its
// same-named siblings: in a short list by counting the ones before it, in
// a long one with a map.
func countSiblings(kids []locKid) {
	if len(kids) <= 16 {
		for i := range kids {
			kids[i].index = 1
			for _, k := range kids[:i] {
				if k.name == kids[i].name {
					kids[i].index++
				}
			}
		}
		return
	}
	counts := make(map[string]int)
	for i := range kids {
		counts[kids[i].name]++
		kids[i].index = counts[kids[i].name]
	}
}

// compareKids orders children by their steps, name[index], as their paths
// sort.
func compareKids(a, b locKid) int {
	switch {
	case a.name == b.name:
		if a.index < 10 && b.index < 10 {
			// One digit each: the numbers sort as their text does.
			return cmp.Compare(a.index, b.index)
		}
	case !strings.HasPrefix(a.name, b.name) && !strings.HasPrefix(b.name, a.name):
		// The names differ before either ends.
		return strings.Compare(a.name, b.name)
	}
	var ba, bb [64]byte
	return bytes.Compare(kidStep(ba[:0], &a), kidStep(bb[:0], &b))
}

// compareAttrKid orders the attribute attr of an element and its child k
// by their steps, @attr and name[index]. It is kept out of children
// (noinline).
//
//go:noinline
func compareAttrKid(attr string, k *locKid) int {
	var ba, bb [64]byte
	return bytes.Compare(append(append(ba[:0], '@'), attr...), kidStep(bb[:0], k))
}

// kidStep appends the step of k, without its leading /, to b.
func kidStep(b []byte, k *locKid) []byte {
	b = append(append(b, k.name...), '[')
	return append(strconv.AppendInt(b, int64(k.index), 10), ']')
}
