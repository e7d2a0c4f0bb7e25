package clienttest

import (
	"encoding/json"
	"strconv"
	"time"
)

// tnOrNull renders a number as a tn object, or null for 0.
func tnOrNull(tn int64) any {
	if tn == 0 {
		return nil
	}
	return obj{"tn": tn}
}

// digits renders a number as its digit string.
func digits(n int64) string { return strconv.FormatInt(n, 10) }

// stampLayout is the wire form of timestamps.
const stampLayout = "2006-01-02T15:04:05.000Z"

// stamp renders t for the wire; the zero time is null.
func stamp(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(stampLayout)
}

// jsonString returns s as a JSON string.
func jsonString(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}

// nullable renders "" as null.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
