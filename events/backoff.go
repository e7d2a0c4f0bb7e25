package events

import "time"

// backoffDelay returns the wait before retry n (n ≥ 1): d = min(max,
// initial × 2^(n−1)), then equal jitter, a uniformly random duration in
// [d/2, d). randN returns a uniform value in [0, k).
func backoffDelay(initial, max time.Duration, n int, randN func(k int64) int64) time.Duration {
	d := initial
	for i := 1; i < n && d < max; i++ {
		d *= 2
	}
	if d > max || d <= 0 {
		d = max
	}
	half := d / 2
	if span := int64(d - half); span > 0 {
		return half + time.Duration(randN(span))
	}
	return d
}
