package flow

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/opentact-go/opentact/verbs"
)

// issue is a problem the builder found in one node. attr names the
// attribute it concerns, "" for the element itself.
type issue struct {
	attr, rule, msg string
}

// issues holds the problems the builder found, by node: those recorded
// here (own) and the sets of the children and sub-flows an element or flow
// took in (nested). Nested sets are frozen and shared, never copied, so a
// nesting level costs the same however deep the flow is. The path of a
// node is known only once the document is built, so problems are kept by
// node and given their path by Build.
type issues struct {
	// own are the problems recorded here, one entry a node, in the order
	// the nodes were first given: a list, not a map, since a set holds
	// one node or a few, and the nested sets of a deep flow are many.
	own []nodeIssues
	// index finds the entry of a node in own once own holds more than
	// fewIssues of them.
	index  map[verbs.Node]int
	nested []*issues
}

// nodeIssues are the problems of one node.
type nodeIssues struct {
	n  verbs.Node
	is []issue
}

// fewIssues is the number of nodes up to which a set finds a node's entry
// by comparing it with each.
const fewIssues = 8

// merge takes in the frozen set src; nil is the empty set. The problems of
// a node are fixed when the node is made, so a node met twice (the same
// sub-flow merged twice) is reported once: byNode keeps its first entry.
func (m *issues) merge(src *issues) {
	if src != nil {
		m.nested = append(m.nested, src)
	}
}

// find returns the index of the entry of n in m.own, -1 when it has none.
func (m *issues) find(n verbs.Node) int {
	if m.index != nil {
		if i, ok := m.index[n]; ok {
			return i
		}
		return -1
	}
	for i := range m.own {
		if m.own[i].n == n {
			return i
		}
	}
	return -1
}

// has reports whether m records problems of n itself (not of its nested
// sets).
func (m *issues) has(n verbs.Node) bool { return m.find(n) >= 0 }

// add records problems of the node n.
func (m *issues) add(n verbs.Node, is ...issue) {
	if len(is) == 0 {
		return
	}
	if i := m.find(n); i >= 0 {
		m.own[i].is = append(m.own[i].is, is...)
		return
	}
	m.own = append(m.own, nodeIssues{n: n, is: slices.Clone(is)})
	switch {
	case m.index != nil:
		m.index[n] = len(m.own) - 1
	case len(m.own) > fewIssues:
		m.index = make(map[verbs.Node]int, 2*len(m.own))
		for i, e := range m.own {
			m.index[e.n] = i
		}
	}
}

// freeze returns the problems as they are now, nil when there are none;
// later calls on m never show in it (they append to the lists of own past
// the lengths the copy keeps).
func (m *issues) freeze() *issues {
	if m == nil || len(m.own) == 0 && len(m.nested) == 0 {
		return nil
	}
	return &issues{own: slices.Clone(m.own), nested: slices.Clip(m.nested)}
}

// byNode returns every problem of m and its nested sets by node, reading
// each shared set once.
func (m *issues) byNode() map[verbs.Node][]issue {
	if m == nil || len(m.own) == 0 && len(m.nested) == 0 {
		return nil
	}
	all := make(map[verbs.Node][]issue)
	seen := make(map[*issues]bool)
	stack := []*issues{m}
	for len(stack) > 0 {
		set := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, e := range set.own {
			if _, ok := all[e.n]; !ok {
				all[e.n] = e.is
			}
		}
		for i := len(set.nested) - 1; i >= 0; i-- {
			if sub := set.nested[i]; !seen[sub] {
				seen[sub] = true
				stack = append(stack, sub)
			}
		}
	}
	return all
}

