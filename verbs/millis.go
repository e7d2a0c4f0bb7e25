package verbs

import "time"

// Millis is a duration in whole milliseconds, the unit of every duration
// attribute of the language (delay, length, timeout, don, doff).
type Millis int64

// Duration returns m as a time.Duration.
func (m Millis) Duration() time.Duration { return time.Duration(m) * time.Millisecond }
