package main

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const (
	simMenu = `<Response>
  <Say>Press 1 for sales.</Say>
  <Gather dtmf_length="1">
    <DTMF value="1"><Dial><To>15550100010</To><Error><Say>Sales is busy.</Say><Hangup/></Error></Dial></DTMF>
    <Default><Say>Not a choice.</Say></Default>
  </Gather>
  <Hangup/>
</Response>
`
	simDeadEnd = "<Response><Say>Hello</Say></Response>\n"
	simUnknown = "<Response><Say>Hello</Say><Beep/><Hangup/></Response>\n"
)

func TestSim(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{"menu.xml": simMenu, "deadend.xml": simDeadEnd, "invalid.xml": noDestinationDoc, "syntax.xml": syntaxErrorDoc, "unknown.xml": simUnknown})
	p := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name string
		args []string
		code int
		want string // stdout, exactly
		err  string // in stderr
	}{
		{
			name: "key 1, answered",
			args: []string{"sim", "-press", "1", "-from", "12125550100", "-to", "12125550199", "-at", "2030-01-07T09:00:00-05:00", p("menu.xml")},
			want: "0:00.000 - - call: from 12125550100 to 12125550199 at 2030-01-07T09:00:00-05:00\n" +
				`0:00.000 #1 /Response/Say[1] Say: "Press 1 for sales." (1.6s)` + "\n" +
				`0:01.600 #1 /Response/Gather[1] Gather: caller pressed 1; digits "1" -> DTMF[1] (1s)` + "\n" +
				"0:02.600 #1 /Response/Gather[1]/DTMF[1]/Dial[1] Dial: ringing 15550100010: answered by 15550100010 after 5s, talked 60s, then the dialled party hung up (65s)\n" +
				"1:07.600 #1 /Response/Hangup[1] Hangup: the flow hangs up\n" +
				"1:07.600 - - end: hangup: the flow hangs up\n",
		},
		{
			name: "key 1, busy",
			args: []string{"sim", "-press", "1", "-dial", "busy", p("menu.xml")},
			want: "0:00.000 - - call: from 15550100001 to 15550100002 at 2030-01-02T10:00:00Z\n" +
				`0:00.000 #1 /Response/Say[1] Say: "Press 1 for sales." (1.6s)` + "\n" +
				`0:01.600 #1 /Response/Gather[1] Gather: caller pressed 1; digits "1" -> DTMF[1] (1s)` + "\n" +
				"0:02.600 #1 /Response/Gather[1]/DTMF[1]/Dial[1] Dial failed: ringing 15550100010: busy\n" +
				"0:02.600 #1 /Response/Gather[1]/DTMF[1]/Dial[1]/Error[1] Error: handles: busy\n" +
				`0:02.600 #1 /Response/Gather[1]/DTMF[1]/Dial[1]/Error[1]/Say[1] Say: "Sales is busy." (1.2s)` + "\n" +
				"0:03.800 #1 /Response/Gather[1]/DTMF[1]/Dial[1]/Error[1]/Hangup[1] Hangup: the flow hangs up\n" +
				"0:03.800 - - end: hangup: the flow hangs up\n",
		},
		{
			name: "wrong key, Default, from stdin",
			args: []string{"sim", "-press", "7", "-"},
			want: "0:00.000 - - call: from 15550100001 to 15550100002 at 2030-01-02T10:00:00Z\n" +
				`0:00.000 #1 /Response/Say[1] Say: "Press 1 for sales." (1.6s)` + "\n" +
				`0:01.600 #1 /Response/Gather[1] Gather: caller pressed 7; digits "7" -> Default[1] (1s)` + "\n" +
				`0:02.600 #1 /Response/Gather[1]/Default[1]/Say[1] Say: "Not a choice." (1.2s)` + "\n" +
				"0:03.800 #1 /Response/Hangup[1] Hangup: the flow hangs up\n" +
				"0:03.800 - - end: hangup: the flow hangs up\n",
		},
		{
			name: "silence under the no-input reading",
			args: []string{"sim", "-press", ",", "-default", "no-input", p("menu.xml")},
			want: "0:00.000 - - call: from 15550100001 to 15550100002 at 2030-01-02T10:00:00Z\n" +
				`0:00.000 #1 /Response/Say[1] Say: "Press 1 for sales." (1.6s)` + "\n" +
				`0:01.600 #1 /Response/Gather[1] Gather: caller silent; no digits -> Default[1] (5s)` + "\n" +
				`0:06.600 #1 /Response/Gather[1]/Default[1]/Say[1] Say: "Not a choice." (1.2s)` + "\n" +
				"0:07.800 #1 /Response/Hangup[1] Hangup: the flow hangs up\n" +
				"0:07.800 - - end: hangup: the flow hangs up\n",
		},
		{
			name: "dead end",
			args: []string{"sim", p("deadend.xml")},
			code: 1,
			want: "0:00.000 - - call: from 15550100001 to 15550100002 at 2030-01-02T10:00:00Z\n" +
				`0:00.000 #1 /Response/Say[1] Say: "Hello" (0.4s)` + "\n" +
				"0:00.400 - - end: dead-end: the flow ran out of commands without a Hangup or a Dial\n",
		},
		{
			name: "invalid document",
			args: []string{"sim", p("invalid.xml")},
			code: 1,
			want: "0:00.000 - - call: from 15550100001 to 15550100002 at 2030-01-02T10:00:00Z\n" +
				"0:00.000 - - check invalid: the document cannot run; [2:3: error: /Response/Dial[1]: <Dial> needs at least one destination (<To>)]\n" +
				"0:00.000 - - end: invalid: the platform refuses the document\n",
		},
		{
			name: "explore in check's format",
			args: []string{"sim", "-explore", "-depth", "2", p("deadend.xml")},
			code: 1,
			want: p("deadend.xml") + ":1:11: error: /Response/Say[1]: the call ends after this command without a <Hangup> or a <Dial>\n",
		},
		{
			name: "explore a clean menu",
			args: []string{"sim", "-explore", p("menu.xml")},
			want: "",
		},
		{
			name: "explore an invalid document",
			args: []string{"sim", "-explore", p("invalid.xml")},
			code: 1,
			want: p("invalid.xml") + ":2:3: error: /Response/Dial[1]: <Dial> needs at least one destination (<To>)\n",
		},
		{
			name: "lenient passes over an unknown element",
			args: []string{"sim", "-lenient", p("unknown.xml")},
			want: "0:00.000 - - call: from 15550100001 to 15550100002 at 2030-01-02T10:00:00Z\n" +
				`0:00.000 #1 /Response/Say[1] Say: "Hello" (0.4s)` + "\n" +
				"0:00.400 #1 /Response/Beep[1] Beep skipped: an element the SDK does not model; the simulator passes over it\n" +
				"0:00.400 #1 /Response/Hangup[1] Hangup: the flow hangs up\n" +
				"0:00.400 - - end: hangup: the flow hangs up\n",
		},
		{name: "no file", args: []string{"sim"}, code: 2, err: "want exactly one FILE or URL"},
		{name: "bad dial", args: []string{"sim", "-dial", "maybe", p("menu.xml")}, code: 2, err: `-dial "maybe"`},
		{name: "bad time", args: []string{"sim", "-at", "tomorrow", p("menu.xml")}, code: 2, err: "RFC 3339"},
		{name: "bad reading", args: []string{"sim", "-default", "x", p("menu.xml")}, code: 2, err: "-default"},
		{name: "press with explore", args: []string{"sim", "-explore", "-press", "1", p("menu.xml")}, code: 2, err: "-press"},
		{name: "bad depth", args: []string{"sim", "-explore", "-depth", "0", p("menu.xml")}, code: 2, err: "-depth"},
		{name: "missing file", args: []string{"sim", p("nope.xml")}, code: 2, err: "nope.xml"},
		{name: "unknown flag", args: []string{"sim", "-x", p("menu.xml")}, code: 2, err: "-x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := runCLI(simMenu, tt.args...)
			if r.code != tt.code || r.stdout != tt.want || !strings.Contains(r.stderr, tt.err) {
				t.Errorf("exit %d (want %d)\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", r.code, tt.code, r.stdout, tt.want, r.stderr)
			}
		})
	}
}

