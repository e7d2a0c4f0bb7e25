package events

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// hooks installs a fake clock and channels that report connection losses
// and reader pauses.
type hooks struct {
	clk    *fakeClock
	lost   chan error
	paused chan bool
}

func newHooks() *hooks {
	return &hooks{clk: newFakeClock(), lost: make(chan error, 64), paused: make(chan bool, 1<<14)}
}

func (h *hooks) option() StreamOption {
	return withTestHooks(func(c *streamConfig) {
		c.clock = h.clk
		c.onConnLost = func(err error) { h.lost <- err }
		c.onPause = func(p bool) { h.paused <- p }
	})
}

// noLoss fails when a connection loss was reported.
func (h *hooks) noLoss(t *testing.T) {
	t.Helper()
	select {
	case err := <-h.lost:
		t.Fatalf("connection lost early: %v", err)
	default:
	}
}

func TestStreamKeepAliveDetectsDeadConnection(t *testing.T) {
	t.Parallel()
	const interval, pong = 30 * time.Second, 10 * time.Second
	fs := newFakeServer(t)
	fs.AnswerPings(false)
	h := newHooks()
	s := newTestStream(t, fs, StaticToken("jwt"), WithPingInterval(interval), WithPongTimeout(pong),
		WithBackoff(time.Second, time.Second), h.option())
	c := consume(t, s)
	sc := fs.next()
	sc.accept("jwt", "conn-1")
	c.nextEvent(KindAuth)
	eq(t, "first ping timer", h.clk.wait(t, timerPing).d, interval)

	// A frame is proof of life: the ping is postponed.
	h.clk.Advance(20 * time.Second)
	sc.send(event("e1"))
	c.nextEvent(KindCallState)
	lastFrame := h.clk.Now()
	h.clk.Advance(10 * time.Second)
	pingTimer := h.clk.wait(t, timerPing)
	eq(t, "postponed ping timer", pingTimer.d, 20*time.Second)
	h.clk.Advance(20*time.Second - time.Millisecond)
	if fired, _ := pingTimer.state(); fired {
		t.Fatal("ping timer fired before the interval passed")
	}
	h.clk.Advance(time.Millisecond)
	select {
	case <-fs.pings:
	case <-time.After(waitLimit):
		t.Fatal("no ping reached the server")
	}
	pongTimer := h.clk.wait(t, timerPong)
	eq(t, "pong timer", pongTimer.d, pong)
	h.clk.Advance(pong - time.Millisecond)
	if fired, _ := pongTimer.state(); fired {
		t.Fatal("pong timer fired early")
	}
	h.noLoss(t)
	h.clk.Advance(time.Millisecond)
	select {
	case err := <-h.lost:
		if !errors.Is(err, ErrKeepAliveTimeout) {
			t.Fatalf("loss cause = %v, want ErrKeepAliveTimeout", err)
		}
	case <-time.After(waitLimit):
		t.Fatal("dead connection not detected")
	}
	eq(t, "detected after", h.clk.Now().Sub(lastFrame), interval+pong)

	h.clk.Advance(h.clk.wait(t, timerBackoff).d)
	fs.next().accept("jwt", "conn-2")
	g := need(t, c.nextEvent(KindGap).Gap)
	eq(t, "From", g.From, lastFrame)
	eq(t, "To", g.To, h.clk.Now())
	if !errors.Is(g.Cause, ErrKeepAliveTimeout) {
		t.Errorf("Cause = %v", g.Cause)
	}
	c.nextEvent(KindAuth)
}

func TestStreamAnsweredPingsKeepConnection(t *testing.T) {
	t.Parallel()
	fs := newFakeServer(t)
	h := newHooks()
	s := newTestStream(t, fs, StaticToken("jwt"), WithPingInterval(time.Minute), h.option())
	c := consume(t, s)
	sc := fs.next()
	sc.accept("jwt", "conn-1")
	c.nextEvent(KindAuth)
	for i := range 3 {
		// Every ping timer runs a full interval: the answered ping before it
		// was proof of life at the current time.
		tm := h.clk.wait(t, timerPing)
		eq(t, fmt.Sprintf("ping timer %d", i), tm.d, time.Minute)
		h.clk.Advance(tm.d)
		select {
		case <-fs.pings:
		case <-time.After(waitLimit):
			t.Fatal("no ping reached the server")
		}
		h.clk.wait(t, timerPong)
	}
	eq(t, "ping timer after pongs", h.clk.wait(t, timerPing).d, time.Minute)
	h.noLoss(t)
	sc.send(event("still-here"))
	eq(t, "ID", c.nextEvent(KindCallState).ID, "still-here")
}

