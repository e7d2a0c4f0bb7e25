package flowsim

import (
	"strconv"
	"strings"
	"time"

	"github.com/opentact-go/opentact/verbs"
)

// branches are what a <Gather> (or its legacy <Switch>) branches to.
type branches struct {
	values   []string          // DTMF or Case values, in order
	cmds     [][]verbs.Command // their command lists
	paths    []string          // their paths
	def      *verbs.Default
	defPath  string
	errBlock *verbs.Error
	errPath  string
}

// branchesOf collects the branches of g: its DTMF, Default and Error
// children, and those of a legacy Switch inside it (the Gather's own Error
// first).
func branchesOf(g *verbs.Gather, path string) (branches, []verbs.Node, []string) {
	var b branches
	var prompts []verbs.Node
	var promptPaths []string
	kids, paths := childList(g, path)
	for i, k := range kids {
		switch c := k.(type) {
		case *verbs.DTMF:
			b.values, b.cmds, b.paths = append(b.values, c.Value), append(b.cmds, c.Commands), append(b.paths, paths[i])
		case *verbs.Default:
			if b.def == nil {
				b.def, b.defPath = c, paths[i]
			}
		case *verbs.Error:
			if b.errBlock == nil {
				b.errBlock, b.errPath = c, paths[i]
			}
		case *verbs.Say, *verbs.Play, *verbs.Pause:
			prompts, promptPaths = append(prompts, k), append(promptPaths, paths[i])
		case *verbs.Switch:
			skids, spaths := childList(c, paths[i])
			for j, sk := range skids {
				switch s := sk.(type) {
				case *verbs.Case:
					b.values, b.cmds, b.paths = append(b.values, s.DTMF), append(b.cmds, s.Commands), append(b.paths, spaths[j])
				case *verbs.Default:
					if b.def == nil {
						b.def, b.defPath = s, spaths[j]
					}
				case *verbs.Error:
					if b.errBlock == nil {
						b.errBlock, b.errPath = s, spaths[j]
					}
				}
			}
		}
	}
	return b, prompts, promptPaths
}

// gatherLength returns the number of digits g collects (dtmf_length, else
// the legacy numDigits), 0 when unbounded.
func gatherLength(g *verbs.Gather) int {
	if g.DTMFLength.Set {
		return g.DTMFLength.Val
	}
	if g.NumDigits.Set {
		return g.NumDigits.Val
	}
	return 0
}

// gatherStop returns the key that ends entry (dtmf_stop, else the legacy
// finishOnKey).
func gatherStop(g *verbs.Gather) string {
	if g.DTMFStop != "" {
		return g.DTMFStop
	}
	return g.FinishOnKey
}

// collect applies a Press to a Gather: keys are taken one a second until
// length digits are in or the stop key comes (it is not part of the
// digits); without either, entry ends when the timeout passes after the
// last key. It returns the digits, the time taken and what was not heard.
func collect(keys string, length int, stopKey string, timeout time.Duration) (string, time.Duration, string) {
	var digits strings.Builder
	for i := 0; i < len(keys); i++ {
		k := keys[i : i+1]
		if stopKey != "" && k == stopKey {
			return digits.String(), time.Duration(i+1) * keyTime, keys[i+1:]
		}
		digits.WriteString(k)
		if length > 0 && digits.Len() == length {
			return digits.String(), time.Duration(i+1) * keyTime, keys[i+1:]
		}
	}
	return digits.String(), plus(scale(len(keys), keyTime), timeout), ""
}

