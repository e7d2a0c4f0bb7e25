package webhook_test

// The tests of this file run the code of the README's "Serving flows"
// section (readme_example_test.go) on loopback servers, with the query
// parameters Opentact sends, and compare the documents served with XML
// written out by hand from the rules of xml.md (declaration, two-space
// indentation, attributes in table order, empty elements self-closing).

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"html"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opentact-go/opentact/webhook"
)

// readmeServingSection returns the "Serving flows" section of the README,
// up to the next second-level heading.
func readmeServingSection(t *testing.T) string {
	t.Helper()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Serving flows\n")
	if !ok {
		t.Fatal("README.md has no section Serving flows")
	}
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	return section
}

// TestReadmeServingCode keeps every Go block of the README's "Serving
// flows" section, its subsections included, identical to a piece of
// readme_example_test.go, which compiles it and which the tests below run.
func TestReadmeServingCode(t *testing.T) {
	section := readmeServingSection(t)
	src, err := os.ReadFile("readme_example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	var blocks []string
	for {
		_, rest, ok := strings.Cut(section, "```go\n")
		if !ok {
			break
		}
		block, after, ok := strings.Cut(rest, "```\n")
		if !ok {
			t.Fatalf("README.md: a Go block of Serving flows is not closed:\n%s", rest)
		}
		blocks = append(blocks, block)
		section = after
	}
	for _, block := range blocks {
		if !bytes.Contains(src, []byte(block)) {
			t.Errorf("README.md: this Serving flows snippet is not in webhook/readme_example_test.go:\n%s", block)
		}
	}
	// Each of these is exercised below; a README that drops one must drop
	// its test too.
	for _, decl := range []string{"func newServer(", "func newApp(", "func newPINHandler(", "func newMenu("} {
		if !slices.ContainsFunc(blocks, func(b string) bool { return strings.Contains(b, decl) }) {
			t.Errorf("README.md: no Serving flows snippet declares %s…)", decl)
		}
	}
}

// TestReadmeServerSettings holds the timeouts the README states to what
// newServer's webhook.Server sets.
func TestReadmeServerSettings(t *testing.T) {
	section := readmeServingSection(t)
	srv, err := newServer(":8080")
	if err != nil {
		t.Fatal(err)
	}
	if srv.Addr != ":8080" || srv.Handler == nil {
		t.Errorf("newServer(\":8080\"): Addr %q, Handler %v", srv.Addr, srv.Handler)
	}
	got := map[string]int64{
		"ReadHeaderTimeout": int64(srv.ReadHeaderTimeout),
		"ReadTimeout":       int64(srv.ReadTimeout),
		"WriteTimeout":      int64(srv.WriteTimeout),
		"IdleTimeout":       int64(srv.IdleTimeout),
		"MaxHeaderBytes":    int64(srv.MaxHeaderBytes),
		"WithTimeout":       int64(webhook.DefaultTimeout), // "default 10 s"
	}
	stated := regexp.MustCompile("`(\\w+)`(?:, default)?\\s+(\\d+)\\s+(s|KiB)\\b").FindAllStringSubmatch(section, -1)
	seen := map[string]bool{}
	for _, m := range stated {
		g, ok := got[m[1]]
		if !ok {
			continue
		}
		n, _ := strconv.ParseInt(m[2], 10, 64)
		want := n * int64(time.Second)
		if m[3] == "KiB" {
			want = n << 10
		}
		if g != want || g == 0 {
			t.Errorf("README.md says %s %s %s; the server has %d", m[1], m[2], m[3], g)
		}
		seen[m[1]] = true
	}
	for name := range got {
		if !seen[name] {
			t.Errorf("README.md: Serving flows states no value for %s", name)
		}
	}
	// The handler's own timeout must end before the server's write
	// deadline, so that the fallback flow still reaches the caller.
	if srv.WriteTimeout <= 5*time.Second {
		t.Errorf("WriteTimeout %v does not outlast the handler's WithTimeout(5s)", srv.WriteTimeout)
	}
}

// Opentact's side of a call in these tests (events.md §6.1, §6.3).
const (
	caller     = "+15550100001"
	called     = "15550100002"
	readmeSCA  = "30000000-0000-4000-8000-000000000001"
	readmeCall = "20000000-0000-4000-8000-000000000001"
	otherCall  = "20000000-0000-4000-8000-000000000002"
	// newCall is the query of a call_flow_url request.
	newCall = "from=%2B15550100001&to=15550100002"
)

// pressedOn is the request Opentact sends to a Gather url after the caller
// entered digits on call: the URL's own query, then dtmf, from, tn, state,
// sca and call.
func pressedOn(gatherURL, digits, call string) string {
	sep := "?"
	if strings.Contains(gatherURL, "?") {
		sep = "&"
	}
	return gatherURL + sep + "dtmf=" + digits + "&from=%2B15550100001&tn=" + called +
		"&state=live&sca=" + readmeSCA + "&call=" + call
}

// initCall is the call object of a call_flow_url POST (events.md §3.3).
const initCall = `{"uuid":"20000000-0000-4000-8000-000000000001","direction":"in","from":"+15550100001",` +
	`"to":"15550100002","state":"init","duration":0,"type":"CallSCA",` +
	`"tn":{"tn":15550100002},"sip_control_app":{"uuid":"30000000-0000-4000-8000-000000000001","name":"Test App"}}`

// fallbackXML is the default fallback flow, byte for byte (xml.md has the
// layout, events.md §6.4 the text).
const fallbackXML = `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say>Sorry, we cannot take your call right now. Please try again later.</Say>
  <Hangup/>
</Response>
`

// reply is one answer of a server.
type reply struct {
	status int
	header http.Header
	body   string
}

// do sends a request and reads the whole answer.
func do(t *testing.T, c *http.Client, method, target, contentType, body string, header http.Header) reply {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

// wantDocument checks that r is a call-flow document answer with body want.
func wantDocument(t *testing.T, what string, r reply, want string) {
	t.Helper()
	if r.status != http.StatusOK || r.header.Get("Content-Type") != "application/xml; charset=utf-8" ||
		r.header.Get("Cache-Control") != "no-store" || r.header.Get("Content-Length") != strconv.Itoa(len(r.body)) {
		t.Errorf("%s: status %d, headers %v", what, r.status, r.header)
	}
	if r.body != want {
		t.Errorf("%s: got\n%s\nwant\n%s", what, r.body, want)
	}
}

// gatherURL returns the url of the one <Gather> of an XML document.
func gatherURL(t *testing.T, doc string) string {
	t.Helper()
	m := regexp.MustCompile(`<Gather [^>]*url="([^"]*)"`).FindAllStringSubmatch(doc, -1)
	if len(m) != 1 {
		t.Fatalf("want one Gather url in\n%s", doc)
	}
	return html.UnescapeString(m[0][1])
}

// logRecorder takes the place of slog.Default, whose Error records are
// what the handlers' default error hook writes.
type logRecorder struct {
	mu   sync.Mutex
	msgs []string
}

func (l *logRecorder) Enabled(context.Context, slog.Level) bool { return true }

func (l *logRecorder) Handle(_ context.Context, rec slog.Record) error {
	var b strings.Builder
	b.WriteString(rec.Message)
	rec.Attrs(func(a slog.Attr) bool {
		b.WriteString(" " + a.String())
		return true
	})
	l.mu.Lock()
	defer l.mu.Unlock()
	l.msgs = append(l.msgs, b.String())
	return nil
}

func (l *logRecorder) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *logRecorder) WithGroup(string) slog.Handler      { return l }

// take returns the records logged since the last call and forgets them.
func (l *logRecorder) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	m := l.msgs
	l.msgs = nil
	return m
}

