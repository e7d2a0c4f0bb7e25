package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowtest"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
	"github.com/opentact-go/opentact/webhook"
)

// Opentact's parameters for a test call.
const (
	caller = "+15550100001"
	called = "15550100002"
	appID  = "30000000-0000-4000-8000-000000000001"
	callID = "20000000-0000-4000-8000-000000000001"
)

// testPIN is the account PIN of the tests' configuration.
const testPIN = "1357"

// testStateKey signs the tests' states.
var testStateKey = []byte("the tests' state key, 32 bytes!!")

// testConfig is the IVR's configuration in tests.
func testConfig(urlOpts ...webhook.URLOption) config {
	return config{
		stateKeys:  webhook.StateKeys{Current: testStateKey},
		accountPIN: testPIN,
		urlOpts:    urlOpts,
	}
}

// call is a caller walking the IVR over HTTP, as Opentact would.
type call struct {
	t      *testing.T
	client *http.Client
}

// fetch requests target and returns the document it answers with.
func (c call) fetch(method, target string) *verbs.Response {
	c.t.Helper()
	req, err := http.NewRequest(method, target, nil)
	if err != nil {
		c.t.Fatal(err)
	}
	resp, err := c.client.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/xml; charset=utf-8" {
		c.t.Fatalf("%s %s: %s %q", method, target, resp.Status, resp.Header.Get("Content-Type"))
	}
	doc, err := render.Parse(body)
	if err != nil {
		c.t.Fatalf("%s %s: reply does not parse: %v\n%s", method, target, err, body)
	}
	if err := render.Validate(doc); err != nil {
		c.t.Fatalf("%s %s: reply is invalid: %v\n%s", method, target, err, body)
	}
	return doc
}

// press sends digits to the Gather URL of doc, with the parameters
// Opentact appends to the URL's own query.
func (c call) press(doc *verbs.Response, digits string) *verbs.Response {
	c.t.Helper()
	u, err := url.Parse(gatherURL(c.t, doc))
	if err != nil {
		c.t.Fatal(err)
	}
	q := u.Query()
	q.Set("dtmf", digits)
	q.Set("from", caller)
	q.Set("tn", called)
	q.Set("state", "live")
	q.Set("sca", appID)
	q.Set("call", callID)
	u.RawQuery = q.Encode()
	return c.fetch(http.MethodGet, u.String())
}

// gatherURL returns the url of the only Gather among doc's commands.
func gatherURL(t *testing.T, doc *verbs.Response) string {
	t.Helper()
	var urls []string
	for _, c := range doc.Commands {
		if g, ok := c.(*verbs.Gather); ok {
			urls = append(urls, g.URL)
		}
	}
	if len(urls) != 1 {
		t.Fatalf("document has %d Gathers, want 1", len(urls))
	}
	return urls[0]
}

