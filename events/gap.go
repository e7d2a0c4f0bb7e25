package events

import "time"

// Gap is the content of a gap marker: a period during which no authenticated
// websocket was open, so events may have been lost. Opentact keeps no events
// for disconnected clients; applications should reconcile the window
// [From − 5 s, To] through the REST API's search endpoints.
type Gap struct {
	From          time.Time // last proof of life of the previous connection, or the end of the previous iteration
	To            time.Time // when the new connection's auth reply was received
	Attempts      int       // attempts made to get back (at least 1)
	Cause         error     // why the previous connection ended
	LastEventID   string    // ID of the last event delivered before the gap ("" if none or generation A)
	LastEventTime time.Time // Time of that event
}

func (*Gap) isDetail() {}

// Duration returns the length of the gap, To − From.
func (g *Gap) Duration() time.Duration { return g.To.Sub(g.From) }
