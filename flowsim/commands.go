package flowsim

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/opentact-go/opentact/verbs"
)

// command runs one command of a list.
func (r *runner) command(cmd verbs.Command, path string) result {
	name := cmd.ElementName()
	if _, raw := cmd.(*verbs.RawElement); !raw {
		r.lastCmd = name
	}
	switch c := cmd.(type) {
	case *verbs.Answer:
		return r.answer(c, path)
	case *verbs.Hangup:
		detail := "the flow hangs up"
		if c.Tag != "" {
			detail += ", tag " + strconv.Quote(c.Tag)
		}
		if r.emitCmd(Step{Path: path, Element: name, Outcome: OK, Detail: detail}, c.Tag) == ctlNext {
			r.finish(EndHangup, detail)
		}
		return stop(ctlEnd)
	case *verbs.Pause:
		return r.pause(c, path)
	case *verbs.Say:
		n := loops(c.Loop.Get())
		st := Step{Path: path, Element: name, Outcome: OK, Heard: c.Text, Duration: scale(n, speechTime(c.Text))}
		st.Detail = joinParts(times(n), voice(c))
		return stop(r.emitCmd(st, c.Tag))
	case *verbs.Play:
		return r.play(c, path)
	case *verbs.Record:
		return r.recordCmd(c, path)
	case *verbs.RecordStart:
		name := r.startRecording(c.Tag)
		return stop(r.emitCmd(Step{Path: path, Element: "RecordStart", Outcome: OK, Detail: "recording " + strconv.Quote(name) + " started"}, c.Tag))
	case *verbs.RecordStop:
		return stop(r.emitCmd(Step{Path: path, Element: "RecordStop", Outcome: OK, Detail: r.stopRecording(c.Tag)}, c.Tag))
	case *verbs.RecordWait:
		return r.recordWait(c, path)
	case *verbs.Dial:
		return r.dial(c, path)
	case *verbs.Gather:
		return r.gather(c, path)
	case *verbs.Callback:
		return r.callback(c, path)
	case *verbs.Curl:
		return r.curl(c, path)
	case *verbs.Call:
		return r.condition(c, path, c.Tag, c.Commands, r.matchCall(c))
	case *verbs.Geo:
		return r.condition(c, path, c.Tag, c.Commands, r.matchGeo(c))
	case *verbs.Schedule:
		return r.condition(c, path, c.Tag, c.Commands, r.matchSchedule(c))
	case *verbs.Hold:
		d := defaultHold
		if c.Timeout.Set {
			d = millis(c.Timeout.Val)
		}
		return stop(r.emitCmd(Step{Path: path, Element: name, Outcome: OK, Heard: "hold music", Duration: d,
			Detail: "the caller is on hold until the timeout"}, c.Tag))
	case *verbs.Unhold:
		return stop(r.emitCmd(Step{Path: path, Element: name, Outcome: OK, Detail: "the caller is off hold"}, c.Tag))
	case *verbs.Tone:
		return r.tone(c, path)
	case *verbs.Meta:
		v := c.Value.Val
		if !c.Value.Set {
			v = c.Text.Val
		}
		return stop(r.emitCmd(Step{Path: path, Element: name, Outcome: OK, Detail: c.Name + "=" + strconv.Quote(v)}, ""))
	case *verbs.RawElement:
		return stop(r.emit(Step{Path: path, Element: c.Name, Outcome: Skipped, Detail: "an element the SDK does not model; the simulator passes over it"}))
	}
	return stop(r.emit(Step{Path: path, Element: name, Outcome: Skipped, Detail: "not a command the simulator runs"}))
}

// answer runs <Answer>.
func (r *runner) answer(c *verbs.Answer, path string) result {
	st := Step{Path: path, Element: "Answer", Outcome: OK}
	if c.Delay.Set {
		st.Duration = millis(c.Delay.Val)
	}
	if r.live {
		st.Detail = "the call is already live (auto_answer)"
	} else {
		st.Detail = "the call is answered"
	}
	wasLive := r.live
	if c := r.emitCmd(st, c.Tag); c != ctlNext {
		return stop(c)
	}
	if !wasLive {
		r.goLive()
	}
	return next()
}

