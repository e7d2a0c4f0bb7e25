package clienttest

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"
	"sync"
)

// basePath is the path prefix under which every route lives.
const basePath = "/rest"

// maxBody bounds the request bodies the server reads.
const maxBody = 32 << 20

// Server is an in-memory Opentact REST API served by an httptest.Server.
// It is safe for concurrent use: all state sits behind one mutex.
type Server struct {
	cfg    config
	ts     *httptest.Server
	mux    *http.ServeMux
	tr     *http.Transport
	client *http.Client
	key    []byte // HMAC key of the JWTs

	mu        sync.Mutex
	ids       int // uuid counter
	reqs      int // request counter, for X-Request-Id
	dialFails int
	requests  []*Request // the most recent requests, at most cfg.maxRequests
	dropped   int        // requests forgotten to respect cfg.maxRequests
	faults    []*faultEntry
	overrides []override
	jwtSeq    int // sequence number of the next JWT
	jwtValid  int // JWTs with a lower sequence number are refused
	exhausted bool
	st        state
}

// NewServer starts a fake Opentact API. Call Close when done.
func NewServer(opts ...Option) *Server {
	s := &Server{cfg: defaultConfig(), mux: http.NewServeMux()}
	for _, o := range opts {
		if o != nil {
			o(&s.cfg)
		}
	}
	s.key = make([]byte, 32)
	// Since Go 1.24 crypto/rand.Read never returns an error.
	_, _ = rand.Read(s.key)
	s.seed()
	s.routes()
	s.ts = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.ts.Config.ErrorLog = log.New(io.Discard, "", 0) // refused handshakes are expected in tests
	if s.cfg.tls {
		s.ts.StartTLS()
	} else {
		s.ts.Start()
	}
	s.tr = s.transport()
	dial := s.tr.DialContext
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	s.tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		s.mu.Lock()
		fail := s.dialFails > 0
		if fail {
			s.dialFails--
		}
		s.mu.Unlock()
		if fail {
			return nil, &net.OpError{Op: "dial", Net: network, Err: errInjectedDial}
		}
		return dial(ctx, network, addr)
	}
	s.client = &http.Client{Transport: s.tr}
	return s
}

// transport returns a copy of the httptest client's transport, which trusts
// the server's certificate.
func (s *Server) transport() *http.Transport {
	if tr, ok := s.ts.Client().Transport.(*http.Transport); ok {
		return tr.Clone()
	}
	tr := &http.Transport{}
	if cert := s.ts.Certificate(); cert != nil {
		pool := x509.NewCertPool()
		pool.AddCert(cert)
		tr.TLSClientConfig = &tls.Config{RootCAs: pool}
	}
	return tr
}

var errInjectedDial = errors.New("clienttest: injected dial failure")

// Close shuts the server down and closes the idle connections of HTTPClient.
func (s *Server) Close() {
	s.tr.CloseIdleConnections()
	s.ts.Close()
}

// URL returns the base URL of the API, including the "/rest" prefix,
// e.g. "http://127.0.0.1:41234/rest".
func (s *Server) URL() string { return s.ts.URL + basePath }

// HTTPClient returns an HTTP client that reaches the server. It trusts the
// server's certificate under WithTLS and honours FailNextDials.
func (s *Server) HTTPClient() *http.Client { return s.client }

// Email returns the e-mail address GET /auth accepts.
func (s *Server) Email() string { return s.cfg.email }

// Password returns the password GET /auth accepts.
func (s *Server) Password() string { return s.cfg.password }

// APIToken returns the seeded API token.
func (s *Server) APIToken() string { return s.cfg.apiToken }

// SetBalanceExhausted makes POST /order, POST /sms and POST /batch answer
// 402 while on is true.
func (s *Server) SetBalanceExhausted(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.exhausted = on
}

// relPath returns the path below the base URL, or the whole path when it
// lies outside it.
func relPath(p string) string {
	if rest, ok := strings.CutPrefix(p, basePath); ok && (rest == "" || rest[0] == '/') {
		return rest
	}
	return p
}

// serve is the server's root handler: record, fault, authenticate, handle.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, maxBody))
	r.Body = io.NopCloser(bytes.NewReader(body))
	rel := relPath(r.URL.Path)

	s.mu.Lock()
	rec := s.record(r, rel, body)
	fault := s.takeFault(r.Method, rel, false)
	s.mu.Unlock()
	w.Header().Set("X-Request-Id", fmt.Sprintf("fake-%d", rec.id))

	if fault != nil {
		if s.applyFault(w, r, rec, fault) {
			return
		}
	}
	buf := newBufferedWriter()
	s.dispatch(buf, r, rel)
	if fault == nil {
		s.mu.Lock()
		fault = s.takeFault(r.Method, rel, true)
		s.mu.Unlock()
		if fault != nil && s.applyFault(w, r, rec, fault) {
			return
		}
	}
	buf.copyTo(w)
}

// dispatch runs the override or the route for r, after authentication.
func (s *Server) dispatch(w http.ResponseWriter, r *http.Request, rel string) {
	s.mu.Lock()
	h := s.findOverride(r.Method, rel)
	s.mu.Unlock()
	if h == nil {
		if !isClean(r.URL.Path) {
			// ServeMux would answer a redirect to the cleaned path.
			writeError(w, http.StatusNotFound, "Not found")
			return
		}
		s.mux.ServeHTTP(w, r)
		return
	}
	if rel != "/auth" && !s.authorized(r) {
		writeError(w, http.StatusUnauthorized, "Unauthorized")
		return
	}
	h(w, r)
}

// isClean reports whether p has no empty, "." or ".." segments (a trailing
// slash aside).
func isClean(p string) bool {
	return p == "/" || path.Clean(p) == strings.TrimSuffix(p, "/")
}

// bufferedWriter holds a reply so that an AfterHandler fault can replace it.
type bufferedWriter struct {
	header http.Header
	status int
	body   []byte
}

func newBufferedWriter() *bufferedWriter { return &bufferedWriter{header: http.Header{}} }

func (b *bufferedWriter) Header() http.Header { return b.header }

func (b *bufferedWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

func (b *bufferedWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	b.body = append(b.body, p...)
	return len(p), nil
}

func (b *bufferedWriter) copyTo(w http.ResponseWriter) {
	for k, v := range b.header {
		w.Header()[k] = v
	}
	if b.status == 0 {
		b.status = http.StatusOK
	}
	w.WriteHeader(b.status)
	_, _ = w.Write(b.body)
}