// serveIVR starts the IVR with cfg on a loopback server, closed when the
// test ends.
func serveIVR(t *testing.T, cfg config) *httptest.Server {
	t.Helper()
	h, err := newServer(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// newCall starts the IVR on a loopback server.
func newCall(t *testing.T, opts ...webhook.URLOption) (call, string) {
	t.Helper()
	srv := serveIVR(t, testConfig(opts...))
	return call{t: t, client: srv.Client()}, srv.URL
}

// The documents of the IVR as the server at BASE renders them.
const (
	mainMenuXML = `<Response>
  <Say>Welcome to Example Corp. For support, press 1. For the tech team, press 2. To leave a voicemail, press 3. For your account, press 4.</Say>
  <Gather dtmf_length="1" url="BASE/menu">
    <Error>
      <Say>Sorry, the menu is not available right now. Goodbye.</Say>
      <Hangup/>
    </Error>
  </Gather>
  <Say>We did not get your choice. Goodbye.</Say>
  <Hangup/>
</Response>`
	techMenuXML = `<Response>
  <Say>Tech team. For networking, press 1. For software, press 2. To go back, press 0.</Say>
  <Gather dtmf_length="1" url="BASE/tech">
    <Error>
      <Say>Sorry, the menu is not available right now. Goodbye.</Say>
      <Hangup/>
    </Error>
  </Gather>
  <Say>We did not get your choice. Goodbye.</Say>
  <Hangup/>
</Response>`
	voicemailXML = `
  <Meta name="caller" value="+15550100001"/>
  <Say>Please leave a message after the tone, then press the hash key.</Say>
  <Tone hz="440" don="500"/>
  <Record tag="voicemail">
    <Pause length="120000" dtmf_stop="#"/>
  </Record>
  <Say>Thank you for your message. Goodbye.</Say>
  <Hangup/>`
	invalidXML = `<Say>Sorry, that is not a valid choice.</Say>`
)

// dialXML is a transfer to the destinations, with voicemail when nobody
// answers.
func dialXML(announce string, to ...string) string {
	var b strings.Builder
	b.WriteString("<Response><Say>" + announce + "</Say><Dial>")
	for _, d := range to {
		b.WriteString("<To>" + d + "</To>")
	}
	b.WriteString("<Error><Say>Nobody is available right now.</Say>" + voicemailXML + "</Error></Dial><Hangup/></Response>")
	return b.String()
}

// withInvalid puts the invalid-choice message before a menu.
func withInvalid(menu string) string {
	return strings.Replace(menu, "<Response>", "<Response>"+invalidXML, 1)
}

func TestWalkTheMenu(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		method string   // of the first request
		keys   []string // digits pressed, one menu after the other
		want   string   // the last document, BASE standing for the server
	}{
		{name: "root by GET", method: http.MethodGet, want: mainMenuXML},
		{name: "root by POST", method: http.MethodPost, want: mainMenuXML},
		{name: "support", keys: []string{"1"}, want: dialXML("Connecting you to support.", supportDest)},
		{name: "tech menu", keys: []string{"2"}, want: techMenuXML},
		{name: "networking", keys: []string{"2", "1"}, want: dialXML("Connecting you to networking.", networkingDest, networkingAlt)},
		{name: "software", keys: []string{"2", "2"}, want: dialXML("Connecting you to software.", softwareDest)},
		{name: "back to the main menu", keys: []string{"2", "0"}, want: mainMenuXML},
		{name: "back and on to support", keys: []string{"2", "0", "1"}, want: dialXML("Connecting you to support.", supportDest)},
		{name: "invalid in the tech menu", keys: []string{"2", "7"}, want: withInvalid(techMenuXML)},
		{name: "voicemail", keys: []string{"3"}, want: "<Response>" + voicemailXML + "</Response>"},
		{name: "invalid choice repeats the menu", keys: []string{"9"}, want: withInvalid(mainMenuXML)},
		{name: "no digits repeats the menu", keys: []string{""}, want: withInvalid(mainMenuXML)},
		{name: "invalid, then support", keys: []string{"#", "1"}, want: dialXML("Connecting you to support.", supportDest)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, base := newCall(t)
			method := tt.method
			if method == "" {
				method = http.MethodGet
			}
			doc := c.fetch(method, base+"/?from=%2B15550100001&to=15550100002")
			for _, k := range tt.keys {
				doc = c.press(doc, k)
			}
			flowtest.Equivalent(t, strings.ReplaceAll(tt.want, "BASE", base), flowtest.Response(doc))
		})
	}
}

func TestTrustedProxy(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts []webhook.URLOption
		want string // the Gather URL, BASE standing for the server
	}{
		{name: "headers ignored by default", want: "BASE/menu"},
		{
			name: "headers of a trusted proxy",
			opts: []webhook.URLOption{webhook.WithForwardedHeadersFrom(netip.MustParsePrefix("127.0.0.0/8"))},
			want: "https://ivr.example.com/menu",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, base := newCall(t, tt.opts...)
			req, err := http.NewRequest(http.MethodPost, base+"/", nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("X-Forwarded-Proto", "https")
			req.Header.Set("X-Forwarded-Host", "ivr.example.com")
			resp, err := c.client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			doc, err := render.Decode(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := gatherURL(t, doc), strings.ReplaceAll(tt.want, "BASE", base); got != want {
				t.Errorf("Gather url = %q, want %q", got, want)
			}
		})
	}
}

func TestUnknownPath(t *testing.T) {
	t.Parallel()
	srv := serveIVR(t, testConfig())
	resp, err := srv.Client().Get(srv.URL + "/nowhere")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /nowhere: %s, want 404", resp.Status)
	}
}