// settings collects what the options given to one element set. Each
// element method copies the fields it models; an option can only reach the
// elements whose option interface it implements. An element method keeps
// its settings on the stack: collect calls every apply method statically,
// so neither the settings nor the option values escape.
type settings struct {
	extra []verbs.Attr
	// own are the problems of the element under construction; nested are
	// those of the children and sub-flows the options brought along.
	own    []issue
	nested issues
	// The children given as options, in order: the first len(kids) in
	// kids, the rest in more.
	kids  [8]item
	nkids int
	more  []item
	// slow reports a child that only the tree can render and check (see
	// Flow.slow); depth is the nesting depth of the deepest child, 0 for
	// none.
	slow  bool
	depth int

	// attrs are the values of the attribute options (options_gen.go);
	// nattrs counts the attribute options given.
	attrs  attrValues
	nattrs int
}

// option is implemented by every option; the exported per-element option
// interfaces embed it, which seals them. Every type implementing it must
// have a case in applyOption.
type option interface {
	apply(*settings)
}

// collect applies opts in order to s. A nil option is recorded as a
// problem of the element.
func collect[O option](s *settings, opts []O) {
	for i, o := range opts {
		applyOption(s, i, any(o))
	}
}

// applyOption applies the i-th option o to s. It calls the apply method of
// each option type statically: a call through the interface would make s
// and every option value given to an element escape to the heap.
func applyOption(s *settings, i int, o any) {
	if applyAttrOption(s, o) {
		s.nattrs++
		return
	}
	switch o := o.(type) {
	case nil:
		s.fail("", "nil-option", "option "+strconv.Itoa(i+1)+" is nil")
	case RawAttr:
		o.apply(s)
	case Destination:
		o.apply(s)
	case Branch:
		o.apply(s)
	case DefaultBlock:
		o.apply(s)
	case ErrorBlock:
		o.apply(s)
	case MetaItem:
		o.apply(s)
	case CommentItem:
		o.apply(s)
	case RawItem:
		o.apply(s)
	case PromptList:
		o.apply(s)
	case SwitchBlock:
		o.apply(s)
	case CaseBranch:
		o.apply(s)
	default:
		// Unreachable: option is sealed and every type has a case above
		// (TestEveryOptionIsApplied).
		s.fail("", "option", "option "+strconv.Itoa(i+1)+" is not supported")
	}
}

// fail records a problem of the element under construction.
func (s *settings) fail(attr, rule, msg string) {
	s.own = append(s.own, issue{attr: attr, rule: rule, msg: msg})
}

// child appends a child together with the problems of its node (own) and
// those it holds (nested); slow and depth are its summary (see Flow). A
// node given twice (the same To value twice) keeps one list of problems.
func (s *settings) child(it item, own []issue, nested *issues, slow bool, depth int) {
	s.addChild(it)
	if len(own) > 0 {
		if !s.nested.has(it.node()) {
			s.nested.add(it.node(), own...)
		}
	}
	s.nested.merge(nested)
	s.slow = s.slow || slow || it.kind() == kindNode
	s.depth = max(s.depth, depth)
}

// addChild appends a child.
func (s *settings) addChild(it item) {
	if s.nkids < len(s.kids) {
		s.kids[s.nkids] = it
		s.nkids++
		return
	}
	if s.more == nil {
		s.more = make([]item, 0, len(s.kids))
	}
	s.more = append(s.more, it)
}

// children returns the children given as options, in a new list.
func (s *settings) children() []item {
	if s.nkids == 0 {
		return nil
	}
	out := make([]item, 0, s.nkids+len(s.more))
	out = append(out, s.kids[:s.nkids]...)
	return append(out, s.more...)
}

