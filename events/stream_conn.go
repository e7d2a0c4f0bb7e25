package events

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// item is one element of the delivery buffer.
type item struct {
	ev  Event
	err error
}

// conn is one authenticated websocket connection with its reader and pinger
// goroutines.
type conn struct {
	cfg    *streamConfig
	ws     *websocket.Conn
	raw    *upgradeTracker // closes the connection under ws at once
	live   *liveness
	authAt time.Time // when the auth reply was received

	items  chan item          // filled by the reader, closed when it exits
	stop   chan struct{}      // closed at shutdown: the reader discards what it reads
	ctx    context.Context    // cancelled to abort all I/O
	cancel context.CancelFunc // cancels ctx
	wg     sync.WaitGroup     // the reader and the pinger

	mu        sync.Mutex
	cause     error // why the connection ended; first writer wins
	discarded int   // events read but dropped at shutdown
}

// errPongTimeout is returned by ping when no pong arrived in time.
var errPongTimeout = errors.New("events: pong timeout")

// start launches the reader and the pinger.
func (c *conn) start() {
	c.items = make(chan item, c.cfg.buffer)
	c.stop = make(chan struct{})
	c.wg.Add(2)
	go c.reader()
	go c.pinger()
}

// setCause records why the connection ended, unless a cause is known.
func (c *conn) setCause(err error) {
	c.mu.Lock()
	if c.cause == nil {
		c.cause = err
	}
	c.mu.Unlock()
}

// lostCause returns why the connection ended.
func (c *conn) lostCause() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cause
}

// reader reads frames into the buffer until the connection ends. When the
// buffer is full it stops reading until there is room.
func (c *conn) reader() {
	defer c.wg.Done()
	defer close(c.items)
	for {
		_, data, err := c.ws.Read(c.ctx)
		if err != nil {
			c.setCause(fmt.Errorf("events: connection lost: %w", err))
			return
		}
		now := c.cfg.clock.Now()
		c.live.touch(now)
		it := frameItem(data, now)
		select {
		case <-c.stop:
			c.dropped()
			continue
		case c.items <- it:
			continue
		default:
		}
		c.live.pause()
		if c.cfg.onPause != nil {
			c.cfg.onPause(true)
		}
		select {
		case c.items <- it:
		case <-c.stop:
			c.dropped()
		}
		c.live.unpause(c.cfg.clock.Now())
		if c.cfg.onPause != nil {
			c.cfg.onPause(false)
		}
	}
}

// dropped counts an event discarded at shutdown.
func (c *conn) dropped() {
	c.mu.Lock()
	c.discarded++
	c.mu.Unlock()
}

// frameItem decodes one frame for delivery.
func frameItem(data []byte, received time.Time) item {
	ev, err := Decode(data)
	if err != nil {
		ev = Event{Kind: KindInvalid, Envelope: EnvelopeNone, Raw: append(json.RawMessage(nil), data...)}
	}
	ev.Received = received
	ev.Transport = TransportStream
	return item{ev: ev, err: err}
}

// pinger pings the server when the connection has been silent for the ping
// interval, and ends the connection when no pong arrives in time. It sends no
// pings while the reader is paused: pongs are processed only while reading.
func (c *conn) pinger() {
	defer c.wg.Done()
	for {
		resume, due, _ := c.live.state(c.cfg.pingInterval)
		if resume != nil {
			select {
			case <-resume:
			case <-c.ctx.Done():
				return
			}
			continue
		}
		if wait := due.Sub(c.cfg.clock.Now()); wait > 0 {
			t := c.cfg.clock.NewTimer(wait, timerPing)
			select {
			case <-t.C():
			case <-c.ctx.Done():
				t.Stop()
				return
			}
			continue // re-check: a frame or a pause may have come meanwhile
		}
		err := c.ping()
		switch {
		case err == nil:
			c.live.touch(c.cfg.clock.Now())
			continue
		case c.ctx.Err() != nil, errors.Is(err, errPongTimeout):
			return
		}
		c.setCause(fmt.Errorf("events: ping failed: %w", err))
		c.ws.CloseNow()
		return
	}
}

// ping sends one ping and waits for its pong. When none arrives within the
// pong timeout of reading, it records ErrKeepAliveTimeout, closes the
// connection and returns errPongTimeout. Time during which the reader was
// paused does not count: the timeout starts again when reading resumes.
//
// The ping's context is never cancelled early: the websocket library closes
// the connection when a context used for a write is cancelled, which could
// kill a healthy connection if the cancellation raced with the write.
func (c *conn) ping() error {
	done := make(chan error, 1)
	go func() { done <- c.ws.Ping(c.ctx) }()
	for {
		_, _, pauses := c.live.state(c.cfg.pingInterval)
		t := c.cfg.clock.NewTimer(c.cfg.pongTimeout, timerPong)
		select {
		case err := <-done:
			t.Stop()
			return err
		case <-t.C():
		}
		if c.live.pausedSince(pauses) {
			if resume, _, _ := c.live.state(c.cfg.pingInterval); resume != nil {
				select {
				case <-resume:
				case err := <-done:
					return err
				}
			}
			continue
		}
		c.setCause(ErrKeepAliveTimeout)
		c.ws.CloseNow()
		<-done
		return errPongTimeout
	}
}

// teardown ends a connection that was lost and waits for its goroutines.
func (c *conn) teardown() {
	c.cancel()
	c.ws.CloseNow()
	c.wg.Wait()
}

// shutdown closes a connection the consumer no longer wants: a close frame
// with code 1000, at most closeWait for the server's answer, then the
// goroutines are stopped and waited for. It returns how many events were
// read but not delivered.
func (c *conn) shutdown() int {
	close(c.stop)
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		c.ws.Close(websocket.StatusNormalClosure, "")
	}()
	t := time.NewTimer(c.cfg.closeWait)
	select {
	case <-closed:
	case <-t.C:
		// No close frame in time: the library's Close would go on
		// waiting for one, so close the connection under it.
		c.raw.closeNow()
	}
	t.Stop()
	c.cancel() // aborts a pending read
	<-closed
	c.wg.Wait()
	n := c.discarded
	for range c.items {
		n++
	}
	return n
}
