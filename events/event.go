package events

import (
	"encoding/json"
	"time"
)

// Event is one notification from Opentact, whatever the transport and the
// envelope it came in. The typed content is reached through Detail or through
// the accessor of its kind (CallState, SMS, …).
type Event struct {
	Type           string            // the wire "type", verbatim ("" if absent)
	Kind           Kind              // the SDK's classification of Type
	Envelope       Envelope          // the JSON layout the event arrived in
	ID             string            // generation B: "uuid"; otherwise ""
	Time           time.Time         // B: "created_on"; A: "timestamp"; zero if absent
	Modified       time.Time         // B: "modified_on"; otherwise zero
	Message        string            // the one-line human summary
	RefID          string            // uuid of the entity the event is about
	Success        *bool             // top-level "success"; nil if absent
	Account        *Account          // the account the event belongs to
	DeliveryReport []json.RawMessage // B: "delivery_report" elements, verbatim
	Payload        json.RawMessage   // "payload" verbatim; nil if absent
	Raw            json.RawMessage   // the complete frame or request body, verbatim
	Received       time.Time         // when the transport received the event
	Transport      Transport         // how the event arrived
	Skipped        []string          // JSON paths of modelled members whose JSON type did not fit

	detail Detail
}

// Detail is the typed content of an event: one of *AuthReply, *CallState,
// *CallFlow, *SMS, *TNOrder, *Recording, *Transcript, *Balance or *Gap. The
// set is closed.
type Detail interface {
	isDetail()
}

// Detail returns the event's typed content, or nil for unknown and invalid
// events.
func (e Event) Detail() Detail { return e.detail }

// Auth returns the content of an auth event.
func (e Event) Auth() (*AuthReply, bool) {
	d, ok := e.detail.(*AuthReply)
	return d, ok
}

// CallState returns the content of a call_state event.
func (e Event) CallState() (*CallState, bool) {
	d, ok := e.detail.(*CallState)
	return d, ok
}

// CallFlow returns the content of a call_flow event.
func (e Event) CallFlow() (*CallFlow, bool) {
	d, ok := e.detail.(*CallFlow)
	return d, ok
}

// SMS returns the content of an sms event.
func (e Event) SMS() (*SMS, bool) {
	d, ok := e.detail.(*SMS)
	return d, ok
}

// TNOrder returns the content of a tn_order event.
func (e Event) TNOrder() (*TNOrder, bool) {
	d, ok := e.detail.(*TNOrder)
	return d, ok
}

// Recording returns the content of a recording-available event.
func (e Event) Recording() (*Recording, bool) {
	d, ok := e.detail.(*Recording)
	return d, ok
}

// Transcript returns the content of a transcript-available event.
func (e Event) Transcript() (*Transcript, bool) {
	d, ok := e.detail.(*Transcript)
	return d, ok
}

// Balance returns the content of a balance-changed event.
func (e Event) Balance() (*Balance, bool) {
	d, ok := e.detail.(*Balance)
	return d, ok
}

// Gap returns the content of a gap marker.
func (e Event) Gap() (*Gap, bool) {
	d, ok := e.detail.(*Gap)
	return d, ok
}

// Call returns the call of a call_state, call_flow or recording event, and
// nil for every other kind or when the event carries no call.
func (e Event) Call() *Call {
	switch d := e.detail.(type) {
	case *CallState:
		return d.Call
	case *CallFlow:
		return d.Call
	case *Recording:
		return d.Call
	}
	return nil
}
