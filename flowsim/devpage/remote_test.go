package devpage_test

import (
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/flowsim/devpage"
)

// appFirst is the application's first document: its Play has a warning
// (not .mp3 or .wav), its Gather sends the digits back to the app.
const appFirst = `<Response>
  <Play>http://127.0.0.1/hello.ogg</Play>
  <Gather dtmf_length="1" url="/next"/>
</Response>`

// TestURLExchanges calls an application over real loopback HTTP and checks
// the exchanges the page is sent: request, status, produced document and
// render.Check's findings with their paths and positions.
func TestURLExchanges(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	var app *httptest.Server
	mux.HandleFunc("/calls", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Replace(appFirst, `url="/next"`, `url="`+app.URL+`/next"`, 1)))
	})
	mux.HandleFunc("/next", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("dtmf") == "2" {
			w.Write([]byte(`<Response><Say>broken</Say><Bogus/></Response>`))
			return
		}
		w.Write([]byte(`<Response><Say>You pressed ` + r.URL.Query().Get("dtmf") + `.</Say><Hangup/></Response>`))
	})
	app = httptest.NewServer(mux)
	defer app.Close()
	ts, _ := start(t, devpage.URL(app.URL+"/calls"))

	_, st, body := post(t, ts, "call", `{"from":"12125550100"}`)
	if !st.Waiting || len(st.Exchanges) != 1 {
		t.Fatalf("call: %s", body)
	}
	x := st.Exchanges[0]
	if x.Element != "fetch" || x.Method != "GET" || x.URL != app.URL+"/calls?from=12125550100&to=15550100002" ||
		x.Status != 200 || x.Error != "" || x.Produced != 1 || !x.Checked {
		t.Errorf("first exchange: %+v", x)
	}
	if len(x.Findings) != 1 || x.Findings[0].Severity != "warning" || x.Findings[0].Path != "/Response/Play[1]" ||
		x.Findings[0].Rule != "audio-ext" || x.Findings[0].Line != 2 {
		t.Errorf("findings of the first reply: %+v", x.Findings)
	}
	if len(st.Documents) != 1 || st.Documents[0].URL != x.URL || len(st.Documents[0].Findings) != 1 {
		t.Errorf("documents: %+v", st.Documents)
	}
	if len(st.Problems) != 0 {
		t.Errorf("problems: %q", st.Problems)
	}

	_, st, body = post(t, ts, "press", `{"keys":"1"}`)
	if len(st.Exchanges) != 2 || !st.Ended || strings.Join(st.Heard, "|") != "http://127.0.0.1/hello.ogg|You pressed 1." {
		t.Fatalf("press 1: %s", body)
	}
	if x := st.Exchanges[1]; x.Element != "Gather" || x.Path != "/Response/Gather[1]" || x.Doc != 1 || x.Produced != 2 ||
		!strings.Contains(x.URL, "/next?dtmf=1&from=12125550100") || len(x.Findings) != 0 {
		t.Errorf("second exchange: %+v", x)
	}

	// An invalid reply: its error finding and a problem in words.
	post(t, ts, "call", `{}`)
	_, st, body = post(t, ts, "press", `{"keys":"2"}`)
	if len(st.Exchanges) != 2 {
		t.Fatalf("press 2: %s", body)
	}
	x = st.Exchanges[1]
	if x.Produced != 0 || len(x.Findings) == 0 || x.Findings[0].Severity != "error" || !strings.Contains(x.Findings[0].Path, "Bogus") {
		t.Errorf("invalid reply: %+v", x)
	}
	if len(st.Problems) != 1 || !strings.Contains(st.Problems[0], "returned a document that cannot run") || !strings.Contains(st.Problems[0], "Bogus") {
		t.Errorf("problems: %q", st.Problems)
	}
}

