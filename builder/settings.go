package flow

import (
	"fmt"
	"time"

	"github.com/opentact-go/opentact/verbs"
)

// issue is a problem the builder found in one node. attr names the
// attribute it concerns, "" for the element itself.
type issue struct {
	attr, rule, msg string
}

// issues maps each node the builder made to the problems found in it. The
// path of a node is known only once the document is built, so problems
// are kept by node and given their path by Build.
type issues map[verbs.Node][]issue

// merge adds the problems of src to m, allocating m when needed. The
// problems of a node are fixed when the node is made, so a node m already
// knows keeps its entry: merging the same sub-flow twice reports nothing
// twice.
func (m *issues) merge(src issues) {
	if len(src) == 0 {
		return
	}
	if *m == nil {
		*m = make(issues, len(src))
	}
	for n, is := range src {
		if _, ok := (*m)[n]; !ok {
			(*m)[n] = is
		}
	}
}

// add records problems of the node n.
func (m *issues) add(n verbs.Node, is ...issue) {
	if len(is) == 0 {
		return
	}
	if *m == nil {
		*m = make(issues)
	}
	(*m)[n] = append((*m)[n], is...)
}

// settings collects what the options given to one element set. Each
// element method copies the fields it models; an option can only reach the
// elements whose option interface it implements.
type settings struct {
	tag   string
	extra []verbs.Attr
	// own are the problems of the element under construction; nested are
	// those of the children and sub-flows the options brought along.
	own    []issue
	nested issues
	// children are the child nodes given as options, in order.
	children []verbs.Node

	delay, length, timeout, on, off verbs.Opt[verbs.Millis]
	stop                            string
	engine                          verbs.SayType
	gender                          verbs.Gender
	voice, lang                     string
	loop, digits, volume            verbs.Opt[int]
	leg                             verbs.Leg
	asr, body, playReason           verbs.Opt[bool]
	method                          verbs.Method
	url                             string
	hz                              []int
	states                          []string
	county                          string
	days                            []verbs.Weekday
	hours                           string

	// The legacy dialect.
	numDigits, attempts, dialTimeout verbs.Opt[int]
	gatherTimeout                    verbs.Opt[verbs.Millis]
	finishOnKey, gatherCallback      string
	gatherMethod                     verbs.Method
	dialRecord                       verbs.DialRecord
}

// option is implemented by every option; the exported per-element option
// interfaces embed it, which seals them.
type option interface {
	apply(*settings)
}

// collect applies opts in order. A nil option is recorded as a problem of
// the element.
func collect[O option](opts []O) *settings {
	s := new(settings)
	for i, o := range opts {
		if any(o) == nil {
			s.fail("", "nil-option", fmt.Sprintf("option %d is nil", i+1))
			continue
		}
		o.apply(s)
	}
	return s
}

// fail records a problem of the element under construction.
func (s *settings) fail(attr, rule, msg string) {
	s.own = append(s.own, issue{attr: attr, rule: rule, msg: msg})
}

// child appends a child node together with its own problems. A node
// given twice (the same To value twice) keeps one list of problems.
func (s *settings) child(n verbs.Node, own []issue, nested issues) {
	s.children = append(s.children, n)
	if _, known := s.nested[n]; !known {
		s.nested.add(n, own...)
	}
	s.nested.merge(nested)
}

// millis converts d to whole milliseconds for the attribute attr. A
// sub-millisecond remainder is a problem, and the attribute stays unset.
func (s *settings) millis(attr string, d time.Duration) verbs.Opt[verbs.Millis] {
	if d%time.Millisecond != 0 {
		s.fail(attr, "duration", fmt.Sprintf("%s %v is not a whole number of milliseconds", attr, d))
		return verbs.Opt[verbs.Millis]{}
	}
	return verbs.Some(verbs.Millis(d / time.Millisecond))
}

// children converts the collected children to the child type C of one
// element. The options given to an element only carry children that fit
// it, so the assertion holds.
func childrenOf[C verbs.Node](s *settings) []C {
	if len(s.children) == 0 {
		return nil
	}
	out := make([]C, 0, len(s.children))
	for _, n := range s.children {
		if c, ok := n.(C); ok {
			out = append(out, c)
		}
	}
	return out
}
