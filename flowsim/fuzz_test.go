package flowsim_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowsim"
)

// FuzzSimulate runs arbitrary documents with arbitrary key scripts, every
// request of the call answered with the same document (so a Callback or a
// Gather url can loop between documents): the simulator must never panic,
// must always end the call within the step limit, must write every step on
// one line, and must give the same transcript and events on a second run.
func FuzzSimulate(f *testing.F) {
	f.Add(`<Response><Gather dtmf_length="1"><DTMF value="1"><Say>a</Say></DTMF><Default><Hangup/></Default></Gather></Response>`, "1,2")
	f.Add(`<Response><Record><Pause dtmf_stop="#" length="5000"/></Record><Play record="recording-1"/></Response>`, "12#")
	f.Add(`<Response><Callback url="https://x.example/"/><Error><Say>e</Say></Error></Response>`, "")
	f.Add(`<Response><Gather numDigits="2" attempts="3" finishOnKey="*"><Say>p</Say><Switch><Case dtmf="12"/><Error/></Switch></Gather></Response>`, ",,1*")
	f.Add(`<Response><Say>loop</Say><Gather url="https://x.example/menu" dtmf_length="1"/></Response>`, "1,1,1")
	f.Fuzz(func(t *testing.T, doc, keys string) {
		const limit = 200
		sim, err := flowsim.New([]byte(doc), flowsim.StepLimit(limit), flowsim.Reply("https://x.example/", doc))
		if err != nil {
			t.Fatal(err)
		}
		var actions []flowsim.Action
		for _, k := range strings.Split(keys, ",") {
			if k == "" {
				actions = append(actions, flowsim.Silence())
			} else {
				actions = append(actions, flowsim.Press(k))
			}
		}
		run := func() (string, [][]byte) {
			c := sim.Run(t.Context(), flowsim.Script(actions...))
			if !c.Ended() || c.End() == "" {
				t.Fatalf("the call did not end")
			}
			tr := c.Transcript()
			if len(tr) > limit+3 {
				t.Fatalf("%d steps past the step limit of %d", len(tr), limit)
			}
			if n := strings.Count(tr.String(), "\n"); n != len(tr) {
				t.Fatalf("%d lines for %d steps:\n%s", n, len(tr), tr)
			}
			var raw [][]byte
			for _, ev := range c.Events() {
				raw = append(raw, ev.Raw)
			}
			return tr.String(), raw
		}
		tr1, ev1 := run()
		tr2, ev2 := run()
		if tr1 != tr2 {
			t.Fatalf("two runs differ:\n%s\n---\n%s", tr1, tr2)
		}
		if len(ev1) != len(ev2) {
			t.Fatalf("two runs sent %d and %d events", len(ev1), len(ev2))
		}
		for i := range ev1 {
			if !bytes.Equal(ev1[i], ev2[i]) {
				t.Fatalf("event %d differs:\n%s\n%s", i, ev1[i], ev2[i])
			}
		}
	})
}
