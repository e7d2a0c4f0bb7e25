package verbs

import (
	"math"
	"testing"
	"time"
)

// TestMillisDuration checks the conversion at and beyond the range of a
// time.Duration (issue 12: 9223372036854775807 came out as -1 ms).
func TestMillisDuration(t *testing.T) {
	for _, tt := range []struct {
		m    Millis
		want time.Duration
	}{
		{0, 0},
		{1500, 1500 * time.Millisecond},
		{-1, -time.Millisecond},
		{MaxDurationMillis, time.Duration(MaxDurationMillis) * time.Millisecond},
		{MaxDurationMillis + 1, math.MaxInt64},
		{math.MaxInt64, math.MaxInt64},
		{-MaxDurationMillis, -time.Duration(MaxDurationMillis) * time.Millisecond},
		{-MaxDurationMillis - 1, math.MinInt64},
		{math.MinInt64, math.MinInt64},
	} {
		if got := tt.m.Duration(); got != tt.want {
			t.Errorf("Millis(%d).Duration() = %d, want %d", int64(tt.m), int64(got), int64(tt.want))
		}
	}
	if MaxDurationMillis != 9223372036854 {
		t.Errorf("MaxDurationMillis = %d, want 9223372036854 (math.MaxInt64 ns in whole ms)", int64(MaxDurationMillis))
	}
}
