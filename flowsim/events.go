package flowsim

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/opentact-go/opentact/events"
)

// The frames are generation-B envelopes (events.md §2.1): the shapes of the
// docs' 2024 examples.

type callObject struct {
	UUID          string  `json:"uuid"`
	Direction     string  `json:"direction"`
	From          string  `json:"from"`
	To            string  `json:"to"`
	State         string  `json:"state"`
	Duration      int64   `json:"duration"`
	Type          string  `json:"type"`
	CreatedOn     string  `json:"created_on"`
	InitOn        string  `json:"init_on"`
	RingOn        *string `json:"ring_on"`
	AnswerOn      *string `json:"answer_on"`
	HangupOn      *string `json:"hangup_on"`
	DestroyOn     *string `json:"destroy_on"`
	Q850Cause     *int    `json:"q850_cause"`
	Q850String    *string `json:"q850_cause_string"`
	SwitchState   string  `json:"freeswitch_call_state"`
	SIPControlApp struct {
		UUID       string `json:"uuid"`
		AutoAnswer bool   `json:"auto_answer"`
	} `json:"sip_control_app"`
}

type frame struct {
	UUID           string          `json:"uuid"`
	CreatedOn      string          `json:"created_on"`
	ModifiedOn     string          `json:"modified_on"`
	Type           string          `json:"type"`
	Message        string          `json:"message"`
	Payload        any             `json:"payload"`
	Call           json.RawMessage `json:"call"`
	CallFlow       *flowObject     `json:"call_flow,omitempty"`
	RefID          string          `json:"ref_id"`
	DeliveryReport []any           `json:"delivery_report"`
}

type flowObject struct {
	UUID    string `json:"uuid"`
	Name    string `json:"name"`
	Success bool   `json:"success"`
	State   string `json:"state"`
	Reason  string `json:"reason"`
	Path    string `json:"path"`
	Tag     string `json:"tag,omitempty"`
}

// callTimes is when each state of the call began.
type callTimes struct {
	state                         string
	ring, answer, hangup, destroy *time.Duration
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// now returns the simulated wall-clock time.
func (r *runner) now() time.Time { return r.cs.at.Add(r.elapsed) }

// callJSON returns the call object as the platform sends it.
func (r *runner) callJSON() []byte {
	at := func(d *time.Duration) *string {
		if d == nil {
			return nil
		}
		s := stamp(r.cs.at.Add(*d))
		return &s
	}
	c := callObject{
		UUID: r.cs.uuid, Direction: "in", From: r.cs.from, To: r.cs.to,
		State: r.times.state, Duration: int64(r.elapsed / time.Second), Type: "CallSCA",
		CreatedOn: stamp(r.cs.at), InitOn: stamp(r.cs.at),
		RingOn: at(r.times.ring), AnswerOn: at(r.times.answer), HangupOn: at(r.times.hangup), DestroyOn: at(r.times.destroy),
		SwitchState: switchState(r.times.state),
	}
	c.SIPControlApp.UUID, c.SIPControlApp.AutoAnswer = r.s.sca, r.s.autoAnswer
	if r.times.hangup != nil {
		cause, s := 16, "NORMAL_CLEARING"
		c.Q850Cause, c.Q850String = &cause, &s
	}
	b, _ := json.Marshal(c)
	return b
}

// switchState is the freeswitch_call_state that goes with a state.
func switchState(state string) string {
	switch state {
	case "ringing":
		return "RINGING"
	case "live", "bridged":
		return "ACTIVE"
	case "destroyed":
		return "HANGUP"
	}
	return "DOWN"
}

// send encodes a frame, decodes it with events.Decode and keeps the event.
func (r *runner) send(f frame) {
	r.evSeq++
	if r.noEvents {
		return
	}
	f.UUID = fmt.Sprintf("10000000-0000-4000-8000-%012d", r.evSeq)
	f.CreatedOn = stamp(r.now())
	f.ModifiedOn = f.CreatedOn
	f.RefID = r.cs.uuid
	f.DeliveryReport = []any{}
	f.Call = r.callJSON()
	b, err := json.Marshal(f)
	if err != nil {
		return
	}
	ev, err := events.Decode(b)
	if err != nil {
		return
	}
	r.call.mu.Lock()
	r.call.events = append(r.call.events, ev)
	r.call.mu.Unlock()
}

// stateEvent moves the call to state and sends its call_state event.
func (r *runner) stateEvent(state string) {
	r.times.state = state
	d := r.elapsed
	switch state {
	case "ringing":
		r.times.ring = &d
	case "live":
		r.times.answer = &d
	case "hangup":
		r.times.hangup = &d
	case "destroyed":
		r.times.destroy = &d
	}
	r.send(frame{
		Type:    "call_state",
		Message: fmt.Sprintf("CallSCA in %s > %s - %s", r.cs.from, r.cs.to, state),
		Payload: map[string]any{"state": state, "duration": int64(r.elapsed / time.Second)},
	})
}

// flowEvent sends the call_flow event of one command.
func (r *runner) flowEvent(name, path, tag string, ok bool, reason string) {
	state := "success"
	if !ok {
		state = "failed"
	}
	r.send(frame{
		Type:     "call_flow",
		Message:  fmt.Sprintf("%s: success %t, reason: %s", name, ok, reason),
		Payload:  map[string]any{"name": name, "success": ok},
		CallFlow: &flowObject{UUID: fmt.Sprintf("90000000-0000-4000-8000-%012d", r.evSeq+1), Name: name, Success: ok, State: state, Reason: reason, Path: eventPath(path), Tag: tag},
	})
}

// eventPath writes an XPath-style path in the platform's form: without
// /Response, with 0-based positions (Answer[0], Gather[0]/DTMF[1]/Dial[0]).
func eventPath(path string) string {
	path = strings.TrimPrefix(strings.TrimPrefix(path, "/Response"), "/")
	parts := strings.Split(path, "/")
	for i, p := range parts {
		name, idx, ok := strings.Cut(p, "[")
		if !ok {
			continue
		}
		var n int
		fmt.Sscanf(idx, "%d]", &n)
		parts[i] = fmt.Sprintf("%s[%d]", name, n-1)
	}
	return strings.Join(parts, "/")
}

// startCall records the start of the call: init, ringing, and live when
// the app answers automatically.
func (r *runner) startCall() {
	r.record(Step{Element: "call", Outcome: OK, Detail: fmt.Sprintf("from %s to %s at %s", r.cs.from, r.cs.to, r.cs.at.Format(time.RFC3339))})
	r.stateEvent("init")
	r.stateEvent("ringing")
	if r.s.autoAnswer {
		r.goLive()
	}
}

// goLive answers the call.
func (r *runner) goLive() {
	if r.live {
		return
	}
	r.live = true
	r.stateEvent("live")
}

// endEvents sends the final call_state events.
func (r *runner) endEvents(End) {
	r.stateEvent("hangup")
	r.stateEvent("destroyed")
}
