package client

import (
	"context"
	"encoding/json"
	"iter"
	"slices"
	"time"
)

// LeasesService manages purchased numbers ("leases") and their SMS
// enablement (/lease/tn).
type LeasesService service

// Lease is a purchased number.
type Lease struct {
	UUID             string               `json:"uuid"` // the id of every lease endpoint and of number assignment
	TN               *TNRecord            `json:"tn"`   // the number: lease.TN.Number
	ExpiredOn        time.Time            `json:"expired_on"`
	Autorenew        bool                 `json:"autorenew"`
	MessagingProfile *MessagingProfile    `json:"messaging_profile"`
	SIPConnection    *SIPConnection       `json:"sip_connection"`
	SIPControlApp    *SIPControlApp       `json:"sip_control_app"`
	Order            *Order               `json:"tnorder"`
	Subscriptions    []*LeaseSubscription `json:"subscriptions"` // e.g. SMS enablement
	CreatedOn        time.Time            `json:"created_on"`
	ModifiedOn       time.Time            `json:"modified_on"`
}

// UnmarshalJSON accepts the object, {}, null or a bare uuid string.
func (l *Lease) UnmarshalJSON(b []byte) error {
	type plain Lease
	return unmarshalRef(b, "lease", (*plain)(l), func(s string) { l.UUID = s }, nil)
}

// LeaseSubscription is a service enabled on a number, such as SMS.
type LeaseSubscription struct {
	UUID             string            `json:"uuid"`
	Type             string            `json:"type"` // "sms"
	MessagingProfile *MessagingProfile `json:"messaging_profile"`
	SMSCampaign      json.RawMessage   `json:"sms_campaign"` // the 10DLC campaign
	CreatedOn        time.Time         `json:"created_on"`
	ModifiedOn       time.Time         `json:"modified_on"`
}

// TNRecord is the phone number object inside leases, orders, messages and calls.
type TNRecord struct {
	Number     TN         `json:"tn"`
	Type       NumberType `json:"type"`
	Registered bool       `json:"registered"`
	CreatedOn  time.Time  `json:"created_on"`
	ModifiedOn time.Time  `json:"modified_on"`
	DeletedOn  time.Time  `json:"deleted_on"`
}

// UnmarshalJSON accepts the object, {}, null, or a bare number or digit string.
func (t *TNRecord) UnmarshalJSON(b []byte) error {
	type plain TNRecord
	return unmarshalRef(b, "number", (*plain)(t), func(s string) {
		_ = t.Number.UnmarshalJSON([]byte(`"` + s + `"`))
	}, func(n int64) { t.Number = TN(n) })
}

// LeaseSearchOptions filters Leases.Search; order keys: tn, created_on, modified_on.
type LeaseSearchOptions struct {
	SearchOptions
	TN                    string   `json:"tn,omitempty"` // mask on the number
	Autorenew             *bool    `json:"autorenew,omitempty"`
	SIPConnection         string   `json:"sip_connection,omitempty"`       // only numbers of this SIP connection
	SIPControlApp         string   `json:"sip_control_app,omitempty"`      // only numbers of this SIP control app
	ExcludeSIPConnections []string `json:"sip_connections_skip,omitempty"` // leave out numbers of these SIP connections
}

// MarshalJSON writes the body members.
func (o LeaseSearchOptions) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		searchWire
		TN                    string   `json:"tn,omitempty"`
		Autorenew             *bool    `json:"autorenew,omitempty"`
		SIPConnection         string   `json:"sip_connection,omitempty"`
		SIPControlApp         string   `json:"sip_control_app,omitempty"`
		ExcludeSIPConnections []string `json:"sip_connections_skip,omitempty"`
	}{o.wire(), o.TN, o.Autorenew, o.SIPConnection, o.SIPControlApp, o.ExcludeSIPConnections})
}

func (o LeaseSearchOptions) clone() LeaseSearchOptions {
	o.SearchOptions = o.SearchOptions.clone()
	o.ExcludeSIPConnections = slices.Clone(o.ExcludeSIPConnections)
	return o
}

