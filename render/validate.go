package render

import (
	"fmt"
	"strings"
	"sync"

	"github.com/opentact-go/opentact/internal/place"
	table "github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/verbs"
)

// CheckOption configures Check and Validate.
type CheckOption func(*checkSettings)

type checkSettings struct {
	positions Positions
}

// At makes Check and Validate report the line and column of each finding
// from the positions of a parsed document. A finding about an attribute
// takes its element's position; one about a nil entry takes its parent's.
func At(p Positions) CheckOption {
	return func(s *checkSettings) { s.positions = p }
}

// Check returns every finding about r, errors and warnings, sorted by
// position and path. A nil or empty result means a clean document. Check
// never panics: nil documents, nil and typed-nil entries in any list and
// nodes that contain themselves are reported as errors.
//
// The Rule of a finding is a stable identifier. Errors: required, blank
// (text only white space), range, enum, dtmf, lang, url, destination,
// state, time (the value rules of the attributes), one-of (Play URL or
// record, Meta value or text), empty-text, order and duplicate (children
// out of order or repeated, repeated values), xml-char (invalid UTF-8 or a
// character XML forbids), comment, attr-name, extra-attr, element-name,
// root-attr, nil, cycle, depth and internal. Warnings: legacy, legacy-mix,
// unreachable, error-first, gather-unused, dtmf-length,
// duplicate-destination, destination-form, audio-ext, record-ref,
// call-field, state-case, county and overnight.
func Check(r *verbs.Response, opts ...CheckOption) Diagnostics {
	c := checker{root: r}
	if len(opts) > 0 {
		c.positions = settingsOf(opts).positions
	}
	if r == nil {
		c.errorf(here, "nil", "the document is nil")
		c.resolvePaths()
		return c.ds
	}
	sp := stackPool.Get().(*[]checkFrame)
	c.stack = (*sp)[:0]
	c.node(r, 0, 0)
	if cap(c.stack) <= maxPooledStack {
		// pop cleared every frame: the pool keeps no node alive.
		*sp = c.stack[:0]
		stackPool.Put(sp)
	}
	// Sorting compares paths, which a deep document makes long: the
	// places of the findings tell first whether they are in order already.
	sorted := c.inOrder()
	c.resolvePaths()
	if !sorted {
		c.ds.Sort()
	}
	return c.ds
}

// stackPool holds the checkers' stacks between calls, so that checking a
// clean document allocates nothing (a stack array in Check escapes, since
// the checker's recursive methods keep the slice).
var stackPool = sync.Pool{New: func() any {
	s := make([]checkFrame, 0, 16)
	return &s
}}

// maxPooledStack is the capacity beyond which a stack grown by a deep
// document is left to the garbage collector.
const maxPooledStack = 256

// settingsOf applies opts. It is apart from Check so that a call without
// options allocates no settings.
func settingsOf(opts []CheckOption) *checkSettings {
	s := new(checkSettings)
	for _, o := range opts {
		if o != nil {
			o(s)
		}
	}
	return s
}

// Validate returns nil when Check finds no error, and otherwise all of
// Check's findings (warnings included) as a Diagnostics error.
func Validate(r *verbs.Response, opts ...CheckOption) error {
	return Check(r, opts...).Err()
}

// maxCheckDepth bounds the nesting the validator descends into, far beyond
// the parser's default limit of 64, so that a hand-built document can
// neither exhaust the stack nor make paths grow without bound; deeper
// content is reported, not checked.
const maxCheckDepth = 1000

// shallowDepth is the depth up to which a node is compared with its
// ancestors one by one to find a node that contains itself; past it, the
// nodes being checked are looked up in a nodeSet.
const shallowDepth = 64

