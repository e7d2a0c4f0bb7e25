package flowgraph_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/opentact-go/opentact/flowgraph"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// menuServer serves three documents that send calls to each other: the
// root menu asks for a PIN, the PIN document goes to /account, and
// /account's "0" goes back to the PIN document (a cycle); /broken is not
// a document.
func menuServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	var hits atomic.Int32
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/pin", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte(`<Response><Say>Checking your PIN</Say><Callback url="` + base + `/account"><Error><Hangup/></Error></Callback></Response>`))
	})
	mux.HandleFunc("/account", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte(`<Response><Say>Your balance is 10 dollars</Say><Gather dtmf_length="1"><DTMF value="0"><Callback url="` + base + `/pin"><Error><Hangup/></Error></Callback></DTMF><Default><Gather url="` + base + `/broken"/></Default></Gather></Response>`))
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte(`<Response><Say>unclosed</Response>`))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	return srv, &hits
}

func rootMenu(base string) string {
	return `<Response><Say>Welcome</Say><Gather dtmf_length="4" url="` + base + `/pin"><Error><Hangup/></Error></Gather></Response>`
}

func TestFollow(t *testing.T) {
	srv, hits := menuServer(t)
	d := parse(t, rootMenu(srv.URL))
	for name, fetch := range map[string]flowgraph.Fetcher{
		"http":    flowgraph.HTTPFetcher(context.Background(), srv.Client()),
		"handler": flowgraph.HandlerFetcher(srv.Config.Handler),
	} {
		t.Run(name, func(t *testing.T) {
			hits.Store(0)
			g := flowgraph.New(d.Response, flowgraph.Follow(fetch))
			pin, account := srv.URL+"/pin", srv.URL+"/account"
			wantEdges(t, g,
				"/Response/Gather[1] -fetch(digits)-> url:"+pin,
				"url:"+pin+" -document()-> "+pin+"/Response/Say[1]",
				pin+"/Response/Say[1] -next()-> "+pin+"/Response/Callback[1]",
				pin+"/Response/Callback[1] -fetch(callback)-> url:"+account,
				"url:"+account+" -document()-> "+account+"/Response/Say[1]",
				// the cycle closes on the URL node already drawn
				account+"/Response/Gather[1]/DTMF[1]/Callback[1] -fetch(callback)-> url:"+pin,
			)
			if got := hits.Load(); got != 3 {
				t.Errorf("%d requests, want one per URL (3)", got)
			}
			if len(g.FetchErrors) != 1 || g.FetchErrors[0].URL != srv.URL+"/broken" {
				t.Fatalf("FetchErrors = %v, want the broken document", g.FetchErrors)
			}
			var ds render.Diagnostics
			if !errors.As(g.FetchErrors[0], &ds) {
				t.Errorf("the fetch error does not carry the parse findings: %v", g.FetchErrors[0])
			}
		})
	}
}

func TestFollowLimitsAndFailures(t *testing.T) {
	srv, _ := menuServer(t)
	d := parse(t, rootMenu(srv.URL))
	g := flowgraph.New(d.Response, flowgraph.Follow(flowgraph.HTTPFetcher(context.Background(), srv.Client())), flowgraph.MaxDocuments(1))
	if len(g.FetchErrors) != 1 || !strings.Contains(g.FetchErrors[0].Error(), "more than 1 documents") {
		t.Errorf("FetchErrors = %v", g.FetchErrors)
	}

	cases := map[string]http.HandlerFunc{
		"status 500": func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 500) },
		"too large": func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("<Response><Say>" + strings.Repeat("a", 2<<20) + "</Say></Response>"))
		},
		"panics": func(w http.ResponseWriter, r *http.Request) { panic("boom") },
	}
	for name, h := range cases {
		t.Run(name, func(t *testing.T) {
			g := flowgraph.New(parse(t, rootMenu("https://example.com")).Response, flowgraph.Follow(flowgraph.HandlerFetcher(h)))
			if len(g.FetchErrors) != 1 {
				t.Fatalf("FetchErrors = %v", g.FetchErrors)
			}
			// The URL node stays, without a document behind it.
			if len(g.Nodes) != 4 {
				t.Errorf("nodes = %+v", g.Nodes)
			}
		})
	}
	// A fetcher returning no document and no error is an error, not a crash.
	g = flowgraph.New(d.Response, flowgraph.Follow(func(string) (*verbs.Response, error) { return nil, nil }))
	if len(g.FetchErrors) != 1 || !strings.Contains(g.FetchErrors[0].Error(), "no document") {
		t.Errorf("FetchErrors = %v", g.FetchErrors)
	}
}
