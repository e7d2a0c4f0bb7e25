package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/flowtest"
)

// The prompts of the IVR, as menus.go speaks them.
const (
	welcomePrompt = "Welcome to Example Corp. For support, press 1. For the tech team, press 2. To leave a voicemail, press 3. For your account, press 4."
	techPrompt    = "Tech team. For networking, press 1. For software, press 2. To go back, press 0."
	invalidChoice = "Sorry, that is not a valid choice."
	leaveMessage  = "Please leave a message after the tone, then press the hash key."
	thanks        = "Thank you for your message. Goodbye."
)

// TestSimulatedCalls walks the IVR's menus with the simulator through its
// real handler, in process: every Gather url request goes to newServer's
// handler with the parameters Opentact sends.
func TestSimulatedCalls(t *testing.T) {
	t.Parallel()
	h, err := newServer(testConfig())
	if err != nil {
		t.Fatal(err)
	}
	sim, err := flowsim.New(flowsim.Handler(h, "https://ivr.example.com/"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		opts  []flowsim.CallOption
		heard []string
		end   flowsim.End
	}{
		{
			name:  "support answers",
			opts:  []flowsim.CallOption{flowsim.Keys("1")},
			heard: []string{welcomePrompt, "Connecting you to support."},
			end:   flowsim.EndHangup,
		},
		{
			name:  "support busy, voicemail",
			opts:  []flowsim.CallOption{flowsim.Keys("1", "#"), flowsim.Dials(flowsim.Busy())},
			heard: []string{welcomePrompt, "Connecting you to support.", "Nobody is available right now.", leaveMessage, "tone 440 Hz", thanks},
			end:   flowsim.EndHangup,
		},
		{
			name:  "tech, networking answered on the backup line",
			opts:  []flowsim.CallOption{flowsim.Keys("2", "1"), flowsim.Dials(flowsim.Answered(networkingAlt, 0, 0))},
			heard: []string{welcomePrompt, techPrompt, "Connecting you to networking."},
			end:   flowsim.EndHangup,
		},
		{
			name:  "tech, software",
			opts:  []flowsim.CallOption{flowsim.Keys("2", "2")},
			heard: []string{welcomePrompt, techPrompt, "Connecting you to software."},
			end:   flowsim.EndHangup,
		},
		{
			name:  "tech, back to the main menu, voicemail",
			opts:  []flowsim.CallOption{flowsim.Keys("2", "0", "3", "#")},
			heard: []string{welcomePrompt, techPrompt, welcomePrompt, leaveMessage, "tone 440 Hz", thanks},
			end:   flowsim.EndHangup,
		},
		{
			name:  "invalid choice repeats the menu",
			opts:  []flowsim.CallOption{flowsim.Keys("9", "2", "7")},
			heard: []string{welcomePrompt, invalidChoice, welcomePrompt, techPrompt, invalidChoice, techPrompt},
			end:   flowsim.EndCaller,
		},
		{
			name:  "voicemail",
			opts:  []flowsim.CallOption{flowsim.Keys("3", "#")},
			heard: []string{welcomePrompt, leaveMessage, "tone 440 Hz", thanks},
			end:   flowsim.EndHangup,
		},
		{
			name:  "caller hangs up in the menu",
			opts:  []flowsim.CallOption{flowsim.Script(flowsim.HangUp())},
			heard: []string{welcomePrompt},
			end:   flowsim.EndCaller,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := sim.Run(t.Context(), append(tt.opts, flowsim.From("+15550100001"))...)
			if got := c.Heard(); !slices.Equal(got, tt.heard) {
				t.Errorf("heard:\n%s\nwant:\n%s\ntranscript:\n%s", strings.Join(got, "\n"), strings.Join(tt.heard, "\n"), c.Transcript())
			}
			if c.End() != tt.end {
				t.Errorf("end %q, want %q\n%s", c.End(), tt.end, c.Transcript())
			}
		})
	}
}

// TestSimulatedVoicemail compares the whole voicemail path, requests and
// recording included, with a golden transcript reviewed against xml.md:
// the digit goes to /menu with dtmf, from, tn, state, sca and call; the
// voicemail's Meta carries the caller; the Record container records until
// the caller presses #.
func TestSimulatedVoicemail(t *testing.T) {
	t.Parallel()
	h, err := newServer(testConfig())
	if err != nil {
		t.Fatal(err)
	}
	sim, err := flowsim.New(flowsim.Handler(h, "https://ivr.example.com/"))
	if err != nil {
		t.Fatal(err)
	}
	c := sim.Run(t.Context(), flowsim.From("+15550100001"), flowsim.Keys("3", "4#"))
	flowtest.GoldenText(t, filepath.Join("testdata", "sim", "voicemail.txt"), c.Transcript())
}

// TestSimulatedSilence shows the two readings of <Default> on the main
// menu, whose Gather has a url and an Error block but no Default: when the
// caller presses nothing, the no-match reading fails the Gather into its
// Error block ("the menu is not available"), the no-input reading goes on
// past the Gather ("We did not get your choice"), as menus.go intends.
func TestSimulatedSilence(t *testing.T) {
	t.Parallel()
	h, err := newServer(testConfig())
	if err != nil {
		t.Fatal(err)
	}
	for reading, want := range map[flowsim.Reading]string{
		flowsim.DefaultOnNoMatch: "Sorry, the menu is not available right now. Goodbye.",
		flowsim.DefaultOnNoInput: "We did not get your choice. Goodbye.",
	} {
		sim, err := flowsim.New(flowsim.Handler(h, "https://ivr.example.com/"), flowsim.DefaultOn(reading))
		if err != nil {
			t.Fatal(err)
		}
		c := sim.Run(t.Context(), flowsim.Script(flowsim.Silence()))
		heard := c.Heard()
		if heard[len(heard)-1] != want || c.End() != flowsim.EndHangup {
			t.Errorf("%s: heard %q, end %q", reading, heard, c.End())
		}
	}
}

// TestExploreIVR explores the IVR two menus deep.
func TestExploreIVR(t *testing.T) {
	t.Parallel()
	h, err := newServer(testConfig())
	if err != nil {
		t.Fatal(err)
	}
	ds, err := flowsim.Explore(flowsim.Handler(h, "https://ivr.example.com/"), 2, flowsim.DefaultOn(flowsim.DefaultOnNoInput))
	if err != nil {
		t.Fatal(err)
	}
	if ds.HasErrors() {
		t.Errorf("the IVR has dead ends, loops or failing requests:\n%v", ds)
	}
}
