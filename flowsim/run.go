package flowsim

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// ctl tells the command list being run what to do next.
type ctl int

const (
	ctlNext    ctl = iota // go on with the next command
	ctlEnd                // the call is over
	ctlReplace            // a fetched document takes over the call
)

// result is what running one command gives its list.
type result struct {
	ctl    ctl
	failed bool   // the command failed and no Error child of its own ran
	reason string // why it failed
}

func next() result              { return result{} }
func stop(c ctl) result         { return result{ctl: c} }
func fail(reason string) result { return result{failed: true, reason: reason} }
func (r result) done() bool     { return r.ctl != ctlNext }

// point is a place where the call waits for the caller.
type point struct {
	kind   pointKind
	doc    *document
	path   string
	gather *verbs.Gather // for pointGather
	values []string      // the DTMF values the Gather branches on
	length int           // digits the Gather collects, 0 when unbounded
	stop   string        // the stop keys
	retry  bool          // a legacy Gather's repeated attempt
	more   bool          // a legacy Gather's attempt that another follows
}

type pointKind int

const (
	pointGather pointKind = iota
	pointPause
	pointRecordWait
)

// chooser decides what the caller and the dialled parties do; Call and Run
// use the script, Explore enumerates.
type chooser interface {
	input(p point) Action
	dial(d *verbs.Dial, path string, dests []string) DialOutcome
}

// runner runs one call.
type runner struct {
	ctx  context.Context
	sim  *Sim
	s    *settings
	cs   *callSettings
	call *Call
	pick chooser

	elapsed  time.Duration
	ndocs    int
	doc      *document
	docNum   int
	next     *document
	live     bool
	bridged  bool
	lastCmd  string
	nsteps   int
	evSeq    int
	finished bool
	docKeys  map[int]string // document number → key
	times    callTimes

	recordings map[string]time.Duration // finished recordings by name
	recording  map[string]time.Duration // running recordings: start time
	recordMax  map[string]time.Duration // running background recordings' timeouts
	untagged   int

	// observe, when set, is told about each document run and each block
	// entered (Explore).
	observe func(ev observation)
	// noEvents leaves out the websocket events, which Explore does not
	// read.
	noEvents bool
}

func newRunner(ctx context.Context, sim *Sim, cs *callSettings, c *Call) *runner {
	r := &runner{
		ctx: ctx, sim: sim, s: sim.s, cs: cs, call: c,
		recordings: map[string]time.Duration{},
		recording:  map[string]time.Duration{},
		recordMax:  map[string]time.Duration{},
		docKeys:    map[int]string{},
	}
	r.pick = &scripted{r: r, script: append([]Action(nil), cs.script...)}
	return r
}

// main runs the call from its start to its end.
func (r *runner) main() {
	r.startCall()
	doc := r.firstDocument()
	for doc != nil && !r.finished {
		r.ndocs++
		r.doc, r.docNum = doc, r.ndocs
		r.docKeys[r.ndocs] = doc.key
		r.note(observation{kind: obsDocument, doc: doc})
		c := r.list(doc.resp.Commands, "/Response")
		switch c {
		case ctlReplace:
			doc, r.next = r.next, nil
			continue
		case ctlEnd:
			return
		}
		if r.lastCmd == "Dial" {
			r.finish(EndAfterDial, "the flow ended after a Dial; the platform hangs up")
		} else {
			r.finish(EndDeadEnd, "the flow ran out of commands without a Hangup or a Dial")
		}
		return
	}
}

