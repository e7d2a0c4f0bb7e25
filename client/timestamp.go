package client

import "time"

// wireLayout is how request timestamps are written: UTC, milliseconds, "Z".
const wireLayout = "2006-01-02T15:04:05.000Z"

// wireTime is a request timestamp in wireLayout.
type wireTime time.Time

// MarshalJSON writes t in UTC with millisecond precision.
func (t wireTime) MarshalJSON() ([]byte, error) {
	return []byte(`"` + time.Time(t).UTC().Format(wireLayout) + `"`), nil
}

// optTime converts an optional timestamp; nil stays nil (and is omitted).
func optTime(t *time.Time) *wireTime {
	if t == nil {
		return nil
	}
	w := wireTime(*t)
	return &w
}
