package flowsim_test

import (
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowsim"
)

// FuzzRun runs arbitrary documents with arbitrary key scripts: the
// simulator must never panic, must always end the call, and every step
// must be one line.
func FuzzRun(f *testing.F) {
	f.Add(`<Response><Gather dtmf_length="1"><DTMF value="1"><Say>a</Say></DTMF><Default><Hangup/></Default></Gather></Response>`, "1,2")
	f.Add(`<Response><Record><Pause dtmf_stop="#" length="5000"/></Record><Play record="recording-1"/></Response>`, "12#")
	f.Add(`<Response><Callback url="https://x.example/"/><Error><Say>e</Say></Error></Response>`, "")
	f.Add(`<Response><Gather numDigits="2" attempts="3" finishOnKey="*"><Say>p</Say><Switch><Case dtmf="12"/><Error/></Switch></Gather></Response>`, ",,1*")
	f.Fuzz(func(t *testing.T, doc, keys string) {
		sim, err := flowsim.New([]byte(doc), flowsim.StepLimit(200))
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
		c := sim.Run(t.Context(), flowsim.Script(actions...))
		if !c.Ended() || c.End() == "" {
			t.Fatalf("the call did not end")
		}
		tr := c.Transcript()
		if n := strings.Count(tr.String(), "\n"); n != len(tr) {
			t.Fatalf("%d lines for %d steps:\n%s", n, len(tr), tr)
		}
	})
}