// pause runs <Pause>: a wait, ended early by one of its dtmf_stop keys.
func (r *runner) pause(c *verbs.Pause, path string) result {
	length := defaultPause
	if c.Length.Set {
		length = millis(c.Length.Val)
	}
	st := Step{Path: path, Element: "Pause", Outcome: OK, Duration: length}
	if c.DTMFStop == "" {
		return stop(r.emitCmd(st, c.Tag))
	}
	a, ok := r.input(point{kind: pointPause, doc: r.doc, path: path, stop: c.DTMFStop}, &st)
	if !ok {
		return stop(ctlEnd)
	}
	st.Caller = a.String()
	if i := strings.IndexAny(a.keys, c.DTMFStop); a.kind == actPress && i >= 0 {
		if d := time.Duration(i+1) * keyTime; d < length {
			st.Duration = d
			st.Detail = "ended by the key " + a.keys[i:i+1]
		}
	}
	return stop(r.emitCmd(st, c.Tag))
}

// play runs <Play>.
func (r *runner) play(c *verbs.Play, path string) result {
	n := loops(c.Loop.Get())
	st := Step{Path: path, Element: "Play", Outcome: OK}
	if c.Record != "" {
		st.Heard = "recording " + c.Record
		r.settleRecordings()
		length, ok := r.recordings[c.Record]
		if !ok {
			st.Heard = ""
			st.Outcome = Failed
			st.Detail = "no finished recording named " + strconv.Quote(c.Record) + " in this call"
			if c := r.emitCmd(st, c.Tag); c != ctlNext {
				return stop(c)
			}
			return fail(st.Detail)
		}
		st.Duration = scale(n, length)
	} else {
		st.Heard = c.URL
		if r.s.missingAudio[c.URL] {
			st.Heard = ""
			st.Outcome = Failed
			st.Detail = "the audio " + c.URL + " cannot be played"
			if c := r.emitCmd(st, c.Tag); c != ctlNext {
				return stop(c)
			}
			return fail(st.Detail)
		}
		length, ok := r.s.audio[c.URL]
		if !ok {
			length = defaultAudio
		}
		st.Duration = scale(n, length)
	}
	st.Detail = joinParts(times(n), leg(c.Leg))
	return stop(r.emitCmd(st, c.Tag))
}

// tone runs <Tone>: loop cycles of on and off time, at most its timeout.
func (r *runner) tone(c *verbs.Tone, path string) result {
	timeout := defaultTone
	if c.Timeout.Set {
		timeout = millis(c.Timeout.Val)
	}
	cycle := plus(millis(c.On.Val), millis(c.Off.Val))
	d := timeout
	if cycle > 0 {
		d = min(timeout, scale(loops(c.Loop.Get()), cycle))
	}
	hz := make([]string, len(c.Hz))
	for i, h := range c.Hz {
		hz[i] = strconv.Itoa(h)
	}
	heard := "tone"
	if len(hz) > 0 {
		heard += " " + strings.Join(hz, "+") + " Hz"
	}
	volume := ""
	if c.Volume.Set {
		volume = fmt.Sprintf("at %d dB", c.Volume.Val)
	}
	return stop(r.emitCmd(Step{Path: path, Element: "Tone", Outcome: OK, Heard: heard, Duration: d,
		Detail: joinParts(volume, leg(c.Leg))}, c.Tag))
}

// times describes a loop count above one: "2 times".
func times(n int) string {
	if n > 1 {
		return fmt.Sprintf("%d times", n)
	}
	return ""
}

// voice describes the voice attributes of a Say that sets any: "voice es
// WaveNet MALE".
func voice(c *verbs.Say) string {
	var v []string
	for _, a := range []string{c.Lang, string(c.Type), string(c.Gender), c.Code} {
		if a != "" {
			v = append(v, a)
		}
	}
	if len(v) == 0 {
		return ""
	}
	return "voice " + strings.Join(v, " ")
}

// leg describes the leg of a Play or Tone that sets one: "leg aleg".
func leg(l verbs.Leg) string {
	if l == "" {
		return ""
	}
	return "leg " + string(l)
}

// joinParts joins the non-empty parts of a detail with commas.
func joinParts(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}

// condition runs the command list of <Call>, <Geo> or <Schedule> when it
// matches.
func (r *runner) condition(n verbs.Node, path, tag string, cmds []verbs.Command, m match) result {
	ok := m.ok
	st := Step{Path: path, Element: n.ElementName(), Outcome: OK, Detail: "matches: " + m.why}
	if !ok {
		st.Outcome, st.Detail = Skipped, "does not match: "+m.why
	}
	if c := r.emitCmd(st, tag); c != ctlNext {
		return stop(c)
	}
	if !ok {
		return next()
	}
	r.note(observation{kind: obsBlock, doc: r.doc, path: path})
	return stop(r.list(cmds, path))
}
