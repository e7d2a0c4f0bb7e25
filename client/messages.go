package client

import (
	"context"
	"encoding/json"
	"iter"
	"time"
)

// MessagesService sends and reads SMS.
type MessagesService service

// Message is an SMS, sent or received.
type Message struct {
	UUID              string       `json:"uuid"`
	Type              MessageType  `json:"type"`
	State             MessageState `json:"state"`
	From              Address      `json:"from"` // sender; filled from TN when Opentact omits it
	To                Address      `json:"to"`
	Text              string       `json:"message"`
	Thread            string       `json:"thread"` // conversation id
	Delivered         bool         `json:"delivered"`
	Read              bool         `json:"readed"` // inbound only
	Automated         bool         `json:"automated"`
	ReferenceID       string       `json:"reference_id"` // the carrier's message id
	CustomCallbackURL string       `json:"custom_callback_url"`
	TN                *TNRecord    `json:"tn"` // the account's number involved
	Lease             *Lease       `json:"-"`  // from "tn_lease" or "tnlease"
	AccountUUID       string       `json:"account_uuid"`
	CreatedOn         time.Time    `json:"created_on"`
	ModifiedOn        time.Time    `json:"modified_on"`
}

// UnmarshalJSON decodes the message, reading the lease from either
// spelling and the sender from "tn" when "from" is absent.
func (m *Message) UnmarshalJSON(b []byte) error {
	type plain Message
	var w struct {
		*plain
		Lease1 *Lease `json:"tn_lease"`
		Lease2 *Lease `json:"tnlease"`
	}
	w.plain = (*plain)(m)
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	m.Lease = w.Lease1
	if m.Lease == nil {
		m.Lease = w.Lease2
	}
	if m.From == "" && m.TN != nil && m.TN.Number != 0 {
		m.From = Address(m.TN.Number.String())
	}
	return nil
}

// Inbound reports whether the message was received (type smsi).
func (m *Message) Inbound() bool { return m.Type == MessageInbound }

// SendSMSRequest is the body of Messages.Send.
type SendSMSRequest struct {
	From              TN     `json:"from"`                          // an SMS-enabled number of the account; required
	To                TN     `json:"to"`                            // required
	Text              string `json:"message"`                       // 1–918 characters; required
	CustomCallbackURL string `json:"custom_callback_url,omitempty"` // delivery reports for this message
}

// MessageSearchOptions filters Messages.Search; order keys: from, to,
// message, state, delivered, created_on (Opentact's default, DESC), modified_on.
type MessageSearchOptions struct {
	SearchOptions
	From      string       `json:"from,omitempty"`    // mask
	To        string       `json:"to,omitempty"`      // mask
	Thread    string       `json:"thread,omitempty"`  // conversation id
	Text      string       `json:"message,omitempty"` // mask on the text
	Delivered *bool        `json:"delivered,omitempty"`
	Read      *bool        `json:"readed,omitempty"`
	State     MessageState `json:"state,omitempty"`
}

// MarshalJSON writes the body members.
func (o MessageSearchOptions) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		searchWire
		From      string       `json:"from,omitempty"`
		To        string       `json:"to,omitempty"`
		Thread    string       `json:"thread,omitempty"`
		Text      string       `json:"message,omitempty"`
		Delivered *bool        `json:"delivered,omitempty"`
		Read      *bool        `json:"readed,omitempty"`
		State     MessageState `json:"state,omitempty"`
	}{o.wire(), o.From, o.To, o.Thread, o.Text, o.Delivered, o.Read, o.State})
}

func (o MessageSearchOptions) clone() MessageSearchOptions {
	o.SearchOptions = o.SearchOptions.clone()
	return o
}

// Send sends an SMS from one of the account's SMS-enabled numbers (POST /sms).
//
// It is never sent again after it may have reached Opentact, unless the
// call passes RetryAmbiguous: a second attempt sends a second SMS.
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *MessagesService) Send(ctx context.Context, req *SendSMSRequest, opts ...CallOption) (*Message, error) {
	const op = "Messages.Send"
	switch {
	case req == nil:
		return nil, invalidArg(op, "nil request")
	case req.From <= 0:
		return nil, invalidArg(op, "From is required")
	case req.To <= 0:
		return nil, invalidArg(op, "To is required")
	case req.Text == "":
		return nil, invalidArg(op, "Text is required")
	}
	return sendJSON[Message](ctx, s.client, op, "POST", "/sms", req, opts)
}

// GetOutbound returns one sent message (GET /sms/outbound/{uuid}).
func (s *MessagesService) GetOutbound(ctx context.Context, uuid string, opts ...CallOption) (*Message, error) {
	return getAt[Message](ctx, s.client, "Messages.GetOutbound", "/sms/outbound/{uuid}", opts, uuid)
}

// GetInbound returns one received message (GET /sms/inbound/{uuid}).
func (s *MessagesService) GetInbound(ctx context.Context, uuid string, opts ...CallOption) (*Message, error) {
	return getAt[Message](ctx, s.client, "Messages.GetInbound", "/sms/inbound/{uuid}", opts, uuid)
}

// Search returns one page of the SMS log, both directions (POST /sms/search).
func (s *MessagesService) Search(ctx context.Context, o *MessageSearchOptions, opts ...CallOption) (*Page[Message], error) {
	return searchPage[Message](ctx, s.client, pageSpec{"Messages.Search", "/sms/search"}, o, opts)
}

// All iterates over every message matching o. o is not modified.
func (s *MessagesService) All(ctx context.Context, o *MessageSearchOptions, opts ...CallOption) iter.Seq2[*Message, error] {
	return iterate(o, MessageSearchOptions.clone, func(o *MessageSearchOptions) (*Page[Message], error) {
		return s.Search(ctx, o, opts...)
	})
}
