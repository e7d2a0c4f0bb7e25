package events

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// waitLimit bounds every wait of the stream tests so that a bug fails the
// test instead of hanging it. It is never used to synchronise.
const waitLimit = 20 * time.Second

// fakeServer is an event websocket on loopback. Each accepted connection is
// handed to the test through next, which drives it.
type fakeServer struct {
	t     *testing.T
	srv   *httptest.Server
	URL   string
	conns chan *serverConn
	pings chan struct{} // one value per ping received from the stream
	// ignorePings makes the server leave pings unanswered.
	ignorePings atomic.Bool

	mu      sync.Mutex
	all     []*serverConn
	closing bool
	wg      sync.WaitGroup // the handlers
}

// serverConn is one accepted websocket, driven from the test goroutine.
type serverConn struct {
	t      *testing.T
	ws     *websocket.Conn
	ctx    context.Context
	frames chan []byte // frames read from the stream
	closed chan error  // the read error that ended the connection
	done   chan struct{}
	once   sync.Once
}

func newFakeServer(t *testing.T) *fakeServer {
	t.Helper()
	fs := &fakeServer{t: t, conns: make(chan *serverConn, 64), pings: make(chan struct{}, 1024)}
	fs.srv = httptest.NewServer(http.HandlerFunc(fs.serve))
	fs.URL = "ws" + strings.TrimPrefix(fs.srv.URL, "http") + "/wss"
	t.Cleanup(fs.Close)
	return fs
}

// Close stops the server and waits for its handlers, including those of
// hijacked websocket connections.
func (fs *fakeServer) Close() {
	fs.srv.Close()
	fs.mu.Lock()
	fs.closing = true
	for _, sc := range fs.all {
		sc.finish()
	}
	fs.mu.Unlock()
	fs.wg.Wait()
}

func (fs *fakeServer) serve(w http.ResponseWriter, r *http.Request) {
	fs.wg.Add(1)
	defer fs.wg.Done()
	ws, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		OnPingReceived: func(context.Context, []byte) bool {
			select {
			case fs.pings <- struct{}{}:
			default:
			}
			return !fs.ignorePings.Load()
		},
	})
	if err != nil {
		return
	}
	ws.SetReadLimit(1 << 20)
	sc := &serverConn{t: fs.t, ws: ws, ctx: r.Context(), frames: make(chan []byte, 16),
		closed: make(chan error, 1), done: make(chan struct{})}
	go func() {
		for {
			_, data, err := ws.Read(context.Background())
			if err != nil {
				sc.closed <- err
				close(sc.frames)
				return
			}
			sc.frames <- data
		}
	}()
	fs.mu.Lock()
	fs.all = append(fs.all, sc)
	if fs.closing {
		sc.finish()
	}
	fs.mu.Unlock()
	fs.conns <- sc
	select {
	case <-sc.done:
	case <-r.Context().Done():
	}
	ws.CloseNow()
	// Wait for the reading goroutine, so nothing outlives the handler.
	for range sc.frames {
	}
}

// next returns the next accepted connection.
func (fs *fakeServer) next() *serverConn {
	fs.t.Helper()
	select {
	case sc := <-fs.conns:
		fs.t.Cleanup(sc.finish)
		return sc
	case <-time.After(waitLimit):
		fs.t.Fatal("no connection from the stream")
		return nil
	}
}

// noConn fails when a connection is waiting to be handled.
func (fs *fakeServer) noConn() {
	fs.t.Helper()
	select {
	case <-fs.conns:
		fs.t.Fatal("unexpected connection from the stream")
	default:
	}
}

// finish ends the handler of the connection.
func (sc *serverConn) finish() { sc.once.Do(func() { close(sc.done) }) }

// read returns the next frame the stream sent.
func (sc *serverConn) read() string {
	sc.t.Helper()
	select {
	case f, ok := <-sc.frames:
		if !ok {
			sc.t.Fatal("connection closed while waiting for a frame")
		}
		return string(f)
	case <-time.After(waitLimit):
		sc.t.Fatal("no frame from the stream")
		return ""
	}
}

// closeErr waits for the connection to end and returns the read error.
func (sc *serverConn) closeErr() error {
	sc.t.Helper()
	select {
	case err := <-sc.closed:
		return err
	case <-time.After(waitLimit):
		sc.t.Fatal("connection did not end")
		return nil
	}
}

// send writes one text frame.
func (sc *serverConn) send(frame string) {
	sc.t.Helper()
	if err := sc.ws.Write(context.Background(), websocket.MessageText, []byte(frame)); err != nil {
		sc.t.Fatalf("server write: %v", err)
	}
}

