package webhooktest

import (
	"bytes"
	"encoding/json"
)

// Call describes the call a request belongs to. The zero value is a live
// inbound call with no numbers and no ids.
type Call struct {
	// UUID is the call leg's id, sent as "call" and in a body as "uuid".
	UUID string
	// From is the caller's number, To the called number.
	From, To string
	// SCA is the uuid of the SIP control app running the call.
	SCA string
	// State is the call's state; empty means "live".
	State string
}

// state returns the call's state, "live" when none is set.
func (c Call) state() string {
	if c.State == "" {
		return "live"
	}
	return c.State
}

// object returns the call as the JSON call object of the events spec
// (§3.1.1): uuid, direction, from, to, state, and the SIP control app.
func (c Call) object() []byte {
	obj := map[string]any{
		"uuid":      c.UUID,
		"direction": "in",
		"from":      c.From,
		"to":        c.To,
		"state":     c.state(),
		"type":      "CallSCA",
	}
	if c.SCA != "" {
		obj["sip_control_app"] = map[string]any{"uuid": c.SCA}
	}
	b, err := json.Marshal(obj)
	if err != nil { // strings and maps of strings always marshal
		panic("webhooktest: " + err.Error())
	}
	return b
}

// bodyReader returns the call object as a request body.
func (c Call) bodyReader() *bytes.Reader { return bytes.NewReader(c.object()) }
