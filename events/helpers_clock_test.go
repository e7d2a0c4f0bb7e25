package events

import (
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"
)

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// fakeClock is a manual clock. Timers fire only when Advance moves the time
// past them; every new timer is announced on the channel of its kind.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	timers  []*fakeTimer
	created map[timerKind]chan *fakeTimer
}

type fakeTimer struct {
	clock   *fakeClock
	d       time.Duration
	when    time.Time
	kind    timerKind
	ch      chan time.Time
	stopped bool
	fired   bool
}

func newFakeClock() *fakeClock {
	c := &fakeClock{now: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC), created: map[timerKind]chan *fakeTimer{}}
	for _, k := range []timerKind{timerAuth, timerPing, timerPong, timerBackoff} {
		c.created[k] = make(chan *fakeTimer, 1024)
	}
	return c
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) NewTimer(d time.Duration, kind timerKind) timer {
	c.mu.Lock()
	t := &fakeTimer{clock: c, d: d, when: c.now.Add(d), kind: kind, ch: make(chan time.Time, 1)}
	if d <= 0 {
		t.fired = true
		t.ch <- c.now
	} else {
		c.timers = append(c.timers, t)
	}
	c.mu.Unlock()
	c.created[kind] <- t
	return t
}

// Advance moves the time forward and fires the timers that are due.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.timers[:0]
	for _, t := range c.timers {
		switch {
		case t.stopped:
		case !t.when.After(c.now):
			t.fired = true
			t.ch <- c.now
		default:
			kept = append(kept, t)
		}
	}
	c.timers = kept
}

// wait returns the next timer of the kind created by the stream.
func (c *fakeClock) wait(t *testing.T, kind timerKind) *fakeTimer {
	t.Helper()
	select {
	case tm := <-c.created[kind]:
		return tm
	case <-time.After(waitLimit):
		t.Fatalf("no timer of kind %d was created", kind)
		return nil
	}
}

// state reports whether the timer fired or was stopped.
func (t *fakeTimer) state() (fired, stopped bool) {
	t.clock.mu.Lock()
	defer t.clock.mu.Unlock()
	return t.fired, t.stopped
}

func (t *fakeTimer) C() <-chan time.Time { return t.ch }

func (t *fakeTimer) Stop() bool {
	t.clock.mu.Lock()
	defer t.clock.mu.Unlock()
	was := !t.stopped && !t.fired
	t.stopped = true
	return was
}
