package devpage_test

import (
	"fmt"
	"testing"

	"github.com/opentact-go/opentact/flowsim/devpage"
)

// TestLogAndNotice: lines and the notice given to the server are in the
// page's state, the log keeping its last 500 lines.
func TestLogAndNotice(t *testing.T) {
	t.Parallel()
	ts, srv := start(t, []byte(nested))
	srv.SetNotice("the handler exited (exit status 3)")
	for i := range 501 {
		srv.Log("stderr", fmt.Sprint("line ", i))
	}
	_, st, _ := post(t, ts, "call", `{}`)
	if st.Notice != "the handler exited (exit status 3)" || len(st.Log) != 500 || st.Log[0].Text != "line 1" || st.Log[499] != (devpage.LogLine{Stream: "stderr", Text: "line 500"}) {
		t.Errorf("notice %q, %d lines, first %+v", st.Notice, len(st.Log), st.Log[0])
	}
	srv.SetNotice("")
	if _, st, _ := post(t, ts, "call", `{}`); st.Notice != "" {
		t.Errorf("notice after clearing: %q", st.Notice)
	}
}
