package devpage_test

import (
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowsim"
)

// TestStepContinueHangUp runs a call one command at a time, then to the
// next input, and hangs up at a wait and between two commands.
func TestStepContinueHangUp(t *testing.T) {
	t.Parallel()
	ts, _ := start(t, []byte(nested))
	at := func(what string, st bool, wantPath string, got string, heard []string, nheard int) {
		t.Helper()
		if !st || got != wantPath || len(heard) != nheard {
			t.Fatalf("%s: at %q (want %q), heard %q (want %d)", what, got, wantPath, heard, nheard)
		}
	}
	_, st, _ := post(t, ts, "step", `{"from":"12125550100"}`)
	at("step with no call", st.Paused && st.Stepping && !st.Waiting, "/Response/Say[1]", st.ActivePath, st.Heard, 0)
	if len(st.Transcript) != 1 || st.Transcript[0].Element != "call" || !strings.Contains(st.Transcript[0].Text, "from 12125550100") {
		t.Errorf("transcript before the first command: %+v", st.Transcript)
	}
	_, st, _ = post(t, ts, "step", `{}`)
	at("step", st.Paused, "/Response/Gather[1]", st.ActivePath, st.Heard, 1)
	if code, _, body := post(t, ts, "press", `{"keys":"1"}`); code != 409 || !strings.Contains(body, "paused before Gather (#1 /Response/Gather[1])") {
		t.Errorf("press while paused: %d %s", code, body)
	}
	_, st, _ = post(t, ts, "step", `{}`)
	at("step into the Gather", st.Waiting && !st.Paused, "/Response/Gather[1]", st.ActivePath, st.Heard, 1)
	_, st, _ = post(t, ts, "press", `{"keys":"1"}`)
	at("press 1 in step mode", st.Paused, "/Response/Gather[1]/DTMF[1]/Say[1]", st.ActivePath, st.Heard, 1)
	_, st, _ = post(t, ts, "continue", `{}`)
	at("continue", st.Waiting && !st.Stepping, "/Response/Gather[1]/DTMF[1]/Gather[1]", st.ActivePath, st.Heard, 2)
	_, st, _ = post(t, ts, "press", `{"keys":"9"}`)
	if !st.Ended || st.End != string(flowsim.EndHangup) || len(st.Heard) != 3 {
		t.Fatalf("press 9: %+v", st)
	}

	// Hang up between two commands: the call ends there.
	post(t, ts, "step", `{}`)
	_, st, _ = post(t, ts, "step", `{}`)
	at("a new call, one step", st.Paused, "/Response/Gather[1]", st.ActivePath, st.Heard, 1)
	_, st, body := post(t, ts, "hangup", `{}`)
	last := st.Transcript[len(st.Transcript)-1].Text
	if !st.Ended || st.End != string(flowsim.EndCaller) || st.Paused || !strings.HasSuffix(last, "end: caller-hangup: the caller hung up before /Response/Gather[1]") {
		t.Fatalf("hang up while paused: %s", body)
	}
	if code, _, _ := post(t, ts, "step", `{}`); code != 200 {
		t.Errorf("step after the end: %d, want a new call", code)
	}

	// Hang up at a wait.
	post(t, ts, "call", `{}`)
	_, st, body = post(t, ts, "hangup", `{}`)
	if !st.Ended || st.End != string(flowsim.EndCaller) || !strings.Contains(body, "Gather: caller hung up") {
		t.Fatalf("hang up at the Gather: %s", body)
	}
	if code, _, body := post(t, ts, "hangup", `{}`); code != 409 {
		t.Errorf("hang up after the end: %d %s", code, body)
	}
}

// TestStepAfterClose: a call paused before a command when the server
// closes ends, and a later action answers instead of hanging.
func TestStepAfterClose(t *testing.T) {
	t.Parallel()
	ts, srv := start(t, []byte(nested))
	if _, st, _ := post(t, ts, "step", `{}`); !st.Paused {
		t.Fatalf("step: %+v", st)
	}
	srv.Close()
	if code, _, body := post(t, ts, "step", `{}`); code != 200 && code != 409 {
		t.Errorf("step after Close: %d %s", code, body)
	}
	if code, _, body := post(t, ts, "hangup", `{}`); code != 200 && code != 409 {
		t.Errorf("hang up after Close: %d %s", code, body)
	}
}
