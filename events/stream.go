package events

import (
	"context"
	"errors"
	"iter"
	"sync/atomic"
	"time"
)

// Stream is a client of Opentact's event websocket. It connects,
// authenticates with a JWT from its TokenSource, keeps the connection alive
// with pings, reconnects with backoff when the connection is lost, and reports
// every period without a connection as a gap marker (Kind == KindGap), since
// Opentact does not keep events for disconnected clients.
//
// A Stream runs at most one iteration at a time; it may be iterated again
// after an iteration ended. It is safe to share between goroutines on those
// terms.
type Stream struct {
	tokens TokenSource
	cfg    streamConfig
	busy   atomic.Bool

	// Owned by the running iteration (guarded by busy).
	ended    time.Time // end of the previous iteration; zero before the first ended
	lastID   string    // ID of the last delivered event
	lastTime time.Time // Time of the last delivered event
}

// NewStream returns a Stream that authenticates with tokens. It does not
// connect; Events and Run do.
func NewStream(tokens TokenSource, opts ...StreamOption) (*Stream, error) {
	if tokens == nil {
		return nil, errors.New("events: NewStream: nil TokenSource")
	}
	s := &Stream{tokens: tokens, cfg: defaultStreamConfig()}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&s.cfg); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Events connects, authenticates and yields events until ctx is cancelled,
// the consumer stops ranging, or a terminal error occurs.
//
// Every item is an event with a nil error, except:
//   - a frame that is not a JSON object is yielded as an event of
//     KindInvalid with a *DecodeError; the sequence goes on;
//   - a terminal error (*AuthError after a second consecutive rejection,
//     *ReconnectError, a token error matching client.ErrUnauthorized,
//     ErrStreamBusy) is yielded with a zero Event as the last item.
//
// Cancelling ctx is not an error: the sequence just ends. When it ends, the
// stream closes the socket and waits for its goroutines before the iterator
// returns; events read but not yet delivered are discarded.
//
// When the buffer is full the stream stops reading from the socket, so a
// consumer slower than the event rate pushes back on the server rather than
// losing events; a disconnection that may follow appears as a gap.
func (s *Stream) Events(ctx context.Context) iter.Seq2[Event, error] {
	return func(yield func(Event, error) bool) {
		if !s.busy.CompareAndSwap(false, true) {
			yield(Event{}, ErrStreamBusy)
			return
		}
		it := &iteration{s: s, ctx: ctx, yield: yield, start: s.cfg.clock.Now()}
		defer func() {
			it.close()
			s.ended = s.cfg.clock.Now()
			s.busy.Store(false)
		}()
		it.run()
	}
}

// Run calls h for each event, in order, on the calling goroutine. It returns
// nil when ctx is cancelled, h's error if h returns one (the stream then shuts
// down), or the stream's terminal error. The *DecodeError of a malformed frame
// goes to the WithErrorHook function and does not stop Run.
func (s *Stream) Run(ctx context.Context, h func(context.Context, Event) error) error {
	for ev, err := range s.Events(ctx) {
		if err != nil {
			var de *DecodeError
			if errors.As(err, &de) {
				if s.cfg.errorHook != nil {
					s.cfg.errorHook(err)
				}
				continue
			}
			return err
		}
		if err := h(ctx, ev); err != nil {
			return err
		}
	}
	return nil
}

// iteration is one run of Events.
type iteration struct {
	s     *Stream
	ctx   context.Context
	yield func(Event, error) bool
	start time.Time

	current  *conn // the open connection, if any
	stopped  bool  // the consumer stopped ranging
	retryN   int   // retries since the backoff was last reset
	everAuth bool  // a connection of this iteration authenticated

	// Since the last authenticated connection:
	gap      *Gap      // the gap to report before the next connection's events; nil for none
	since    time.Time // start of the window without a connection
	attempts int       // attempts made, including the one in progress
	rejected bool      // the last attempt was rejected by the server
	wait     bool      // back off before the next attempt
}

// run is the connection state machine of §4.3 of the spec.
func (it *iteration) run() {
	s := it.s
	it.since = it.start
	if !s.ended.IsZero() {
		it.gap = &Gap{From: s.ended, Cause: ErrIterationEnded}
	}
	for {
		if it.wait && !it.sleep() {
			return
		}
		it.attempts++
		res, err := s.attempt(it.ctx)
		if err != nil {
			if !it.failed(res, err) {
				return
			}
			continue
		}
		if !it.open(res) || !it.consume(res.conn) {
			return
		}
		it.lost(res.conn)
	}
}

