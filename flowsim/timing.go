package flowsim

import (
	"strings"
	"time"
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
