// Package legacy rewrites documents of the legacy Opentact dialect into the
// current one (xml.md §3), for `opentact fmt -modernize`.
package legacy

import (
	"fmt"
	"strings"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// Rule is the rule of every finding Modernize reports.
const Rule = "modernize"

// Modernize rewrites, in place, the legacy parts of r that the current
// dialect can say:
//
//   - Gather numDigits → dtmf_length, finishOnKey → dtmf_stop, callback → url;
//   - the prompts (Say, Play, Pause) inside a Gather move before it, where the
//     current dialect places them;
//   - a Switch's Case branches become DTMF branches of the Gather, and its
//     Default and Error become the Gather's;
//   - a Dial's Sip and Number destinations become To.
//
// What has no current form (Gather attempts, timeout and method, Dial
// timeout and record, a Case key A–D that a DTMF value cannot hold, a
// Switch whose Default or Error the Gather already has, unknown attributes
// of a Switch) is kept as it is and reported as a warning at its path, with
// its line and column when positions (of the parsed document) are given.
func Modernize(r *verbs.Response, positions render.Positions) render.Diagnostics {
	if r == nil {
		return nil
	}
	m := &modernizer{paths: render.Paths(r), positions: positions}
	r.Commands = m.list(r.Commands, 0)
	return m.ds
}

type modernizer struct {
	paths     map[verbs.Node]string
	positions render.Positions
	ds        render.Diagnostics
}

func (m *modernizer) keep(n verbs.Node, suffix, format string, args ...any) {
	d := render.Diagnostic{Path: m.paths[n] + suffix, Severity: render.SeverityWarning, Rule: Rule,
		Message: "not modernized: " + fmt.Sprintf(format, args...)}
	if p, ok := m.positions[n]; ok {
		d.Line, d.Col = p.Line, p.Col
	}
	m.ds = append(m.ds, d)
}

// maxDepth bounds the nesting Modernize follows, as render.Check does.
const maxDepth = 1000

// list modernizes a command list and returns it, prompts moved out of the
// Gathers that held them.
func (m *modernizer) list(cmds []verbs.Command, depth int) []verbs.Command {
	if depth > maxDepth {
		return cmds
	}
	out := make([]verbs.Command, 0, len(cmds))
	for _, c := range cmds {
		switch v := c.(type) {
		case *verbs.Gather:
			if v != nil {
				out = append(out, m.gather(v, depth)...)
				continue
			}
		case *verbs.Dial:
			if v != nil {
				m.dial(v, depth)
			}
		default:
			m.nested(c, depth)
		}
		out = append(out, c)
	}
	return out
}

// nested modernizes the command lists held by a command other than Gather
// and Dial.
func (m *modernizer) nested(c verbs.Command, depth int) {
	switch v := c.(type) {
	case *verbs.Error:
		if v != nil {
			v.Commands = m.list(v.Commands, depth+1)
		}
	case *verbs.Call:
		if v != nil {
			v.Commands = m.list(v.Commands, depth+1)
		}
	case *verbs.Geo:
		if v != nil {
			v.Commands = m.list(v.Commands, depth+1)
		}
	case *verbs.Schedule:
		if v != nil {
			v.Commands = m.list(v.Commands, depth+1)
		}
	case *verbs.Record:
		if v != nil {
			v.Commands = m.list(v.Commands, depth+1)
		}
	case *verbs.Callback:
		if v != nil {
			errorLists(m, v.Children, depth)
		}
	case *verbs.Curl:
		if v != nil {
			errorLists(m, v.Children, depth)
		}
	}
}

// errorLists modernizes the command list of the <Error> among children.
func errorLists[C verbs.Node](m *modernizer, children []C, depth int) {
	for _, c := range children {
		if e, ok := verbs.Node(c).(*verbs.Error); ok && e != nil {
			e.Commands = m.list(e.Commands, depth+1)
		}
	}
}

// gather modernizes a Gather and returns the commands that replace it: its
// prompts, then the Gather.
func (m *modernizer) gather(g *verbs.Gather, depth int) []verbs.Command {
	if g.NumDigits.Set {
		if g.DTMFLength.Set && g.DTMFLength != g.NumDigits {
			m.keep(g, "/@numDigits", "dtmf_length is also set, to another value")
		} else {
			g.DTMFLength, g.NumDigits = g.NumDigits, verbs.Opt[int]{}
		}
	}
	if g.FinishOnKey != "" {
		if g.DTMFStop != "" && g.DTMFStop != g.FinishOnKey {
			m.keep(g, "/@finishOnKey", "dtmf_stop is also set, to another key")
		} else {
			g.DTMFStop, g.FinishOnKey = g.FinishOnKey, ""
		}
	}
	if g.Callback != "" {
		if g.URL != "" && g.URL != g.Callback {
			m.keep(g, "/@callback", "url is also set, to another URL")
		} else {
			g.URL, g.Callback = g.Callback, ""
		}
	}
	if g.Attempts.Set {
		m.keep(g, "/@attempts", "the current dialect has no attempts attribute")
	}
	if g.Timeout.Set {
		m.keep(g, "/@timeout", "the current dialect has no Gather timeout")
	}
	if g.Method != "" {
		m.keep(g, "/@method", "the current dialect documents no method for the url request")
	}

	var prompts []verbs.Command
	children := make([]verbs.GatherChild, 0, len(g.Children))
	has := map[string]bool{}
	for _, c := range g.Children {
		switch v := c.(type) {
		case *verbs.DTMF:
			if v != nil {
				has["DTMF "+v.Value] = true
			}
		case *verbs.Default:
			has["Default"] = true
		case *verbs.Error:
			has["Error"] = true
		}
	}
	for _, c := range g.Children {
		switch v := c.(type) {
		case verbs.Prompt:
			prompts = append(prompts, v)
		case *verbs.Switch:
			if v != nil {
				children = append(children, m.switchBranches(v, has, depth)...)
			}
		case *verbs.DTMF:
			if v != nil {
				v.Commands = m.list(v.Commands, depth+1)
			}
			children = append(children, c)
		case *verbs.Default:
			if v != nil {
				v.Commands = m.list(v.Commands, depth+1)
			}
			children = append(children, c)
		case *verbs.Error:
			if v != nil {
				v.Commands = m.list(v.Commands, depth+1)
			}
			children = append(children, c)
		default:
			children = append(children, c)
		}
	}
	g.Children = children
	return append(prompts, g)
}

// switchBranches returns what replaces a Switch among the children of its
// Gather: its branches as DTMF, Default and Error, or the Switch itself
// when one of them has no current form.
func (m *modernizer) switchBranches(sw *verbs.Switch, has map[string]bool, depth int) []verbs.GatherChild {
	ok := true
	if len(sw.Extra) > 0 {
		m.keep(sw, "", "the attributes of <Switch> have no place in the current dialect")
		ok = false
	}
	for _, c := range sw.Children {
		switch v := c.(type) {
		case *verbs.Case:
			switch {
			case v == nil:
			case strings.ContainsAny(v.DTMF, "ABCD"):
				m.keep(v, "/@dtmf", "a DTMF value cannot hold the keys A to D (%q)", v.DTMF)
				ok = false
			case has["DTMF "+v.DTMF]:
				m.keep(v, "/@dtmf", "the Gather already has a <DTMF value=%q>", v.DTMF)
				ok = false
			}
		case *verbs.Default:
			if has["Default"] {
				m.keep(v, "", "the Gather already has a <Default>")
				ok = false
			}
		case *verbs.Error:
			if has["Error"] {
				m.keep(v, "", "the Gather already has an <Error>")
				ok = false
			}
		}
	}
	for _, c := range sw.Children {
		switch v := c.(type) {
		case *verbs.Case:
			if v != nil {
				v.Commands = m.list(v.Commands, depth+1)
			}
		case *verbs.Default:
			if v != nil {
				v.Commands = m.list(v.Commands, depth+1)
			}
		case *verbs.Error:
			if v != nil {
				v.Commands = m.list(v.Commands, depth+1)
			}
		}
	}
	if !ok {
		return []verbs.GatherChild{sw}
	}
	out := make([]verbs.GatherChild, 0, len(sw.Children))
	var tail []verbs.GatherChild // Default and Error go after every DTMF
	for _, c := range sw.Children {
		switch v := c.(type) {
		case *verbs.Case:
			if v != nil {
				out = append(out, &verbs.DTMF{Value: v.DTMF, Commands: v.Commands, Extra: v.Extra})
			}
		case *verbs.Default:
			tail = append(tail, v)
		case *verbs.Error:
			tail = append(tail, v)
		case *verbs.Comment:
			out = append(out, v)
		case *verbs.RawElement:
			out = append(out, v)
		}
	}
	return append(out, tail...)
}

// dial turns Sip and Number destinations into To.
func (m *modernizer) dial(d *verbs.Dial, depth int) {
	if d.Timeout.Set {
		m.keep(d, "/@timeout", "the current dialect documents no Dial timeout")
	}
	if d.Record != "" {
		m.keep(d, "/@record", "the current dialect documents no Dial record attribute")
	}
	for i, c := range d.Children {
		switch v := c.(type) {
		case *verbs.Sip:
			if v != nil {
				d.Children[i] = &verbs.To{Destination: v.Address, Extra: v.Extra}
			}
		case *verbs.Number:
			if v != nil {
				d.Children[i] = &verbs.To{Destination: v.Digits, Extra: v.Extra}
			}
		}
	}
	errorLists(m, d.Children, depth)
}
