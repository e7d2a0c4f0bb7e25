package client

import (
	"context"
	"time"
)

// SIPDomainsService manages SIP domains (/sip/domain), keyed by their name.
type SIPDomainsService service

// SIPDomain is a home for SIP users, optionally routed to a SIP connection,
// a SIP control app and an outbound voice profile.
type SIPDomain struct {
	Domain               string                `json:"domain"` // the key, e.g. acme.sip.opentact.org
	SIPConnection        *SIPConnection        `json:"sip_connection"`
	SIPControlApp        *SIPControlApp        `json:"sip_control_app"`
	OutboundVoiceProfile *OutboundVoiceProfile `json:"outbound_voice_profile"`
	Users                []*SIPUser            `json:"sip_users"`
	Invites              []*SIPUserInvite      `json:"sip_user_invites"`
	CreatedOn            time.Time             `json:"created_on"`
	ModifiedOn           time.Time             `json:"modified_on"`
}

// UnmarshalJSON accepts the object, {}, null or a bare domain name.
func (d *SIPDomain) UnmarshalJSON(b []byte) error {
	type plain SIPDomain
	return unmarshalRef(b, "SIP domain", (*plain)(d), func(s string) { d.Domain = s }, nil)
}

// SIPDomainCreateRequest is the body of SIPDomains.Create.
type SIPDomainCreateRequest struct {
	Domain               string `json:"domain"`                           // the domain name; required
	SIPConnection        string `json:"sip_connection,omitempty"`         // SIP connection uuid
	SIPControlApp        string `json:"sip_control_app,omitempty"`        // SIP control app uuid
	OutboundVoiceProfile string `json:"outbound_voice_profile,omitempty"` // outbound voice profile uuid
}

// SIPDomainUpdateRequest is the body of SIPDomains.Update; unset members
// are unchanged and Null detaches.
type SIPDomainUpdateRequest struct {
	SIPConnection        Nullable[string] `json:"sip_connection,omitzero"`
	SIPControlApp        Nullable[string] `json:"sip_control_app,omitzero"`
	OutboundVoiceProfile Nullable[string] `json:"outbound_voice_profile,omitzero"`
}

// List returns the SIP domains (GET /sip/domain).
func (s *SIPDomainsService) List(ctx context.Context, opts ...CallOption) ([]*SIPDomain, error) {
	return listAt[SIPDomain](ctx, s.client, "SIPDomains.List", "/sip/domain", opts)
}

// Create makes a SIP domain (POST /sip/domain).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPDomainsService) Create(ctx context.Context, req *SIPDomainCreateRequest, opts ...CallOption) (*SIPDomain, error) {
	const op = "SIPDomains.Create"
	switch {
	case req == nil:
		return nil, invalidArg(op, "nil request")
	case req.Domain == "":
		return nil, invalidArg(op, "Domain is required")
	}
	return sendJSON[SIPDomain](ctx, s.client, op, "POST", "/sip/domain", req, opts)
}

// Get returns one SIP domain (GET /sip/domain/{domain}).
func (s *SIPDomainsService) Get(ctx context.Context, domain string, opts ...CallOption) (*SIPDomain, error) {
	return getAt[SIPDomain](ctx, s.client, "SIPDomains.Get", "/sip/domain/{domain}", opts, domain)
}

// Update changes the routing of a SIP domain (PATCH /sip/domain/{domain}).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPDomainsService) Update(ctx context.Context, domain string, req *SIPDomainUpdateRequest, opts ...CallOption) (*SIPDomain, error) {
	return patchAt[SIPDomain](ctx, s.client, "SIPDomains.Update", "/sip/domain/{domain}", req, opts, domain)
}

// Delete deletes a SIP domain (DELETE /sip/domain/{domain}) and returns it.
// Opentact answers 409 (ErrConflict) while the domain has users.
func (s *SIPDomainsService) Delete(ctx context.Context, domain string, opts ...CallOption) (*SIPDomain, error) {
	return deleteAt[SIPDomain](ctx, s.client, "SIPDomains.Delete", "/sip/domain/{domain}", opts, domain)
}
