package events

import (
	"sync"
	"time"
)

// liveness tracks a connection's proof of life and whether its reader is
// paused by back-pressure. The reader and the pinger share it.
type liveness struct {
	mu        sync.Mutex
	lastAlive time.Time     // last frame or pong
	resumedAt time.Time     // when reading last resumed after a pause
	paused    bool          // the reader waits for room in the buffer
	pauses    int           // number of pauses so far
	resume    chan struct{} // closed when a pause ends; nil while reading
}

func newLiveness(now time.Time) *liveness {
	return &liveness{lastAlive: now, resumedAt: now}
}

// touch records proof of life.
func (l *liveness) touch(now time.Time) {
	l.mu.Lock()
	if now.After(l.lastAlive) {
		l.lastAlive = now
	}
	l.mu.Unlock()
}

// last returns the last proof of life.
func (l *liveness) last() time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.lastAlive
}

// pause marks the reader as blocked on a full buffer.
func (l *liveness) pause() {
	l.mu.Lock()
	l.paused = true
	l.pauses++
	l.resume = make(chan struct{})
	l.mu.Unlock()
}

// unpause marks the reader as reading again.
func (l *liveness) unpause(now time.Time) {
	l.mu.Lock()
	l.paused = false
	l.resumedAt = now
	close(l.resume)
	l.resume = nil
	l.mu.Unlock()
}

// state returns, while the reader is paused, a channel closed when it
// resumes; otherwise nil, the time the next ping is due and the number of
// pauses so far.
func (l *liveness) state(interval time.Duration) (resume <-chan struct{}, due time.Time, pauses int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.paused {
		return l.resume, time.Time{}, l.pauses
	}
	base := l.lastAlive
	if l.resumedAt.After(base) {
		base = l.resumedAt
	}
	return nil, base.Add(interval), l.pauses
}

// pausedSince reports whether the reader paused at any time after the
// pauses count was n, or is paused now.
func (l *liveness) pausedSince(n int) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.paused || l.pauses != n
}