// recordLog makes slog.Default a logRecorder for the rest of the test.
// The tests that use it are not parallel: parallel tests start only after
// every sequential one has ended, so no other test logs meanwhile.
func recordLog(t *testing.T) *logRecorder {
	l := &logRecorder{}
	old := slog.Default()
	slog.SetDefault(slog.New(l))
	t.Cleanup(func() { slog.SetDefault(old) })
	return l
}

// wantLogged checks that exactly one error was logged since the last check
// and that it holds every one of parts, and returns it.
func wantLogged(t *testing.T, l *logRecorder, what string, parts ...string) string {
	t.Helper()
	msgs := l.take()
	if len(msgs) != 1 {
		t.Errorf("%s: logged %q, want one error", what, msgs)
		return strings.Join(msgs, "\n")
	}
	for _, p := range parts {
		if !strings.Contains(msgs[0], p) {
			t.Errorf("%s: logged %q, want it to hold %q", what, msgs[0], p)
		}
	}
	return msgs[0]
}

// TestReadmeServer serves newServer, the README's first snippet, on a
// loopback listener and walks its menu: a new call by GET and by POST,
// each digit, a body that does not decode, and a method Opentact never
// uses.
func TestReadmeServer(t *testing.T) {
	log := recordLog(t)
	srv, err := newServer("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	base := "http://" + ln.Addr().String()
	c := &http.Client{Timeout: time.Minute}

	topMenu := `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say>For sales, press 1. To hang up, press 2.</Say>
  <Gather dtmf_length="1" url="` + base + `/calls"/>
</Response>
`
	r := do(t, c, http.MethodGet, base+"/calls?"+newCall, "", "", nil)
	wantDocument(t, "GET call_flow_url", r, topMenu)
	r = do(t, c, http.MethodPost, base+"/calls?"+newCall, "application/json", initCall, nil)
	wantDocument(t, "POST call_flow_url", r, topMenu)
	gather := gatherURL(t, r.body)

	r = do(t, c, http.MethodGet, pressedOn(gather, "1", readmeCall), "", "", nil)
	wantDocument(t, "pressed 1", r, `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say>Connecting you to sales.</Say>
  <Dial>
    <To>sales@sip.example.com</To>
    <Error>
      <Say>Sales is busy. Please call again later.</Say>
      <Hangup/>
    </Error>
  </Dial>
</Response>
`)
	r = do(t, c, http.MethodGet, pressedOn(gather, "2", readmeCall), "", "", nil)
	wantDocument(t, "pressed 2", r, `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say>Goodbye.</Say>
  <Hangup/>
</Response>
`)
	// Any other digits (or none) repeat the menu.
	r = do(t, c, http.MethodGet, pressedOn(gather, "", readmeCall), "", "", nil)
	wantDocument(t, "pressed nothing", r, topMenu)
	if msgs := log.take(); len(msgs) != 0 {
		t.Errorf("valid documents logged %q", msgs)
	}

	// The caller is on the line: a body that is not JSON gets the
	// fallback flow, not a 400, and the error is logged without the query.
	r = do(t, c, http.MethodPost, base+"/calls?"+newCall, "application/json", "not json", nil)
	wantDocument(t, "POST with a broken body", r, fallbackXML)
	if m := wantLogged(t, log, "POST with a broken body", "webhook: request failed", "path=/calls"); strings.Contains(m, "15550100001") {
		t.Errorf("the log holds the query: %q", m)
	}

	r = do(t, c, http.MethodPut, base+"/calls?"+newCall, "", "", nil)
	if r.status != http.StatusMethodNotAllowed || r.header.Get("Allow") != "GET, POST" {
		t.Errorf("PUT: status %d, Allow %q, want 405 and GET, POST", r.status, r.header.Get("Allow"))
	}
	wantLogged(t, log, "PUT", "PUT")
}

// TestReadmeApp runs newApp behind its checks on loopback servers: one
// that clients reach directly, and one whose requests all seem to come
// from the reverse proxy at 10.0.0.7 (a real proxy would need an address
// in 10.0.0.0/8 on this machine).
func TestReadmeApp(t *testing.T) {
	log := recordLog(t)
	const secret = "s3cr3t-of-the-readme"
	var mu sync.Mutex
	var ended []string
	app, err := newApp(secret, func(callUUID string) {
		mu.Lock()
		defer mu.Unlock()
		ended = append(ended, callUUID)
	})
	if err != nil {
		t.Fatal(err)
	}
	direct := httptest.NewServer(app)
	t.Cleanup(direct.Close)
	proxied := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.RemoteAddr = "10.0.0.7:53211"
		app.ServeHTTP(w, r)
	}))
	t.Cleanup(proxied.Close)
	c := &http.Client{Timeout: time.Minute}
	fromOpentact := http.Header{
		"X-Forwarded-For":   {"72.21.26.35"}, // webhook.OpentactSources
		"X-Forwarded-Proto": {"https"},
		"X-Forwarded-Host":  {"ivr.example.com"},
	}

	r := do(t, c, http.MethodGet, proxied.URL+"/calls?token="+secret+"&"+newCall, "", "", fromOpentact)
	menu := `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say>For sales, press 1.</Say>
  <Gather dtmf_length="1" url="https://ivr.example.com/calls?token=` + secret + `"/>
</Response>
`
	wantDocument(t, "call_flow_url through the proxy", r, menu)
	// The Gather url the app wrote passes the checks again.
	gather := gatherURL(t, r.body)
	next := strings.Replace(pressedOn(gather, "1", readmeCall), "https://ivr.example.com", proxied.URL, 1)
	r = do(t, c, http.MethodGet, next, "", "", fromOpentact)
	wantDocument(t, "Gather url through the proxy", r, menu)
	if msgs := log.take(); len(msgs) != 0 {
		t.Errorf("accepted requests logged %q", msgs)
	}

	// A call-event webhook (events.md §7.1): the hang-up reaches ended,
	// another state does not.
	hangup := `{"uuid":"` + readmeCall + `","direction":"in","from":"+15550100001","to":"15550100002",` +
		`"state":"hangup","duration":9,"type":"CallSCA","q850_cause":16,"q850_cause_string":"NORMAL_CLEARING"}`
	for _, state := range []string{"live", "hangup"} {
		body := strings.Replace(hangup, `"state":"hangup"`, `"state":"`+state+`"`, 1)
		r = do(t, c, http.MethodPost, proxied.URL+"/hooks/calls?state="+state+"&"+newCall+"&token="+secret, "application/json", body, fromOpentact)
		if r.status != http.StatusOK || r.body != `{"success":true}` {
			t.Errorf("call event %s: status %d, body %q", state, r.status, r.body)
		}
	}
	mu.Lock()
	if !slices.Equal(ended, []string{readmeCall}) {
		t.Errorf("ended heard of %q, want the one call that hung up", ended)
	}
	mu.Unlock()

	// Every failed check is a 403 that reaches no handler.
	refused := []struct {
		name, target string
		header       http.Header
		logs         string
	}{
		{"straight from a client", direct.URL + "/calls?token=" + secret + "&" + newCall, fromOpentact, "127.0.0.1 is not allowed"},
		{"from the proxy, for a client that is not Opentact", proxied.URL + "/calls?token=" + secret + "&" + newCall,
			http.Header{"X-Forwarded-For": {"203.0.113.9"}}, "203.0.113.9 is not allowed"},
		{"without the token", proxied.URL + "/calls?" + newCall, fromOpentact, "shared-secret token"},
		{"with a wrong token", proxied.URL + "/calls?token=guess&" + newCall, fromOpentact, "shared-secret token"},
		{"an event without the token", proxied.URL + "/hooks/calls?state=hangup&" + newCall, fromOpentact, "shared-secret token"},
	}
	for _, tc := range refused {
		r = do(t, c, http.MethodGet, tc.target, "", "", tc.header)
		if r.status != http.StatusForbidden || strings.Contains(r.body, "<Response>") {
			t.Errorf("%s: status %d, body %q, want 403", tc.name, r.status, r.body)
		}
		wantLogged(t, log, tc.name, tc.logs)
	}
	mu.Lock()
	if len(ended) != 1 {
		t.Errorf("ended heard of %q after the refused requests", ended)
	}
	mu.Unlock()
}

