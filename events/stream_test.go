package events

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/opentact-go/opentact/client"
)

func TestStreamAuthFrameAndFirstEvent(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, token, frame string }{
		{"plain JWT", "eyJhbGciOiJIUzI1NiJ9.e30.sig", `{"type":"auth","payload":"eyJhbGciOiJIUzI1NiJ9.e30.sig"}`},
		{"escaped", `a"b\c`, `{"type":"auth","payload":"a\"b\\c"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t)
			s := newTestStream(t, fs, StaticToken(tt.token))
			c := consume(t, s)
			sc := fs.next()
			if got := sc.read(); got != tt.frame {
				t.Fatalf("first frame = %s, want %s", got, tt.frame)
			}
			sc.send(authReply("conn-1"))
			ev := c.nextEvent(KindAuth)
			a := need(t, ev.Auth)
			eq(t, "ConnectionID", a.ConnectionID, "conn-1")
			eq(t, "Transport", ev.Transport, TransportStream)
			eq(t, "Received.IsZero", ev.Received.IsZero(), false)
			sc.send(event("e1"))
			eq(t, "ID", c.nextEvent(KindCallState).ID, "e1")
		})
	}
}

func TestStreamEarlyFramesFollowAuth(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t)
	s := newTestStream(t, fs, StaticToken("jwt"))
	c := consume(t, s)
	sc := fs.next()
	sc.read()
	sc.send(event("early-1"))
	sc.send(`{"type":`)
	sc.send(authReply("conn-1"))
	sc.send(event("late-1"))
	c.nextEvent(KindAuth)
	eq(t, "ID", c.nextEvent(KindCallState).ID, "early-1")
	r := c.next()
	errorsAs[*DecodeError](t, r.err)
	eq(t, "Kind", r.ev.Kind, KindInvalid)
	eq(t, "ID", c.nextEvent(KindCallState).ID, "late-1")
}

func TestStreamAuthRejectedTwice(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t)
	src := &recordingSource{}
	s := newTestStream(t, fs, src)
	c := consume(t, s)
	reject := `{"type":"auth","success":false,"message":"invalid token","payload":"denied"}`
	for i := range 2 {
		sc := fs.next()
		if got, want := sc.read(), string(authFrame(fmt.Sprintf("jwt-%d", i))); got != want {
			t.Fatalf("auth frame %d = %s, want %s", i, got, want)
		}
		sc.send(reject)
	}
	err := c.terminal()
	ae := errorsAs[*AuthError](t, err)
	eq(t, "Reason", ae.Reason, AuthRejected)
	eq(t, "Message", ae.Message, "invalid token")
	eq(t, "Raw", string(ae.Raw), reject)
	eq(t, "Error()", err.Error(), "events: authentication rejected: invalid token")
	src.mu.Lock()
	eq(t, "invalidated", strings.Join(src.invalidated, ","), "jwt-0,jwt-1")
	src.mu.Unlock()
	fs.noConn()
}

func TestStreamAuthRejectedThenAccepted(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t)
	src := &recordingSource{}
	s := newTestStream(t, fs, src, WithInitialAttempts(1))
	c := consume(t, s)
	sc := fs.next()
	eq(t, "first auth", sc.read(), string(authFrame("jwt-0")))
	sc.send(`{"uuid":"e","type":"auth","payload":{"uuid":"x"},"success":false}`)
	fs.next().accept("jwt-1", "conn-2")
	ev := c.nextEvent(KindAuth) // no gap: nothing was connected before
	eq(t, "ConnectionID", need(t, ev.Auth).ConnectionID, "conn-2")
	src.mu.Lock()
	eq(t, "invalidated", strings.Join(src.invalidated, ","), "jwt-0")
	src.mu.Unlock()
}

func TestStreamInitialAttemptsExhausted(t *testing.T) {
	t.Parallel()
	t.Run("closed before reply", func(t *testing.T) {
		t.Parallel()
		fs := newFakeServer(t)
		s := newTestStream(t, fs, StaticToken("jwt"))
		c := consume(t, s)
		for range 3 {
			sc := fs.next()
			sc.read()
			sc.Close(4001, "not today")
		}
		err := c.terminal()
		re := errorsAs[*ReconnectError](t, err)
		eq(t, "Attempts", re.Attempts, 3)
		ae := errorsAs[*AuthError](t, err)
		eq(t, "Reason", ae.Reason, AuthClosed)
		eq(t, "CloseCode", ae.CloseCode, 4001)
		eq(t, "CloseReason", ae.CloseReason, "not today")
		fs.noConn()
	})
	t.Run("dropped before reply", func(t *testing.T) {
		t.Parallel()
		fs := newFakeServer(t)
		s := newTestStream(t, fs, StaticToken("jwt"), WithInitialAttempts(2))
		c := consume(t, s)
		for range 2 {
			sc := fs.next()
			sc.read()
			sc.drop()
		}
		ae := errorsAs[*AuthError](t, c.terminal())
		eq(t, "Reason", ae.Reason, AuthClosed)
		eq(t, "CloseCode", ae.CloseCode, int(websocket.StatusAbnormalClosure))
	})
	t.Run("silent server", func(t *testing.T) {
		t.Parallel()
		fs := newFakeServer(t)
		clk := newFakeClock()
		s := newTestStream(t, fs, StaticToken("jwt"), WithAuthTimeout(5*time.Second),
			withTestHooks(func(c *streamConfig) { c.clock = clk }))
		c := consume(t, s)
		start := clk.Now()
		for i := range 3 {
			sc := fs.next()
			sc.read()
			tm := clk.wait(t, timerAuth)
			eq(t, "auth timer", tm.d, 5*time.Second)
			clk.Advance(5 * time.Second)
			if i < 2 {
				clk.Advance(clk.wait(t, timerBackoff).d)
			}
		}
		err := c.terminal()
		re := errorsAs[*ReconnectError](t, err)
		eq(t, "Attempts", re.Attempts, 3)
		eq(t, "Since", re.Since, start)
		eq(t, "Reason", errorsAs[*AuthError](t, err).Reason, AuthTimeout)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("errors.Is(%v, context.DeadlineExceeded) = false", err)
		}
	})
	t.Run("unreachable", func(t *testing.T) {
		t.Parallel()
		fs := newFakeServer(t)
		url := fs.URL
		fs.Close()
		s := newTestStream(t, fs, StaticToken("jwt"), WithURL(url), WithInitialAttempts(2))
		var hooked []error
		s.cfg.errorHook = func(err error) { hooked = append(hooked, err) }
		c := consume(t, s)
		re := errorsAs[*ReconnectError](t, c.terminal())
		eq(t, "Attempts", re.Attempts, 2)
		if !strings.Contains(re.Error(), "dialing") {
			t.Errorf("error %q does not mention dialing", re)
		}
		eq(t, "hook calls", len(hooked), 1)
	})
}

func TestStreamTokenErrors(t *testing.T) {
	t.Parallel()
	t.Run("unauthorized is terminal", func(t *testing.T) {
		t.Parallel()
		fs := newFakeServer(t)
		src := &recordingSource{err: fmt.Errorf("login: %w", client.ErrUnauthorized)}
		c := consume(t, newTestStream(t, fs, src))
		err := c.terminal()
		if !errors.Is(err, client.ErrUnauthorized) {
			t.Errorf("error %v does not match client.ErrUnauthorized", err)
		}
		fs.noConn()
	})
	t.Run("other errors are retried", func(t *testing.T) {
		t.Parallel()
		fs := newFakeServer(t)
		src := &recordingSource{err: errors.New("network down")}
		c := consume(t, newTestStream(t, fs, src))
		re := errorsAs[*ReconnectError](t, c.terminal())
		eq(t, "Attempts", re.Attempts, 3)
		eq(t, "Last", re.Last.Error(), "events: fetching token: network down")
	})
	t.Run("empty static token", func(t *testing.T) {
		t.Parallel()
		fs := newFakeServer(t)
		c := consume(t, newTestStream(t, fs, StaticToken(""), WithInitialAttempts(1)))
		re := errorsAs[*ReconnectError](t, c.terminal())
		eq(t, "Last", re.Last.Error(), "events: fetching token: events: static token is empty")
	})
}

func TestStreamReconnectReportsGap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		end   func(sc *serverConn)
		cause func(t *testing.T, err error)
	}{
		{"dropped", func(sc *serverConn) { sc.drop() }, func(t *testing.T, err error) {
			if err == nil {
				t.Error("Cause = nil")
			}
		}},
		{"closed by server", func(sc *serverConn) { sc.Close(websocket.StatusServiceRestart, "restart") }, func(t *testing.T, err error) {
			eq(t, "close code", websocket.CloseStatus(err), websocket.StatusServiceRestart)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFakeServer(t)
			src := &recordingSource{}
			s := newTestStream(t, fs, src)
			c := consume(t, s)
			sc := fs.next()
			sc.accept("jwt-0", "conn-1")
			c.nextEvent(KindAuth)
			sc.send(event("e1"))
			e1 := c.nextEvent(KindCallState)
			tt.end(sc)

			sc2 := fs.next()
			sc2.accept("jwt-0", "conn-2") // a fresh auth frame on the new connection
			gapEv := c.nextEvent(KindGap)
			g := need(t, gapEv.Gap)
			eq(t, "Envelope", gapEv.Envelope, EnvelopeNone)
			eq(t, "Type", gapEv.Type, "")
			eq(t, "Time", gapEv.Time, g.To)
			eq(t, "Received", gapEv.Received, g.To)
			eq(t, "Attempts", g.Attempts, 1)
			eq(t, "LastEventID", g.LastEventID, "e1")
			eq(t, "LastEventTime", g.LastEventTime, e1.Time)
			if g.From.IsZero() || g.To.Before(g.From) || g.Duration() < 0 {
				t.Errorf("gap window [%v, %v] is not ordered", g.From, g.To)
			}
			tt.cause(t, g.Cause)
			eq(t, "ConnectionID", need(t, c.nextEvent(KindAuth).Auth).ConnectionID, "conn-2")
			sc2.send(event("e2"))
			eq(t, "ID", c.nextEvent(KindCallState).ID, "e2")
		})
	}
}

func TestStreamGapCountsAttempts(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t)
	c := consume(t, newTestStream(t, fs, StaticToken("jwt"), WithInitialAttempts(1)))
	sc := fs.next()
	sc.accept("jwt", "conn-1")
	c.nextEvent(KindAuth)
	sc.drop()
	for range 3 { // more failures than the initial budget: it no longer applies
		sc := fs.next()
		sc.read()
		sc.drop()
	}
	fs.next().accept("jwt", "conn-2")
	eq(t, "Attempts", need(t, c.nextEvent(KindGap).Gap).Attempts, 4)
	c.nextEvent(KindAuth)
}

func TestStreamMaxAttempts(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t)
	c := consume(t, newTestStream(t, fs, StaticToken("jwt"), WithMaxAttempts(2)))
	sc := fs.next()
	sc.accept("jwt", "conn-1")
	c.nextEvent(KindAuth)
	sc.send(event("e1"))
	c.nextEvent(KindCallState)
	sc.drop()
	for range 2 {
		sc := fs.next()
		sc.read()
		sc.Close(websocket.StatusTryAgainLater, "busy")
	}
	err := c.terminal()
	re := errorsAs[*ReconnectError](t, err)
	eq(t, "Attempts", re.Attempts, 2)
	if re.Since.IsZero() {
		t.Error("Since is zero, want the last proof of life")
	}
	eq(t, "CloseCode", errorsAs[*AuthError](t, err).CloseCode, int(websocket.StatusTryAgainLater))
}

func TestStreamMalformedFrame(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t)
	c := consume(t, newTestStream(t, fs, StaticToken("jwt")))
	sc := fs.next()
	sc.accept("jwt", "conn-1")
	c.nextEvent(KindAuth)
	sc.send(`{"type":"call_state","payload":x}`)
	sc.send(`[1]`)
	sc.send(event("e1"))
	r := c.next()
	de := errorsAs[*DecodeError](t, r.err)
	eq(t, "Offset", de.Offset, 32)
	eq(t, "Kind", r.ev.Kind, KindInvalid)
	eq(t, "Envelope", r.ev.Envelope, EnvelopeNone)
	eq(t, "Raw", string(r.ev.Raw), `{"type":"call_state","payload":x}`)
	eq(t, "Transport", r.ev.Transport, TransportStream)
	eq(t, "Received.IsZero", r.ev.Received.IsZero(), false)
	r = c.next()
	eq(t, "Msg", errorsAs[*DecodeError](t, r.err).Msg, "event is not a JSON object")
	eq(t, "ID", c.nextEvent(KindCallState).ID, "e1")
}

func TestStreamOversizedFrame(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t)
	c := consume(t, newTestStream(t, fs, StaticToken("jwt"), WithMaxFrameBytes(512)))
	sc := fs.next()
	sc.accept("jwt", "conn-1")
	c.nextEvent(KindAuth)
	sc.send(`{"type":"x","message":"` + strings.Repeat("a", 600) + `"}`)
	eq(t, "close code seen by the server", websocket.CloseStatus(sc.closeErr()), websocket.StatusMessageTooBig)
	fs.next().accept("jwt", "conn-2")
	g := need(t, c.nextEvent(KindGap).Gap)
	if !errors.Is(g.Cause, websocket.ErrMessageTooBig) && websocket.CloseStatus(g.Cause) != websocket.StatusMessageTooBig {
		t.Errorf("Cause = %v, want a message-too-big error", g.Cause)
	}
	c.nextEvent(KindAuth)
}

func TestStreamBusy(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t)
	s := newTestStream(t, fs, StaticToken("jwt"))
	c := consume(t, s)
	fs.next().accept("jwt", "conn-1")
	c.nextEvent(KindAuth)
	var items []result
	for ev, err := range s.Events(context.Background()) {
		items = append(items, result{ev, err})
	}
	if len(items) != 1 || !errors.Is(items[0].err, ErrStreamBusy) {
		t.Fatalf("second iteration yielded %v, want only ErrStreamBusy", items)
	}
	fs.noConn()
	if err := s.Run(context.Background(), func(context.Context, Event) error { return nil }); !errors.Is(err, ErrStreamBusy) {
		t.Errorf("Run = %v, want ErrStreamBusy", err)
	}
}

func TestStreamIteratedAgainStartsWithGap(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t)
	s := newTestStream(t, fs, StaticToken("jwt"))
	go func() {
		fs.next().accept("jwt", "conn-1")
		fs.next().accept("jwt", "conn-2")
	}()
	var first Event
	for ev, err := range s.Events(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		first = ev
		break
	}
	eq(t, "first iteration", first.Kind, KindAuth)
	var kinds []Kind
	var g *Gap
	for ev, err := range s.Events(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, ev.Kind)
		if ev.Kind == KindGap {
			g, _ = ev.Gap()
			continue
		}
		break
	}
	eq(t, "kinds", fmt.Sprint(kinds), "[gap auth]")
	if g == nil {
		t.Fatal("no gap")
	}
	if !errors.Is(g.Cause, ErrIterationEnded) {
		t.Errorf("Cause = %v, want ErrIterationEnded", g.Cause)
	}
	eq(t, "LastEventID", g.LastEventID, first.ID)
}

func TestStreamRun(t *testing.T) {
	t.Parallel()
	t.Run("handler error stops", func(t *testing.T) {
		t.Parallel()
		fs := newFakeServer(t)
		var hooked []error
		s := newTestStream(t, fs, StaticToken("jwt"), WithErrorHook(func(err error) { hooked = append(hooked, err) }))
		go func() {
			sc := fs.next()
			sc.accept("jwt", "conn-1")
			sc.trySend(`nope`)
			sc.trySend(event("e1"))
		}()
		stop := errors.New("stop here")
		var seen []string
		err := s.Run(context.Background(), func(_ context.Context, ev Event) error {
			seen = append(seen, string(ev.Kind)+":"+ev.ID)
			if ev.Kind == KindCallState {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) {
			t.Fatalf("Run = %v, want the handler's error", err)
		}
		eq(t, "seen", strings.Join(seen, ","), "auth:auth-conn-1,call_state:e1")
		if len(hooked) != 1 || errorsAs[*DecodeError](t, hooked[0]).Offset != 2 {
			t.Errorf("hook got %v, want one *DecodeError", hooked)
		}
	})
	t.Run("cancel returns nil", func(t *testing.T) {
		t.Parallel()
		fs := newFakeServer(t)
		s := newTestStream(t, fs, StaticToken("jwt"))
		go func() { fs.next().accept("jwt", "conn-1") }()
		ctx, cancel := context.WithCancel(context.Background())
		err := s.Run(ctx, func(context.Context, Event) error {
			cancel()
			return nil
		})
		if err != nil {
			t.Fatalf("Run = %v, want nil", err)
		}
	})
	t.Run("terminal error", func(t *testing.T) {
		t.Parallel()
		fs := newFakeServer(t)
		s := newTestStream(t, fs, &recordingSource{err: client.ErrUnauthorized})
		err := s.Run(context.Background(), func(context.Context, Event) error { return nil })
		if !errors.Is(err, client.ErrUnauthorized) {
			t.Fatalf("Run = %v", err)
		}
	})
}

func TestNewStreamOptions(t *testing.T) {
	t.Parallel()
	bad := []struct {
		name string
		opt  StreamOption
	}{
		{"http URL", WithURL("https://api.opentact.org")},
		{"no host", WithURL("ws:///path")},
		{"unparsable URL", WithURL("ws://[::1")},
		{"nil HTTP client", WithHTTPClient(nil)},
		{"HTTP client timeout", WithHTTPClient(&httpClientWithTimeout)},
		{"zero dial timeout", WithDialTimeout(0)},
		{"negative auth timeout", WithAuthTimeout(-time.Second)},
		{"zero ping interval", WithPingInterval(0)},
		{"zero pong timeout", WithPongTimeout(0)},
		{"zero backoff", WithBackoff(0, time.Second)},
		{"max below initial", WithBackoff(2*time.Second, time.Second)},
		{"zero initial attempts", WithInitialAttempts(0)},
		{"negative max attempts", WithMaxAttempts(-1)},
		{"zero buffer", WithBuffer(0)},
		{"zero frame size", WithMaxFrameBytes(0)},
		{"nil logger", WithLogger(nil)},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, err := NewStream(StaticToken("jwt"), tt.opt)
			if err == nil || s != nil {
				t.Fatalf("NewStream = %v, %v; want an error", s, err)
			}
			if !strings.HasPrefix(err.Error(), "events: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
	if _, err := NewStream(nil); err == nil {
		t.Error("NewStream(nil) succeeded")
	}
	s, err := NewStream(StaticToken("jwt"), WithStaging(), nil, WithErrorHook(nil))
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "staging URL", s.cfg.url, StagingURL)
	s, _ = NewStream(StaticToken("jwt"))
	eq(t, "default URL", s.cfg.url, ProductionURL)
	eq(t, "default buffer", s.cfg.buffer, 256)
	s, err = NewStream(StaticToken("jwt"), WithURL("ws://127.0.0.1:1/x"), WithDialTimeout(time.Second),
		WithAuthTimeout(time.Second), WithPingInterval(time.Second), WithPongTimeout(time.Second),
		WithBackoff(time.Second, time.Second), WithInitialAttempts(1), WithMaxAttempts(0), WithBuffer(1),
		WithMaxFrameBytes(1), WithLogger(discardLogger()), WithHTTPClient(&httpClientPlain))
	if err != nil || s.cfg.url != "ws://127.0.0.1:1/x" {
		t.Fatalf("NewStream with valid options = %v", err)
	}
}

func TestBackoffDelay(t *testing.T) {
	t.Parallel()
	lowest := func(k int64) int64 { return 0 }
	highest := func(k int64) int64 { return k - 1 }
	tests := []struct {
		n        int
		min, max time.Duration
	}{
		{1, 500 * time.Millisecond, time.Second},
		{2, time.Second, 2 * time.Second},
		{3, 2 * time.Second, 4 * time.Second},
		{7, 30 * time.Second, 60 * time.Second},
		{100, 30 * time.Second, 60 * time.Second},
	}
	for _, tt := range tests {
		eq(t, fmt.Sprintf("lowest delay %d", tt.n), backoffDelay(time.Second, time.Minute, tt.n, lowest), tt.min)
		eq(t, fmt.Sprintf("highest delay %d", tt.n), backoffDelay(time.Second, time.Minute, tt.n, highest), tt.max-1)
	}
	eq(t, "1ns", backoffDelay(time.Nanosecond, time.Nanosecond, 1, lowest), 0)
}

func TestStreamBoundsFramesBeforeAuthReply(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t)
	c := consume(t, newTestStream(t, fs, StaticToken("jwt"), WithBuffer(2), WithInitialAttempts(1)))
	sc := fs.next()
	sc.read()
	for i := range 3 {
		sc.send(event(fmt.Sprint("early-", i)))
	}
	for i := range 3 { // delivered, not dropped, before the failure is handled
		eq(t, "ID", c.nextEvent(KindCallState).ID, fmt.Sprint("early-", i))
	}
	re := errorsAs[*ReconnectError](t, c.terminal())
	eq(t, "Last", re.Last.Error(), "events: 3 frames arrived before the authentication reply")
}
