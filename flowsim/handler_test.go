package flowsim_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
	"github.com/opentact-go/opentact/webhook"
)

// menuApp is a three-level menu served with webhook.NewCallFlowHandler:
// / answers the call with the main menu, /level2 and /level3 answer the
// Gather url requests; key 9 at level 3 panics.
type menuApp struct {
	base     string // the origin of the Gather urls; "" is http://example.com
	mu       sync.Mutex
	requests []*webhook.CallFlowRequest
}

func mustParse(t *testing.T, doc string) *verbs.Response {
	t.Helper()
	r, err := render.Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (a *menuApp) handler(t *testing.T) http.Handler {
	t.Helper()
	menu := func(prompt, next string) string {
		return `<Response><Say>` + prompt + `</Say><Gather dtmf_length="1" url="` + next +
			`"><Error><Say>Menu down.</Say><Hangup/></Error></Gather><Say>No choice.</Say><Hangup/></Response>`
	}
	base := a.base
	if base == "" {
		base = "http://example.com"
	}
	fns := map[string]webhook.CallFlowFunc[*verbs.Response]{
		"/{$}": func(ctx context.Context, r *webhook.CallFlowRequest) (*verbs.Response, error) {
			return mustParse(t, menu("Main menu.", base+"/level2?lang=en")), nil
		},
		"/level2": func(ctx context.Context, r *webhook.CallFlowRequest) (*verbs.Response, error) {
			if r.DTMF == "1" {
				return mustParse(t, menu("Level two.", base+"/level3")), nil
			}
			return mustParse(t, `<Response><Say>Bye.</Say><Hangup/></Response>`), nil
		},
		"/level3": func(ctx context.Context, r *webhook.CallFlowRequest) (*verbs.Response, error) {
			switch r.DTMF {
			case "9":
				panic("level 3 is broken")
			case "8":
				<-ctx.Done() // hangs until the handler's timeout
				return nil, ctx.Err()
			}
			return mustParse(t, `<Response><Say>Level three, key `+r.DTMF+`.</Say><Dial><To>15550100077</To></Dial></Response>`), nil
		},
	}
	mux := http.NewServeMux()
	for pattern, fn := range fns {
		fn := fn
		h, err := webhook.NewCallFlowHandler(func(ctx context.Context, r *webhook.CallFlowRequest) (*verbs.Response, error) {
			a.mu.Lock()
			a.requests = append(a.requests, r)
			a.mu.Unlock()
			return fn(ctx, r)
		}, webhook.WithTimeout(50*time.Millisecond), webhook.WithErrorHook(func(*http.Request, error) {}))
		if err != nil {
			t.Fatal(err)
		}
		mux.Handle(pattern, h)
	}
	return mux
}

// TestHandlerThreeLevels drives a webhook.CallFlowHandler through three
// menu levels in process with Gather url callbacks; a panicking and a
// hanging branch come back as the handler's fallback flow.
func TestHandlerThreeLevels(t *testing.T) {
	t.Parallel()
	app := &menuApp{}
	sim, err := flowsim.New(flowsim.Handler(app.handler(t), "/"))
	if err != nil {
		t.Fatal(err)
	}
	c := sim.Run(t.Context(), flowsim.From("+12125550100"), flowsim.To("12125550199"), flowsim.Keys("1", "2"))
	want := []string{"Main menu.", "Level two.", "Level three, key 2."}
	if got := c.Heard(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("heard %q, want %q", got, want)
	}
	if c.End() != flowsim.EndAfterDial {
		t.Errorf("end %q, want %q\n%s", c.End(), flowsim.EndAfterDial, c.Transcript())
	}
	app.mu.Lock()
	reqs := app.requests
	app.mu.Unlock()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	first, second := reqs[0], reqs[1]
	if first.Origin != webhook.OriginCallFlow || first.From != "+12125550100" || first.To != "12125550199" {
		t.Errorf("call_flow_url request: %+v", first)
	}
	if second.Origin != webhook.OriginGather || second.DTMF != "1" || second.From != "+12125550100" || second.TN != "12125550199" ||
		second.State != "live" || second.SCA != "30000000-0000-4000-8000-000000000001" ||
		second.CallUUID != "20000000-0000-4000-8000-000000000001" || second.Query.Get("lang") != "en" {
		t.Errorf("Gather url request: %+v", second)
	}
	checkEvents(t, c)

	for _, key := range []string{"9", "8"} {
		c := sim.Run(t.Context(), flowsim.Keys("1", key))
		tr := c.Transcript()
		var fetch *flowsim.Step
		for i := range tr {
			if tr[i].Outcome == flowsim.FellBack {
				fetch = &tr[i]
			}
		}
		if fetch == nil || fetch.Path != "/Response/Gather[1]" || fetch.Exchange == nil || !strings.Contains(fetch.Exchange.URL, "/level3?dtmf="+key+"&") {
			t.Fatalf("key %s: no fallback step at the level-2 Gather:\n%s", key, tr)
		}
		heard := c.Heard()
		if last := heard[len(heard)-1]; last != "Sorry, we cannot take your call right now. Please try again later." || c.End() != flowsim.EndHangup {
			t.Errorf("key %s: heard last %q, end %q", key, last, c.End())
		}
	}
}

// TestHandlerFailures covers a handler that panics (a plain http.Handler,
// no fallback of its own), one that hangs past the request timeout, one
// that answers garbage, and the call_flow_url failing.
func TestHandlerFailures(t *testing.T) {
	t.Parallel()
	doc := `<Response><Gather dtmf_length="1" url="https://app.example.com/next"><Error><Say>Error block.</Say><Hangup/></Error></Gather></Response>`
	handlers := map[string]http.HandlerFunc{
		"panic":   func(http.ResponseWriter, *http.Request) { panic("boom") },
		"hang":    func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() },
		"garbage": func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("<Response><Say>unclosed")) },
		"huge": func(w http.ResponseWriter, _ *http.Request) {
			chunk := []byte(strings.Repeat("x", 64<<10))
			for i := 0; i < 100; i++ {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		},
		"500": func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(500) },
	}
	for name, h := range handlers {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			sim, err := flowsim.New([]byte(doc), flowsim.Route("https://app.example.com/", h), flowsim.RequestTimeout(50*time.Millisecond))
			if err != nil {
				t.Fatal(err)
			}
			c := sim.Run(t.Context(), flowsim.Keys("1"))
			heard := c.Heard()
			if len(heard) != 1 || heard[0] != "Error block." {
				t.Errorf("heard %q, want the Error block\n%s", heard, c.Transcript())
			}
		})
		t.Run("call_flow_url "+name, func(t *testing.T) {
			t.Parallel()
			sim, err := flowsim.New(flowsim.Handler(h, "https://app.example.com/"), flowsim.RequestTimeout(50*time.Millisecond))
			if err != nil {
				t.Fatal(err)
			}
			c := sim.Run(t.Context())
			if c.End() != flowsim.EndInvalid {
				t.Errorf("end %q, want %q\n%s", c.End(), flowsim.EndInvalid, c.Transcript())
			}
		})
	}
}
