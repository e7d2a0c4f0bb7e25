package flowsim

import (
	"context"
	"fmt"
	"strings"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// maxExploreRuns bounds the calls Explore makes.
const maxExploreRuns = 2000

// exploreStepLimit bounds each call Explore makes.
const exploreStepLimit = 500

// The rules of Explore's findings.
const (
	RuleDeadEnd     = "dead-end"     // error: a path ends without Hangup or Dial
	RuleLoop        = "loop"         // error: the flow comes back to the same state with no key pressed
	RuleUnreachable = "unreachable"  // warning: a branch no key path enters
	RuleFallback    = "fallback"     // error: the handler answered with its fallback flow
	RuleRequest     = "request"      // error: a request failed or returned an invalid document (warning for a URL with no route)
	RuleFallThrough = "fall-through" // warning: the flow goes on after an answered Dial
	RuleStepLimit   = "step-limit"   // error: a call reached the step limit
	RuleExplore     = "explore-limit"
)

// Explore calls the flow once for every path of caller choices up to depth
// menus deep: at each <Gather> it presses each DTMF value, a key matching
// none, and nothing (for a url Gather without DTMF children every key, or
// dtmf_length ones); the attempts of a legacy Gather are one menu, with
// every choice at the first and the last attempt and silence between; each
// <Dial> is once answered and once not. It returns
// the findings, sorted, with the path of the element and, for the source
// document, its line and column:
//
//   - dead-end (error): a path ends without a Hangup or a Dial;
//   - loop (error): the flow comes back to the same Gather of the same
//     document, or fetches the same document from the same URL, with no key
//     pressed in between;
//   - unreachable (warning): a DTMF, Case or Default branch of a Gather the
//     exploration reached that no path entered;
//   - fallback (error): a request was answered with the handler's fallback
//     flow (it failed, panicked or timed out);
//   - request (error; warning when the URL has no route): a request failed
//     or returned an invalid document;
//   - fall-through (warning): after an answered Dial the flow goes on with
//     a command other than Hangup;
//   - step-limit (error) and explore-limit (warning);
//   - the errors of a source document that does not parse or validate,
//     which no call can run.
//
// Call options (From, To, At, CallerLocation, …) set the calls' context.
func Explore(src any, depth int, opts ...Option) (render.Diagnostics, error) {
	return ExploreContext(context.Background(), src, depth, nil, opts...)
}

// ExploreContext is Explore with a context and call options.
func ExploreContext(ctx context.Context, src any, depth int, callOpts []CallOption, opts ...Option) (render.Diagnostics, error) {
	opts = append([]Option{StepLimit(exploreStepLimit)}, opts...)
	sim, err := New(src, opts...)
	if err != nil {
		return nil, err
	}
	x := &explorer{sim: sim, depth: depth, seen: map[string]bool{},
		reached: map[string]reachedGather{}, entered: map[string]bool{}}
	if d := sim.src.doc; d != nil {
		x.srcKey, x.srcPos = d.key, positionsByPath(d)
	}
	var prefix []int
	for runs := 0; ; runs++ {
		if err := ctx.Err(); err != nil {
			return x.ds, err
		}
		if runs == maxExploreRuns {
			x.add(render.Diagnostic{Path: "/", Severity: render.SeverityWarning, Rule: RuleExplore,
				Message: fmt.Sprintf("stopped after %d calls; lower the depth to explore every path", maxExploreRuns)}, "")
			break
		}
		made, alts := x.run(ctx, prefix, callOpts)
		prefix = nextPrefix(made, alts)
		if prefix == nil {
			break
		}
	}
	x.unreachable()
	x.ds.Sort()
	return x.ds, nil
}

// nextPrefix returns the choices of the next path in depth-first order,
// nil when every path was taken.
func nextPrefix(made, alts []int) []int {
	for j := len(made) - 1; j >= 0; j-- {
		if made[j]+1 < alts[j] {
			p := append([]int(nil), made[:j]...)
			return append(p, made[j]+1)
		}
	}
	return nil
}

type reachedGather struct {
	doc      *document
	branches []string // paths of the DTMF, Case and Default branches
}

type explorer struct {
	sim     *Sim
	depth   int
	ds      render.Diagnostics
	seen    map[string]bool
	srcKey  string
	srcPos  map[string]render.Position
	reached map[string]reachedGather // by doc key + path
	entered map[string]bool          // by doc key + path
}

// add records a finding once. docKey names the document the path is in.
func (x *explorer) add(d render.Diagnostic, docKey string) {
	id := d.Rule + "\x00" + d.Path + "\x00" + docKey
	if x.seen[id] {
		return
	}
	x.seen[id] = true
	if docKey == x.srcKey && x.srcPos != nil {
		p := x.srcPos[d.Path]
		d.Line, d.Col = p.Line, p.Col
	}
	x.ds = append(x.ds, d)
}

// where names a document for a message: "" for the source document.
func (x *explorer) where(doc *document) string {
	if doc == nil || doc.key == x.srcKey || doc.url == "" {
		return ""
	}
	return " (in the document from " + doc.url + ")"
}

// exploring is the chooser of one Explore call.
type exploring struct {
	x       *explorer
	r       *runner
	prefix  []int
	made    []int
	alts    []int
	keys    []string // the keys pressed so far, for messages
	gathers int
	presses int
	visits  map[string]int // state → presses when last there
}

func (e *exploring) choose(n int) int {
	i := 0
	if k := len(e.made); k < len(e.prefix) {
		i = e.prefix[k]
	}
	if i >= n {
		i = n - 1
	}
	e.made, e.alts = append(e.made, i), append(e.alts, n)
	return i
}

func (e *exploring) input(p point) Action {
	switch p.kind {
	case pointPause:
		return Press(p.stop[:1])
	case pointRecordWait:
		return Silence()
	}
	state := p.doc.key + "\x00" + p.path
	if n, ok := e.visits[state]; ok && n == e.presses && !p.retry {
		e.x.add(render.Diagnostic{Path: p.path, Severity: render.SeverityError, Rule: RuleLoop,
			Message: "the flow comes back to this Gather with no key pressed since" + e.x.where(p.doc) + e.after()}, p.doc.key)
		return Action{kind: actHangUp, keys: "depth"}
	}
	e.visits[state] = e.presses
	if p.retry {
		// The attempts of a legacy Gather are one menu: the first one and
		// the last one are explored, silence repeats the prompts between.
		if p.more {
			e.keys = append(e.keys, "(silence)")
			return Silence()
		}
	} else {
		if e.gathers >= e.x.depth {
			return Action{kind: actHangUp, keys: "depth"}
		}
		e.gathers++
	}
	b, _, _ := branchesOf(p.gather, p.path)
	rg := reachedGather{doc: p.doc, branches: append([]string(nil), b.paths...)}
	if b.def != nil {
		rg.branches = append(rg.branches, b.defPath)
	}
	e.x.reached[state] = rg
	choices := gatherChoices(p)
	a := choices[e.choose(len(choices))]
	if a.kind == actPress {
		e.presses++
		e.keys = append(e.keys, a.keys)
	} else {
		e.keys = append(e.keys, "(silence)")
	}
	return a
}

// after describes the keys pressed so far.
func (e *exploring) after() string {
	if len(e.keys) == 0 {
		return ""
	}
	return ", after keys " + strings.Join(e.keys, " ")
}

func (e *exploring) dial(_ *verbs.Dial, _ string, dests []string) DialOutcome {
	if e.choose(2) == 0 {
		return Answered("", 0, 0)
	}
	return NoAnswer()
}

// gatherChoices lists what Explore presses at a Gather.
func gatherChoices(p point) []Action {
	var out []Action
	length := max(p.length, 1)
	for _, v := range p.values {
		out = append(out, Press(v))
	}
	if len(p.values) == 0 && (p.gather.URL != "" || p.gather.Callback != "") {
		if length == 1 {
			for _, k := range "1234567890*#" {
				if string(k) != p.stop {
					out = append(out, Press(string(k)))
				}
			}
		} else {
			k := "1"
			if p.stop == k {
				k = "2"
			}
			out = append(out, Press(strings.Repeat(k, length)))
		}
	} else {
		for _, k := range "9876543210*#" {
			keys := strings.Repeat(string(k), length)
			if string(k) == p.stop || containsString(p.values, keys) {
				continue
			}
			out = append(out, Press(keys))
			break
		}
	}
	return append(out, Silence())
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// run makes one call with the choices of prefix and returns the choices
// made and how many there were at each point.
func (x *explorer) run(ctx context.Context, prefix []int, callOpts []CallOption) ([]int, []int) {
	c := x.sim.newCall(ctx, callOpts, false)
	e := &exploring{x: x, r: c.r, prefix: prefix, visits: map[string]int{}}
	c.r.pick = e
	c.r.noEvents = true
	fetched := map[string]int{}
	c.r.observe = func(o observation) {
		switch o.kind {
		case obsDocument:
			id := o.doc.url + "\x00" + o.doc.key
			if n, ok := fetched[id]; ok && n == e.presses && o.doc.url != "" {
				x.add(render.Diagnostic{Path: "/Response", Severity: render.SeverityError, Rule: RuleLoop,
					Message: "the flow fetches the same document from " + o.doc.url + " again with no key pressed since" + e.after()}, o.doc.key)
				c.r.finish(EndCaller, "Explore stopped a loop")
			}
			fetched[id] = e.presses
		case obsBlock:
			x.entered[o.doc.key+"\x00"+o.path] = true
		}
	}
	c.r.main()
	x.judge(c, e)
	return e.made, e.alts
}

// judge turns one call's transcript into findings.
func (x *explorer) judge(c *Call, e *exploring) {
	tr := c.Transcript()
	for i, st := range tr {
		switch st.Outcome {
		case FellBack:
			x.add(render.Diagnostic{Path: pathOr(st.Path), Severity: render.SeverityError, Rule: RuleFallback,
				Message: "the handler answered " + st.Exchange.Method + " " + st.Exchange.URL + " with its fallback flow (it failed, panicked or timed out)" + e.after()}, x.docKeyOf(c, st))
		case Failed, Invalid:
			if st.Exchange != nil {
				sev := render.SeverityError
				if strings.HasPrefix(st.Exchange.Err, "no route") {
					sev = render.SeverityWarning
				}
				msg := st.Exchange.Method + " " + st.Exchange.URL + " failed: " + st.Exchange.Err
				if st.Exchange.Err == "" {
					msg = st.Exchange.Method + " " + st.Exchange.URL + " returned an invalid document"
					for _, d := range st.Findings {
						msg += "; " + d.String()
					}
				}
				x.add(render.Diagnostic{Path: pathOr(st.Path), Severity: sev, Rule: RuleRequest, Message: msg}, x.docKeyOf(c, st))
			}
			if st.Element == "check" && len(st.Findings) > 0 && st.Findings[0].Rule == "step-limit" {
				x.add(render.Diagnostic{Path: pathOr(st.Findings[0].Path), Severity: render.SeverityError, Rule: RuleStepLimit,
					Message: st.Findings[0].Message + e.after()}, x.docKeyOf(c, st))
			} else if st.Element == "check" && st.Exchange == nil {
				// The source document cannot run: its findings are Explore's.
				for _, d := range st.Findings {
					x.add(d, "")
				}
			}
		}
		if st.Element == "Dial" && st.Outcome == OK && st.Document > 0 {
			for _, later := range tr[i+1:] {
				if later.Document == 0 {
					break
				}
				if later.Element == "Hangup" {
					break
				}
				if later.Element == "Error" || later.Outcome == Skipped {
					continue
				}
				x.add(render.Diagnostic{Path: st.Path, Severity: render.SeverityWarning, Rule: RuleFallThrough,
					Message: fmt.Sprintf("after the dialled party hangs up, the flow goes on with <%s> at %s", later.Element, later.Path)}, x.docKeyOf(c, st))
				break
			}
		}
	}
	switch c.End() {
	case EndDeadEnd:
		last := lastCommandStep(tr)
		x.add(render.Diagnostic{Path: pathOr(last.Path), Severity: render.SeverityError, Rule: RuleDeadEnd,
			Message: "the call ends after this command without a <Hangup> or a <Dial>" + e.after()}, x.docKeyOf(c, last))
	}
}

// docKeyOf returns the key of the document a step ran in.
func (x *explorer) docKeyOf(c *Call, st Step) string {
	if st.Document == 0 {
		return ""
	}
	if k, ok := c.r.docKeys[st.Document]; ok {
		return k
	}
	return ""
}

// lastCommandStep returns the last step that ran in a document.
func lastCommandStep(tr Transcript) Step {
	for i := len(tr) - 1; i >= 0; i-- {
		if tr[i].Document > 0 {
			return tr[i]
		}
	}
	return Step{}
}

func pathOr(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

// unreachable reports the branches of reached Gathers no path entered.
func (x *explorer) unreachable() {
	for _, rg := range x.reached {
		for _, bp := range rg.branches {
			if x.entered[rg.doc.key+"\x00"+bp] {
				continue
			}
			x.add(render.Diagnostic{Path: bp, Severity: render.SeverityWarning, Rule: RuleUnreachable,
				Message: "no key path enters this branch" + x.where(rg.doc)}, rg.doc.key)
		}
	}
}

// positionsByPath maps the paths of a parsed document to positions.
func positionsByPath(d *document) map[string]render.Position {
	if d.pos == nil {
		return nil
	}
	out := map[string]render.Position{"/Response": d.pos[d.resp]}
	var walk func(n verbs.Node, path string, depth int)
	walk = func(n verbs.Node, path string, depth int) {
		if depth > 200 {
			return
		}
		kids, paths := childList(n, path)
		for i, k := range kids {
			out[paths[i]] = d.pos[k]
			walk(k, paths[i], depth+1)
		}
	}
	walk(d.resp, "/Response", 0)
	return out
}