// firstDocument returns the document the call starts with, or nil when the
// call ended at once.
func (r *runner) firstDocument() *document {
	src := r.sim.src
	if src.doc != nil {
		return src.doc
	}
	if len(src.findings) > 0 {
		r.emit(Step{Element: "check", Outcome: Invalid, Detail: "the document cannot run", Findings: src.findings})
		r.finish(EndInvalid, "the platform refuses the document")
		return nil
	}
	u := *src.handler.url
	var body []byte
	if r.s.method == "POST" {
		body = r.callJSON()
	}
	doc, st := r.fetchDocument(r.s.method, appendQuery(u.String(), "from", r.cs.from, "to", r.cs.to), body, 0)
	st.Element = "fetch"
	if doc == nil {
		if c := r.emit(st); c != ctlNext {
			return nil
		}
		r.finish(EndInvalid, "the call_flow_url gave no document; the call cannot go on")
		return nil
	}
	if r.emit(st) != ctlNext {
		return nil
	}
	return doc
}

// emit appends a step at the current time and advances the clock by its
// duration. It ends the call when ctx is done or the step limit is reached.
func (r *runner) emit(st Step) ctl {
	if r.finished {
		return ctlEnd
	}
	if err := r.ctx.Err(); err != nil {
		r.setErr(err)
		r.finish(EndCancelled, err.Error())
		return ctlEnd
	}
	if r.nsteps >= r.s.stepLimit {
		r.record(Step{Elapsed: r.elapsed, Element: "check", Outcome: Invalid,
			Findings: render.Diagnostics{{Path: st.Path, Severity: render.SeverityError, Rule: "step-limit",
				Message: fmt.Sprintf("the call reached the step limit of %d steps; the flow probably loops", r.s.stepLimit)}}})
		r.finish(EndStepLimit, "step limit reached")
		return ctlEnd
	}
	r.nsteps++
	st.Elapsed = r.elapsed
	if st.Path != "" && st.Document == 0 {
		st.Document = r.docNum
	}
	r.elapsed = plus(r.elapsed, st.Duration)
	r.record(st)
	return ctlNext
}

// emitCmd is emit for the main step of a command: it also sends the
// command's call_flow event.
func (r *runner) emitCmd(st Step, tag string) ctl {
	if c := r.emit(st); c != ctlNext {
		return c
	}
	reason := st.Detail
	if reason == "" {
		reason = st.Heard
	}
	r.flowEvent(st.Element, st.Path, tag, st.Outcome != Failed && st.Outcome != Invalid, reason)
	return ctlNext
}

// record appends a step to the call's transcript.
func (r *runner) record(st Step) {
	r.call.mu.Lock()
	r.call.steps = append(r.call.steps, st)
	r.call.mu.Unlock()
}

func (r *runner) setErr(err error) {
	r.call.mu.Lock()
	r.call.err = err
	r.call.mu.Unlock()
}

// finish ends the call: the end step, the final events, the call's end.
func (r *runner) finish(e End, detail string) {
	if r.finished {
		return
	}
	r.finished = true
	r.settleRecordings()
	for name, start := range r.recording {
		r.recordings[name] = r.elapsed - start
		delete(r.recording, name)
	}
	r.record(Step{Elapsed: r.elapsed, Element: "end", Outcome: OK, Detail: fmt.Sprintf("%s: %s", e, detail)})
	r.endEvents(e)
	r.call.mu.Lock()
	r.call.end, r.call.ended = e, true
	r.call.mu.Unlock()
}

// list runs a command list: top to bottom, an <Error> item running only
// when the command before it failed.
func (r *runner) list(cmds []verbs.Command, parent string) ctl {
	holder := &verbs.Response{Commands: cmds}
	kids, paths := childList(holder, parent)
	failed, reason := false, ""
	for i, k := range kids {
		if r.finished {
			return ctlEnd
		}
		if e, ok := k.(*verbs.Error); ok {
			if failed {
				failed = false
				if c := r.errorBlock(e, paths[i], reason); c != ctlNext {
					return c
				}
			}
			continue
		}
		cmd, ok := k.(verbs.Command)
		if !ok {
			continue
		}
		if !r.beforeCommand(paths[i]) {
			return ctlEnd
		}
		res := r.command(cmd, paths[i])
		if res.done() {
			return res.ctl
		}
		failed, reason = res.failed, res.reason
	}
	if r.finished {
		return ctlEnd
	}
	return ctlNext
}

