package render

import (
	"fmt"
	"strings"

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
	var s checkSettings
	for _, o := range opts {
		if o != nil {
			o(&s)
		}
	}
	c := &checker{
		positions: s.positions,
		recorded:  make(map[string]bool),
		started:   make(map[string]bool),
		onStack:   make(map[verbs.Node]bool),
	}
	if r == nil {
		c.errorf(nil, "/Response", "nil", "the document is nil")
		return c.ds
	}
	c.collectStarts(r, 0)
	c.node(r, "/Response", 0)
	c.ds.Sort()
	return c.ds
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

// checker collects the findings of one Check.
type checker struct {
	ds        Diagnostics
	positions Positions
	// recorded holds the tags of the <Record> and <RecordStart> elements
	// met so far in document order.
	recorded map[string]bool
	// started holds the tags of every <RecordStart> of the document.
	started map[string]bool
	// onStack holds the nodes being checked, to stop at a node that
	// contains itself.
	onStack map[verbs.Node]bool
}

// listItem is a non-nil item of a child list with its path.
type listItem struct {
	node verbs.Node
	path string
}

func (c *checker) add(n verbs.Node, path string, sev Severity, rule, format string, args []any) {
	msg := strings.ToValidUTF8(fmt.Sprintf(format, args...), "\uFFFD")
	d := Diagnostic{Path: path, Severity: sev, Rule: rule, Message: msg}
	if n != nil && c.positions != nil {
		if p, ok := c.positions[n]; ok {
			d.Line, d.Col = p.Line, p.Col
		}
	}
	c.ds = append(c.ds, d)
}

// errorf reports an error about node n (or one of its attributes) at path.
func (c *checker) errorf(n verbs.Node, path, rule, format string, args ...any) {
	c.add(n, path, SeverityError, rule, format, args)
}

// warnf reports a lint warning about node n at path.
func (c *checker) warnf(n verbs.Node, path, rule, format string, args ...any) {
	c.add(n, path, SeverityWarning, rule, format, args)
}

// collectStarts records the tags of every <RecordStart> of the document.
func (c *checker) collectStarts(n verbs.Node, depth int) {
	if nodeIsNil(n) || depth > maxCheckDepth || c.onStack[n] {
		return
	}
	if s, ok := n.(*verbs.RecordStart); ok && s.Tag != "" {
		c.started[s.Tag] = true
	}
	c.onStack[n] = true
	for _, k := range childrenOf(n) {
		c.collectStarts(k, depth+1)
	}
	delete(c.onStack, n)
}

// node checks a non-nil node and everything below it.
func (c *checker) node(n verbs.Node, path string, depth int) {
	if c.onStack[n] {
		c.errorf(n, path, "cycle", "<%s> contains itself", n.ElementName())
		return
	}
	if depth > maxCheckDepth {
		c.errorf(n, path, "depth", "the document is nested more than %d levels deep", maxCheckDepth)
		return
	}
	c.onStack[n] = true
	defer delete(c.onStack, n)

	c.fields(n, path)
	c.values(n, path)
	c.element(n, path)
	kids := c.children(n, path)
	c.structure(n, path, kids)
	for _, k := range kids {
		c.node(k.node, k.path, depth+1)
	}
}

// children returns the non-nil children of n with their paths, reporting
// every nil entry.
func (c *checker) children(n verbs.Node, path string) []listItem {
	kids := childrenOf(n)
	paths := siblingPaths(path, kids)
	out := make([]listItem, 0, len(kids))
	for i, k := range kids {
		if paths[i] == "" {
			what := "nil"
			if k != nil {
				what = fmt.Sprintf("a nil %T", k)
			}
			c.errorf(n, path, "nil", "child %d of <%s> is %s", i+1, n.ElementName(), what)
			continue
		}
		out = append(out, listItem{node: k, path: paths[i]})
	}
	return out
}

// structure applies the rules about a node's children.
func (c *checker) structure(n verbs.Node, path string, kids []listItem) {
	switch v := n.(type) {
	case *verbs.Response, *verbs.Record, *verbs.DTMF, *verbs.Default, *verbs.Error,
		*verbs.Call, *verbs.Geo, *verbs.Schedule, *verbs.Case:
		c.commandList(kids)
	case *verbs.Dial:
		c.dialChildren(v, path, kids)
	case *verbs.Gather:
		c.gatherChildren(v, path, kids)
	case *verbs.Switch:
		c.switchChildren(kids)
	case *verbs.Callback, *verbs.Curl:
		c.atMostOneError(n, kids)
	}
}
