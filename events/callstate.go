package events

// CallStatus is the state of a call leg. Values other than the constants are
// kept verbatim.
type CallStatus string

// The call states Opentact reports.
const (
	CallStatusInit      CallStatus = "init"      // a new leg was created
	CallStatusRinging   CallStatus = "ringing"   // the leg rings
	CallStatusLive      CallStatus = "live"      // answered, media up
	CallStatusAnswered  CallStatus = "answered"  // accepted as a synonym of live
	CallStatusBridged   CallStatus = "bridged"   // two legs connected
	CallStatusHangup    CallStatus = "hangup"    // the leg hung up
	CallStatusDestroyed CallStatus = "destroyed" // the channel was torn down: the leg's last event
	CallStatusOnline    CallStatus = "online"    // older state of SIP control app calls
	CallStatusOffline   CallStatus = "offline"   // older state of SIP control app calls
)

// CallState is the content of a call_state event: one state change of one
// call leg.
type CallState struct {
	State    CallStatus // the new state
	Duration int64      // duration as reported with the change (may differ by one from Call.Duration)
	Tag      string     // the tag of the command that caused the change, when the event carries it
	Call     *Call      // the call leg; nil for a webhook without a body
}

func (*CallState) isDetail() {}

// Ended reports whether the state is hangup, destroyed or offline.
func (s *CallState) Ended() bool {
	switch s.State {
	case CallStatusHangup, CallStatusDestroyed, CallStatusOffline:
		return true
	}
	return false
}

// decodeCallState builds the content of a call_state event.
func decodeCallState(env *envelope) (*CallState, entity) {
	var callObj object
	var ok bool
	if env.gen == EnvelopeB {
		callObj, ok = env.top.obj("call")
	} else {
		callObj, ok = env.payload, env.hasPayload
	}
	call := decodeCall(callObj, ok)
	s := &CallState{Call: call}
	if call != nil {
		s.State = call.State
		s.Duration = call.Duration
	}
	if env.gen == EnvelopeB && env.hasPayload {
		if _, ok := env.payload.lookup("state"); ok {
			s.State = CallStatus(env.payload.str("state"))
		}
		if _, ok := env.payload.lookup("duration"); ok {
			s.Duration = env.payload.integer("duration")
		}
		s.Tag = env.payload.str("tag")
	}
	if s.Tag == "" && call != nil {
		s.Tag = callObj.str("tag")
	}
	return s, callEntity(call)
}

// callEntity describes a call as the entity of an event.
func callEntity(c *Call) entity {
	if c == nil {
		return entity{}
	}
	return entity{uuid: c.UUID, account: c.Account}
}
