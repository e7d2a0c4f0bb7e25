package events

// Kind is the SDK's classification of an event's wire type.
type Kind string

// The kinds of event. KindGap and KindInvalid are produced by the stream
// itself; KindUnknown covers every wire type the SDK does not model.
const (
	KindAuth       Kind = "auth"
	KindCallState  Kind = "call_state"
	KindCallFlow   Kind = "call_flow"
	KindSMS        Kind = "sms"
	KindTNOrder    Kind = "tn_order"
	KindRecording  Kind = "recording"
	KindTranscript Kind = "transcript"
	KindBalance    Kind = "balance"
	KindGap        Kind = "gap"
	KindInvalid    Kind = "invalid"
	KindUnknown    Kind = "unknown"
)

// The wire "type" strings the SDK recognises. They are untyped constants so
// they can be passed directly to the REST client's subscription calls.
const (
	TypeAuth           = "auth"
	TypeCallState      = "call_state"
	TypeCallFlow       = "call_flow"
	TypeSMS            = "sms"
	TypeTNOrder        = "tn_order"
	TypeCallRecord     = "call_record"
	TypeCallTranscript = "call_transcript"
	TypeTranscript     = "transcript"
	TypeBalance        = "balance"
	TypeBalanceChanged = "balance_changed"
	TypeAccountBalance = "account_balance"
)

// kindOf maps a wire type to its Kind; matching is exact and case-sensitive.
func kindOf(wireType string) Kind {
	switch wireType {
	case TypeAuth:
		return KindAuth
	case TypeCallState:
		return KindCallState
	case TypeCallFlow:
		return KindCallFlow
	case TypeSMS:
		return KindSMS
	case TypeTNOrder:
		return KindTNOrder
	case TypeCallRecord:
		return KindRecording
	case TypeCallTranscript, TypeTranscript:
		return KindTranscript
	case TypeBalance, TypeBalanceChanged, TypeAccountBalance:
		return KindBalance
	}
	return KindUnknown
}

// Envelope tells which JSON layout an event arrived in.
type Envelope string

// The envelope layouts.
const (
	EnvelopeA    Envelope = "a"    // generation A: timestamp, message, type, payload
	EnvelopeB    Envelope = "b"    // generation B: uuid, created_on, type, payload, call, ref_id, …
	EnvelopeBare Envelope = "bare" // a webhook body holding the entity itself
	EnvelopeNone Envelope = "none" // gap markers and frames that are not JSON objects
)

// Transport tells how an event reached the application.
type Transport string

// The transports.
const (
	TransportNone    Transport = ""        // decoded with Decode
	TransportStream  Transport = "stream"  // read from the event websocket
	TransportWebhook Transport = "webhook" // received as an HTTP request
)
