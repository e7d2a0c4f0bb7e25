package flowsim_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/events"
	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/flowtest"
)

// privateMenu is what the Gather page's private menu endpoint might answer
// for a good PIN.
const privateMenu = `<Response><Say>Welcome to the private menu.</Say><Hangup/></Response>`

// TestGatherPageIVR runs the multi-level IVR of the Gather page (the docs'
// example, render/testdata/docs/gather-1.xml) with each key path, under
// both readings of Default, and compares the transcripts with golden files
// reviewed against xml.md.
func TestGatherPageIVR(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("testdata/ivr.xml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		reading flowsim.Reading
		opts    []flowsim.CallOption
		route   bool
		end     flowsim.End
	}{
		{name: "support-answered", opts: []flowsim.CallOption{flowsim.Keys("1")}, end: flowsim.EndHangup},
		{name: "support-busy", opts: []flowsim.CallOption{flowsim.Keys("1"), flowsim.Dials(flowsim.Busy())}, end: flowsim.EndHangup},
		{name: "tech-answered-by-second", opts: []flowsim.CallOption{flowsim.Keys("2"), flowsim.Dials(flowsim.Answered("12223334456", 0, 0))}, end: flowsim.EndHangup},
		{name: "tech-no-answer", opts: []flowsim.CallOption{flowsim.Keys("2"), flowsim.Dials(flowsim.NoAnswer())}, end: flowsim.EndHangup},
		{name: "private-pin", opts: []flowsim.CallOption{flowsim.Keys("0", "1234")}, route: true, end: flowsim.EndHangup},
		{name: "private-pin-stop-key", opts: []flowsim.CallOption{flowsim.Keys("0", "12#")}, route: true, end: flowsim.EndHangup},
		{name: "private-unreachable", opts: []flowsim.CallOption{flowsim.Keys("0", "1234")}, end: flowsim.EndHangup},
		{name: "wrong-key-no-match", opts: []flowsim.CallOption{flowsim.Keys("5")}, end: flowsim.EndHangup},
		{name: "silence-no-match", opts: []flowsim.CallOption{flowsim.Script(flowsim.Silence())}, end: flowsim.EndHangup},
		{name: "wrong-key-no-input", reading: flowsim.DefaultOnNoInput, opts: []flowsim.CallOption{flowsim.Keys("5")}, end: flowsim.EndHangup},
		{name: "silence-no-input", reading: flowsim.DefaultOnNoInput, opts: []flowsim.CallOption{flowsim.Script(flowsim.Silence())}, end: flowsim.EndHangup},
		{name: "support-no-answer", opts: []flowsim.CallOption{flowsim.Keys("1"), flowsim.Dials(flowsim.NoAnswer())}, end: flowsim.EndHangup},
		{name: "tech-busy", opts: []flowsim.CallOption{flowsim.Keys("2"), flowsim.Dials(flowsim.Busy())}, end: flowsim.EndHangup},
		{name: "private-silence-no-match", opts: []flowsim.CallOption{flowsim.Script(flowsim.Press("0"), flowsim.Silence())}, route: true, end: flowsim.EndHangup},
		{name: "private-silence-no-input", reading: flowsim.DefaultOnNoInput, opts: []flowsim.CallOption{flowsim.Script(flowsim.Press("0"), flowsim.Silence())}, route: true, end: flowsim.EndHangup},
		{name: "stop-key-only", opts: []flowsim.CallOption{flowsim.Keys("#")}, end: flowsim.EndHangup},
		{name: "caller-hangs-up", opts: []flowsim.CallOption{flowsim.Script(flowsim.HangUp())}, end: flowsim.EndCaller},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			opts := []flowsim.Option{flowsim.DefaultOn(tt.reading)}
			if tt.route {
				opts = append(opts, flowsim.Reply("http://private.domain.com/rest/private_menu", privateMenu))
			}
			sim, err := flowsim.New(doc, opts...)
			if err != nil {
				t.Fatal(err)
			}
			c := sim.Run(t.Context(), tt.opts...)
			if got := c.End(); got != tt.end {
				t.Errorf("End() = %q, want %q", got, tt.end)
			}
			flowtest.GoldenText(t, filepath.Join("testdata", t.Name()+".txt"), c.Transcript())
			checkEvents(t, c)
		})
	}
}

// checkEvents checks the call's events: init, ringing, live first, hangup
// and destroyed last, one call_flow per command step, each frame decoding
// again with events.Decode to the same kind.
func checkEvents(t *testing.T, c *flowsim.Call) {
	t.Helper()
	evs := c.Events()
	var states []string
	flows := 0
	for _, ev := range evs {
		again, err := events.Decode(ev.Raw)
		if err != nil {
			t.Fatalf("events.Decode(%s): %v", ev.Raw, err)
		}
		if again.Kind != ev.Kind || again.RefID != "20000000-0000-4000-8000-000000000001" {
			t.Errorf("event %s: kind %q ref %q", ev.Raw, again.Kind, again.RefID)
		}
		if cs, ok := ev.CallState(); ok {
			states = append(states, string(cs.State))
			if cs.Call == nil || cs.Call.UUID != "20000000-0000-4000-8000-000000000001" || cs.Call.From == "" {
				t.Errorf("call_state without the call: %s", ev.Raw)
			}
		}
		if cf, ok := ev.CallFlow(); ok {
			flows++
			if cf.Name == "" || cf.Path == "" || cf.Call == nil {
				t.Errorf("call_flow without name, path or call: %s", ev.Raw)
			}
		}
	}
	got := strings.Join(states, ",")
	if !strings.HasPrefix(got, "init,ringing,live") || !strings.HasSuffix(got, "hangup,destroyed") {
		t.Errorf("call states %s, want init,ringing,live … hangup,destroyed", got)
	}
	paths := map[string]bool{}
	for _, s := range c.Transcript() {
		if s.Path != "" {
			paths[strings.TrimPrefix(s.Path, "/Response/")] = true
		}
	}
	if len(paths) > 0 && flows == 0 {
		t.Errorf("no call_flow events for %d command steps", len(paths))
	}
}