// gather runs <Gather>: legacy prompts inside it, then the caller's entry,
// then the matching branch, the url request, or Default / Error as the
// reading of Default (DefaultOn) says.
func (r *runner) gather(g *verbs.Gather, path string) result {
	b, prompts, promptPaths := branchesOf(g, path)
	length, stopKey := gatherLength(g), gatherStop(g)
	timeout := r.s.gatherTimeout
	if g.Timeout.Set {
		timeout = millis(g.Timeout.Val)
	}
	attempts := 1
	if g.Attempts.Set && g.Attempts.Val > 1 {
		attempts = g.Attempts.Val
	}
	target, method := g.URL, "GET"
	legacyCallback := false
	if target == "" && g.Callback != "" {
		target, legacyCallback = g.Callback, true
		if g.Method != "" {
			method = string(g.Method)
		}
	}
	r.note(observation{kind: obsGather, doc: r.doc, path: path, gather: g, branches: b})
	for attempt := 1; ; attempt++ {
		for i, p := range prompts {
			if !r.beforeCommand(promptPaths[i]) {
				return stop(ctlEnd)
			}
			if res := r.command(p.(verbs.Command), promptPaths[i]); res.done() {
				return res
			}
		}
		st := Step{Path: path, Element: "Gather", Outcome: OK}
		a, ok := r.input(point{kind: pointGather, doc: r.doc, path: path, gather: g, values: b.values, length: length, stop: stopKey, retry: attempt > 1, more: attempt < attempts}, &st)
		if !ok {
			return stop(ctlEnd)
		}
		st.Caller = a.String()
		digits, took, lost := "", timeout, ""
		if a.kind == actPress {
			digits, took, lost = collect(a.keys, length, stopKey, timeout)
		}
		st.Duration = took
		matched := -1
		for i, v := range b.values {
			if digits != "" && v == digits {
				matched = i
				break
			}
		}
		entry := "digits " + strconv.Quote(digits)
		if digits == "" {
			entry = "no digits"
		}
		if lost != "" {
			entry += ", keys " + strconv.Quote(lost) + " not heard"
		}
		switch {
		case matched >= 0:
			st.Detail = entry + " -> " + lastStep(b.paths[matched])
			if c := r.emitCmd(st, g.Tag); c != ctlNext {
				return stop(c)
			}
			return stop(r.block(b.cmds[matched], b.paths[matched]))
		case digits != "" && target != "":
			st.Detail = entry + " -> sent to the url"
			if c := r.emitCmd(st, g.Tag); c != ctlNext {
				return stop(c)
			}
			return r.gatherRequest(g, path, target, method, digits, legacyCallback, attempt)
		}
		if attempt < attempts && (digits == "" || len(b.values) > 0) {
			st.Detail = entry + ", attempt " + strconv.Itoa(attempt) + " of " + strconv.Itoa(attempts) + ": the prompts repeat"
			if c := r.emitCmd(st, g.Tag); c != ctlNext {
				return stop(c)
			}
			continue
		}
		toDefault := (digits == "") == (r.s.reading == DefaultOnNoInput)
		if toDefault {
			if b.def == nil {
				st.Detail = entry + " -> no Default, the flow goes on"
				return stop(r.emitCmd(st, g.Tag))
			}
			st.Detail = entry + " -> " + lastStep(b.defPath)
			if c := r.emitCmd(st, g.Tag); c != ctlNext {
				return stop(c)
			}
			r.note(observation{kind: obsBlock, doc: r.doc, path: b.defPath})
			return stop(r.list(b.def.Commands, b.defPath))
		}
		why := "no digits"
		if digits != "" {
			why = "digits " + strconv.Quote(digits) + " match no DTMF"
		}
		st.Outcome = Failed
		if b.errBlock == nil {
			st.Detail = entry + " -> the Gather fails (" + why + ")"
			if c := r.emitCmd(st, g.Tag); c != ctlNext {
				return stop(c)
			}
			return fail(why)
		}
		st.Detail = entry + " -> " + lastStep(b.errPath)
		if c := r.emitCmd(st, g.Tag); c != ctlNext {
			return stop(c)
		}
		return stop(r.errorBlock(b.errBlock, b.errPath, why))
	}
}

// gatherRequest sends the digits to the Gather's url; its reply takes over
// the call. A failed request or an invalid reply runs the Gather's Error.
func (r *runner) gatherRequest(g *verbs.Gather, path, target, method, digits string, legacy bool, attempt int) result {
	var u string
	if legacy {
		u = appendQuery(target, "code", digits, "success", "true", "attempts", strconv.Itoa(attempt))
	} else {
		u = appendQuery(target, "dtmf", digits, "from", r.cs.from, "tn", r.cs.to, "state", "live", "sca", r.s.sca, "call", r.cs.uuid)
	}
	var body []byte
	if legacy && method == "POST" {
		body = []byte(`{"history":[],"call":` + string(r.callJSON()) + `}`)
	}
	doc, st := r.fetchDocument(method, u, body, 0)
	st.Path, st.Element = path, "Gather"
	if c := r.emit(st); c != ctlNext {
		return stop(c)
	}
	if doc == nil {
		return r.failWith(g, path, failure(st))
	}
	r.next = doc
	return stop(ctlReplace)
}

// lastStep returns the last step of a path: DTMF[2] of /Response/Gather[1]/DTMF[2].
func lastStep(path string) string {
	return path[strings.LastIndexByte(path, '/')+1:]
}
