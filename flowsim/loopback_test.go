package flowsim_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowsim"
)

// forward sends each request the simulator makes to the real server over
// the network and copies the reply, as a platform talking to a deployed
// application would.
func forward(c *http.Client) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := r.Clone(r.Context())
		req.RequestURI = ""
		resp, err := c.Do(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.WriteHeader(resp.StatusCode)
		_, _ = io.Copy(w, resp.Body)
	})
}

// TestHandlerLoopback drives the three-level menu of webhook handlers
// served by a real HTTP server on loopback: the documents and the Gather
// url replies travel over TCP. Key 9 at level 3 panics in the handler; the
// transcript shows the fallback at the level-2 Gather of document #2 with
// the URL, and the call ends as the fallback flow ends it, with a Hangup.
func TestHandlerLoopback(t *testing.T) {
	t.Parallel()
	app := &menuApp{}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	app.base = srv.URL
	mux.Handle("/", app.handler(t))
	sim, err := flowsim.New(flowsim.Handler(forward(srv.Client()), srv.URL+"/"))
	if err != nil {
		t.Fatal(err)
	}

	c := sim.Run(t.Context(), flowsim.Keys("1", "2"))
	if got, want := strings.Join(c.Heard(), "|"), "Main menu.|Level two.|Level three, key 2."; got != want || c.End() != flowsim.EndAfterDial {
		t.Errorf("heard %q, end %q; want %q, after-dial\n%s", got, c.End(), want, c.Transcript())
	}
	checkEvents(t, c)

	c = sim.Run(t.Context(), flowsim.Keys("1", "9"))
	tr := c.Transcript()
	var fb *flowsim.Step
	for i := range tr {
		if tr[i].Outcome == flowsim.FellBack {
			fb = &tr[i]
		}
	}
	if fb == nil || fb.Document != 2 || fb.Path != "/Response/Gather[1]" || fb.Exchange == nil ||
		!strings.HasPrefix(fb.Exchange.URL, srv.URL+"/level3?dtmf=9&") || fb.Exchange.Status != 200 {
		t.Fatalf("no fallback step at document #2's Gather:\n%s", tr)
	}
	if !strings.Contains(fb.String(), "#2 /Response/Gather[1] Gather fallback: document #3, the handler's fallback flow; GET "+srv.URL+"/level3?dtmf=9&") {
		t.Errorf("the fallback step reads:\n%s", fb)
	}
	heard := c.Heard()
	if heard[len(heard)-1] != "Sorry, we cannot take your call right now. Please try again later." || c.End() != flowsim.EndHangup {
		t.Errorf("heard %q, end %q\n%s", heard, c.End(), tr)
	}
	checkEvents(t, c)
}

// TestDroppedConnection: a server that closes the connection without a
// reply fails the Gather url request over the network (Client); the
// transcript names the URL and the error, and the Gather's Error runs.
func TestDroppedConnection(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer srv.Close()
	doc := `<Response><Gather dtmf_length="1" url="` + srv.URL + `/menu"><Error><Say>Menu down.</Say><Hangup/></Error></Gather></Response>`
	sim, err := flowsim.New([]byte(doc), flowsim.Client(srv.Client()))
	if err != nil {
		t.Fatal(err)
	}
	c := sim.Run(t.Context(), flowsim.Keys("1"))
	tr := c.Transcript()
	if got := strings.Join(c.Heard(), "|"); got != "Menu down." || c.End() != flowsim.EndHangup {
		t.Errorf("heard %q, end %q\n%s", got, c.End(), tr)
	}
	st := tr[2]
	if st.Outcome != flowsim.Failed || st.Exchange == nil || !strings.HasPrefix(st.Exchange.URL, srv.URL+"/menu?dtmf=1&") || !strings.Contains(st.Exchange.Err, "EOF") {
		t.Errorf("the request step: %s", st)
	}
}
