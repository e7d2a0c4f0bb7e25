package flowsim_test

import (
	"testing"

	"github.com/opentact-go/opentact/flowsim"
)

// TestWaiting follows a step-by-step call through the commands that wait
// for the caller: a Gather in the first document, a Pause with dtmf_stop
// and a RecordWait in the document its url returns, then the end.
func TestWaiting(t *testing.T) {
	t.Parallel()
	next := `<Response><Say>Second.</Say><Pause length="3000" dtmf_stop="#"/><Record tag="m"><Say>Speak.</Say></Record><RecordWait tag="m"/><Hangup/></Response>`
	doc := `<Response><Say>First.</Say><Gather dtmf_length="1" url="https://app.example.com/next"/><Hangup/></Response>`
	sim, err := flowsim.New([]byte(doc), flowsim.Reply("https://app.example.com/", next))
	if err != nil {
		t.Fatal(err)
	}
	c := sim.Call(t.Context())
	want := []flowsim.Wait{
		{Document: 1, Path: "/Response/Gather[1]", Element: "Gather"},
		{Document: 2, Path: "/Response/Pause[1]", Element: "Pause"},
		{Document: 2, Path: "/Response/RecordWait[1]", Element: "RecordWait"},
	}
	for i, w := range want {
		got, ok := c.Waiting()
		if !ok || got != w {
			t.Fatalf("wait %d: Waiting() = %+v, %v; want %+v\n%s", i, got, ok, w, c.Transcript())
		}
		if err := c.Press("1#"[i%2 : i%2+1]); err != nil {
			t.Fatal(err)
		}
	}
	if got, ok := c.Waiting(); ok || !c.Ended() {
		t.Errorf("after the last input: Waiting() = %+v, %v, ended %v; want no wait and the call over\n%s", got, ok, c.Ended(), c.Transcript())
	}

	run := sim.Run(t.Context(), flowsim.Keys("1"))
	if got, ok := run.Waiting(); ok {
		t.Errorf("Run: Waiting() = %+v, want none", got)
	}
}
