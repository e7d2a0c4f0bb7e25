package client

import (
	"context"
	"encoding/json"
	"time"
)

// MessagingProfilesService manages messaging profiles (/profile/messaging).
type MessagingProfilesService service

// MessagingProfile groups SMS numbers and says where inbound messages and
// delivery reports go.
type MessagingProfile struct {
	UUID             string          `json:"uuid"`
	Name             string          `json:"name"`
	CallbackURL      string          `json:"callback_url"`  // inbound SMS and delivery reports
	CallbackURL2     string          `json:"callback_url2"` // fallback when CallbackURL cannot be reached
	NumberPool       bool            `json:"number_pool_enable"`
	LongCodeWeight   int             `json:"long_code_weight"`
	TollFreeWeight   int             `json:"tollfree_weight"`
	SkipUnhealthyTNs bool            `json:"skip_unhealthy_tns"`
	StickySender     bool            `json:"sticky_sender"`
	Operators        json.RawMessage `json:"operators"` // per-carrier data
	CreatedOn        time.Time       `json:"created_on"`
	ModifiedOn       time.Time       `json:"modified_on"`
}

// UnmarshalJSON accepts the object, {}, null or a bare uuid string.
func (p *MessagingProfile) UnmarshalJSON(b []byte) error {
	type plain MessagingProfile
	return unmarshalRef(b, "messaging profile", (*plain)(p), func(s string) { p.UUID = s }, nil)
}

// MessagingProfileCreateRequest is the body of MessagingProfiles.Create.
type MessagingProfileCreateRequest struct {
	Name             string `json:"name"`                    // 1–255 characters; required
	CallbackURL      string `json:"callback_url,omitempty"`  // inbound SMS and delivery reports
	CallbackURL2     string `json:"callback_url2,omitempty"` // fallback webhook
	NumberPool       *bool  `json:"number_pool_enable,omitempty"`
	LongCodeWeight   *int   `json:"long_code_weight,omitempty"` // pool weight of local numbers, 0–9
	TollFreeWeight   *int   `json:"tollfree_weight,omitempty"`  // pool weight of toll-free numbers, 0–9
	SkipUnhealthyTNs *bool  `json:"skip_unhealthy_tns,omitempty"`
	StickySender     *bool  `json:"sticky_sender,omitempty"`
}

// MessagingProfileUpdateRequest is the body of MessagingProfiles.Update;
// unset members are unchanged and Null clears a callback URL.
type MessagingProfileUpdateRequest struct {
	Name             string           `json:"name,omitempty"`
	CallbackURL      Nullable[string] `json:"callback_url,omitzero"`
	CallbackURL2     Nullable[string] `json:"callback_url2,omitzero"`
	NumberPool       *bool            `json:"number_pool_enable,omitempty"`
	LongCodeWeight   *int             `json:"long_code_weight,omitempty"`
	TollFreeWeight   *int             `json:"tollfree_weight,omitempty"`
	SkipUnhealthyTNs *bool            `json:"skip_unhealthy_tns,omitempty"`
	StickySender     *bool            `json:"sticky_sender,omitempty"`
}

// List returns the messaging profiles (GET /profile/messaging).
func (s *MessagingProfilesService) List(ctx context.Context, opts ...CallOption) ([]*MessagingProfile, error) {
	return listAt[MessagingProfile](ctx, s.client, "MessagingProfiles.List", "/profile/messaging", opts)
}

// Create makes a messaging profile (POST /profile/messaging).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *MessagingProfilesService) Create(ctx context.Context, req *MessagingProfileCreateRequest, opts ...CallOption) (*MessagingProfile, error) {
	const op = "MessagingProfiles.Create"
	switch {
	case req == nil:
		return nil, invalidArg(op, "nil request")
	case req.Name == "":
		return nil, invalidArg(op, "Name is required")
	}
	return sendJSON[MessagingProfile](ctx, s.client, op, "POST", "/profile/messaging", req, opts)
}

// Get returns one messaging profile (GET /profile/messaging/{uuid}).
func (s *MessagingProfilesService) Get(ctx context.Context, uuid string, opts ...CallOption) (*MessagingProfile, error) {
	return getAt[MessagingProfile](ctx, s.client, "MessagingProfiles.Get", "/profile/messaging/{uuid}", opts, uuid)
}

// Update changes a messaging profile (PATCH /profile/messaging/{uuid}).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *MessagingProfilesService) Update(ctx context.Context, uuid string, req *MessagingProfileUpdateRequest, opts ...CallOption) (*MessagingProfile, error) {
	return patchAt[MessagingProfile](ctx, s.client, "MessagingProfiles.Update", "/profile/messaging/{uuid}", req, opts, uuid)
}

// Delete deletes a messaging profile (DELETE /profile/messaging/{uuid}) and returns it.
func (s *MessagingProfilesService) Delete(ctx context.Context, uuid string, opts ...CallOption) (*MessagingProfile, error) {
	return deleteAt[MessagingProfile](ctx, s.client, "MessagingProfiles.Delete", "/profile/messaging/{uuid}", opts, uuid)
}

// ListNumbers returns the numbers using a messaging profile
// (GET /profile/messaging/{uuid}/tnleases).
func (s *MessagingProfilesService) ListNumbers(ctx context.Context, uuid string, opts ...CallOption) ([]*Lease, error) {
	return listAt[Lease](ctx, s.client, "MessagingProfiles.ListNumbers", "/profile/messaging/{uuid}/tnleases", opts, uuid)
}
