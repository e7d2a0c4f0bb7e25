package webhook

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// The state keys of the tests: 32 bytes each.
var (
	keyOld = bytes.Repeat([]byte{'o'}, 32)
	keyNew = bytes.Repeat([]byte{'n'}, 32)
)

// attempts is the typed state of the tests' PIN prompt.
type attempts struct {
	Tries int    `json:"tries"`
	Menu  string `json:"menu"`
}

// testClock is a clock the tests move.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// stateApp is a loopback server whose PIN prompt counts its attempts in
// signed state.
type stateApp struct {
	t     *testing.T
	srv   *httptest.Server
	hooks *hookRecorder
	mu    sync.Mutex
	seen  []attempts   // the state each call of the function read
	query []url.Values // the query each call of the function saw
}

func newStateApp(t *testing.T, keys StateKeys, clock *testClock) *stateApp {
	t.Helper()
	a := &stateApp{t: t, hooks: &hookRecorder{}}
	h, err := NewCallFlowHandler(func(ctx context.Context, r *CallFlowRequest) (*flow.Flow, error) {
		st, err := State[attempts](r)
		if err != nil && !errors.Is(err, ErrNoState) {
			return nil, err
		}
		a.mu.Lock()
		a.seen, a.query = append(a.seen, st), append(a.query, r.Query)
		a.mu.Unlock()
		next, err := CallbackURL(HTTPRequest(ctx), "/pin", url.Values{"lang": {"en"}}, WithState(attempts{Tries: st.Tries + 1, Menu: "pin"}))
		if err != nil {
			return nil, err
		}
		return flow.New().Say("Enter your PIN.").Gather(flow.DTMFLength(4), flow.URL(next)), nil
	}, WithStateKeys(keys), WithClock(clock.Now), WithErrorHook(a.hooks.hook))
	if err != nil {
		t.Fatal(err)
	}
	a.srv = httptest.NewServer(h)
	t.Cleanup(a.srv.Close)
	return a
}

// get requests target on the app (a path and query, or a URL of another
// app, whose path and query are kept) and returns the Gather URL of the
// reply, "" for the fallback.
func (a *stateApp) get(target string) string {
	a.t.Helper()
	if u, err := url.Parse(target); err == nil && u.Host != "" {
		target = u.RequestURI()
	}
	resp, err := a.srv.Client().Get(a.srv.URL + target)
	if err != nil {
		a.t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) == defaultFallback {
		return ""
	}
	doc, err := render.Parse(body)
	if err != nil {
		a.t.Fatalf("GET %s: %v\n%s", target, err, body)
	}
	for _, c := range doc.Commands {
		if g, ok := c.(*verbs.Gather); ok {
			return g.URL
		}
	}
	a.t.Fatalf("GET %s: no Gather in\n%s", target, body)
	return ""
}

// pressed is the Gather url request Opentact sends for a call: the URL's
// own query, then its parameters.
func pressed(gather, digits, callID string) string {
	return gather + "&dtmf=" + digits + "&from=%2B15550100001&tn=15550100002&state=live&sca=30000000-0000-4000-8000-000000000001&call=" + callID
}

const (
	callA = "20000000-0000-4000-8000-00000000000a"
	callB = "20000000-0000-4000-8000-00000000000b"
)

func (a *stateApp) lastSeen() attempts {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.seen[len(a.seen)-1]
}

// wantRefused checks that the last request was refused with sentinel.
func (a *stateApp) wantRefused(gather string, sentinel error) {
	a.t.Helper()
	if gather != "" {
		a.t.Errorf("got a document with Gather %s, want the fallback", gather)
	}
	errs := a.hooks.errors()
	var se *StateError
	if len(errs) == 0 || !errors.As(errs[len(errs)-1], &se) || !errors.Is(se, sentinel) {
		a.t.Errorf("hook got %v, want a *StateError for %v", errs, sentinel)
	}
}

