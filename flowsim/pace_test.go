package flowsim_test

import (
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowsim"
)

const paced = `<Response><Say>a</Say><Gather dtmf_length="1"><DTMF value="1"><Say>b</Say></DTMF></Gather>` +
	`<Dial><To>15550100003</To></Dial><Error><Say>busy</Say></Error><Hangup/></Response>`

// TestBeforeCommand: the function sees every command before it runs, the
// steps of the commands before it already in the transcript, and
// returning false hangs up there.
func TestBeforeCommand(t *testing.T) {
	t.Parallel()
	sim, err := flowsim.New([]byte(paced))
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	c := sim.Run(t.Context(), flowsim.Keys("1"), flowsim.Dials(flowsim.Busy()), flowsim.BeforeCommand(func(c *flowsim.Call, next flowsim.Wait) bool {
		tr := c.Transcript()
		last := tr[len(tr)-1]
		seen = append(seen, next.Element+" "+next.Path+" after "+last.Element)
		return next.Element != "Hangup"
	}))
	want := []string{
		"Say /Response/Say[1] after call",
		"Gather /Response/Gather[1] after Say",
		"Say /Response/Gather[1]/DTMF[1]/Say[1] after Gather",
		"Dial /Response/Dial[1] after Say",
		"Error /Response/Error[1] after Dial",
		"Say /Response/Error[1]/Say[1] after Error",
		"Hangup /Response/Hangup[1] after Say",
	}
	if strings.Join(seen, "\n") != strings.Join(want, "\n") {
		t.Errorf("BeforeCommand saw:\n%s\nwant:\n%s", strings.Join(seen, "\n"), strings.Join(want, "\n"))
	}
	tr := c.Transcript()
	if c.End() != flowsim.EndCaller || !strings.HasSuffix(tr.String(), "end: caller-hangup: the caller hung up before /Response/Hangup[1]\n") {
		t.Errorf("end %q:\n%s", c.End(), tr)
	}
	if strings.Contains(tr.String(), "Hangup:") {
		t.Errorf("the Hangup ran:\n%s", tr)
	}
}