// recordKids is record for an element with children, which it returns
// too: a few children and the attribute values take one allocation.
func (s *settings) recordKids() (*recAttrs, []item, bool) {
	if len(s.own) > 0 || len(s.extra) > 0 || s.nattrs > 0 && refused(&s.attrs) {
		return nil, nil, false
	}
	if s.nattrs == 0 {
		return nil, s.children(), true
	}
	var a *recAttrs
	var kids []item
	switch k := s.nkids + len(s.more); {
	case k == 0:
		a = new(recAttrs)
	case k == 1:
		x := new(struct {
			a    recAttrs
			kids [1]item
		})
		a, kids = &x.a, x.kids[:0:k]
	case k == 2:
		x := new(struct {
			a    recAttrs
			kids [2]item
		})
		a, kids = &x.a, x.kids[:0:k]
	case k == 3:
		x := new(struct {
			a    recAttrs
			kids [3]item
		})
		a, kids = &x.a, x.kids[:0:k]
	case k == 4:
		x := new(struct {
			a    recAttrs
			kids [4]item
		})
		a, kids = &x.a, x.kids[:0:k]
	case k <= 6:
		x := new(struct {
			a    recAttrs
			kids [6]item
		})
		a, kids = &x.a, x.kids[:0:k]
	case k <= 8:
		x := new(struct {
			a    recAttrs
			kids [8]item
		})
		a, kids = &x.a, x.kids[:0:k]
	default:
		a, kids = new(recAttrs), make([]item, 0, k)
	}
	compact(a, &s.attrs)
	kids = append(kids, s.kids[:s.nkids]...)
	return a, append(kids, s.more...), true
}

// record returns the attribute values of settings a record can keep,
// and false when the element needs a node: a problem of the element
// itself (reported at its node), a raw attribute or an attribute records
// do not keep.
func (s *settings) record() (*recAttrs, bool) {
	if len(s.own) > 0 || len(s.extra) > 0 {
		return nil, false
	}
	return compactAttrs(&s.attrs, s.nattrs)
}

// millis converts d to whole milliseconds for the attribute attr, set by
// the option option. A sub-millisecond remainder is a problem, and the
// attribute stays unset.
func (s *settings) millis(attr, option string, d time.Duration) verbs.Opt[verbs.Millis] {
	if d%time.Millisecond != 0 {
		s.fail(attr, "duration", fmt.Sprintf("%s (%s) %v is not a whole number of milliseconds", attr, option, d))
		return verbs.Opt[verbs.Millis]{}
	}
	return verbs.Some(verbs.Millis(d / time.Millisecond))
}

// nodeWithChildren returns a new node of type N and its children: the
// collected children converted to the child type C. When there are a few
// children, the node and the array of its children are one allocation.
func nodeWithChildren[N any, C verbs.Node](s *settings) (*N, []C) {
	switch k := s.nkids + len(s.more); {
	case k == 0:
		return new(N), nil
	case k <= 2:
		a := new(struct {
			n    N
			kids [2]C
		})
		return &a.n, appendChildren(a.kids[:0:k], s)
	case k <= 4:
		a := new(struct {
			n    N
			kids [4]C
		})
		return &a.n, appendChildren(a.kids[:0:k], s)
	case k <= 8:
		a := new(struct {
			n    N
			kids [8]C
		})
		return &a.n, appendChildren(a.kids[:0:k], s)
	case k <= 16:
		a := new(struct {
			n    N
			kids [16]C
		})
		return &a.n, appendChildren(a.kids[:0:k], s)
	}
	return new(N), childrenOf[C](s)
}

// appendChildren appends the nodes of the collected children, converted
// to the child type C, to dst.
func appendChildren[C verbs.Node](dst []C, s *settings) []C {
	for i := range s.kids[:s.nkids] {
		if c, ok := s.kids[i].toNode().(C); ok {
			dst = append(dst, c)
		}
	}
	for i := range s.more {
		if c, ok := s.more[i].toNode().(C); ok {
			dst = append(dst, c)
		}
	}
	return dst
}

// childrenOf converts the collected children to the child type C of one
// element. The options given to an element only carry children that fit
// it, so the assertion holds.
func childrenOf[C verbs.Node](s *settings) []C {
	if s.nkids == 0 {
		return nil
	}
	return appendChildren(make([]C, 0, s.nkids+len(s.more)), s)
}
