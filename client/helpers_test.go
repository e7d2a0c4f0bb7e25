package client

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// recorded is one request as the test server saw it.
type recorded struct {
	Method string
	Path   string // escaped, below /rest
	Query  url.Values
	Header http.Header
	Body   []byte
}

// stub is a loopback API server whose replies a test scripts.
type stub struct {
	srv     *httptest.Server
	mu      sync.Mutex
	reqs    []recorded
	handler func(w http.ResponseWriter, r *http.Request, body []byte)
}

// newStub starts a server under /rest that records every request and
// answers with h.
func newStub(t *testing.T, h func(w http.ResponseWriter, r *http.Request, body []byte)) *stub {
	t.Helper()
	s := &stub{handler: h}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec := recorded{
			Method: r.Method,
			Path:   strings.TrimPrefix(r.URL.EscapedPath(), "/rest"),
			Query:  r.URL.Query(),
			Header: r.Header.Clone(),
			Body:   body,
		}
		s.mu.Lock()
		s.reqs = append(s.reqs, rec)
		s.mu.Unlock()
		s.handler(w, r, body)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// url is the base URL of the stub.
func (s *stub) url() string { return s.srv.URL + "/rest" }

// requests returns a copy of the recorded requests.
func (s *stub) requests() []recorded {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]recorded(nil), s.reqs...)
}

// respond answers every request with status and body.
func respond(status int, body string) func(http.ResponseWriter, *http.Request, []byte) {
	return func(w http.ResponseWriter, _ *http.Request, _ []byte) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
}

// sequence answers the n-th request with the n-th handler, repeating the last.
func sequence(hs ...func(http.ResponseWriter, *http.Request, []byte)) func(http.ResponseWriter, *http.Request, []byte) {
	var mu sync.Mutex
	n := 0
	return func(w http.ResponseWriter, r *http.Request, body []byte) {
		mu.Lock()
		h := hs[min(n, len(hs)-1)]
		n++
		mu.Unlock()
		h(w, r, body)
	}
}

// hangUp reads the request and closes the connection without a reply.
func hangUp(w http.ResponseWriter, _ *http.Request, _ []byte) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("response writer cannot hijack")
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		_ = conn.Close()
	}
}

// ok wraps payload in a success envelope.
func ok(payload string) string { return `{"success":true,"payload":` + payload + `}` }

// waits records the waits of a client whose wait hook returns at once.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

// recordWaits makes c's waits return at once and records them.
func recordWaits(c *Client) *waits {
	w := &waits{}
	c.wait = func(ctx context.Context, d time.Duration) error {
		w.mu.Lock()
		w.d = append(w.d, d)
		w.mu.Unlock()
		return ctx.Err()
	}
	return w
}

func (w *waits) all() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]time.Duration(nil), w.d...)
}

// newTestClient returns a client of s using creds (an API token when nil).
// Waits between attempts are recorded, not slept.
func newTestClient(t *testing.T, s *stub, creds Credentials, opts ...Option) (*Client, *waits) {
	t.Helper()
	if creds == nil {
		creds = APIToken("test-token")
	}
	c, err := New(creds, append([]Option{WithBaseURL(s.url())}, opts...)...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, recordWaits(c)
}

// makeJWT returns an unsigned token with the given exp claim.
func makeJWT(sub string, exp time.Time) string {
	enc := base64.RawURLEncoding
	header := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	claims := enc.EncodeToString([]byte(fmt.Sprintf(`{"uuid":%q,"role":"User","iat":%d,"exp":%d}`, sub, exp.Add(-24*time.Hour).Unix(), exp.Unix())))
	return header + "." + claims + ".c2lnbmF0dXJl"
}

// jsonDiff compares two JSON texts by value.
func jsonDiff(t *testing.T, want string, got []byte) string {
	t.Helper()
	var w, g any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("bad want JSON %s: %v", want, err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		return fmt.Sprintf("body is not JSON: %q", got)
	}
	return cmp.Diff(w, g)
}

// multipartFile returns the content and headers of the single part of a
// multipart request.
func multipartFile(t *testing.T, rec recorded) (name, filename, ctype string, data []byte) {
	t.Helper()
	req, _ := http.NewRequest("POST", "/", bytes.NewReader(rec.Body))
	req.Header.Set("Content-Type", rec.Header.Get("Content-Type"))
	mr, err := req.MultipartReader()
	if err != nil {
		t.Fatalf("not multipart: %v", err)
	}
	part, err := mr.NextPart()
	if err != nil {
		t.Fatalf("no part: %v", err)
	}
	data, _ = io.ReadAll(part)
	if _, err := mr.NextPart(); err != io.EOF {
		t.Fatalf("more than one part")
	}
	return part.FormName(), part.FileName(), part.Header.Get("Content-Type"), data
}
