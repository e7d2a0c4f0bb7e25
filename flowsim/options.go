package flowsim

import (
	"net/http"
	"strings"
	"time"
)

// Option configures a simulator (New).
type Option func(*settings)

// Reading is one reading of when a <Gather>'s <Default> block runs, on
// which the docs disagree (see the package documentation).
type Reading int

// The two readings of <Default>.
const (
	// DefaultOnNoMatch runs <Default> when the caller entered digits that
	// match no <DTMF> (the <Default> page and the legacy Inbound Call
	// Control example); entering nothing runs the Gather's <Error>. This
	// is the simulator's default.
	DefaultOnNoMatch Reading = iota
	// DefaultOnNoInput runs <Default> when the caller entered nothing (the
	// Gather page's multi-level IVR example); digits that match no <DTMF>
	// run the Gather's <Error>.
	DefaultOnNoInput
)

// String returns "no-match" or "no-input".
func (r Reading) String() string {
	if r == DefaultOnNoInput {
		return "no-input"
	}
	return "no-match"
}

type settings struct {
	reading        Reading
	routes         []route
	client         *http.Client
	requestTimeout time.Duration
	stepLimit      int
	fallback       []byte
	gatherTimeout  time.Duration
	method         string
	autoAnswer     bool
	sca            string
	lenient        bool
	audio          map[string]time.Duration
	missingAudio   map[string]bool
}

// route sends the requests whose URL starts with prefix to h.
type route struct {
	prefix string
	h      http.Handler
}

func newSettings(opts []Option) *settings {
	s := &settings{
		requestTimeout: 10 * time.Second,
		stepLimit:      1000,
		gatherTimeout:  5 * time.Second,
		method:         http.MethodGet,
		autoAnswer:     true,
		sca:            "30000000-0000-4000-8000-000000000001",
		audio:          map[string]time.Duration{},
		missingAudio:   map[string]bool{},
	}
	for _, o := range opts {
		if o != nil {
			o(s)
		}
	}
	return s
}

// DefaultOn chooses the reading of <Default> (DefaultOnNoMatch unless set).
func DefaultOn(r Reading) Option { return func(s *settings) { s.reading = r } }

// Route serves every request of the call whose URL starts with prefix
// (scheme, host and path, e.g. "https://crm.example.com/hooks/") with h, in
// process: Gather url, Callback and Curl requests. The longest matching
// prefix wins. Requests to URLs no route matches fail (the platform could
// not reach them) unless Client is set.
func Route(prefix string, h http.Handler) Option {
	return func(s *settings) {
		if h != nil {
			s.routes = append(s.routes, route{prefix: prefix, h: h})
		}
	}
}

// Reply answers every request whose URL starts with prefix with status 200
// and the document doc: a shortcut for Route with a fixed reply.
func Reply(prefix string, doc string) Option {
	return Route(prefix, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		_, _ = w.Write([]byte(doc))
	}))
}

// Client sends the requests that no route serves over the network with c.
// Without it the simulator never uses the network.
func Client(c *http.Client) Option { return func(s *settings) { s.client = c } }

// RequestTimeout bounds, in real time, each request the call makes (default
// 10 s); a <Callback> or <Curl> timeout attribute, when set, bounds its own
// request instead. A handler that does not answer in time fails the request
// as the platform's timeout would.
func RequestTimeout(d time.Duration) Option {
	return func(s *settings) {
		if d > 0 {
			s.requestTimeout = d
		}
	}
}

// StepLimit ends a call after n steps (default 1000) with a step-limit
// finding, so a flow that loops cannot run forever.
func StepLimit(n int) Option {
	return func(s *settings) {
		if n > 0 {
			s.stepLimit = n
		}
	}
}

// Fallback is the document the application's handler answers with when it
// fails (webhook.WithFallback, WithFallbackXML). A fetched document equal to
// it, once both are in canonical form, is marked as the fallback in the
// transcript and by Explore. The default is webhook's default fallback.
func Fallback(doc []byte) Option { return func(s *settings) { s.fallback = doc } }

// GatherTimeout is how long a <Gather> waits for a key before it gives up
// (default 5 s); the current dialect has no attribute for it, a legacy
// timeout attribute takes precedence.
func GatherTimeout(d time.Duration) Option {
	return func(s *settings) {
		if d > 0 {
			s.gatherTimeout = d
		}
	}
}

// CallFlowMethod is the SIP control app's call_flow_method: GET (default)
// or POST, which sends the call object as a JSON body.
func CallFlowMethod(m string) Option {
	return func(s *settings) {
		if m = strings.ToUpper(m); m == http.MethodGet || m == http.MethodPost {
			s.method = m
		}
	}
}

// AutoAnswer is the SIP control app's auto_answer (default true): the call
// goes live before the first command. Without it the call goes live at its
// first <Answer>.
func AutoAnswer(on bool) Option { return func(s *settings) { s.autoAnswer = on } }

// SIPControlApp sets the uuid of the SIP control app, sent as sca.
func SIPControlApp(uuid string) Option { return func(s *settings) { s.sca = uuid } }

// Lenient parses the XML given to New and fetched documents leniently:
// unknown elements are kept and skipped by the call instead of making the
// document invalid.
func Lenient() Option { return func(s *settings) { s.lenient = true } }

// Audio sets how long the audio at url plays (default 5 s).
func Audio(url string, length time.Duration) Option {
	return func(s *settings) { s.audio[url] = length }
}

// MissingAudio makes a <Play> of url fail, as for a file that does not
// exist, so that the <Error> after it runs.
func MissingAudio(url string) Option {
	return func(s *settings) { s.missingAudio[url] = true }
}
