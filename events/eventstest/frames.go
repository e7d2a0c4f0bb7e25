package eventstest

import (
	"encoding/json"
	"strconv"
)

// The frame builders below write events in the wire format of the events
// specification (spec/events.md), with the synthetic identifiers it uses.

// AuthReply is the accepting auth reply of a connection: a generation-B
// event of type "auth" whose payload is the connection, as Opentact's
// "Authentication Response" page shows it. Its event id is "auth-" and
// connID, so the replies of two connections differ.
func AuthReply(connID string) string {
	return `{"uuid":` + quote("auth-"+connID) + `,"created_on":"2030-01-02T03:04:05.000Z",` +
		`"type":"auth","message":` + quote("WSS connection "+connID+"@192.0.2.10 - success auth dev@example.com") +
		`,"payload":{"uuid":` + quote(connID) + `,"ip":"192.0.2.10"}}`
}

// AuthRejected is a negative auth reply. Opentact documents none; this is
// the form the SDK's stream treats as a rejection (success false, no
// connection object).
func AuthRejected(message string) string {
	return `{"type":"auth","success":false,"message":` + quote(message) + `}`
}

// CallStateEvent is a generation-B call_state event with event id id, for
// the inbound call callUUID from +15550100001 to 15550100002 now in state
// (init, ringing, live, hangup, destroyed, …).
func CallStateEvent(id, callUUID, state string) string {
	return `{"uuid":` + quote(id) + `,"created_on":"2030-01-02T03:04:05.000Z","type":"call_state",` +
		`"message":` + quote("CallSCA in +15550100001 > 15550100002 - "+state) + `,` +
		`"payload":{"state":` + quote(state) + `,"duration":0},` +
		`"call":{"uuid":` + quote(callUUID) + `,"direction":"in","from":"+15550100001","to":"15550100002","state":` + quote(state) + `,"type":"CallSCA"},` +
		`"ref_id":` + quote(callUUID) + `,"delivery_report":[]}`
}

// SMSEvent is a generation-A sms event about the message smsUUID: typ is
// "smso" for an outbound message, "smsi" for an inbound one; state is
// "created", "success", "failed", …; delivered tells whether the delivery
// receipt arrived.
func SMSEvent(smsUUID, typ, from, to, text, state string, delivered bool) string {
	return `{"timestamp":"2030-01-02T03:05:00.400Z","message":` + quote("SMS: type: "+typ+", state: "+state) +
		`,"type":"sms","payload":{"type":` + quote(typ) + `,"uuid":` + quote(smsUUID) +
		`,"from":` + quote(from) + `,"to":` + quote(to) + `,"message":` + quote(text) +
		`,"state":` + quote(state) + `,"delivered":` + strconv.FormatBool(delivered) + `}}`
}

// BalanceEvent is a balance-changed event exactly as Opentact's "Account
// events" page documents it: the bare new balance as payload and the
// action that charged the account (voice_charge_in, call_asr, …).
func BalanceEvent(balance float64, sourceAction string) string {
	b := strconv.FormatFloat(balance, 'f', -1, 64)
	return `{"timestamp":"2030-01-02T05:00:00.000Z","message":"New balance is ` + b +
		`","type":"balance","source_action":` + quote(sourceAction) + `,"payload":` + b + `}`
}

// quote returns s as a JSON string.
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