// stateKey returns a 32-byte key made of b, in base64 as STATE_KEY holds it.
func stateKey(b byte) string {
	return base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{b}, 32))
}

// pinApp serves newPINHandler at /pin on a loopback server, with the
// environment the test set.
func pinApp(t *testing.T) (*httptest.Server, *http.Client) {
	t.Helper()
	h, err := newPINHandler()
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/pin", h)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &http.Client{Timeout: time.Minute}
}

// tokenRE is a state token: payload.signature, both base64url.
var tokenRE = regexp.MustCompile(`^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$`)

// wantPINPrompt checks that r asks for the PIN with a Gather url that
// carries a fresh state token, and returns that url.
func wantPINPrompt(t *testing.T, what string, srv *httptest.Server, r reply) string {
	t.Helper()
	u := gatherURL(t, r.body)
	tok, ok := strings.CutPrefix(u, srv.URL+"/pin?"+webhook.StateParam+"=")
	if !ok || !tokenRE.MatchString(tok) {
		t.Fatalf("%s: Gather url %q is not %s/pin?%s=TOKEN", what, u, srv.URL, webhook.StateParam)
	}
	wantDocument(t, what, r, `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say>Please enter your PIN.</Say>
  <Gather dtmf_length="4" url="`+u+`"/>
</Response>
`)
	return u
}