// failed handles a failed attempt: it delivers the frames that came before
// the failure, then decides on a retry. It reports whether to go on.
func (it *iteration) failed(res attemptResult, err error) bool {
	for _, early := range res.early {
		if !it.deliver(early) {
			return false
		}
	}
	if it.ctx.Err() != nil {
		return false
	}
	s := it.s
	var ae *AuthError
	rejection := errors.As(err, &ae) && ae.Reason == AuthRejected
	if rejection {
		if inv, ok := s.tokens.(tokenInvalidator); ok {
			inv.InvalidateToken(res.token)
		}
	}
	switch {
	case errors.Is(err, errUnauthorized), rejection && it.rejected:
		it.fail(err)
		return false
	case rejection:
		// One immediate retry with a fresh token.
		it.rejected, it.wait = true, false
		it.report(err)
		return true
	}
	it.rejected, it.wait = false, true
	if !it.everAuth && it.attempts >= s.cfg.initialAttempts ||
		it.everAuth && s.cfg.maxAttempts > 0 && it.attempts >= s.cfg.maxAttempts {
		it.fail(&ReconnectError{Attempts: it.attempts, Since: it.since, Last: err})
		return false
	}
	it.report(err)
	return true
}

// open starts an authenticated connection and delivers its first items: the
// pending gap, the auth reply, then the frames that came before it. It
// reports whether the consumer wants more.
func (it *iteration) open(res attemptResult) bool {
	s, c := it.s, res.conn
	it.current = c
	it.everAuth, it.rejected = true, false
	c.start()
	connID := ""
	if a, ok := res.auth.ev.Auth(); ok {
		connID = a.ConnectionID
	}
	s.cfg.logger.Info("events: connected", "url", s.cfg.url, "connection", connID, "attempts", it.attempts)
	if g := it.gap; g != nil {
		g.To, g.Attempts = c.authAt, it.attempts
		g.LastEventID, g.LastEventTime = s.lastID, s.lastTime
		ev := Event{Kind: KindGap, Envelope: EnvelopeNone, Time: g.To, Received: g.To,
			Transport: TransportStream, detail: g}
		if !it.deliver(item{ev: ev}) {
			return false
		}
	}
	it.gap, it.attempts = nil, 0
	if !it.deliver(res.auth) {
		return false
	}
	for _, early := range res.early {
		if !it.deliver(early) {
			return false
		}
	}
	return true
}

// lost tears down a lost connection and prepares the reconnection.
func (it *iteration) lost(c *conn) {
	s := it.s
	it.current = nil
	c.teardown()
	cause := c.lostCause()
	if s.cfg.clock.Now().Sub(c.authAt) >= s.cfg.healthyAfter {
		it.retryN = 0
	}
	it.gap = &Gap{From: c.live.last(), Cause: cause}
	it.since, it.wait = it.gap.From, true
	s.cfg.logger.Info("events: connection lost", "cause", cause)
	if s.cfg.onConnLost != nil {
		s.cfg.onConnLost(cause)
	}
}

// consume delivers the connection's events until it is lost (true) or the
// consumer stops (false).
func (it *iteration) consume(c *conn) bool {
	for {
		select {
		case x, ok := <-c.items:
			if !ok {
				return true
			}
			if !it.deliver(x) {
				return false
			}
		case <-it.ctx.Done():
			return false
		}
	}
}

// deliver yields one item and reports whether the consumer wants more.
func (it *iteration) deliver(x item) bool {
	if it.stopped || it.ctx.Err() != nil {
		return false
	}
	if x.err == nil && x.ev.Kind != KindGap {
		it.s.lastID, it.s.lastTime = x.ev.ID, x.ev.Time
	}
	if !it.yield(x.ev, x.err) {
		it.stopped = true
		return false
	}
	return true
}

// fail yields a terminal error.
func (it *iteration) fail(err error) {
	if !it.stopped && it.ctx.Err() == nil {
		it.yield(Event{}, err)
	}
}

// report logs a failed attempt that will be retried and passes it to the
// error hook.
func (it *iteration) report(err error) {
	cfg := &it.s.cfg
	cfg.logger.Warn("events: connection attempt failed", "attempt", it.attempts, "err", err)
	if cfg.errorHook != nil {
		cfg.errorHook(err)
	}
}

// sleep waits for the next backoff delay; false when ctx ended first.
func (it *iteration) sleep() bool {
	it.retryN++
	cfg := &it.s.cfg
	d := backoffDelay(cfg.backoffInitial, cfg.backoffMax, it.retryN, cfg.randN)
	t := cfg.clock.NewTimer(d, timerBackoff)
	defer t.Stop()
	select {
	case <-t.C():
		return true
	case <-it.ctx.Done():
		return false
	}
}

// close shuts the open connection, if any.
func (it *iteration) close() {
	c := it.current
	if c == nil {
		return
	}
	it.current = nil
	if n := c.shutdown(); n > 0 {
		it.s.cfg.logger.Info("events: discarded undelivered events at shutdown", "count", n)
	}
}