// errorBlock runs an <Error> block for a failure: an item of a list or the
// child of the command that failed.
func (r *runner) errorBlock(e *verbs.Error, path, reason string) ctl {
	if !r.beforeCommand(path) {
		return ctlEnd
	}
	st := Step{Path: path, Element: "Error", Outcome: OK, Detail: "handles: " + reason}
	if e.Play.Set && e.Play.Val {
		st.Heard = reason
		st.Duration = speechTime(reason)
	}
	r.note(observation{kind: obsBlock, doc: r.doc, path: path})
	if c := r.emitCmd(st, e.Tag); c != ctlNext {
		return c
	}
	return r.list(e.Commands, path)
}

// block runs the command list of a DTMF, Default or Case branch.
func (r *runner) block(cmds []verbs.Command, path string) ctl {
	r.note(observation{kind: obsBlock, doc: r.doc, path: path})
	return r.list(cmds, path)
}

// failWith runs the Error child of n for a failure; without one the
// failure goes to the command list (an <Error> item after the command).
func (r *runner) failWith(n verbs.Node, path, reason string) result {
	if e, epath := errorChild(n, path); e != nil {
		return stop(r.errorBlock(e, epath, reason))
	}
	return fail(reason)
}

// scripted is the chooser of Call and Run.
type scripted struct {
	r      *runner
	script []Action
}

func (s *scripted) input(p point) Action {
	if len(s.script) > 0 {
		a := s.script[0]
		s.script = s.script[1:]
		return a
	}
	c := s.r.call
	if !c.interactive {
		return Action{kind: actHangUp, keys: "script"}
	}
	c.setWaiting(waitAt(p, s.r.docNum))
	defer c.setWaiting(nil)
	select {
	case c.toUser <- struct{}{}:
	case <-s.r.ctx.Done():
		return Action{kind: actHangUp, keys: "cancel"}
	}
	select {
	case a := <-c.toSim:
		return a
	case <-s.r.ctx.Done():
		return Action{kind: actHangUp, keys: "cancel"}
	}
}

func (s *scripted) dial(_ *verbs.Dial, _ string, _ []string) DialOutcome {
	ds := s.r.cs.dials
	if len(ds) == 0 {
		return Answered("", 0, 0)
	}
	o := ds[0]
	if len(ds) > 1 {
		s.r.cs.dials = ds[1:]
	}
	return o
}

// input asks the chooser for the caller's action at p. A hang-up ends the
// call and returns false.
func (r *runner) input(p point, st *Step) (Action, bool) {
	a := r.pick.input(p)
	if a.kind == actPress {
		if err := checkKeys(a.keys); err != nil {
			st.Caller, st.Outcome, st.Duration = "pressed "+strconv.Quote(a.keys), Invalid, 0
			st.Detail = strings.TrimPrefix(err.Error(), "flowsim: ")
			r.emit(*st)
			r.setErr(err)
			r.finish(EndInvalid, "the caller's script presses a key a phone does not have")
			return a, false
		}
	}
	if a.kind != actHangUp {
		return a, true
	}
	st.Duration = 0 // the call ends at once, not after the wait
	switch a.keys {
	case "cancel":
		st.Caller = "gone"
		st.Outcome = Failed
		r.emit(*st)
		if !r.finished {
			err := r.ctx.Err()
			if err == nil {
				err = context.Canceled
			}
			r.setErr(err)
			r.finish(EndCancelled, err.Error())
		}
		return a, false
	case "script":
		st.Caller = "hung up"
		st.Detail = "the script is over"
	case "depth":
		st.Caller = "hung up"
		st.Detail = "the exploration depth is reached"
	default:
		st.Caller = "hung up"
	}
	r.emit(*st)
	r.finish(EndCaller, "the caller hung up")
	return a, false
}
