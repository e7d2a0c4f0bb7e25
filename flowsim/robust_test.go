package flowsim_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/verbs"
)

// TestInvalidSources: a document that does not parse or validate ends the
// call at once with its findings; New refuses only unusable sources.
func TestInvalidSources(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]any{
		"syntax":    []byte("<Response><Say>Hi</Sai></Response>"),
		"not xml":   []byte("\x00\xff garbage"),
		"empty":     []byte(""),
		"invalid":   []byte("<Response><Dial/></Response>"),
		"nil entry": &verbs.Response{Commands: []verbs.Command{(*verbs.Say)(nil)}},
		"huge":      []byte("<Response>" + strings.Repeat("<Say>x</Say>", 200000) + "</Response>"),
		"deep":      []byte(strings.Repeat("<Response><Geo>", 1) + strings.Repeat("<Geo>", 100) + strings.Repeat("</Geo>", 101) + "</Response>"),
	} {
		sim, err := flowsim.New(src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		c := sim.Run(t.Context())
		tr := c.Transcript()
		if c.End() != flowsim.EndInvalid || len(tr) != 3 || tr[1].Outcome != flowsim.Invalid || len(tr[1].Findings) == 0 {
			t.Errorf("%s: end %q, transcript:\n%s", name, c.End(), tr)
		}
	}
	for name, src := range map[string]any{
		"nil":          nil,
		"string":       "<Response/>",
		"nil response": (*verbs.Response)(nil),
		"nil handler":  flowsim.Handler(nil, "/"),
		"bad url":      flowsim.Handler(http.NotFoundHandler(), "ftp://x"),
	} {
		if _, err := flowsim.New(src); err == nil {
			t.Errorf("New(%s) = nil error", name)
		}
	}
}

// TestStepLimit: a Callback that returns itself loops until the step
// limit ends the call with a finding.
func TestStepLimit(t *testing.T) {
	t.Parallel()
	loop := `<Response><Say>again</Say><Callback url="https://app.example.com/loop"/></Response>`
	sim, err := flowsim.New([]byte(loop), flowsim.Reply("https://app.example.com/loop", loop), flowsim.StepLimit(50))
	if err != nil {
		t.Fatal(err)
	}
	c := sim.Run(t.Context())
	tr := c.Transcript()
	if c.End() != flowsim.EndStepLimit || c.End().Normal() {
		t.Fatalf("end %q", c.End())
	}
	last := tr[len(tr)-2]
	if len(last.Findings) != 1 || last.Findings[0].Rule != "step-limit" || !strings.Contains(last.String(), "step limit of 50") {
		t.Errorf("no step-limit finding: %s", last)
	}
}

