package client

import (
	"context"
	"time"
)

// OutboundVoiceProfilesService manages outbound voice profiles
// (/profile/outbound_voice): termination settings for outbound calls.
type OutboundVoiceProfilesService service

// OutboundVoiceProfile holds the termination settings of outbound calls.
type OutboundVoiceProfile struct {
	UUID             string         `json:"uuid"`
	Name             string         `json:"name"`
	IsActive         bool           `json:"is_active"`
	Product          *SIPProduct    `json:"product"`
	TechPrefix       int            `json:"tech_prefix"`
	Lease            *Lease         `json:"tn_lease"` // default caller-ID number
	ShakenSignPolicy *int           `json:"shaken_sign_policy"`
	ChannelLimit     *int           `json:"channel_limit"`
	MaxRate          *float64       `json:"max_rate"`
	RecordCalls      *int           `json:"record_calls"`
	DailySpendLimit  *float64       `json:"daily_spend_limit"`
	RecordingFormat  string         `json:"filemat"` // wav or mp3
	AudioTrackType   *int           `json:"audio_track_type"`
	IngressTrunk     *TrunkSettings `json:"class4_ingress_trunk_settings"`
	SIPDomains       []*SIPDomain   `json:"sip_domains"`
	CreatedOn        time.Time      `json:"created_on"`
	ModifiedOn       time.Time      `json:"modified_on"`
}

// UnmarshalJSON accepts the object, {}, null or a bare uuid string.
func (p *OutboundVoiceProfile) UnmarshalJSON(b []byte) error {
	type plain OutboundVoiceProfile
	return unmarshalRef(b, "outbound voice profile", (*plain)(p), func(s string) { p.UUID = s }, nil)
}

// OutboundVoiceProfileCreateRequest is the body of
// OutboundVoiceProfiles.Create. Nil ingress trunk settings are sent as {}.
type OutboundVoiceProfileCreateRequest struct {
	Name            string         `json:"name"`    // required
	Product         int            `json:"product"` // SIP product id; required
	IsActive        *bool          `json:"is_active,omitempty"`
	TNLease         string         `json:"tn_lease,omitempty"` // lease uuid of the default caller-ID number
	IngressTrunk    *TrunkSettings `json:"class4_ingress_trunk_settings"`
	TechPrefix      *int           `json:"tech_prefix,omitempty"`   // 100000–999999
	ChannelLimit    *int           `json:"channel_limit,omitempty"` // concurrent outbound calls
	MaxRate         *float64       `json:"max_rate,omitempty"`
	RecordCalls     *int           `json:"record_calls,omitempty"` // 0, 1 or 2
	DailySpendLimit *float64       `json:"daily_spend_limit,omitempty"`
	RecordingFormat string         `json:"filemat,omitempty"`          // wav or mp3
	AudioTrackType  *int           `json:"audio_track_type,omitempty"` // 0 or 1
}

// OutboundVoiceProfileUpdateRequest is the body of
// OutboundVoiceProfiles.Update; unset members are unchanged and a Null
// TNLease removes the caller-ID number.
type OutboundVoiceProfileUpdateRequest struct {
	Name            string           `json:"name,omitempty"`
	Product         *int             `json:"product,omitempty"`
	IsActive        *bool            `json:"is_active,omitempty"`
	TNLease         Nullable[string] `json:"tn_lease,omitzero"`
	IngressTrunk    *TrunkSettings   `json:"class4_ingress_trunk_settings,omitempty"`
	TechPrefix      *int             `json:"tech_prefix,omitempty"`
	ChannelLimit    *int             `json:"channel_limit,omitempty"`
	MaxRate         *float64         `json:"max_rate,omitempty"`
	RecordCalls     *int             `json:"record_calls,omitempty"`
	DailySpendLimit *float64         `json:"daily_spend_limit,omitempty"`
	RecordingFormat string           `json:"filemat,omitempty"`
	AudioTrackType  *int             `json:"audio_track_type,omitempty"`
}

// List returns the outbound voice profiles (GET /profile/outbound_voice).
func (s *OutboundVoiceProfilesService) List(ctx context.Context, opts ...CallOption) ([]*OutboundVoiceProfile, error) {
	return listAt[OutboundVoiceProfile](ctx, s.client, "OutboundVoiceProfiles.List", "/profile/outbound_voice", opts)
}

// Create makes an outbound voice profile (POST /profile/outbound_voice).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *OutboundVoiceProfilesService) Create(ctx context.Context, req *OutboundVoiceProfileCreateRequest, opts ...CallOption) (*OutboundVoiceProfile, error) {
	const op = "OutboundVoiceProfiles.Create"
	switch {
	case req == nil:
		return nil, invalidArg(op, "nil request")
	case req.Name == "":
		return nil, invalidArg(op, "Name is required")
	case req.Product == 0:
		return nil, invalidArg(op, "Product is required")
	}
	body := *req
	body.IngressTrunk = orEmpty(req.IngressTrunk)
	return sendJSON[OutboundVoiceProfile](ctx, s.client, op, "POST", "/profile/outbound_voice", body, opts)
}

// Get returns one outbound voice profile (GET /profile/outbound_voice/{uuid}).
func (s *OutboundVoiceProfilesService) Get(ctx context.Context, uuid string, opts ...CallOption) (*OutboundVoiceProfile, error) {
	return getAt[OutboundVoiceProfile](ctx, s.client, "OutboundVoiceProfiles.Get", "/profile/outbound_voice/{uuid}", opts, uuid)
}

// Update changes an outbound voice profile (PATCH /profile/outbound_voice/{uuid}).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *OutboundVoiceProfilesService) Update(ctx context.Context, uuid string, req *OutboundVoiceProfileUpdateRequest, opts ...CallOption) (*OutboundVoiceProfile, error) {
	return patchAt[OutboundVoiceProfile](ctx, s.client, "OutboundVoiceProfiles.Update", "/profile/outbound_voice/{uuid}", req, opts, uuid)
}

// Delete deletes an outbound voice profile (DELETE /profile/outbound_voice/{uuid})
// and returns it.
func (s *OutboundVoiceProfilesService) Delete(ctx context.Context, uuid string, opts ...CallOption) (*OutboundVoiceProfile, error) {
	return deleteAt[OutboundVoiceProfile](ctx, s.client, "OutboundVoiceProfiles.Delete", "/profile/outbound_voice/{uuid}", opts, uuid)
}
