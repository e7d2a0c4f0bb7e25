package eventstest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/coder/websocket"
)

// Token is the token a Server accepts by default.
const Token = "eventstest-jwt"

// Server is a fake event websocket on a loopback address. It is safe for
// use from several goroutines.
type Server struct {
	cfg   config
	srv   *httptest.Server
	url   string
	conns chan *Conn    // connections for NextConn
	pings chan struct{} // one value per ping received, while there is room
	mute  atomic.Bool   // leave every ping unanswered

	mu      sync.Mutex
	all     []*Conn
	n       int // connections accepted so far
	closing bool
	wg      sync.WaitGroup // the handlers of the connections
}

// NewServer starts a Server. Close it when done.
func NewServer(opts ...Option) *Server {
	s := &Server{
		cfg:   config{tokens: map[string]bool{Token: true}, readLimit: 1 << 20},
		conns: make(chan *Conn, 256),
		pings: make(chan struct{}, 1024),
	}
	for _, o := range opts {
		if o != nil {
			o(&s.cfg)
		}
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.url = "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/wss"
	return s
}

// URL returns the websocket URL of the server, such as
// "ws://127.0.0.1:41234/wss", for events.WithURL.
func (s *Server) URL() string { return s.url }

// Token returns a token the server accepts unless WithTokens changed the
// set: the constant Token.
func (s *Server) Token() string { return Token }

// Close ends every connection without a close frame, stops the server and
// waits for its goroutines.
func (s *Server) Close() {
	s.mu.Lock()
	s.closing = true
	all := slices.Clone(s.all)
	s.mu.Unlock()
	for _, c := range all {
		c.Drop()
	}
	s.srv.Close()
	s.wg.Wait()
}

// NextConn waits for the next connection and returns it: once it is live
// (the auth frame was accepted), or, with WithManualAuth, as soon as it is
// accepted. Connections are returned in the order they became ready, each
// once. It returns ctx's error when ctx ends first.
func (s *Server) NextConn(ctx context.Context) (*Conn, error) {
	select {
	case c := <-s.conns:
		return c, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("eventstest: waiting for a connection: %w", ctx.Err())
	}
}

// Accepted returns the number of websocket connections accepted so far,
// including those whose authentication failed.
func (s *Server) Accepted() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n
}

// Live returns the connections that are authenticated and not ended, in
// the order they were accepted.
func (s *Server) Live() []*Conn {
	s.mu.Lock()
	defer s.mu.Unlock()
	var live []*Conn
	for _, c := range s.all {
		if c.live() {
			live = append(live, c)
		}
	}
	return live
}

// Send writes frame to every live connection that is not stalled, unless
// WithSubscriptions leaves its type out, and returns the number of
// connections it was written to. Like Opentact, it keeps nothing for later
// connections: with none live the frame is lost and Send returns 0.
func (s *Server) Send(frame string) int {
	if !s.subscribed(frame) {
		return 0
	}
	n := 0
	for _, c := range s.Live() {
		if c.stalled.Load() {
			continue
		}
		if c.Send(frame) == nil {
			n++
		}
	}
	return n
}

// subscribed reports whether frame's type is delivered.
func (s *Server) subscribed(frame string) bool {
	if s.cfg.subscriptions == nil {
		return true
	}
	var head struct {
		Type string `json:"type"`
	}
	if json.Unmarshal([]byte(frame), &head) != nil {
		return true // not an event: the test wants it sent as it is
	}
	return head.Type == "auth" || slices.Contains(s.cfg.subscriptions(), head.Type)
}

// Pings returns a channel that receives one value for each ping the
// server receives from any client (answered or not), up to 1024 that
// nobody took.
func (s *Server) Pings() <-chan struct{} { return s.pings }

// AnswerPings sets whether the server answers pings (it does by default).
// Unlike Conn.Stall it applies to every connection, present and future,
// and events are still delivered.
func (s *Server) AnswerPings(on bool) { s.mute.Store(!on) }

// serve accepts one websocket connection and runs it until it ends.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		http.Error(w, "closing", http.StatusServiceUnavailable)
		return
	}
	s.wg.Add(1)
	s.mu.Unlock()
	defer s.wg.Done()

	c := newConn()
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		OnPingReceived: func(context.Context, []byte) bool {
			select {
			case s.pings <- struct{}{}:
			default:
			}
			return !s.mute.Load() && !c.stalled.Load()
		},
	})
	if err != nil {
		return
	}
	ws.SetReadLimit(s.cfg.readLimit)
	c.ws = ws
	s.mu.Lock()
	s.n++
	c.id = connID(s.n)
	s.all = append(s.all, c)
	closing := s.closing
	s.mu.Unlock()
	if closing {
		c.Drop()
	}
	go c.readLoop()

	if s.cfg.manualAuth {
		s.conns <- c
	} else if s.authenticate(c) {
		s.conns <- c
	}
	<-c.done
	ws.CloseNow()
	<-c.readDone // nothing outlives the handler
}

// authenticate reads the auth frame and answers it; it reports whether
// the connection is live.
func (s *Server) authenticate(c *Conn) bool {
	frame, err := c.Read(c.ctx)
	if err != nil {
		return false
	}
	var auth struct {
		Type    string          `json:"type"`
		Payload json.RawMessage `json:"payload"`
	}
	var token string
	if json.Unmarshal(frame, &auth) != nil || auth.Type != "auth" || json.Unmarshal(auth.Payload, &token) != nil {
		c.Close(websocket.StatusPolicyViolation, "the first frame must be the auth frame")
		return false
	}
	c.mu.Lock()
	c.token = token
	c.mu.Unlock()
	if token == "" || (len(s.cfg.tokens) > 0 && !s.cfg.tokens[token]) {
		c.RejectAuth("invalid token")
		c.Close(websocket.StatusPolicyViolation, "unauthorized")
		return false
	}
	return c.AcceptAuth(c.id) == nil
}

// connID is the deterministic id of the n-th connection.
func connID(n int) string { return fmt.Sprintf("70000000-0000-4000-8000-%012d", n) }