// TestStepping drives a call one action at a time.
func TestStepping(t *testing.T) {
	t.Parallel()
	doc := `<Response><Say>Menu</Say><Gather dtmf_length="1"><DTMF value="1"><Say>One</Say><Gather dtmf_length="1"><DTMF value="2"><Say>Two</Say><Hangup/></DTMF></Gather></DTMF></Gather></Response>`
	sim, err := flowsim.New([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	c := sim.Call(t.Context())
	if got := strings.Join(c.Heard(), ","); got != "Menu" || c.Ended() {
		t.Fatalf("after the start: heard %q, ended %v", got, c.Ended())
	}
	if err := c.Press("1"); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Heard(), ","); got != "Menu,One" {
		t.Fatalf("after 1: heard %q", got)
	}
	if err := c.Press("2"); err != nil {
		t.Fatal(err)
	}
	if !c.Ended() || c.End() != flowsim.EndHangup || strings.Join(c.Heard(), ",") != "Menu,One,Two" {
		t.Fatalf("after 2: ended %v %q, heard %q", c.Ended(), c.End(), c.Heard())
	}
	if err := c.Press("3"); err != flowsim.ErrEnded {
		t.Errorf("Press after the end = %v, want ErrEnded", err)
	}

	c = sim.Call(t.Context())
	if err := c.HangUp(); err != nil || c.End() != flowsim.EndCaller {
		t.Errorf("HangUp: %v, end %q", err, c.End())
	}
	c = sim.Call(t.Context())
	if err := c.Silence(); err != nil || c.End() != flowsim.EndDeadEnd {
		t.Errorf("Silence: %v, end %q\n%s", err, c.End(), c.Transcript())
	}
}

// TestCancel: cancelling the context ends a waiting call and a running one.
func TestCancel(t *testing.T) {
	t.Parallel()
	doc := `<Response><Gather dtmf_length="1"/><Hangup/></Response>`
	sim, err := flowsim.New([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	c := sim.Call(ctx)
	cancel()
	err = c.Press("1")
	if err == nil {
		// The press may have raced the cancellation; the call must end anyway.
		deadline := time.Now().Add(5 * time.Second)
		for !c.Ended() && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
	}
	if !c.Ended() {
		t.Fatal("the call did not end after cancel")
	}

	ctx, cancel = context.WithCancel(t.Context())
	cancel()
	c = sim.Run(ctx, flowsim.Keys("1"))
	if c.End() != flowsim.EndCancelled || c.Err() == nil {
		t.Errorf("Run with a done context: end %q, err %v", c.End(), c.Err())
	}

	// A hanging handler is abandoned when the context ends.
	hang := http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	sim, err = flowsim.New(flowsim.Handler(hang, "/"), flowsim.RequestTimeout(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel = context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	if c := sim.Run(ctx); !c.Ended() {
		t.Error("the call did not end")
	}
}

// TestHugeDurations: loop counts and durations at the limits of their
// types make a long call, never a clock that runs backwards.
func TestHugeDurations(t *testing.T) {
	t.Parallel()
	const maxInt = "9223372036854775807"
	for name, doc := range map[string]string{
		"Pause":  `<Response><Pause length="` + maxInt + `"/><Say>after</Say><Hangup/></Response>`,
		"Say":    `<Response><Say loop="` + maxInt + `">a b</Say><Say>after</Say><Hangup/></Response>`,
		"Play":   `<Response><Play loop="` + maxInt + `">https://cdn.example.com/a.mp3</Play><Say>after</Say><Hangup/></Response>`,
		"Hold":   `<Response><Hold timeout="` + maxInt + `"/><Say>after</Say><Hangup/></Response>`,
		"Tone":   `<Response><Tone loop="` + maxInt + `" don="` + maxInt + `" doff="` + maxInt + `" timeout="` + maxInt + `"/><Say>after</Say><Hangup/></Response>`,
		"Answer": `<Response><Answer delay="` + maxInt + `"/><Say>after</Say><Hangup/></Response>`,
		"Dial":   `<Response><Dial timeout="` + maxInt + `"><To>15550100003</To></Dial><Say>after</Say><Hangup/></Response>`,
		"Gather": `<Response><Gather timeout="` + maxInt + `" dtmf_length="1"/><Say>after</Say><Hangup/></Response>`,
		"sum":    `<Response><Pause length="` + maxInt + `"/><Pause length="` + maxInt + `"/><Say>after</Say><Hangup/></Response>`,
	} {
		sim, err := flowsim.New([]byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		c := sim.Run(t.Context(), flowsim.Dials(flowsim.NoAnswer()), flowsim.Script(flowsim.Silence()))
		tr := c.Transcript()
		if c.End() != flowsim.EndHangup {
			t.Errorf("%s: end %q\n%s", name, c.End(), tr)
		}
		for i, st := range tr {
			if st.Duration < 0 || st.Elapsed < 0 || (i > 0 && st.Elapsed < tr[i-1].Elapsed) {
				t.Errorf("%s: step %d goes back in time:\n%s", name, i, tr)
				break
			}
		}
		if last := tr[len(tr)-1]; last.Elapsed < 200*365*24*time.Hour {
			t.Errorf("%s: the call lasted %s, want the saturated clock (about 292 years)\n%s", name, last.Elapsed, tr)
		}
	}
}

// TestDocumentCycle: two documents whose Callbacks fetch each other. A run
// ends at the step limit with its finding; Explore reports the loop at the
// document fetched again.
func TestDocumentCycle(t *testing.T) {
	t.Parallel()
	a := `<Response><Say>A</Say><Callback url="https://app.example.com/b"/></Response>`
	b := `<Response><Say>B</Say><Callback url="https://app.example.com/a"/></Response>`
	opts := []flowsim.Option{flowsim.Reply("https://app.example.com/a", a), flowsim.Reply("https://app.example.com/b", b), flowsim.StepLimit(40)}
	sim, err := flowsim.New([]byte(a), opts...)
	if err != nil {
		t.Fatal(err)
	}
	c := sim.Run(t.Context())
	tr := c.Transcript()
	if c.End() != flowsim.EndStepLimit || !strings.Contains(tr[len(tr)-2].String(), "step limit of 40") {
		t.Errorf("end %q\n%s", c.End(), tr)
	}
	ds, err := flowsim.Explore([]byte(a), 3, opts...)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range ds {
		if d.Rule == flowsim.RuleLoop && strings.Contains(d.Message, "https://app.example.com/") {
			found = true
		}
	}
	if !found {
		t.Errorf("Explore found no loop: %v", ds)
	}
}

// TestDeepNesting: a document nested as deep as the parser allows runs to
// its innermost command, whose step carries the full path.
func TestDeepNesting(t *testing.T) {
	t.Parallel()
	const n = 60
	doc := "<Response>" + strings.Repeat("<Geo>", n) + "<Say>deep</Say><Hangup/>" + strings.Repeat("</Geo>", n) + "</Response>"
	sim, err := flowsim.New([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	c := sim.Run(t.Context())
	want := "/Response" + strings.Repeat("/Geo[1]", n) + "/Say[1]"
	heard := c.Heard()
	tr := c.Transcript()
	if c.End() != flowsim.EndHangup || len(heard) != 1 || heard[0] != "deep" || tr[len(tr)-3].Path != want {
		t.Errorf("end %q, heard %q\n%s", c.End(), heard, tr)
	}
}
