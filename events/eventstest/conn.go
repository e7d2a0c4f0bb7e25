package eventstest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/coder/websocket"
)

// ErrStalled is returned by Conn.Send on a stalled connection.
var ErrStalled = errors.New("eventstest: the connection is stalled")

// Conn is one websocket connection accepted by a Server. Its methods are
// safe for use from several goroutines, but Read is meant for one reader.
type Conn struct {
	ws       *websocket.Conn
	ctx      context.Context // ends with the connection
	cancel   context.CancelFunc
	frames   chan []byte   // frames read from the client
	readDone chan struct{} // closed when reading has ended
	done     chan struct{} // closed to end the connection's handler
	once     sync.Once
	stalled  atomic.Bool
	authed   atomic.Bool

	mu      sync.Mutex
	id      string
	token   string
	readErr error
}

func newConn() *Conn {
	ctx, cancel := context.WithCancel(context.Background())
	return &Conn{ctx: ctx, cancel: cancel, frames: make(chan []byte, 64),
		readDone: make(chan struct{}), done: make(chan struct{})}
}

// readLoop reads frames until the connection ends.
func (c *Conn) readLoop() {
	defer close(c.readDone)
	defer c.finish()
	for {
		_, data, err := c.ws.Read(c.ctx)
		if err != nil {
			c.mu.Lock()
			c.readErr = err
			c.mu.Unlock()
			close(c.frames)
			return
		}
		select {
		case c.frames <- data:
		case <-c.done:
			close(c.frames)
			return
		}
	}
}

// finish ends the connection's handler.
func (c *Conn) finish() {
	c.once.Do(func() {
		close(c.done)
		c.cancel()
	})
}

// ID returns the connection id: "70000000-0000-4000-8000-00000000000N" for
// the N-th connection of the server. The automatic auth reply carries it.
func (c *Conn) ID() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.id
}

// Token returns the token of the connection's auth frame, once the server
// read it ("" with WithManualAuth, where the test reads the frame).
func (c *Conn) Token() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.token
}

// live reports whether the connection is authenticated and not ended.
func (c *Conn) live() bool {
	select {
	case <-c.done:
		return false
	default:
		return c.authed.Load()
	}
}

// Read returns the next frame the client sent: with WithManualAuth the
// first is the auth frame. It returns an error once the connection has
// ended (the one that ended it, see Err) or when ctx ends.
func (c *Conn) Read(ctx context.Context) ([]byte, error) {
	select {
	case f, ok := <-c.frames:
		if !ok {
			return nil, fmt.Errorf("eventstest: the connection ended: %w", c.Err())
		}
		return f, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("eventstest: waiting for a frame: %w", ctx.Err())
	}
}

// AcceptAuth sends an accepting auth reply (AuthReply) with the connection
// id connID, or ID() when connID is "", and makes the connection live.
func (c *Conn) AcceptAuth(connID string) error {
	if connID == "" {
		connID = c.ID()
	}
	if err := c.write(AuthReply(connID)); err != nil {
		return err
	}
	c.authed.Store(true)
	return nil
}

// RejectAuth sends a negative auth reply (AuthRejected) with message. The
// connection stays open; Close or Drop it as the test needs.
func (c *Conn) RejectAuth(message string) error {
	return c.write(AuthRejected(message))
}

// Send writes one text frame to the client, blocking while the client does
// not read (TCP flow control) until the frame is written or the connection
// ends. It returns ErrStalled on a stalled connection.
func (c *Conn) Send(frame string) error {
	if c.stalled.Load() {
		return ErrStalled
	}
	return c.write(frame)
}

func (c *Conn) write(frame string) error {
	if err := c.ws.Write(c.ctx, websocket.MessageText, []byte(frame)); err != nil {
		return fmt.Errorf("eventstest: writing a frame: %w", err)
	}
	return nil
}

// Stall keeps the connection open but makes it dead: pings are no longer
// answered and Send writes nothing, as a peer lost behind a NAT. A stream
// declares the connection lost after its keep-alive bound (its ping
// interval plus pong timeout), closes it and reconnects.
func (c *Conn) Stall() { c.stalled.Store(true) }

// Drop ends the connection at once, without a close frame, as a network
// failure or a server crash does.
func (c *Conn) Drop() {
	c.finish()
	c.ws.CloseNow()
}

// Close sends a close frame with code and reason, waits (boundedly) for the
// client's, and ends the connection.
func (c *Conn) Close(code websocket.StatusCode, reason string) error {
	err := c.ws.Close(code, reason)
	c.finish()
	return err
}

// Done returns a channel that is closed once the connection has ended,
// whichever side ended it.
func (c *Conn) Done() <-chan struct{} { return c.readDone }

// Err returns the error that ended the connection as the server's reader
// saw it (websocket.CloseStatus tells the client's close code), or nil
// while it is open.
func (c *Conn) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.readErr
}
