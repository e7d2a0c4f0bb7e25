package verbs

import (
	"math"
	"time"
)

// Millis is a duration in whole milliseconds, the unit of every duration
// attribute of the language (delay, length, timeout, don, doff).
type Millis int64

// MaxDurationMillis is the largest Millis a time.Duration can hold, about
// 292 years; -MaxDurationMillis is the smallest.
const MaxDurationMillis Millis = math.MaxInt64 / Millis(time.Millisecond)

// Duration returns m as a time.Duration. A value beyond what a Duration
// holds (see MaxDurationMillis) gives the largest or smallest Duration
// instead of wrapping around to a value of the other sign.
func (m Millis) Duration() time.Duration {
	switch {
	case m > MaxDurationMillis:
		return math.MaxInt64
	case m < -MaxDurationMillis:
		return math.MinInt64
	}
	return time.Duration(m) * time.Millisecond
}
