package events

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/opentact-go/opentact/events/eventstest"
)

// waitLimit bounds every wait of the stream tests so that a bug fails the
// test instead of hanging it. It is never used to synchronise.
const waitLimit = 20 * time.Second

// fakeServer is the event websocket fake of package eventstest, driven
// from the test: every accepted connection is handed to the test through
// next before its auth reply (eventstest.WithManualAuth).
type fakeServer struct {
	*eventstest.Server
	t     *testing.T
	URL   string
	pings <-chan struct{} // one value per ping received from the stream
	taken int             // connections returned by next
}

// serverConn is one accepted websocket, driven from the test goroutine.
type serverConn struct {
	*eventstest.Conn
	t *testing.T
}

func newFakeServer(t *testing.T) *fakeServer {
	t.Helper()
	srv := eventstest.NewServer(eventstest.WithManualAuth())
	t.Cleanup(srv.Close)
	return &fakeServer{Server: srv, t: t, URL: srv.URL(), pings: srv.Pings()}
}

// next returns the next accepted connection.
func (fs *fakeServer) next() *serverConn {
	fs.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	c, err := fs.NextConn(ctx)
	if err != nil {
		fs.t.Fatal("no connection from the stream")
	}
	fs.taken++
	fs.t.Cleanup(c.Drop)
	return &serverConn{Conn: c, t: fs.t}
}

// noConn fails when a connection was accepted that next did not return.
func (fs *fakeServer) noConn() {
	fs.t.Helper()
	if fs.Accepted() > fs.taken {
		fs.t.Fatal("unexpected connection from the stream")
	}
}

// read returns the next frame the stream sent.
func (sc *serverConn) read() string {
	sc.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	f, err := sc.Read(ctx)
	if err != nil {
		sc.t.Fatalf("no frame from the stream: %v", err)
	}
	return string(f)
}

// closeErr waits for the connection to end and returns the read error.
func (sc *serverConn) closeErr() error {
	sc.t.Helper()
	select {
	case <-sc.Done():
		return sc.Err()
	case <-time.After(waitLimit):
		sc.t.Fatal("connection did not end")
		return nil
	}
}

// send writes one text frame.
func (sc *serverConn) send(frame string) {
	sc.t.Helper()
	if err := sc.Send(frame); err != nil {
		sc.t.Fatalf("server write: %v", err)
	}
}

// trySend writes one text frame and ignores errors; for goroutines that
// race with the stream's shutdown.
func (sc *serverConn) trySend(frame string) { _ = sc.Send(frame) }

// accept reads the auth frame, checks its token and accepts it with a
// connection id.
func (sc *serverConn) accept(token, connID string) {
	sc.t.Helper()
	if got, want := sc.read(), string(authFrame(token)); got != want {
		sc.t.Fatalf("auth frame = %s, want %s", got, want)
	}
	if err := sc.AcceptAuth(connID); err != nil {
		sc.t.Fatalf("auth reply: %v", err)
	}
}

// authReply is an accepting auth reply.
func authReply(connID string) string { return eventstest.AuthReply(connID) }

// event is a generation-B call_state frame with the given id.
func event(id string) string { return eventstest.CallStateEvent(id, "c", "live") }

// drop closes the TCP connection without a close frame.
func (sc *serverConn) drop() { sc.Drop() }

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
