package webhook

import (
	"github.com/opentact-go/opentact/events"
	"github.com/opentact-go/opentact/internal/eventwire"
)

// decodeBare decodes a body that holds the entity itself (a call or an SMS
// object, with no envelope) as an event of the given wire type, with
// package events' decoder.
func decodeBare(data []byte, wireType string) (events.Event, error) {
	v, err := eventwire.DecodeBare(data, wireType)
	if err != nil {
		return events.Event{}, err
	}
	return v.(events.Event), nil
}
