package events

import (
	"strings"
	"testing"
)

// deepCall is a call_state frame whose call has a chain of n parents.
func deepCall(n int) string {
	return `{"type":"call_state","call":` + strings.Repeat(`{"parent":`, n) + `{"uuid":"c"}` + strings.Repeat(`}`, n) + `}`
}

// TestDecodeNestingBound checks that a frame nesting deeper than 64 levels
// is a *DecodeError at the bracket that opens level 65, before any
// decoding: decoding parent chains costs the depth times the size, and a
// 100 KB frame of 9,000 parents took 18 s. 64 levels still decode.
func TestDecodeNestingBound(t *testing.T) {
	t.Parallel()
	if _, err := Decode([]byte(deepCall(62))); err != nil { // 64 levels with the frame and the call
		t.Fatalf("64 levels: %v", err)
	}
	frame := deepCall(63)
	_, err := Decode([]byte(frame))
	de := errorsAs[*DecodeError](t, err)
	eq(t, "Offset", de.Offset, int64(strings.LastIndex(frame, "{")))
	eq(t, "Msg", de.Msg, "JSON nests deeper than 64 levels")
	_, err = Decode([]byte(deepCall(9000)))
	errorsAs[*DecodeError](t, err)
}