// checker collects the findings of one Check.
type checker struct {
	ds        Diagnostics
	positions Positions
	root      *verbs.Response
	// recorded holds the tags of the <Record> and <RecordStart> elements
	// met so far in document order; nil until the first one.
	recorded map[string]bool
	// started holds the tags of every <RecordStart> of the document, once
	// startsKnown: they are collected when a rule first needs them.
	started     map[string]bool
	startsKnown bool
	// stack holds the nodes being checked, the root first: the path of
	// a finding is made from it. A node found on the stack contains
	// itself; deep holds them all once the stack has gone past
	// shallowDepth, to find them without a scan.
	stack []checkFrame
	deep  nodeSet
	// withPath is the number of frames at the bottom of stack that have
	// their place: pathOf makes them in order, pop drops them.
	withPath int
	// tree makes the places of the findings.
	tree place.Tree
	// kid is the place pathOf made last for a child of a node being
	// checked: child kidPos of the node of frame kidOf. The child's frame
	// takes it when a finding needs one; pop forgets it with the parent.
	kid           *place.Node
	kidOf, kidPos int
	// indexes caches the sibling positions of the long child lists that
	// paths of findings went through.
	indexes map[verbs.Node][]int
	// pending are the findings whose paths resolvePaths writes.
	pending []pending
}

// add reports a finding about the node at l or, when isAttr, about its
// attribute attr.
func (c *checker) add(l loc, isAttr bool, attr string, sev Severity, rule, format string, args []any) {
	msg := strings.ToValidUTF8(fmt.Sprintf(format, args...), "\uFFFD")
	pn := c.pathOf(l)
	if isAttr {
		pn = c.tree.Attr(pn, strings.ToValidUTF8(attr, "\uFFFD"))
	}
	c.pending = append(c.pending, pending{i: len(c.ds), pn: pn})
	d := Diagnostic{Severity: sev, Rule: rule, Message: msg}
	if n := c.nodeAt(l); n != nil && c.positions != nil {
		if p, ok := c.positions[n]; ok {
			d.Line, d.Col = p.Line, p.Col
		}
	}
	c.ds = append(c.ds, d)
}

// errorf reports an error about the node at l.
func (c *checker) errorf(l loc, rule, format string, args ...any) {
	c.add(l, false, "", SeverityError, rule, format, args)
}

// attrErrorf reports an error about the attribute attr of the node at l.
func (c *checker) attrErrorf(l loc, attr, rule, format string, args ...any) {
	c.add(l, true, attr, SeverityError, rule, format, args)
}

// warnf reports a lint warning about the node at l.
func (c *checker) warnf(l loc, rule, format string, args ...any) {
	c.add(l, false, "", SeverityWarning, rule, format, args)
}

// attrWarnf reports a lint warning about the attribute attr of the node
// at l.
func (c *checker) attrWarnf(l loc, attr, rule, format string, args ...any) {
	c.add(l, true, attr, SeverityWarning, rule, format, args)
}

// startedTags returns the tags of every <RecordStart> of the document.
func (c *checker) startedTags() map[string]bool {
	if !c.startsKnown {
		c.startsKnown = true
		c.started = make(map[string]bool)
		if c.root != nil {
			collectStarts(c.started, c.root, new(nodeSet), 0)
		}
	}
	return c.started
}

// collectStarts records in started the tags of every <RecordStart> at or
// below n.
func collectStarts(started map[string]bool, n verbs.Node, onStack *nodeSet, depth int) {
	if verbs.IsNil(n) || depth > maxCheckDepth || onStack.has(idOf(n)) {
		return
	}
	if s, ok := n.(*verbs.RecordStart); ok && s.Tag != "" {
		started[s.Tag] = true
	}
	onStack.add(idOf(n))
	verbs.EachChild(n, func(k verbs.Node) { collectStarts(started, k, onStack, depth+1) })
	onStack.remove(idOf(n))
}

// checkFrame is a node being checked, its index in its parent's child
// list and, once a finding needed it, its place.
type checkFrame struct {
	node verbs.Node
	pos  int
	pn   *place.Node
}

