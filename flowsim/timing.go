package flowsim

import (
	"math"
	"strings"
	"time"

	"github.com/opentact-go/opentact/verbs"
)

// The simulator's time model (see the package documentation).
const (
	wordTime       = 400 * time.Millisecond // speech: 150 words a minute
	keyTime        = time.Second            // the caller presses a key a second
	defaultPause   = time.Second            // <Pause> without length
	defaultAudio   = 5 * time.Second        // <Play> of audio of unknown length
	defaultHold    = 300 * time.Second      // <Hold> without timeout
	defaultTone    = 30 * time.Second       // <Tone> timeout default
	recordWaitTime = 30 * time.Second       // <RecordWait> when the caller stays silent
)

// speechTime estimates how long text takes to speak once: 400 ms a word,
// at least one word.
func speechTime(text string) time.Duration {
	return time.Duration(max(1, len(strings.Fields(text)))) * wordTime
}

// loops returns the loop count of an optional loop attribute: 1 when unset
// or below 1.
func loops(v int, set bool) int {
	if !set || v < 1 {
		return 1
	}
	return v
}

// maxDuration is the latest the simulated clock goes: durations saturate
// there instead of overflowing, so a huge loop count or timeout gives a
// long call, never a negative time.
const maxDuration = time.Duration(math.MaxInt64)

// scale returns n times d, at most maxDuration.
func scale(n int, d time.Duration) time.Duration {
	if n <= 0 || d <= 0 {
		return 0
	}
	if d > maxDuration/time.Duration(n) {
		return maxDuration
	}
	return time.Duration(n) * d
}

// plus returns a+b for non-negative durations, at most maxDuration.
func plus(a, b time.Duration) time.Duration {
	if b > maxDuration-a {
		return maxDuration
	}
	return a + b
}

// millis returns a millisecond attribute as a duration, at most
// maxDuration.
func millis(m verbs.Millis) time.Duration {
	return scale(int(min(m, verbs.Millis(math.MaxInt))), time.Millisecond)
}