// TestSimURL simulates a call to a call_flow_url on a loopback server whose
// Gather url points back at it.
func TestSimURL(t *testing.T) {
	t.Parallel()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/" && r.URL.Query().Get("from") == "12125550100":
			w.Write([]byte(`<Response><Say>Menu.</Say><Gather dtmf_length="1" url="` + srv.URL + `/menu"/></Response>`))
		case r.URL.Path == "/menu" && r.URL.Query().Get("dtmf") == "2":
			w.Write([]byte(`<Response><Say>Two.</Say><Hangup/></Response>`))
		default:
			http.Error(w, "no", http.StatusNotFound)
		}
	}))
	defer srv.Close()
	r := runCLI("", "sim", "-press", "2", "-from", "12125550100", srv.URL+"/")
	if r.code != 0 || !strings.Contains(r.stdout, `#2 /Response/Say[1] Say: "Two."`) || !strings.Contains(r.stdout, "- - fetch: document #1; GET "+srv.URL+"/?from=12125550100&to=15550100002 -> 200") {
		t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI("", "sim", "-press", "3", "-from", "12125550100", srv.URL+"/")
	if r.code != 1 || !strings.Contains(r.stdout, "dead-end") {
		t.Errorf("key 3: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestSimProcess runs sim through the real binary for its exit codes.
func TestSimProcess(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{"menu.xml": simMenu, "deadend.xml": simDeadEnd, "invalid.xml": noDestinationDoc})
	for _, tt := range []struct {
		args string
		code int
		out  string
	}{
		{"sim -press 1 " + filepath.Join(dir, "menu.xml"), 0, `Say: "Press 1 for sales."`},
		{"sim " + filepath.Join(dir, "deadend.xml"), 1, "dead-end"},
		{"sim " + filepath.Join(dir, "invalid.xml"), 1, "invalid"},
		{"sim -explore -depth 2 " + filepath.Join(dir, "deadend.xml"), 1, ":1:11: error: /Response/Say[1]:"},
		{"sim", 2, ""},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "OPENTACT_CLI_RUN_MAIN=1", "OPENTACT_CLI_ARGS="+tt.args)
		out, err := cmd.Output()
		code := 0
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			code = exitErr.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != tt.code || !strings.Contains(string(out), tt.out) {
			t.Errorf("opentact %s: exit %d (want %d)\n%s", tt.args, code, tt.code, out)
		}
	}
}

// TestSimURLErrors: a call_flow_url that refuses the connection, or
// redirects to itself, is named with its cause in the transcript, not as a
// proxy's 502.
func TestSimURLErrors(t *testing.T) {
	t.Parallel()
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()
	var loop *httptest.Server
	loop = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, loop.URL+"/again", http.StatusFound)
	}))
	defer loop.Close()
	for _, tt := range []struct{ url, want string }{
		{closedURL + "/", "connection refused"},
		{loop.URL + "/", "stopped after 10 redirects"},
	} {
		r := runCLI("", "sim", tt.url)
		if r.code != 1 || !strings.Contains(r.stdout, "- - fetch failed: the request failed; GET "+tt.url) ||
			!strings.Contains(r.stdout, tt.want) || strings.Contains(r.stdout, "502") {
			t.Errorf("%s: exit %d, want 1 and %q\n%s%s", tt.url, r.code, tt.want, r.stdout, r.stderr)
		}
	}
}