// LeaseUpdateRequest is the body of Leases.Update; unset members are unchanged.
type LeaseUpdateRequest struct {
	Autorenew        *bool            `json:"autorenew,omitempty"`
	MessagingProfile string           `json:"messaging_profile,omitempty"` // messaging profile uuid
	SIPConnection    Nullable[string] `json:"sip_connection,omitzero"`     // SIP connection uuid; Null detaches
	SIPControlApp    Nullable[string] `json:"sip_control_app,omitzero"`    // SIP control app uuid; Null detaches
}

// EnableSMSRequest is the body of Leases.EnableSMS.
type EnableSMSRequest struct {
	MessagingProfile string `json:"messaging_profile"` // messaging profile uuid; required
	SMSCampaign      string `json:"sms_campaign"`      // 10DLC campaign uuid; required
}

// Search returns one page of purchased numbers (POST /lease/tn/search).
func (s *LeasesService) Search(ctx context.Context, o *LeaseSearchOptions, opts ...CallOption) (*Page[Lease], error) {
	return searchPage[Lease](ctx, s.client, pageSpec{"Leases.Search", "/lease/tn/search"}, o, opts)
}

// All iterates over every purchased number matching o. o is not modified.
func (s *LeasesService) All(ctx context.Context, o *LeaseSearchOptions, opts ...CallOption) iter.Seq2[*Lease, error] {
	return iterate(o, LeaseSearchOptions.clone, func(o *LeaseSearchOptions) (*Page[Lease], error) {
		return s.Search(ctx, o, opts...)
	})
}

// Get returns one purchased number (GET /lease/tn/{uuid}).
func (s *LeasesService) Get(ctx context.Context, uuid string, opts ...CallOption) (*Lease, error) {
	return getAt[Lease](ctx, s.client, "Leases.Get", "/lease/tn/{uuid}", opts, uuid)
}

// GetByTN returns a purchased number by its phone number (GET /lease/tn/{tn}/tn).
func (s *LeasesService) GetByTN(ctx context.Context, tn TN, opts ...CallOption) (*Lease, error) {
	const op = "Leases.GetByTN"
	if tn <= 0 {
		return nil, invalidArg(op, "tn is empty")
	}
	return getAt[Lease](ctx, s.client, op, "/lease/tn/{tn}/tn", opts, tn.String())
}

// Update changes a purchased number (PATCH /lease/tn/{uuid}): renewal,
// messaging profile, SIP connection or SIP control app.
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *LeasesService) Update(ctx context.Context, uuid string, req *LeaseUpdateRequest, opts ...CallOption) (*Lease, error) {
	return patchAt[Lease](ctx, s.client, "Leases.Update", "/lease/tn/{uuid}", req, opts, uuid)
}

// Release gives a purchased number back (DELETE /lease/tn/{lease}) and
// returns the released lease. lease is the lease uuid; Opentact's
// documentation says the phone number is accepted too, and the argument is
// passed through unchanged.
func (s *LeasesService) Release(ctx context.Context, lease string, opts ...CallOption) (*Lease, error) {
	return deleteAt[Lease](ctx, s.client, "Leases.Release", "/lease/tn/{lease}", opts, lease)
}

// EnableSMS enables SMS on a number with a messaging profile and a 10DLC
// campaign (POST /lease/tn/{lease}/subscription/sms). lease is the lease
// uuid or the phone number.
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *LeasesService) EnableSMS(ctx context.Context, lease string, req *EnableSMSRequest, opts ...CallOption) (*LeaseSubscription, error) {
	const op = "Leases.EnableSMS"
	p, err := buildPath(op, "/lease/tn/{lease}/subscription/sms", lease)
	if err != nil {
		return nil, err
	}
	switch {
	case req == nil:
		return nil, invalidArg(op, "nil request")
	case req.MessagingProfile == "":
		return nil, invalidArg(op, "MessagingProfile is required")
	case req.SMSCampaign == "":
		return nil, invalidArg(op, "SMSCampaign is required")
	}
	return sendJSON[LeaseSubscription](ctx, s.client, op, "POST", p, req, opts)
}

// DisableSMS disables SMS on a number (DELETE /lease/tn/{lease}/subscription/sms)
// and returns the removed subscription. lease is the lease uuid or the phone number.
func (s *LeasesService) DisableSMS(ctx context.Context, lease string, opts ...CallOption) (*LeaseSubscription, error) {
	return deleteAt[LeaseSubscription](ctx, s.client, "Leases.DisableSMS", "/lease/tn/{lease}/subscription/sms", opts, lease)
}