func TestStreamBackoffWindowsAndReset(t *testing.T) {
	t.Parallel()
	const initial, max = 100 * time.Millisecond, 100 * time.Second
	fs := newFakeServer(t)
	h := newHooks()
	rng := rand.New(rand.NewPCG(1, 2))
	s := newTestStream(t, fs, StaticToken("jwt"), WithBackoff(initial, max), WithPingInterval(time.Hour),
		h.option(), withTestHooks(func(c *streamConfig) { c.randN = rng.Int64N }))
	c := consume(t, s)
	sc := fs.next()
	sc.accept("jwt", "conn-1")
	c.nextEvent(KindAuth)
	sc.drop()

	window := func(n int) (time.Duration, time.Duration) {
		d := initial << (n - 1)
		return d / 2, d
	}
	checkDelay := func(n int) {
		t.Helper()
		b := h.clk.wait(t, timerBackoff)
		lo, hi := window(n)
		if b.d < lo || b.d >= hi {
			t.Fatalf("delay before retry %d = %v, want in [%v, %v)", n, b.d, lo, hi)
		}
		h.clk.Advance(b.d)
	}
	for n := 1; n <= 5; n++ {
		checkDelay(n)
		sc := fs.next()
		sc.read()
		sc.drop()
	}
	checkDelay(6)
	sc = fs.next()
	sc.accept("jwt", "conn-2")
	eq(t, "Attempts", need(t, c.nextEvent(KindGap).Gap).Attempts, 6)
	c.nextEvent(KindAuth)

	// A connection that dies at once does not reset the backoff.
	sc.drop()
	checkDelay(7)
	sc = fs.next()
	sc.accept("jwt", "conn-3")
	c.nextEvent(KindGap)
	c.nextEvent(KindAuth)

	// One that stayed up for 30 s does.
	h.clk.Advance(30 * time.Second)
	sc.drop()
	checkDelay(1)
	fs.next().accept("jwt", "conn-4")
	c.nextEvent(KindGap)
	c.nextEvent(KindAuth)
}

func TestStreamBackPressureSuspendsKeepAlive(t *testing.T) {
	t.Parallel()
	const interval, pong = 30 * time.Second, 10 * time.Second
	fs := newFakeServer(t)
	h := newHooks()
	s := newTestStream(t, fs, StaticToken("jwt"), WithBuffer(1), WithPingInterval(interval),
		WithPongTimeout(pong), h.option())
	c := consume(t, s)
	sc := fs.next()
	sc.accept("jwt", "conn-1")
	c.nextEvent(KindAuth)
	eq(t, "ping timer", h.clk.wait(t, timerPing).d, interval)

	const n = 6
	for i := range n {
		sc.send(event(fmt.Sprint("e", i)))
	}
	if p := <-h.paused; !p {
		t.Fatal("first pause report is a resume")
	}
	// The consumer is stuck far beyond the keep-alive bound.
	h.clk.Advance(3 * (interval + pong))
	for i := range n {
		eq(t, "ID", c.nextEvent(KindCallState).ID, fmt.Sprint("e", i))
	}
	// Reading resumed: the keep-alive timer restarts from now.
	eq(t, "restarted ping timer", h.clk.wait(t, timerPing).d, interval)
	select {
	case <-fs.pings:
		t.Fatal("a ping was sent while the reader was paused")
	default:
	}
	select {
	case <-h.clk.created[timerPong]:
		t.Fatal("a pong was awaited while the reader was paused")
	default:
	}
	h.noLoss(t)
	fs.noConn()
	sc.send(event("after"))
	eq(t, "ID", c.nextEvent(KindCallState).ID, "after")
}

func TestStreamFloodLosesNothing(t *testing.T) {
	t.Parallel()
	const n = 2000
	fs := newFakeServer(t)
	pauses := make(chan bool, 2*n)
	s := newTestStream(t, fs, StaticToken("jwt"), WithBuffer(8),
		withTestHooks(func(c *streamConfig) { c.onPause = func(p bool) { pauses <- p } }))
	c := consume(t, s)
	sc := fs.next()
	sc.accept("jwt", "conn-1")
	c.nextEvent(KindAuth)
	sent := make(chan error, 1)
	go func() {
		for i := range n {
			if err := sc.Send(event(fmt.Sprint(i))); err != nil {
				sent <- err
				return
			}
		}
		sent <- nil
	}()
	// Let the sender get well ahead before reading anything.
	if p := <-pauses; !p {
		t.Fatal("no pause")
	}
	for i := range n {
		ev := c.nextEvent(KindCallState)
		if ev.ID != fmt.Sprint(i) {
			t.Fatalf("event %d has ID %q", i, ev.ID)
		}
	}
	if err := <-sent; err != nil {
		t.Fatal(err)
	}
}

func TestStreamPauseDuringPingRestartsPongTimeout(t *testing.T) {
	t.Parallel()
	const interval, pong = 30 * time.Second, 10 * time.Second
	fs := newFakeServer(t)
	fs.AnswerPings(false)
	h := newHooks()
	s := newTestStream(t, fs, StaticToken("jwt"), WithBuffer(1), WithPingInterval(interval),
		WithPongTimeout(pong), h.option())
	c := consume(t, s)
	sc := fs.next()
	sc.accept("jwt", "conn-1")
	c.nextEvent(KindAuth)
	h.clk.Advance(h.clk.wait(t, timerPing).d)
	<-fs.pings
	h.clk.wait(t, timerPong)

	for i := range 4 {
		sc.send(event(fmt.Sprint("e", i)))
	}
	if p := <-h.paused; !p {
		t.Fatal("first pause report is a resume")
	}
	// The pong timeout passes while the reader cannot read the pong.
	h.clk.Advance(pong)
	for i := range 4 {
		eq(t, "ID", c.nextEvent(KindCallState).ID, fmt.Sprint("e", i))
	}
	h.noLoss(t)
	// Reading resumed: the wait for the pong starts again.
	again := h.clk.wait(t, timerPong)
	eq(t, "restarted pong timer", again.d, pong)
	for {
		// The reader may have paused once more after the timer was armed;
		// then the pinger arms another one.
		h.clk.Advance(again.d)
		select {
		case err := <-h.lost:
			if !errors.Is(err, ErrKeepAliveTimeout) {
				t.Fatalf("loss cause = %v", err)
			}
			return
		case again = <-h.clk.created[timerPong]:
		case <-time.After(waitLimit):
			t.Fatal("dead connection not detected after reading resumed")
		}
	}
}