// trySend writes one text frame and ignores errors; for goroutines that
// race with the stream's shutdown.
func (sc *serverConn) trySend(frame string) {
	_ = sc.ws.Write(context.Background(), websocket.MessageText, []byte(frame))
}

// accept reads the auth frame, checks its token and accepts it with a
// connection id.
func (sc *serverConn) accept(token, connID string) {
	sc.t.Helper()
	if got, want := sc.read(), string(authFrame(token)); got != want {
		sc.t.Fatalf("auth frame = %s, want %s", got, want)
	}
	sc.send(authReply(connID))
}

// authReply is an accepting auth reply.
func authReply(connID string) string {
	return `{"uuid":"e-` + connID + `","type":"auth","message":"ok","payload":{"uuid":"` + connID + `","ip":"192.0.2.10"}}`
}

// event is a generation-B call_state frame with the given id.
func event(id string) string {
	return `{"uuid":"` + id + `","created_on":"2030-01-02T03:04:05Z","type":"call_state","payload":{"state":"live"},"call":{"uuid":"c"}}`
}

// drop closes the TCP connection without a close frame.
func (sc *serverConn) drop() { sc.ws.CloseNow() }

// result is one item yielded by a stream.
type result struct {
	ev  Event
	err error
}

// consumer ranges over a stream on its own goroutine and hands every item to
// the test through an unbuffered channel, so the test paces the consumer.
type consumer struct {
	t      *testing.T
	items  chan result
	done   chan struct{}
	cancel context.CancelFunc
	stop   chan struct{} // closed to make the consumer break out of its loop
}

func consume(t *testing.T, s *Stream) *consumer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	c := &consumer{t: t, items: make(chan result), done: make(chan struct{}), cancel: cancel, stop: make(chan struct{})}
	go func() {
		defer close(c.done)
		for ev, err := range s.Events(ctx) {
			select {
			case c.items <- result{ev, err}:
			case <-c.stop:
				return
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		c.wait()
	})
	return c
}

// next returns the next item.
func (c *consumer) next() result {
	c.t.Helper()
	select {
	case r := <-c.items:
		return r
	case <-c.done:
		c.t.Fatal("the stream ended")
	case <-time.After(waitLimit):
		c.t.Fatal("no item from the stream")
	}
	return result{}
}

// nextEvent returns the next item, which must be an event of kind k.
func (c *consumer) nextEvent(k Kind) Event {
	c.t.Helper()
	r := c.next()
	if r.err != nil {
		c.t.Fatalf("got error %v, want a %s event", r.err, k)
	}
	if r.ev.Kind != k {
		c.t.Fatalf("got a %s event (%s), want %s", r.ev.Kind, r.ev.Raw, k)
	}
	return r.ev
}

// terminal returns the last item, which must be an error, and checks that
// the sequence ends after it.
func (c *consumer) terminal() error {
	c.t.Helper()
	r := c.next()
	if r.err == nil {
		c.t.Fatalf("got a %s event, want a terminal error", r.ev.Kind)
	}
	c.wait()
	return r.err
}

// wait waits for the consumer's loop to end.
func (c *consumer) wait() {
	c.t.Helper()
	select {
	case <-c.done:
	case <-time.After(waitLimit):
		c.t.Fatal("the stream did not end")
	}
}

// recordingSource is a TokenSource that hands out numbered tokens, a new one
// after each invalidation, and records invalidations.
type recordingSource struct {
	mu          sync.Mutex
	n           int
	invalidated []string
	err         error
}

func (s *recordingSource) Token(context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return "", s.err
	}
	return fmt.Sprintf("jwt-%d", s.n), nil
}

func (s *recordingSource) InvalidateToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.invalidated = append(s.invalidated, token)
	s.n++
}

// newTestStream returns a stream for fs with fast defaults for tests.
func newTestStream(t *testing.T, fs *fakeServer, tokens TokenSource, opts ...StreamOption) *Stream {
	t.Helper()
	base := []StreamOption{WithURL(fs.URL), WithBackoff(time.Millisecond, 2*time.Millisecond),
		WithLogger(discardLogger())}
	s, err := NewStream(tokens, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// withTestHooks sets unexported test hooks.
func withTestHooks(fn func(c *streamConfig)) StreamOption {
	return func(c *streamConfig) error {
		fn(c)
		return nil
	}
}

// errorsAs is errors.As returning the target.
func errorsAs[T error](t *testing.T, err error) T {
	t.Helper()
	var target T
	if !errors.As(err, &target) {
		t.Fatalf("error %v (%T) is not a %T", err, err, target)
	}
	return target
}

// decodeJSON unmarshals a frame for assertions.
func decodeJSON(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

var (
	httpClientWithTimeout = http.Client{Timeout: time.Second}
	httpClientPlain       = http.Client{}
)