// TestStateAcrossRequests carries typed state through three requests of
// one call, and refuses a forged, an expired, another call's and a
// repeated token.
func TestStateAcrossRequests(t *testing.T) {
	t.Parallel()
	clock := &testClock{now: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
	app := newStateApp(t, StateKeys{Current: keyNew, MaxAge: 10 * time.Minute}, clock)

	// The call_flow_url POST of call A: no state yet.
	resp, err := app.srv.Client().Post(app.srv.URL+"/?from=%2B15550100001&to=15550100002", "application/json",
		strings.NewReader(`{"uuid":"`+callA+`","from":"+15550100001","to":"15550100002","state":"init"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	doc, err := render.Parse(body)
	if err != nil {
		t.Fatal(err)
	}
	first := doc.Commands[1].(*verbs.Gather).URL
	if got := app.lastSeen(); got != (attempts{}) {
		t.Errorf("first request read %+v, want the zero state", got)
	}
	u, _ := url.Parse(first)
	if u.Path != "/pin" || u.Query().Get("lang") != "en" || len(u.Query()[StateParam]) != 1 {
		t.Fatalf("Gather URL %s: want /pin with lang and one %s", first, StateParam)
	}

	second := app.get(pressed(first, "1111", callA))
	if got := app.lastSeen(); got != (attempts{Tries: 1, Menu: "pin"}) {
		t.Errorf("second request read %+v, want 1 try", got)
	}
	app.get(pressed(second, "2222", callA))
	if got := app.lastSeen(); got != (attempts{Tries: 2, Menu: "pin"}) {
		t.Errorf("third request read %+v, want 2 tries", got)
	}
	for _, q := range app.query {
		if _, ok := q[StateParam]; ok {
			t.Errorf("the function saw the token in its query: %v", q)
		}
	}
	if errs := app.hooks.errors(); len(errs) != 0 {
		t.Fatalf("hook got %v for genuine tokens", errs)
	}

	t.Run("forged", func(t *testing.T) {
		// The payload changed (Tries 2 -> 0) under the old signature.
		tok := tokenOf(t, second)
		payload, sig, _ := strings.Cut(tok, ".")
		forged := strings.Replace(second, tok, flipTries(t, payload)+"."+sig, 1)
		app.wantRefused(app.get(pressed(forged, "3333", callA)), ErrStateForged)
		app.wantRefused(app.get(pressed(strings.Replace(second, tok, "garbage", 1), "3333", callA)), ErrStateForged)
	})
	t.Run("other call", func(t *testing.T) {
		app.wantRefused(app.get(pressed(second, "3333", callB)), ErrStateOtherCall)
	})
	t.Run("repeated", func(t *testing.T) {
		tok := tokenOf(t, second)
		app.wantRefused(app.get(pressed(second+"&"+StateParam+"="+url.QueryEscape(tok), "3333", callA)), ErrStateForged)
	})
	t.Run("expired", func(t *testing.T) {
		// Subtests run in order: the clock moves last.
		clock.Add(10 * time.Minute)
		app.wantRefused(app.get(pressed(second, "3333", callA)), ErrStateExpired)
	})
}

// tokenOf returns the state token of a URL.
func tokenOf(t *testing.T, rawURL string) string {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	return url.QueryEscape(u.Query().Get(StateParam))
}

// flipTries rewrites the claims of a payload to hold zero tries.
func flipTries(t *testing.T, payload string) string {
	t.Helper()
	raw, err := decodeB64(payload)
	if err != nil {
		t.Fatal(err)
	}
	changed := regexp.MustCompile(`"tries":[1-9]`).ReplaceAllString(string(raw), `"tries":0`)
	if changed == string(raw) {
		t.Fatalf("payload %s holds no tries", raw)
	}
	return encodeB64([]byte(changed))
}

// TestStateKeyRotation accepts a token of the old key while it is
// Previous, signs new tokens with the new key, and refuses the old key's
// tokens once Previous is dropped.
func TestStateKeyRotation(t *testing.T) {
	t.Parallel()
	clock := &testClock{now: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
	before := newStateApp(t, StateKeys{Current: keyOld}, clock)
	during := newStateApp(t, StateKeys{Current: keyNew, Previous: keyOld}, clock)
	after := newStateApp(t, StateKeys{Current: keyNew}, clock)

	oldTok := before.get("/?from=%2B15550100001&to=15550100002&call=" + callA)
	newTok := during.get(pressed(oldTok, "1111", callA))
	if newTok == "" {
		t.Fatalf("during the rotation the old key's token was refused: %v", during.hooks.errors())
	}
	if got := during.lastSeen(); got.Tries != 1 {
		t.Errorf("the old key's token read %+v", got)
	}
	if got := after.get(pressed(newTok, "2222", callA)); got == "" || after.lastSeen().Tries != 2 {
		t.Errorf("after the rotation the new key's token was refused: %v", after.hooks.errors())
	}
	after.wantRefused(after.get(pressed(oldTok, "1111", callA)), ErrStateForged)
	// A token of the new key is not accepted by a server that only knows
	// the old one: the tokens really are signed with the new key.
	before.wantRefused(before.get(pressed(newTok, "1111", callA)), ErrStateForged)
}

// TestStateBoundToNumbers binds the state of a request that names no call
// uuid (a call_flow_url GET) to the caller and called numbers.
func TestStateBoundToNumbers(t *testing.T) {
	t.Parallel()
	clock := &testClock{now: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
	app := newStateApp(t, StateKeys{Current: keyNew}, clock)
	first := app.get("/?from=%2B15550100001&to=15550100002")
	if app.get(pressed(first, "1111", callA)) == "" || app.lastSeen().Tries != 1 {
		t.Fatalf("the Gather request of the same numbers was refused: %v", app.hooks.errors())
	}
	other := strings.Replace(pressed(first, "1111", callA), "from=%2B15550100001", "from=%2B15550100009", 1)
	app.wantRefused(app.get(other), ErrStateOtherCall)
}

// TestStateErrors covers the misuses that are errors before any token is
// sent.
func TestStateErrors(t *testing.T) {
	t.Parallel()
	for _, keys := range []StateKeys{{}, {Current: keyNew[:31]}, {Current: keyNew, Previous: []byte("short")}, {Current: keyNew, MaxAge: -time.Second}} {
		if _, err := NewCallFlowHandler(func(context.Context, *CallFlowRequest) (*flow.Flow, error) { return nil, nil }, WithStateKeys(keys)); err == nil {
			t.Errorf("WithStateKeys(%+v): no error", keys)
		}
	}
	r := httptest.NewRequest(http.MethodGet, "https://ivr.example.com/", nil)
	if _, err := CallbackURL(r, "/pin", nil, WithState(1)); err == nil || !strings.Contains(err.Error(), "WithStateKeys") {
		t.Errorf("CallbackURL WithState outside a handler: %v", err)
	}
	if _, err := State[int](&CallFlowRequest{}); !errors.Is(err, ErrNoState) {
		t.Errorf("State of a request without state: %v, want ErrNoState", err)
	}
	if _, err := State[attempts](&CallFlowRequest{SignedState: []byte(`{"tries":1,"pin":"1234"}`)}); err == nil {
		t.Error("State decoded an unknown field")
	}
	if got, err := State[attempts](&CallFlowRequest{SignedState: []byte(`{"tries":3}`)}); err != nil || got.Tries != 3 {
		t.Errorf("State = %+v, %v", got, err)
	}

	// ParseCallFlowRequest verifies too, when it has the keys.
	clock := &testClock{now: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
	app := newStateApp(t, StateKeys{Current: keyNew}, clock)
	gather := app.get("/?from=%2B15550100001&to=15550100002&call=" + callA)
	req, err := ParseCallFlowRequest(httptest.NewRequest(http.MethodGet, pressed(gather, "1", callA), nil), WithStateKeys(StateKeys{Current: keyNew}), WithClock(clock.Now))
	if err != nil || string(req.SignedState) != `{"tries":1,"menu":"pin"}` || req.Query.Has(StateParam) {
		t.Errorf("ParseCallFlowRequest = %+v, %v", req, err)
	}
	_, err = ParseCallFlowRequest(httptest.NewRequest(http.MethodGet, pressed(gather, "1", callB), nil), WithStateKeys(StateKeys{Current: keyNew}), WithClock(clock.Now))
	if !errors.Is(err, ErrStateOtherCall) {
		t.Errorf("ParseCallFlowRequest of another call: %v", err)
	}
}

func decodeB64(s string) ([]byte, error) { return base64.RawURLEncoding.DecodeString(s) }
func encodeB64(b []byte) string          { return base64.RawURLEncoding.EncodeToString(b) }
