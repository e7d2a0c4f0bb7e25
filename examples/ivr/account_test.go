package main

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/verbs"
	"github.com/opentact-go/opentact/webhook"
)

// The PIN menu's sentences, as account.go speaks them.
const (
	askPINPrompt = "Please enter your four digit PIN."
	balance      = "Thank you. Your account balance is 42 dollars. Goodbye."
	noAttempts   = "That PIN is not right, and there are no attempts left. Goodbye."
)

// fallbackXML is the webhook package's default fallback flow, as events.md
// gives it: what Opentact gets for a state the IVR refuses.
const fallbackXML = `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say>Sorry, we cannot take your call right now. Please try again later.</Say>
  <Hangup/>
</Response>
`

// TestSimulatedPIN walks the PIN menu with the simulator over a loopback
// HTTP server: every Gather url request crosses a real connection, and the
// wrong attempts are counted only in the signed state of the URLs.
func TestSimulatedPIN(t *testing.T) {
	t.Parallel()
	srv := serveIVR(t, testConfig())
	sim, err := flowsim.New(flowsim.URL(srv.URL+"/"), flowsim.Client(srv.Client()), flowsim.DefaultOn(flowsim.DefaultOnNoInput))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		opts  []flowsim.CallOption
		heard []string
	}{
		{
			name:  "right at once",
			opts:  []flowsim.CallOption{flowsim.Keys("4", testPIN)},
			heard: []string{welcomePrompt, askPINPrompt, balance},
		},
		{
			name: "right at the third attempt",
			opts: []flowsim.CallOption{flowsim.Keys("4", "0000", "9999", testPIN)},
			heard: []string{welcomePrompt, askPINPrompt,
				"That PIN is not right. You have 2 attempts left.", askPINPrompt,
				"That PIN is not right. You have 1 attempt left.", askPINPrompt,
				balance},
		},
		{
			name: "three wrong",
			opts: []flowsim.CallOption{flowsim.Keys("4", "0000", "1111", "2222")},
			heard: []string{welcomePrompt, askPINPrompt,
				"That PIN is not right. You have 2 attempts left.", askPINPrompt,
				"That PIN is not right. You have 1 attempt left.", askPINPrompt,
				noAttempts},
		},
		{
			name:  "no PIN",
			opts:  []flowsim.CallOption{flowsim.Script(flowsim.Press("4"), flowsim.Silence())},
			heard: []string{welcomePrompt, askPINPrompt, "We did not get your PIN. Goodbye."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := sim.Run(t.Context(), append(tt.opts, flowsim.From(caller))...)
			if got := c.Heard(); !slices.Equal(got, tt.heard) {
				t.Errorf("heard:\n%q\nwant:\n%q\n%s", got, tt.heard, c.Transcript())
			}
			if c.End() != flowsim.EndHangup {
				t.Errorf("end = %q, want hangup\n%s", c.End(), c.Transcript())
			}
		})
	}
}

// pinToken returns the signed state in the URL of doc's Gather and the
// attempts it carries, read from the token's payload (base64url JSON
// before the dot, the value under "v"). Reading it here, not through the
// webhook package, shows that the count is really in the URL.
func pinToken(t *testing.T, doc *verbs.Response) (string, int) {
	t.Helper()
	u, err := url.Parse(gatherURL(t, doc))
	if err != nil {
		t.Fatal(err)
	}
	if u.Path != pinPath {
		t.Fatalf("Gather url %q does not go to %s", u, pinPath)
	}
	tok := u.Query().Get(webhook.StateParam)
	payload, _, ok := strings.Cut(tok, ".")
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if !ok || err != nil {
		t.Fatalf("Gather url %q has no signed state", u)
	}
	var claims struct {
		Call string   `json:"call"`
		V    pinState `json:"v"`
	}
	if err := json.Unmarshal(raw, &claims); err != nil {
		t.Fatalf("state payload %s: %v", raw, err)
	}
	if claims.Call != callID {
		t.Errorf("state bound to call %q, want %q", claims.Call, callID)
	}
	return tok, claims.V.Attempts
}

