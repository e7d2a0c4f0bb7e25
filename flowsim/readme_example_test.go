package flowsim_test

// This file holds the code of the README's "Simulate a call" section,
// which TestReadmeSimulate keeps identical to it.

import (
	"slices"
	"testing"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/flowtest"
)

// supportMenu is the flow under test: press 1 for support.
func supportMenu() *flow.Flow {
	busy := flow.New().Say("Support is busy.").Hangup()
	support := flow.New().Say("Connecting you to support.").
		Dial(flow.To("support@sip.example.com"), flow.OnError(busy))
	return flow.New().
		Say("Welcome. For support, press 1.").
		Gather(flow.DTMFLength(1), flow.Digit("1", support), flow.Default(flow.New().Hangup())).
		Hangup()
}

// TestSupportBusy presses 1, makes the Dial busy and checks what the
// caller hears; the transcript is compared with a golden file.
func TestSupportBusy(t *testing.T) {
	sim, err := flowsim.New(supportMenu())
	if err != nil {
		t.Fatal(err)
	}
	c := sim.Run(t.Context(), flowsim.Keys("1"), flowsim.Dials(flowsim.Busy()))
	want := []string{"Welcome. For support, press 1.", "Connecting you to support.", "Support is busy."}
	if got := c.Heard(); !slices.Equal(got, want) {
		t.Errorf("heard %q, want %q", got, want)
	}
	flowtest.GoldenText(t, "testdata/support_busy.txt", c.Transcript())
}

// TestMenuPaths walks every key path two menus deep and fails on any
// finding: dead ends, loops, unreachable branches, falls-through.
func TestMenuPaths(t *testing.T) {
	ds, err := flowsim.Explore(supportMenu(), 2)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		t.Error(d)
	}
}
