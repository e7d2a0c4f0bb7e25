package flowgraph

import (
	"fmt"
	"strings"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// The rules of Lint, stable identifiers as render.Check's are.
const (
	RuleGatherNoFallback = "gather-no-fallback" // a menu with neither <Default> nor <Error>
	RuleDialNoError      = "dial-no-error"      // a Dial that says nothing when nobody answers
	RuleCallbackNoError  = "callback-no-error"  // a Callback that says nothing when its URL fails
	RuleDialFallthrough  = "dial-fallthrough"   // prompts that also run after a successful Dial
	RuleDTMFStopValue    = "dtmf-stop-value"    // a DTMF value holding the key that ends entry
	RuleNoHangup         = "no-hangup"          // a path on which the document just runs out
)

// Lint returns the flow warnings of a document: findings about how calls
// move through it, which render.Check, looking at one element at a time,
// does not make. Each is a warning with an XPath path and, when positions
// of a parsed document are given (render.Document.Positions; nil
// otherwise), its line and column. The findings are sorted.
func Lint(doc *verbs.Response, positions render.Positions) render.Diagnostics {
	if doc == nil {
		return nil
	}
	paths := render.Paths(doc)
	g := New(doc)
	var ds render.Diagnostics
	warn := func(n verbs.Node, rule, format string, args ...any) {
		d := render.Diagnostic{Path: paths[n], Severity: render.SeverityWarning, Rule: rule, Message: fmt.Sprintf(format, args...)}
		if p, ok := positions[n]; ok {
			d.Line, d.Col = p.Line, p.Col
		}
		ds = append(ds, d)
	}
	verbs.Inspect(doc, func(n verbs.Node) bool {
		switch v := n.(type) {
		case *verbs.Gather:
			lintGather(v, warn)
		case *verbs.Dial:
			if !hasError(v.Children) {
				warn(v, RuleDialNoError, "<Dial> has no <Error>: nothing tells the caller when nobody answers")
				lintFallthrough(g, v, paths[v], warn)
			}
		case *verbs.Callback:
			if !hasError(v.Children) {
				warn(v, RuleCallbackNoError, "<Callback> has no <Error>: the call has nothing to do when %s fails", v.URL)
			}
		}
		return n != nil
	})
	lintEnds(g, paths, warn)
	ds.Sort()
	return ds
}

type warnFunc func(n verbs.Node, rule, format string, args ...any)

func hasError[C verbs.Node](children []C) bool {
	for _, c := range children {
		if e, ok := verbs.Node(c).(*verbs.Error); ok && e != nil {
			return true
		}
	}
	return false
}

// lintGather: a menu needs a fallback, and no DTMF value may hold the key
// that ends entry (it can never be entered).
func lintGather(g *verbs.Gather, warn warnFunc) {
	stop := g.DTMFStop
	if stop == "" {
		stop = g.FinishOnKey
	}
	menu, fallback := false, false
	check := func(c verbs.Node) {
		if isNil(c) {
			return
		}
		switch v := c.(type) {
		case *verbs.DTMF:
			menu = true
			if stop != "" && strings.Contains(v.Value, stop) {
				warn(v, RuleDTMFStopValue, "value %q can never be entered: %q ends the entry (dtmf_stop)", v.Value, stop)
			}
		case *verbs.Case:
			menu = true
			if stop != "" && strings.Contains(v.DTMF, stop) {
				warn(v, RuleDTMFStopValue, "dtmf %q can never be entered: %q ends the entry (finishOnKey)", v.DTMF, stop)
			}
		case *verbs.Default, *verbs.Error:
			fallback = true
		}
	}
	for _, c := range g.Children {
		if sw, ok := c.(*verbs.Switch); ok && sw != nil {
			for _, sc := range sw.Children {
				check(sc)
			}
			continue
		}
		check(c)
	}
	if menu && !fallback {
		warn(g, RuleGatherNoFallback, "<Gather> has neither <Default> nor <Error>: a caller who presses nothing or a wrong key gets no answer from the menu")
	}
}

// lintFallthrough: after a Dial the flow goes on once the dialled party
// hangs up, so a prompt right after a Dial without <Error> plays after a
// successful call too, where it was most likely meant for "nobody answered".
func lintFallthrough(g *Graph, d *verbs.Dial, path string, warn warnFunc) {
	node, ok := g.NodeAt(path)
	if !ok {
		return
	}
	for _, e := range g.Out(node.ID) {
		if e.Kind != Next {
			continue
		}
		next, _ := g.Node(e.To)
		if next.Element == "Say" || next.Element == "Play" {
			warn(d, RuleDialFallthrough, "after a successful call the flow also goes on to the <%s> at %s: what is meant for \"nobody answered\" belongs in the Dial's <Error>, and a <Hangup/> after the Dial ends the call", next.Element, next.Path)
		}
	}
}

// lintEnds: every way a call can take to the end of the root document
// should pass a Hangup (or a Dial, whose call ends when the parties hang
// up).
func lintEnds(g *Graph, paths map[verbs.Node]string, warn warnFunc) {
	byPath := make(map[string]verbs.Node, len(paths))
	for n, p := range paths {
		byPath[p] = n
	}
	reachable := g.Reachable() // commands no call reaches are render's unreachable warning
	for _, end := range g.Nodes {
		if end.Kind != EndNode || end.Doc != "" {
			continue
		}
		for _, e := range g.In(end.ID) {
			from, _ := g.Node(e.From)
			if from.Element == "Dial" || from.Kind != CommandNode || !reachable[from.ID] {
				continue
			}
			n := byPath[from.Path]
			how := "after it"
			if e.Label != "" {
				how = "on " + e.Label
			}
			warn(n, RuleNoHangup, "the document runs out of commands %s without a <Hangup/>: end the call explicitly", how)
		}
	}
}