// TestPINStateInTheURL walks the PIN menu over HTTP and reads the attempt
// count from each Gather URL: the server keeps nothing, so the count must
// be there, and it must grow.
func TestPINStateInTheURL(t *testing.T) {
	t.Parallel()
	c, base := newCall(t)
	doc := c.fetch(http.MethodGet, base+"/?from=%2B15550100001&to=15550100002&call="+callID)
	doc = c.press(doc, "4")
	for want := 0; want < maxPINAttempts; want++ {
		if _, got := pinToken(t, doc); got != want {
			t.Fatalf("state carries %d attempts, want %d", got, want)
		}
		doc = c.press(doc, "0000")
	}
	if len(doc.Commands) != 2 {
		t.Fatalf("after %d wrong PINs: %d commands, want Say and Hangup", maxPINAttempts, len(doc.Commands))
	}
	if say, ok := doc.Commands[0].(*verbs.Say); !ok || say.Text != noAttempts {
		t.Errorf("after %d wrong PINs: %#v, want %q", maxPINAttempts, doc.Commands[0], noAttempts)
	}
}

// rawGet requests target and returns the body, failing unless the reply is
// 200 with XML.
func rawGet(t *testing.T, client *http.Client, target string) string {
	t.Helper()
	resp, err := client.Get(target)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", target, resp.Status)
	}
	return string(body)
}

// pinRequest is the URL Opentact requests when the caller enters digits in
// the PIN menu with state token tok, on call.
func pinRequest(base, tok, digits, callUUID string) string {
	q := url.Values{
		"dtmf": {digits}, "from": {caller}, "tn": {called}, "state": {"live"},
		"sca": {appID}, "call": {callUUID}, webhook.StateParam: {tok},
	}
	return base + pinPath + "?" + q.Encode()
}

// TestPINStateRefused: a state the IVR did not sign, one past its age, one
// issued on another call, and a PIN request with no state each get the
// fallback flow, and the PIN is never checked.
func TestPINStateRefused(t *testing.T) {
	t.Parallel()
	var now atomic.Int64
	start := time.Date(2030, 1, 2, 10, 0, 0, 0, time.UTC)
	now.Store(start.Unix())
	cfg := testConfig()
	cfg.now = func() time.Time { return time.Unix(now.Load(), 0) }
	srv := serveIVR(t, cfg)
	c := call{t: t, client: srv.Client()}
	doc := c.fetch(http.MethodGet, srv.URL+"/?from=%2B15550100001&to=15550100002&call="+callID)
	doc = c.press(doc, "4")
	tok, _ := pinToken(t, doc)

	// The genuine token with the right PIN is accepted.
	if got := rawGet(t, c.client, pinRequest(srv.URL, tok, testPIN, callID)); !strings.Contains(got, balance) {
		t.Fatalf("genuine state and right PIN:\n%s", got)
	}

	payload, sig, _ := strings.Cut(tok, ".")
	raw, _ := base64.RawURLEncoding.DecodeString(payload)
	more := strings.Replace(string(raw), `"attempts":0`, `"attempts":-100`, 1)
	if more == string(raw) {
		t.Fatalf("payload %s has no attempts to change", raw)
	}
	otherKey := webhook.StateKeys{Current: []byte("a key the IVR does not know, 32b")}
	foreign := signedBy(t, otherKey, callID)

	tests := []struct {
		name   string
		target string
		at     time.Time
	}{
		{name: "changed payload", target: pinRequest(srv.URL, base64.RawURLEncoding.EncodeToString([]byte(more))+"."+sig, testPIN, callID)},
		{name: "signed by another key", target: pinRequest(srv.URL, foreign, testPIN, callID)},
		{name: "garbage", target: pinRequest(srv.URL, "not a token", testPIN, callID)},
		{name: "another call", target: pinRequest(srv.URL, tok, testPIN, "20000000-0000-4000-8000-000000000999")},
		{name: "expired", target: pinRequest(srv.URL, tok, testPIN, callID), at: start.Add(webhook.DefaultStateMaxAge + time.Second)},
		{name: "no state", target: srv.URL + pinPath + "?dtmf=" + testPIN + "&call=" + callID},
	}
	for _, tt := range tests {
		// Not parallel: the expired case moves the shared clock.
		if !tt.at.IsZero() {
			now.Store(tt.at.Unix())
		}
		if got := rawGet(t, c.client, tt.target); got != fallbackXML {
			t.Errorf("%s: got\n%s\nwant the fallback flow", tt.name, got)
		}
		now.Store(start.Unix())
	}
}