// TestURLBadAnswers: an application that panics, answers 500, never
// answers, or is not listening shows a problem on the page; the server
// stays up and the next call, once the application is fixed, works.
func TestURLBadAnswers(t *testing.T) {
	t.Parallel()
	good := `<Response><Say>Fixed.</Say><Hangup/></Response>`
	for _, c := range []struct {
		name string
		bad  http.HandlerFunc
		want string
	}{
		{"panic", func(http.ResponseWriter, *http.Request) { panic("boom") }, "/calls?from=15550100001&to=15550100002 got no reply: EOF"},
		{"status 500", func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "panic: boom", 500) }, "failed: status 500"},
		{"timeout", func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }, "no reply within 0.2s"},
		{"refused", nil, "connection refused"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var fixed atomic.Bool
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			addr := ln.Addr().String()
			handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if fixed.Load() {
					w.Write([]byte(good))
					return
				}
				c.bad(w, r)
			})
			app := &http.Server{Handler: handler, ErrorLog: quietLog()}
			if c.bad == nil {
				ln.Close() // nobody listens
			} else {
				go app.Serve(ln)
				defer app.Close()
			}
			ts, _ := start(t, devpage.URL("http://"+addr+"/calls"), devpage.WithSimOptions(flowsim.RequestTimeout(200*time.Millisecond)))
			code, st, body := post(t, ts, "call", `{}`)
			if code != 200 || !st.Ended || st.End != string(flowsim.EndInvalid) {
				t.Fatalf("call: %d %s", code, body)
			}
			if len(st.Problems) != 1 || !strings.Contains(st.Problems[0], c.want) || !strings.Contains(st.Problems[0], "the call_flow_url") {
				t.Errorf("problems %q, want one with %q", st.Problems, c.want)
			}
			if len(st.Exchanges) != 1 || st.Exchanges[0].Error == "" {
				t.Errorf("exchanges: %+v", st.Exchanges)
			}
			fixed.Store(true)
			if c.bad == nil {
				ln, err := net.Listen("tcp", addr)
				if err != nil {
					t.Skipf("cannot listen on %s again: %v", addr, err)
				}
				go app.Serve(ln)
				defer app.Close()
			}
			code, st, body = post(t, ts, "call", `{}`)
			if code != 200 || strings.Join(st.Heard, "|") != "Fixed." || st.End != string(flowsim.EndHangup) || len(st.Problems) != 0 {
				t.Fatalf("the next call: %d %s", code, body)
			}
		})
	}
}

// TestURLOffMachine: a URL off this machine is refused when the server is
// made, and a request of the call to a host off it is not sent.
func TestURLOffMachine(t *testing.T) {
	t.Parallel()
	if _, err := devpage.New(devpage.URL("http://example.com/calls")); err == nil || !strings.Contains(err.Error(), "on this machine") {
		t.Errorf("New with a remote URL: %v", err)
	}
	app := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<Response><Curl url="http://192.0.2.1/hook"/><Hangup/></Response>`))
	}))
	defer app.Close()
	ts, _ := start(t, devpage.URL(app.URL+"/"))
	_, st, body := post(t, ts, "call", `{}`)
	if len(st.Exchanges) != 2 || !strings.Contains(st.Exchanges[1].Error, "192.0.2.1 is not on this machine") || st.Exchanges[1].Checked {
		t.Fatalf("call: %s", body)
	}
}

// quietLog is a logger for servers whose handlers panic on purpose.
func quietLog() *log.Logger { return log.New(io.Discard, "", 0) }

// TestCallbackAndCurlExchanges: a Callback's reply is checked and becomes
// the next document; a Curl's reply is shown but not checked.
func TestCallbackAndCurlExchanges(t *testing.T) {
	t.Parallel()
	doc := `<Response><Curl url="https://crm.example.com/log"/><Callback url="https://app.example.com/next" tag="t1"/></Response>`
	ts, _ := start(t, []byte(doc),
		devpage.Reply("https://crm.example.com/", "not xml at all"),
		devpage.Reply("https://app.example.com/", `<Response><Play>https://cdn.example.com/a.ogg</Play><Hangup/></Response>`))
	_, st, body := post(t, ts, "call", `{}`)
	if len(st.Exchanges) != 2 || !st.Ended {
		t.Fatalf("call: %s", body)
	}
	curl, cb := st.Exchanges[0], st.Exchanges[1]
	if curl.Element != "Curl" || curl.Path != "/Response/Curl[1]" || curl.Checked || curl.Reply != "not xml at all" || curl.Produced != 0 {
		t.Errorf("Curl exchange: %+v", curl)
	}
	if cb.Element != "Callback" || cb.URL != "https://app.example.com/next?tag=t1" || !cb.Checked || cb.Produced != 2 ||
		len(cb.Findings) != 1 || cb.Findings[0].Rule != "audio-ext" || cb.Findings[0].Path != "/Response/Play[1]" {
		t.Errorf("Callback exchange: %+v", cb)
	}
	if len(st.Documents) != 2 || st.Documents[1].URL != cb.URL {
		t.Errorf("documents: %+v", st.Documents)
	}
}
