package client

import (
	"context"
	"encoding/json"
	"iter"
	"time"
)

// CallsService reads the call log and places calls.
type CallsService service

// Call is a call (leg). The REST replies that carry calls are not
// documented; Raw keeps the whole object.
type Call struct {
	UUID            string          `json:"uuid"` // the id PushCallFlow takes
	Type            string          `json:"type"` // e.g. "CallSCA"
	Direction       CallDirection   `json:"direction"`
	State           string          `json:"state"` // init, ringing, live, hangup, destroyed (older: online, offline)
	From            Address         `json:"from"`  // may be a SIP user name
	To              Address         `json:"to"`
	TN              *TNRecord       `json:"tn"`
	Duration        int             `json:"duration"` // seconds
	Thread          string          `json:"thread"`
	InitOn          time.Time       `json:"init_on"`
	RingOn          time.Time       `json:"ring_on"`
	AnswerOn        time.Time       `json:"answer_on"`
	HangupOn        time.Time       `json:"hangup_on"`
	DestroyOn       time.Time       `json:"destroy_on"`
	FinishedOn      time.Time       `json:"finished_on"`
	Q850Cause       *int            `json:"q850_cause"`        // release cause, e.g. 16
	Q850CauseString string          `json:"q850_cause_string"` // e.g. NORMAL_CLEARING
	SIPControlApp   *SIPControlApp  `json:"sip_control_app"`
	Parent          *Call           `json:"parent"` // the other leg
	CreatedOn       time.Time       `json:"created_on"`
	ModifiedOn      time.Time       `json:"modified_on"`
	Raw             json.RawMessage `json:"-"`
}

// UnmarshalJSON accepts the object (kept in Raw), {}, null or a bare uuid string.
func (c *Call) UnmarshalJSON(b []byte) error {
	type plain Call
	if err := unmarshalRef(b, "call", (*plain)(c), func(s string) { c.UUID = s }, nil); err != nil {
		return err
	}
	if isObject(b) {
		c.Raw = append(json.RawMessage(nil), b...)
	}
	return nil
}

// CallSearchOptions filters Calls.Search.
type CallSearchOptions struct {
	SearchOptions
	Direction CallDirection `json:"direction,omitempty"`
	TN        string        `json:"tn,omitempty"` // the account's number, as digits
}

// MarshalJSON writes the body members.
func (o CallSearchOptions) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		searchWire
		Direction CallDirection `json:"direction,omitempty"`
		TN        string        `json:"tn,omitempty"`
	}{o.wire(), o.Direction, o.TN})
}

func (o CallSearchOptions) clone() CallSearchOptions {
	o.SearchOptions = o.SearchOptions.clone()
	return o
}

// Batch is a bulk call.
type Batch struct {
	UUID                 string                `json:"uuid"`
	Type                 string                `json:"type"`  // "call_xml"
	State                string                `json:"state"` // "created"
	Phones               []TN                  `json:"phones"`
	XML                  string                `json:"xml"`
	OutboundVoiceProfile *OutboundVoiceProfile `json:"outbound_voice_profile"`
	Lease                *Lease                `json:"tn_lease"`
	CreatedOn            time.Time             `json:"created_on"`
	ModifiedOn           time.Time             `json:"modified_on"`
}

// BulkCallRequest is the input of Calls.Bulk.
type BulkCallRequest struct {
	OutboundVoiceProfile string // outbound voice profile uuid; required
	Phones               []TN   // numbers to call; at least one
	Flow                 Flow   // the call flow run when a callee answers; required
	TNLease              string // lease uuid of the caller-ID number; optional
}

// SingleCallRequest is the input of Calls.Single.
type SingleCallRequest struct {
	OutboundVoiceProfile string // outbound voice profile uuid; required
	To                   TN     // the number to call; required
	Flow                 Flow   // the call flow run when the callee answers; required
	TNLease              string // lease uuid of the caller-ID number; optional
}

// batchBody is the JSON body of POST /batch.
type batchBody struct {
	OutboundVoiceProfile string `json:"outbound_voice_profile"`
	Phones               []TN   `json:"phones"`
	XML                  string `json:"xml"`
	TNLease              string `json:"tn_lease,omitempty"`
}

// Search returns one page of the call log (POST /call/search).
func (s *CallsService) Search(ctx context.Context, o *CallSearchOptions, opts ...CallOption) (*Page[Call], error) {
	return searchPage[Call](ctx, s.client, pageSpec{"Calls.Search", "/call/search"}, o, opts)
}

// All iterates over every call matching o. o is not modified.
func (s *CallsService) All(ctx context.Context, o *CallSearchOptions, opts ...CallOption) iter.Seq2[*Call, error] {
	return iterate(o, CallSearchOptions.clone, func(o *CallSearchOptions) (*Page[Call], error) {
		return s.Search(ctx, o, opts...)
	})
}

// Bulk calls every number in req.Phones and runs req.Flow when a callee
// answers (POST /batch). The flow is rendered before anything is sent.
//
// It is never sent again after it may have reached Opentact, unless the
// call passes RetryAmbiguous: a second attempt calls everyone again.
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *CallsService) Bulk(ctx context.Context, req *BulkCallRequest, opts ...CallOption) (*Batch, error) {
	const op = "Calls.Bulk"
	if req == nil {
		return nil, invalidArg(op, "nil request")
	}
	return s.batch(ctx, op, req.OutboundVoiceProfile, req.Phones, req.Flow, req.TNLease, opts)
}

// Single calls one number and runs req.Flow when the callee answers. It is
// a one-number bulk call: exactly POST /batch with phones = [req.To], with
// the same retry rules as Bulk.
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *CallsService) Single(ctx context.Context, req *SingleCallRequest, opts ...CallOption) (*Batch, error) {
	const op = "Calls.Single"
	if req == nil {
		return nil, invalidArg(op, "nil request")
	}
	if req.To <= 0 {
		return nil, invalidArg(op, "To is required")
	}
	return s.batch(ctx, op, req.OutboundVoiceProfile, []TN{req.To}, req.Flow, req.TNLease, opts)
}

// batch checks and sends POST /batch.
func (s *CallsService) batch(ctx context.Context, op, profile string, phones []TN, flow Flow, lease string, opts []CallOption) (*Batch, error) {
	if profile == "" {
		return nil, invalidArg(op, "OutboundVoiceProfile is required")
	}
	if len(phones) == 0 {
		return nil, invalidArg(op, "Phones is empty")
	}
	for i, p := range phones {
		if p <= 0 {
			return nil, invalidArg(op, "Phones[%d] is empty", i)
		}
	}
	doc, err := renderFlow(op, flow)
	if err != nil {
		return nil, err
	}
	return sendJSON[Batch](ctx, s.client, op, "POST", "/batch", batchBody{
		OutboundVoiceProfile: profile,
		Phones:               phones,
		XML:                  string(doc),
		TNLease:              lease,
	}, opts)
}
