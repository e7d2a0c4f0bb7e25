package flowsim

import (
	"slices"
	"strings"
	"time"

	"github.com/opentact-go/opentact/verbs"
)

// dial runs <Dial>: every destination rings; the scripted outcome decides
// who answers. When the dialled party hangs up the flow goes on; when
// nobody answers the Dial fails.
func (r *runner) dial(d *verbs.Dial, path string) result {
	dests := verbs.Destinations(d)
	o := r.pick.dial(d, path, dests)
	st := Step{Path: path, Element: "Dial", Outcome: OK}
	ringing := "ringing " + strings.Join(dests, ", ")
	switch o.kind {
	case dialBusy:
		st.Outcome = Failed
		st.Detail = ringing + ": busy"
	case dialFailed:
		st.Outcome = Failed
		st.Detail = ringing + ": failed (" + o.by + ")"
	case dialNoAnswer:
		st.Outcome = Failed
		st.Duration = defaultNoAnswer
		if d.Timeout.Set {
			st.Duration = scale(d.Timeout.Val, time.Second)
		}
		st.Detail = ringing + ": no answer"
	default:
		by := o.by
		if by == "" && len(dests) > 0 {
			by = dests[0]
		}
		if !slices.Contains(dests, by) {
			st.Outcome = Failed
			st.Duration = o.ring
			st.Detail = ringing + ": no answer (" + by + " is not a destination of this Dial)"
			break
		}
		st.Duration = plus(o.ring, o.talk)
		st.Detail = ringing + ": answered by " + by + " after " + formatDuration(o.ring) +
			", talked " + formatDuration(o.talk) + ", then the dialled party hung up"
		if d.Record == verbs.RecordFromAnswer {
			st.Detail += ", recorded from answer"
		}
	}
	if st.Outcome == OK {
		// The bridge starts once the party answers.
		start := r.elapsed
		r.elapsed = plus(start, o.ring)
		r.stateEvent("bridged")
		r.elapsed = start
	}
	if c := r.emitCmd(st, d.Tag); c != ctlNext {
		return stop(c)
	}
	if st.Outcome == Failed {
		return r.failWith(d, path, strings.TrimPrefix(st.Detail, ringing+": "))
	}
	r.times.state = "live"
	r.note(observation{kind: obsDialled, doc: r.doc, path: path})
	return next()
}