// signedBy returns a state token for pinState{} on call, issued by an
// application that signs with keys.
func signedBy(t *testing.T, keys webhook.StateKeys, callUUID string) string {
	t.Helper()
	issue, err := webhook.NewCallFlowHandler(func(ctx context.Context, _ *webhook.CallFlowRequest) (*verbs.Response, error) {
		u, err := webhook.CallbackURL(webhook.HTTPRequest(ctx), pinPath, nil, webhook.WithState(pinState{}))
		if err != nil {
			return nil, err
		}
		return pinMenu(u).Build()
	}, webhook.WithStateKeys(keys))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(issue)
	t.Cleanup(srv.Close)
	doc := call{t: t, client: srv.Client()}.fetch(http.MethodGet, srv.URL+"/?from=%2B15550100001&to=15550100002&call="+callUUID)
	tok, _ := pinToken(t, doc)
	return tok
}

// TestStateKeyRotation: after a rotation (IVR_STATE_KEY new,
// IVR_STATE_KEY_PREVIOUS old) the states signed with the old key still
// verify; once the old key is dropped they get the fallback flow.
func TestStateKeyRotation(t *testing.T) {
	t.Parallel()
	oldKey := strings.Repeat("ab", 32)
	newKey := strings.Repeat("cd", 32)
	serverWith := func(env map[string]string) string {
		cfg, err := configFromEnv(func(k string) string { return env[k] }, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		cfg.accountPIN = testPIN
		srv := serveIVR(t, cfg)
		return srv.URL
	}
	k, _ := hex.DecodeString(oldKey)
	tok := signedBy(t, webhook.StateKeys{Current: k}, callID)

	rotated := serverWith(map[string]string{envStateKey: newKey, envStateKeyPrevious: oldKey})
	if got := rawGet(t, http.DefaultClient, pinRequest(rotated, tok, testPIN, callID)); !strings.Contains(got, balance) {
		t.Errorf("old-key state after the rotation:\n%s\nwant it accepted", got)
	}
	dropped := serverWith(map[string]string{envStateKey: newKey})
	if got := rawGet(t, http.DefaultClient, pinRequest(dropped, tok, testPIN, callID)); got != fallbackXML {
		t.Errorf("old-key state once the old key is dropped:\n%s\nwant the fallback flow", got)
	}
}

func TestConfigFromEnv(t *testing.T) {
	t.Parallel()
	key := strings.Repeat("0f", 32)
	tests := []struct {
		name    string
		env     map[string]string
		wantErr string // "" for a valid configuration
		wantPIN string
		notice  bool // the random-key notice is logged
	}{
		{name: "nothing set", env: nil, wantPIN: defaultPIN, notice: true},
		{name: "key and PIN", env: map[string]string{envStateKey: key, envPIN: "0042"}, wantPIN: "0042"},
		{name: "key not hex", env: map[string]string{envStateKey: "zz" + key[2:]}, wantErr: "ivr: IVR_STATE_KEY is not hexadecimal"},
		{name: "key too short", env: map[string]string{envStateKey: key[:62]}, wantErr: "ivr: IVR_STATE_KEY has 31 bytes, want at least 32 (64 hex digits)"},
		{name: "previous key too short", env: map[string]string{envStateKey: key, envStateKeyPrevious: "00"}, wantErr: "ivr: IVR_STATE_KEY_PREVIOUS has 1 bytes, want at least 32 (64 hex digits)"},
		{name: "PIN of three digits", env: map[string]string{envStateKey: key, envPIN: "123"}, wantErr: "ivr: IVR_PIN must be four digits"},
		{name: "PIN with a letter", env: map[string]string{envStateKey: key, envPIN: "12a4"}, wantErr: "ivr: IVR_PIN must be four digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var log strings.Builder
			cfg, err := configFromEnv(func(k string) string { return tt.env[k] }, &log)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), key) {
					t.Errorf("the error shows the key")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.accountPIN != tt.wantPIN {
				t.Errorf("PIN %q, want %q", cfg.accountPIN, tt.wantPIN)
			}
			if len(cfg.stateKeys.Current) < webhook.MinStateKeyBytes {
				t.Errorf("state key of %d bytes", len(cfg.stateKeys.Current))
			}
			if got := strings.Contains(log.String(), "IVR_STATE_KEY is not set"); got != tt.notice {
				t.Errorf("log %q: notice %v, want %v", log.String(), got, tt.notice)
			}
		})
	}
}
