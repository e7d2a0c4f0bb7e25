package client

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"
)

// SIPUserInvitesService manages invites with which people register SIP
// users in a domain themselves (/sip/domain/{domain}/invite).
type SIPUserInvitesService service

// SIPUserInvite is an invitation to register a SIP user. Printing or
// logging it never shows its token.
type SIPUserInvite struct {
	UUID       string     `json:"uuid"`
	Name       string     `json:"name"`
	ExpiredOn  time.Time  `json:"expired_on"`
	Token      string     `json:"token"` // the invite code; secret
	SIPDomain  *SIPDomain `json:"sip_domain"`
	CreatedOn  time.Time  `json:"created_on"`
	ModifiedOn time.Time  `json:"modified_on"`
}

// String describes the invite without its token.
func (i SIPUserInvite) String() string {
	return fmt.Sprintf("client.SIPUserInvite{UUID: %q, Name: %q, Token: %s, ExpiredOn: %s}",
		i.UUID, i.Name, redacted, i.ExpiredOn.Format(time.RFC3339))
}

// GoString is the same as String.
func (i SIPUserInvite) GoString() string { return i.String() }

// Format prints String for every fmt verb (GoString for %#v).
func (i SIPUserInvite) Format(f fmt.State, verb rune) { formatRedacted(f, verb, i) }

// LogValue describes the invite to log/slog without its token.
func (i SIPUserInvite) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("uuid", i.UUID),
		slog.String("name", i.Name),
		slog.String("token", redacted),
		slog.Time("expired_on", i.ExpiredOn),
	)
}

// SIPUserInviteCreateRequest is the body of SIPUserInvites.Create.
type SIPUserInviteCreateRequest struct {
	Name      string    // required
	ExpiredOn time.Time // when the invite stops working; required
}

// MarshalJSON writes the body with ExpiredOn in UTC with milliseconds.
func (r SIPUserInviteCreateRequest) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name      string   `json:"name"`
		ExpiredOn wireTime `json:"expired_on"`
	}{r.Name, wireTime(r.ExpiredOn)})
}

// Create makes an invite (POST /sip/domain/{domain}/invite). The reply
// holds the invite's token.
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPUserInvitesService) Create(ctx context.Context, domain string, req *SIPUserInviteCreateRequest, opts ...CallOption) (*SIPUserInvite, error) {
	const op = "SIPUserInvites.Create"
	p, err := buildPath(op, "/sip/domain/{domain}/invite", domain)
	if err != nil {
		return nil, err
	}
	switch {
	case req == nil:
		return nil, invalidArg(op, "nil request")
	case req.Name == "":
		return nil, invalidArg(op, "Name is required")
	case req.ExpiredOn.IsZero():
		return nil, invalidArg(op, "ExpiredOn is required")
	}
	return sendJSON[SIPUserInvite](ctx, s.client, op, "POST", p, req, opts)
}

// List returns the invites of a domain (GET /sip/domain/{domain}/invite).
func (s *SIPUserInvitesService) List(ctx context.Context, domain string, opts ...CallOption) ([]*SIPUserInvite, error) {
	return listAt[SIPUserInvite](ctx, s.client, "SIPUserInvites.List", "/sip/domain/{domain}/invite", opts, domain)
}

// Delete deletes an invite (DELETE /sip/domain/{domain}/invite/{uuid}) and returns it.
func (s *SIPUserInvitesService) Delete(ctx context.Context, domain, uuid string, opts ...CallOption) (*SIPUserInvite, error) {
	return deleteAt[SIPUserInvite](ctx, s.client, "SIPUserInvites.Delete", "/sip/domain/{domain}/invite/{uuid}", opts, domain, uuid)
}
