package eventstest_test

import (
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/opentact-go/opentact/events"
	"github.com/opentact-go/opentact/events/eventstest"
)

// waitLimit bounds every wait so that a bug fails a test instead of
// hanging it; nothing is timed with it.
const waitLimit = 20 * time.Second

// item is one value yielded by a stream.
type item struct {
	ev  events.Event
	err error
}

// consume ranges over a new stream of srv on its own goroutine and returns
// the channel of what it yields.
func consume(t *testing.T, tokens events.TokenSource, url string, opts ...events.StreamOption) <-chan item {
	t.Helper()
	base := []events.StreamOption{events.WithURL(url), events.WithLogger(slog.New(slog.DiscardHandler)),
		events.WithBackoff(time.Millisecond, 2*time.Millisecond)}
	s, err := events.NewStream(tokens, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	items := make(chan item)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(items)
		for ev, err := range s.Events(ctx) {
			select {
			case items <- item{ev, err}:
			case <-ctx.Done():
				return
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return items
}

// next returns the next item of a stream.
func next(t *testing.T, items <-chan item) item {
	t.Helper()
	select {
	case it, ok := <-items:
		if !ok {
			t.Fatal("the stream ended")
		}
		return it
	case <-time.After(waitLimit):
		t.Fatal("no item from the stream")
		return item{}
	}
}

// nextEvent returns the next item, which must be an event of kind k.
func nextEvent(t *testing.T, items <-chan item, k events.Kind) events.Event {
	t.Helper()
	it := next(t, items)
	if it.err != nil || it.ev.Kind != k {
		t.Fatalf("got %s event %s (error %v), want a %s event", it.ev.Kind, it.ev.Raw, it.err, k)
	}
	return it.ev
}

// nextConn waits for the server's next live connection.
func nextConn(t *testing.T, srv *eventstest.Server) *eventstest.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	c, err := srv.NextConn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func send(t *testing.T, c *eventstest.Conn, frame string) {
	t.Helper()
	if err := c.Send(frame); err != nil {
		t.Fatal(err)
	}
}

// TestStallIsAGap stalls a live connection: the stream's keep-alive
// declares it lost, the stream reconnects, and the consumer sees the
// events before the stall, a gap caused by the keep-alive timeout, the new
// connection's auth event and the events after it, in this order. The
// test waits for each step; it never sleeps.
func TestStallIsAGap(t *testing.T) {
	t.Parallel()
	srv := eventstest.NewServer()
	t.Cleanup(srv.Close)
	items := consume(t, events.StaticToken(srv.Token()), srv.URL(),
		events.WithPingInterval(5*time.Millisecond), events.WithPongTimeout(5*time.Millisecond))

	c1 := nextConn(t, srv)
	if a, _ := nextEvent(t, items, events.KindAuth).Auth(); a.ConnectionID != c1.ID() {
		t.Errorf("ConnectionID = %q, want %q", a.ConnectionID, c1.ID())
	}
	send(t, c1, eventstest.CallStateEvent("e1", "call-1", "live"))
	first := nextEvent(t, items, events.KindCallState)
	c1.Stall()
	if err := c1.Send("{}"); !errors.Is(err, eventstest.ErrStalled) {
		t.Errorf("Send on a stalled connection: %v", err)
	}
	if n := srv.Send(eventstest.CallStateEvent("lost", "call-1", "hangup")); n != 0 {
		t.Errorf("Server.Send wrote to %d connections, want none (the only one is stalled)", n)
	}

	c2 := nextConn(t, srv)
	gapEv := nextEvent(t, items, events.KindGap)
	g, _ := gapEv.Gap()
	if !errors.Is(g.Cause, events.ErrKeepAliveTimeout) {
		t.Errorf("gap cause = %v, want the keep-alive timeout", g.Cause)
	}
	if g.LastEventID != "e1" || g.Attempts < 1 || g.From.Before(first.Received) {
		t.Errorf("gap = %+v, want it to start at or after the last event e1", g)
	}
	if a, _ := nextEvent(t, items, events.KindAuth).Auth(); a.ConnectionID != c2.ID() || c2.ID() == c1.ID() {
		t.Errorf("second ConnectionID = %q, want %q", a.ConnectionID, c2.ID())
	}
	if n := srv.Send(eventstest.CallStateEvent("e2", "call-1", "hangup")); n != 1 {
		t.Errorf("Server.Send wrote to %d connections, want 1", n)
	}
	if ev := nextEvent(t, items, events.KindCallState); ev.ID != "e2" {
		t.Errorf("event after the gap %q, want e2", ev.ID)
	}
	select {
	case <-c1.Done(): // the stream closed the stalled connection
	case <-time.After(waitLimit):
		t.Fatal("the stalled connection was not closed")
	}
}

// TestDropAndCloseAreGaps ends connections from the server side.
func TestDropAndCloseAreGaps(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		end  func(*eventstest.Conn)
		want func(error) bool
	}{
		{"drop", (*eventstest.Conn).Drop, func(err error) bool { return err != nil }},
		{"close frame", func(c *eventstest.Conn) { c.Close(websocket.StatusServiceRestart, "restart") },
			func(err error) bool { return websocket.CloseStatus(err) == websocket.StatusServiceRestart }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := eventstest.NewServer()
			t.Cleanup(srv.Close)
			items := consume(t, events.StaticToken(srv.Token()), srv.URL())
			c1 := nextConn(t, srv)
			nextEvent(t, items, events.KindAuth)
			tc.end(c1)
			nextConn(t, srv)
			g, _ := nextEvent(t, items, events.KindGap).Gap()
			if !tc.want(g.Cause) {
				t.Errorf("gap cause = %v", g.Cause)
			}
			nextEvent(t, items, events.KindAuth)
			if got := srv.Accepted(); got != 2 {
				t.Errorf("Accepted = %d, want 2", got)
			}
		})
	}
}

// TestWrongTokenIsRejected checks the automatic handshake: a token the
// server does not know is rejected, the stream retries once with a fresh
// token and then ends with an *events.AuthError.
func TestWrongTokenIsRejected(t *testing.T) {
	t.Parallel()
	srv := eventstest.NewServer(eventstest.WithTokens("right"))
	t.Cleanup(srv.Close)
	items := consume(t, events.StaticToken("wrong"), srv.URL())
	it := next(t, items)
	var ae *events.AuthError
	if !errors.As(it.err, &ae) || ae.Reason != events.AuthRejected || ae.Message != "invalid token" {
		t.Fatalf("got %v, want a rejection", it.err)
	}
	if got := srv.Accepted(); got != 2 {
		t.Errorf("Accepted = %d, want 2 (one retry)", got)
	}
	if live := srv.Live(); len(live) != 0 {
		t.Errorf("%d live connections", len(live))
	}
}

// TestManualAuth reads the auth frame byte for byte.
func TestManualAuth(t *testing.T) {
	t.Parallel()
	srv := eventstest.NewServer(eventstest.WithManualAuth())
	t.Cleanup(srv.Close)
	items := consume(t, events.StaticToken("jwt-1"), srv.URL())
	c := nextConn(t, srv)
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	frame, err := c.Read(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(frame), `{"type":"auth","payload":"jwt-1"}`; got != want {
		t.Errorf("auth frame %s, want %s", got, want)
	}
	if len(srv.Live()) != 0 {
		t.Error("live before the auth reply")
	}
	if err := c.AcceptAuth("conn-x"); err != nil {
		t.Fatal(err)
	}
	if a, _ := nextEvent(t, items, events.KindAuth).Auth(); a.ConnectionID != "conn-x" {
		t.Errorf("ConnectionID = %q", a.ConnectionID)
	}
	if live := srv.Live(); len(live) != 1 || live[0] != c {
		t.Errorf("Live = %v", live)
	}
}

// TestSubscriptions delivers only subscribed types through Server.Send.
func TestSubscriptions(t *testing.T) {
	t.Parallel()
	types := []string{"sms"}
	srv := eventstest.NewServer(eventstest.WithSubscriptions(func() []string { return types }))
	t.Cleanup(srv.Close)
	items := consume(t, events.StaticToken(srv.Token()), srv.URL())
	nextConn(t, srv)
	nextEvent(t, items, events.KindAuth)
	if n := srv.Send(eventstest.CallStateEvent("e1", "call-1", "init")); n != 0 {
		t.Errorf("unsubscribed call_state written to %d connections", n)
	}
	if n := srv.Send(eventstest.SMSEvent("sms-1", "smsi", "15550100001", "15550100002", "Hi", "success", true)); n != 1 {
		t.Errorf("subscribed sms written to %d connections", n)
	}
	ev := nextEvent(t, items, events.KindSMS)
	if s, _ := ev.SMS(); s.Text != "Hi" || s.Direction() != "in" || ev.RefID != "sms-1" {
		t.Errorf("sms = %+v", s)
	}
}

// TestPings checks that pings are counted and answered: the connection
// stays.
func TestPings(t *testing.T) {
	t.Parallel()
	srv := eventstest.NewServer()
	t.Cleanup(srv.Close)
	items := consume(t, events.StaticToken(srv.Token()), srv.URL(),
		events.WithPingInterval(time.Millisecond), events.WithPongTimeout(waitLimit))
	nextConn(t, srv)
	nextEvent(t, items, events.KindAuth)
	for range 3 { // answered: the connection stays
		select {
		case <-srv.Pings():
		case <-time.After(waitLimit):
			t.Fatal("no ping")
		}
	}
	if n := srv.Accepted(); n != 1 {
		t.Errorf("Accepted = %d with pings answered", n)
	}
}

// TestFrames checks that every frame builder decodes to the event it
// describes, with nothing skipped, and that BalanceEvent is the documented
// example.
func TestFrames(t *testing.T) {
	t.Parallel()
	const documented = `{"timestamp":"2030-01-02T05:00:00.000Z","message":"New balance is 873.0604","type":"balance","source_action":"voice_charge_in","payload":873.0604}`
	if got := eventstest.BalanceEvent(873.0604, "voice_charge_in"); got != documented {
		t.Errorf("BalanceEvent =\n%s\nwant\n%s", got, documented)
	}
	for _, tc := range []struct {
		frame string
		kind  events.Kind
		check func(events.Event) bool
	}{
		{eventstest.AuthReply("c-1"), events.KindAuth, func(ev events.Event) bool { a, _ := ev.Auth(); return a.ConnectionID == "c-1" && ev.ID == "auth-c-1" }},
		{eventstest.CallStateEvent("e", "call-\"1", "hangup"), events.KindCallState, func(ev events.Event) bool {
			s, _ := ev.CallState()
			return s.State == events.CallStatusHangup && s.Ended() && ev.RefID == `call-"1` && s.Call.From == "+15550100001"
		}},
		{eventstest.SMSEvent("s", "smso", "15550100002", "15550100001", "a\nb", "success", false), events.KindSMS, func(ev events.Event) bool {
			s, _ := ev.SMS()
			return s.Text == "a\nb" && s.Accepted() && !s.Delivered && s.Direction() == "out"
		}},
		{eventstest.BalanceEvent(12.5, "call_asr"), events.KindBalance, func(ev events.Event) bool {
			b, _ := ev.Balance()
			return *b.Balance == 12.5 && b.SourceAction == "call_asr"
		}},
	} {
		ev, err := events.Decode([]byte(tc.frame))
		if err != nil || ev.Kind != tc.kind || len(ev.Skipped) > 0 || !tc.check(ev) {
			t.Errorf("%s: kind %s, skipped %v, err %v", tc.frame, ev.Kind, ev.Skipped, err)
		}
	}
	ev, _ := events.Decode([]byte(eventstest.AuthRejected("no")))
	if a, ok := ev.Auth(); ok && a.ConnectionID != "" {
		t.Errorf("AuthRejected decodes to an accepted reply: %+v", a)
	}
}
