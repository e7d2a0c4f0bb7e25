package events

import "time"

// timerKind says what a timer is for, so tests with a fake clock can tell
// the stream's timers apart.
type timerKind int

const (
	timerAuth    timerKind = iota // waiting for the auth reply
	timerPing                     // waiting until the next ping is due
	timerPong                     // waiting for a pong
	timerBackoff                  // waiting before a new attempt
)

// clock is the stream's source of time. Tests replace it with a fake.
type clock interface {
	Now() time.Time
	NewTimer(d time.Duration, kind timerKind) timer
}

// timer is the part of *time.Timer the stream uses.
type timer interface {
	C() <-chan time.Time
	Stop() bool
}

// systemClock is the real clock.
type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

func (systemClock) NewTimer(d time.Duration, _ timerKind) timer {
	return realTimer{time.NewTimer(d)}
}

type realTimer struct{ t *time.Timer }

func (r realTimer) C() <-chan time.Time { return r.t.C }
func (r realTimer) Stop() bool          { return r.t.Stop() }