// stateOf returns the typed value a state token carries (it is signed,
// not secret: anyone who sees the URL can read it).
func stateOf(t *testing.T, gather string) json.RawMessage {
	t.Helper()
	_, tok, _ := strings.Cut(gather, webhook.StateParam+"=")
	payload, _, _ := strings.Cut(tok, ".")
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	if err != nil {
		t.Fatal(err)
	}
	var claims struct{ V json.RawMessage }
	if err := json.Unmarshal(raw, &claims); err != nil {
		t.Fatal(err)
	}
	return claims.V
}

// TestReadmeSignedState walks the README's PIN prompt over loopback: the
// count of tries travels in signed state from request to request, a
// forged token and another call's token get the fallback flow, and a key
// rotation keeps the tokens already handed out.
func TestReadmeSignedState(t *testing.T) {
	log := recordLog(t)
	t.Setenv("STATE_KEY", stateKey('a'))
	t.Setenv("STATE_KEY_OLD", "")
	srv, c := pinApp(t)
	correct := `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say>Thank you, your PIN is correct.</Say>
  <Hangup/>
</Response>
`

	// Right on the second try.
	first := wantPINPrompt(t, "call_flow_url", srv, do(t, c, http.MethodGet, srv.URL+"/pin?"+newCall, "", "", nil))
	if got := string(stateOf(t, first)); got != `{"tries":1}` {
		t.Errorf("the first token carries %s, want {\"tries\":1}", got)
	}
	second := wantPINPrompt(t, "wrong PIN", srv, do(t, c, http.MethodGet, pressedOn(first, "1111", readmeCall), "", "", nil))
	if got := string(stateOf(t, second)); got != `{"tries":2}` {
		t.Errorf("the second token carries %s, want {\"tries\":2}", got)
	}
	wantDocument(t, "right PIN", do(t, c, http.MethodGet, pressedOn(second, "2468", readmeCall), "", "", nil), correct)

	// Three wrong PINs end the call.
	u := first
	for try := 1; try < 3; try++ {
		u = wantPINPrompt(t, "wrong PIN "+strconv.Itoa(try), srv, do(t, c, http.MethodGet, pressedOn(u, "0000", readmeCall), "", "", nil))
	}
	wantDocument(t, "third wrong PIN", do(t, c, http.MethodGet, pressedOn(u, "0000", readmeCall), "", "", nil), `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say>That was the last try. Goodbye.</Say>
  <Hangup/>
</Response>
`)
	// The right PIN without a token checks nothing: it is a first try.
	wantPINPrompt(t, "right PIN without state", srv, do(t, c, http.MethodGet, pressedOn(srv.URL+"/pin", "2468", readmeCall), "", "", nil))
	if msgs := log.take(); len(msgs) != 0 {
		t.Errorf("valid requests logged %q", msgs)
	}

	// A caller who rewrites the count (without the key, the signature
	// cannot follow), one who signs it with a key of their own, and a
	// token replayed on another call all get the fallback flow.
	_, tok, _ := strings.Cut(u, webhook.StateParam+"=")
	payload, sig, _ := strings.Cut(tok, ".")
	raw, _ := base64.RawURLEncoding.DecodeString(payload)
	reset := base64.RawURLEncoding.EncodeToString(bytes.Replace(raw, []byte(`{"tries":3}`), []byte(`{"tries":1}`), 1))
	if reset == payload {
		t.Fatalf("the token's payload %s holds no {\"tries\":3}", raw)
	}
	otherKeyURL := func() string {
		t.Setenv("STATE_KEY", stateKey('z'))
		attacker, ac := pinApp(t)
		t.Setenv("STATE_KEY", stateKey('a'))
		g := gatherURL(t, do(t, ac, http.MethodGet, attacker.URL+"/pin?"+newCall, "", "", nil).body)
		return strings.Replace(g, attacker.URL, srv.URL, 1)
	}()
	forged := []struct{ name, target, logs string }{
		{"count rewritten", pressedOn(srv.URL+"/pin?"+webhook.StateParam+"="+reset+"."+sig, "2468", readmeCall), "matches no state key"},
		{"signed with another key", pressedOn(otherKeyURL, "2468", readmeCall), "matches no state key"},
		{"not a token", pressedOn(srv.URL+"/pin?"+webhook.StateParam+"=nonsense", "2468", readmeCall), "not payload.signature"},
		{"another call's token", pressedOn(second, "2468", otherCall), "belongs to another call"},
	}
	for _, tc := range forged {
		wantDocument(t, tc.name, do(t, c, http.MethodGet, tc.target, "", "", nil), fallbackXML)
		wantLogged(t, log, tc.name, tc.logs)
	}

	// Rotation: the new key signs, the old one still verifies…
	t.Setenv("STATE_KEY", stateKey('b'))
	t.Setenv("STATE_KEY_OLD", stateKey('a'))
	rotated, rc := pinApp(t)
	onRotated := func(u string) string { return strings.Replace(u, srv.URL, rotated.URL, 1) }
	wantDocument(t, "old key during the rotation", do(t, rc, http.MethodGet, pressedOn(onRotated(second), "2468", readmeCall), "", "", nil), correct)
	fresh := wantPINPrompt(t, "new token during the rotation", rotated, do(t, rc, http.MethodGet, pressedOn(onRotated(first), "1111", readmeCall), "", "", nil))
	// … and once STATE_KEY_OLD is gone, only the new key's tokens pass.
	t.Setenv("STATE_KEY_OLD", "")
	after, ac := pinApp(t)
	onAfter := func(u string) string { return strings.Replace(u, rotated.URL, after.URL, 1) }
	wantDocument(t, "new key after the rotation", do(t, ac, http.MethodGet, pressedOn(onAfter(fresh), "2468", readmeCall), "", "", nil), correct)
	wantDocument(t, "old key after the rotation", do(t, ac, http.MethodGet, pressedOn(strings.Replace(second, srv.URL, after.URL, 1), "2468", readmeCall), "", "", nil), fallbackXML)
	wantLogged(t, log, "old key after the rotation", "matches no state key")

	// Keys that cannot sign are the constructor's error, naming the variable.
	for _, tc := range []struct{ cur, old, want string }{
		{"", "", "at least 32"},
		{"not base64!", "", "STATE_KEY: "},
		{base64.StdEncoding.EncodeToString([]byte("short")), "", "at least 32"},
		{stateKey('b'), "%%%", "STATE_KEY_OLD: "},
	} {
		t.Setenv("STATE_KEY", tc.cur)
		t.Setenv("STATE_KEY_OLD", tc.old)
		if _, err := newPINHandler(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("STATE_KEY=%q STATE_KEY_OLD=%q: error %v, want one with %q", tc.cur, tc.old, err, tc.want)
		}
	}
}