// onStack reports whether n is one of the nodes being checked: it is
// compared with each while the stack is shallow, and looked up in deep
// once the stack has gone past shallowDepth.
func (c *checker) onStack(n verbs.Node) bool {
	id := idOf(n)
	if c.deep.on() {
		return c.deep.has(id)
	}
	for _, f := range c.stack {
		if idOf(f.node) == id {
			return true
		}
	}
	return false
}

// push makes n, child pos of the node being checked, the node being
// checked. When the stack first goes past shallowDepth, its nodes go into
// deep, and every node pushed after them for the rest of the Check: a
// deep document costs one lookup a node, not a scan of its ancestors.
func (c *checker) push(n verbs.Node, pos int) {
	if !c.deep.on() && len(c.stack) >= shallowDepth {
		for _, f := range c.stack {
			c.deep.add(idOf(f.node))
		}
	}
	if c.deep.on() {
		// A node is never pushed while it is on the stack (node reports
		// it as a cycle), so pop can remove it.
		c.deep.add(idOf(n))
	}
	c.stack = append(c.stack, checkFrame{node: n, pos: pos})
}

func (c *checker) pop() {
	last := len(c.stack) - 1
	if c.deep.on() {
		c.deep.remove(idOf(c.stack[last].node))
	}
	c.stack[last] = checkFrame{}
	c.stack = c.stack[:last]
	c.withPath = min(c.withPath, last)
	if last <= c.kidOf {
		c.kid = nil
	}
}

// node checks n, a non-nil child at index pos of the node being checked
// (the root when none is), and everything below it.
func (c *checker) node(n verbs.Node, pos, depth int) {
	if c.onStack(n) {
		c.errorf(loc{n, pos}, "cycle", "<%s> contains itself", n.ElementName())
		return
	}
	if depth > maxCheckDepth {
		c.errorf(loc{n, pos}, "depth", "the document is nested more than %d levels deep", maxCheckDepth)
		return
	}
	c.push(n, pos)
	defer c.pop()

	el, _ := table.Of(n)
	c.fieldRules(n, here)
	c.values(n, here)
	c.element(n, here, el)
	// Every nil entry of the child list is an error here, reported before
	// the findings of the list's rules about n, then each child is checked
	// in turn. The rules of a list report its nil entries as they go; the
	// nil entries of a list without rules are reported in the pass that
	// checks the children, whose findings have paths of their own (Sort
	// orders them the same either way).
	nilsReported := c.listRules(n)
	verbs.EachEntry(n, func(i int, k verbs.Node) {
		switch {
		case !verbs.IsNil(k):
			c.node(k, i, depth+1)
		case !nilsReported:
			c.nilEntry(i, k)
		}
	})
}

// nilEntry reports entry i of the child list of the node being checked,
// nil or a typed nil.
func (c *checker) nilEntry(i int, k verbs.Node) {
	what := "nil"
	if k != nil {
		what = fmt.Sprintf("a nil %T", k)
	}
	c.errorf(here, "nil", "child %d of <%s> is %s", i+1, c.nodeAt(here).ElementName(), what)
}

// attrRule reports a failed field rule of the attribute attr, whose field
// (and builder option) is goName, of the node at l. The message names
// both: "v (Volume) must be at most 0, got 3".
func (c *checker) attrRule(l loc, attr, goName, rule, msg string) {
	c.attrErrorf(l, attr, rule, "%s (%s) %s", attr, goName, msg)
}

// textRule reports a failed field rule of the text of the element name.
func (c *checker) textRule(l loc, name, rule, msg string) {
	c.errorf(l, rule, "<%s> text %s", name, msg)
}

// attrLabel names the attribute attr of the node at l in a message: its
// XML name and the Go name of its field and option, "v (Volume)".
func (c *checker) attrLabel(l loc, attr string) string {
	if el, ok := table.Of(c.nodeAt(l)); ok {
		return el.Label(attr)
	}
	return attr
}
