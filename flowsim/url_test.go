package flowsim_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowsim"
)

// TestURL calls an application over a real loopback server, and one that
// is not listening; New refuses a URL source without a Client.
func TestURL(t *testing.T) {
	t.Parallel()
	var app *httptest.Server
	app = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/next" {
			w.Write([]byte(`<Response><Say>You pressed ` + r.URL.Query().Get("dtmf") + `.</Say><Hangup/></Response>`))
			return
		}
		w.Write([]byte(`<Response><Gather dtmf_length="1" url="` + app.URL + `/next"/></Response>`))
	}))
	defer app.Close()

	if _, err := flowsim.New(flowsim.URL(app.URL + "/calls")); err == nil || !strings.Contains(err.Error(), "needs the Client option") {
		t.Errorf("New without Client: %v", err)
	}
	if _, err := flowsim.New(flowsim.URL("/calls"), flowsim.Client(http.DefaultClient)); err == nil || !strings.Contains(err.Error(), `URL "/calls": want an absolute http or https URL`) {
		t.Errorf("New with a path: %v", err)
	}
	sim, err := flowsim.New(flowsim.URL(app.URL+"/calls"), flowsim.Client(app.Client()))
	if err != nil {
		t.Fatal(err)
	}
	c := sim.Run(t.Context(), flowsim.Keys("7"))
	tr := c.Transcript().String()
	for _, part := range []string{
		"- - fetch: document #1; GET " + app.URL + "/calls?from=15550100001&to=15550100002 -> 200",
		"#1 /Response/Gather[1] Gather: document #2; GET " + app.URL + "/next?dtmf=7&",
		`#2 /Response/Say[1] Say: "You pressed 7."`,
	} {
		if !strings.Contains(tr, part) {
			t.Errorf("transcript lacks %q:\n%s", part, tr)
		}
	}
	if c.End() != flowsim.EndHangup {
		t.Errorf("end %q", c.End())
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	sim, err = flowsim.New(flowsim.URL("http://"+addr+"/calls"), flowsim.Client(http.DefaultClient))
	if err != nil {
		t.Fatal(err)
	}
	c = sim.Run(t.Context())
	if tr := c.Transcript().String(); c.End() != flowsim.EndInvalid || !strings.Contains(tr, "fetch failed: the request failed; GET http://"+addr+"/calls?") || !strings.Contains(tr, "connection refused") {
		t.Errorf("a URL nobody listens on: end %q\n%s", c.End(), tr)
	}
}