// TestReadmeMenu serves the README's two-level menu on loopback and goes
// through every transition, an invalid digit, silence and a state that
// does not exist.
func TestReadmeMenu(t *testing.T) {
	log := recordLog(t)
	m := newMenu()
	var got []string
	for _, tr := range m.Transitions() {
		got = append(got, tr.String())
	}
	if want := []string{"main 1 -> do sales", "main 2 -> support", "support 1 -> do billing", "support 0 -> main"}; !slices.Equal(got, want) {
		t.Errorf("Transitions = %q, want %q", got, want)
	}
	h, err := m.Handler()
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/ivr", h)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	c := &http.Client{Timeout: time.Minute}

	mainXML := `  <Say>For sales, press 1. For support, press 2.</Say>
  <Gather dtmf_length="1" url="` + srv.URL + `/ivr?ot_menu=main"/>
  <Hangup/>
`
	supportXML := `  <Say>For billing, press 1. To go back, press 0.</Say>
  <Gather dtmf_length="1" url="` + srv.URL + `/ivr?ot_menu=support"/>
  <Say>Goodbye.</Say>
  <Hangup/>
`
	ringing := func(to string) string {
		return `  <Say>Connecting you.</Say>
  <Dial>
    <To>` + to + `</To>
    <Error>
      <Say>Nobody can take your call. Please call again later.</Say>
      <Hangup/>
    </Error>
  </Dial>
`
	}
	doc := func(body string) string {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n" + body + "</Response>\n"
	}
	sorry := "  <Say>Sorry, that is not a valid choice.</Say>\n"
	mainURL, supportURL := srv.URL+"/ivr?ot_menu=main", srv.URL+"/ivr?ot_menu=support"

	steps := []struct {
		name, target, want string
	}{
		{"a new call", srv.URL + "/ivr?" + newCall, doc(mainXML)},
		{"main, 1", pressedOn(mainURL, "1", readmeCall), doc(ringing("sales@sip.example.com"))},
		{"main, 2", pressedOn(mainURL, "2", readmeCall), doc(supportXML)},
		{"main, 9", pressedOn(mainURL, "9", readmeCall), doc(sorry + mainXML)},
		{"support, 1", pressedOn(supportURL, "1", readmeCall), doc(ringing("billing@sip.example.com"))},
		{"support, 0", pressedOn(supportURL, "0", readmeCall), doc(mainXML)},
		{"support, nothing", pressedOn(supportURL, "", readmeCall), doc(sorry + supportXML)},
	}
	for _, s := range steps {
		r := do(t, c, http.MethodGet, s.target, "", "", nil)
		wantDocument(t, s.name, r, s.want)
	}
	if msgs := log.take(); len(msgs) != 0 {
		t.Errorf("valid menu documents logged %q", msgs)
	}
	// The menu position is not signed: a state that was never declared is
	// an error, answered with the fallback flow.
	r := do(t, c, http.MethodGet, pressedOn(srv.URL+"/ivr?ot_menu=admin", "1", readmeCall), "", "", nil)
	wantDocument(t, "an undeclared state", r, fallbackXML)
	wantLogged(t, log, "an undeclared state", `no declared state (ot_menu="admin")`)
}
