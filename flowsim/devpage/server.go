package devpage

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/opentact-go/opentact/flowsim"
)

//go:embed assets
var assets embed.FS

// keepAlive is how often an idle event stream gets a comment line.
const keepAlive = 15 * time.Second

// Server is the page's HTTP handler. Make one with New.
type Server struct {
	src     any
	url     *url.URL // the application's call_flow_url for a URL source
	code    SourceCode
	simOpts []flowsim.Option
	optCode []string // the Go form of the options that have one
	opaque  int      // options without a Go form
	lenient bool
	sim     *flowsim.Sim
	static  http.Handler

	opMu    sync.Mutex // one action at a time
	mu      sync.Mutex
	sess    *session
	log     []LogLine
	notice  string
	subs    map[chan struct{}]bool
	closed  chan struct{}
	closing sync.Once
}

// New returns a server for src: a URL of an application on this machine,
// or any source flowsim.New takes.
func New(src any, opts ...Option) (*Server, error) {
	s := &Server{src: src, subs: map[chan struct{}]bool{}, closed: make(chan struct{})}
	if u, ok := src.(URL); ok {
		p, err := parseLoopbackURL(string(u))
		if err != nil {
			return nil, err
		}
		s.url = p
		src = flowsim.URL(p.String())
		s.simOpts = append(s.simOpts, flowsim.Client(loopbackClient()))
	}
	for _, o := range opts {
		if o != nil {
			o(s)
		}
	}
	sim, err := flowsim.New(src, s.simOpts...)
	if err != nil {
		return nil, fmt.Errorf("devpage: %w", err)
	}
	s.sim = sim
	if s.code.Expr == "" {
		if b, ok := src.([]byte); ok {
			s.code.Expr = "[]byte(" + goString(string(b)) + ")"
		}
	}
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		return nil, err
	}
	s.static = http.FileServer(http.FS(sub))
	return s, nil
}

// Close ends the running call and every event stream.
func (s *Server) Close() error {
	s.closing.Do(func() { close(s.closed) })
	s.mu.Lock()
	sess := s.sess
	s.mu.Unlock()
	if sess != nil {
		sess.stop()
	}
	return nil
}

// ServeHTTP serves the page and its API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			http.Error(w, fmt.Sprintf("devpage: internal error: %v", v), http.StatusInternalServerError)
		}
	}()
	if !loopbackHost(r.Host) {
		http.Error(w, "devpage: only requests to a loopback host (localhost, 127.0.0.1, [::1]) are served", http.StatusForbidden)
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if r.Method == http.MethodPost {
		ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if ct != "application/json" {
			http.Error(w, "devpage: a POST must be application/json", http.StatusUnsupportedMediaType)
			return
		}
	}
	switch p := r.URL.Path; {
	case p == "/" || p == "/app.js" || p == "/style.css":
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "devpage: GET only", http.StatusMethodNotAllowed)
			return
		}
		s.static.ServeHTTP(w, r)
	case p == "/api/state":
		writeJSON(w, http.StatusOK, s.state())
	case p == "/api/stream":
		s.stream(w, r)
	case p == "/api/graph":
		s.graph(w, r)
	case p == "/api/test":
		s.test(w)
	case strings.HasPrefix(p, "/api/"):
		if r.Method != http.MethodPost {
			http.Error(w, "devpage: POST only", http.StatusMethodNotAllowed)
			return
		}
		s.action(w, r, strings.TrimPrefix(p, "/api/"))
	default:
		http.NotFound(w, r)
	}
}

// loopbackHost reports a Host header naming localhost or a loopback IP.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// request is the body of the action POSTs.
type request struct {
	Keys       string            `json:"keys"`
	From       string            `json:"from"`
	To         string            `json:"to"`
	At         string            `json:"at"`
	State      string            `json:"state"`
	County     string            `json:"county"`
	Fields     map[string]string `json:"fields"`
	Dials      []string          `json:"dials"`
	Recordings []string          `json:"recordings"`
}

// action runs call, step, continue, press, silence or hangup and answers
// with the state once the call has settled.
func (s *Server) action(w http.ResponseWriter, r *http.Request, name string) {
	var req request
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "the request body is not a JSON object of this API: "+err.Error())
		return
	}
	s.opMu.Lock()
	defer s.opMu.Unlock()
	var err error
	switch name {
	case "call":
		err = s.startCall(req, false)
	case "step":
		err = s.step(req)
	case "continue":
		err = s.resume(req)
	case "press":
		if !validKeys(req.Keys) {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("keys %q: want one or more of 0-9 * #", req.Keys))
			return
		}
		err = s.act(actPress, req.Keys)
	case "silence":
		err = s.act(actSilence, "")
	case "hangup":
		err = s.act(actHangUp, "")
	default:
		http.NotFound(w, r)
		return
	}
	var bad badRequest
	switch {
	case errors.As(err, &bad):
		writeError(w, http.StatusBadRequest, err.Error())
		return
	case err != nil:
		writeError(w, http.StatusConflict, err.Error())
		return
	}
	s.notify()
	writeJSON(w, http.StatusOK, s.state())
}

// validKeys reports DTMF keys only.
func validKeys(k string) bool {
	if k == "" || len(k) > 32 {
		return false
	}
	for _, c := range k {
		if !strings.ContainsRune("0123456789*#", c) {
			return false
		}
	}
	return true
}

// stream sends a "state" event now and after every change, with a comment
// line when idle, until the client goes or the server closes.
func (s *Server) stream(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "devpage: streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan struct{}, 1)
	s.mu.Lock()
	s.subs[ch] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	send := func() bool {
		b, err := json.Marshal(s.state())
		if err != nil {
			return false
		}
		if _, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", b); err != nil {
			return false
		}
		fl.Flush()
		return true
	}
	if !send() {
		return
	}
	for {
		select {
		case <-ch:
			if !send() {
				return
			}
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
			fl.Flush()
		case <-r.Context().Done():
			return
		case <-s.closed:
			return
		}
	}
}

// notify wakes every stream.
func (s *Server) notify() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for ch := range s.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// graph writes the SVG graph of document ?doc=N of the current call.
func (s *Server) graph(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("doc"))
	if err != nil || n < 1 {
		writeError(w, http.StatusBadRequest, "doc: want a document number from 1")
		return
	}
	svg, ok := s.graphSVG(n)
	if !ok {
		writeError(w, http.StatusNotFound, fmt.Sprintf("doc %d: no such document in this call", n))
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	_, _ = w.Write([]byte(svg))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
