package client

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// SIPUsersService manages the SIP users of a domain (/sip/domain/{domain}/user).
type SIPUsersService service

// SIPUser is a registrable SIP account in a SIP domain. Password digests in
// replies are deliberately not decoded.
type SIPUser struct {
	UUID                string     `json:"uuid"`
	Login               string     `json:"login"`
	FirstName           string     `json:"first_name"`
	LastName            string     `json:"last_name"`
	Email               string     `json:"email"`
	PhoneNumber         string     `json:"phone_number"`
	Avatar              string     `json:"avatar"`
	DOB                 string     `json:"dob"`
	Gender              Gender     `json:"gender"`
	SameDomainCallsOnly bool       `json:"same_domain_calls_only"`
	IsActive            bool       `json:"is_active"`
	State               string     `json:"state"`    // registration state, e.g. online
	Lease               *Lease     `json:"tn_lease"` // the user's phone number
	SIPDomain           *SIPDomain `json:"sip_domain"`
	CreatedOn           time.Time  `json:"created_on"`
	ModifiedOn          time.Time  `json:"modified_on"`
}

// UnmarshalJSON accepts the object, {}, null or a bare uuid string.
func (u *SIPUser) UnmarshalJSON(b []byte) error {
	type plain SIPUser
	return unmarshalRef(b, "SIP user", (*plain)(u), func(s string) { u.UUID = s }, nil)
}

// SIPUserCreateRequest is the body of SIPUsers.Create. Printing or logging
// it never shows the password.
type SIPUserCreateRequest struct {
	Login               string `json:"login"`    // SIP user name; required
	Password            string `json:"password"` // SIP password; required; secret
	FirstName           string `json:"first_name,omitempty"`
	LastName            string `json:"last_name,omitempty"`
	Email               string `json:"email,omitempty"`
	PhoneNumber         string `json:"phone_number,omitempty"`
	Avatar              string `json:"avatar,omitempty"` // image URL
	SameDomainCallsOnly *bool  `json:"same_domain_calls_only,omitempty"`
	DOB                 string `json:"dob,omitempty"` // date of birth, passed through
	Gender              Gender `json:"gender,omitempty"`
}

// String describes the request without the password.
func (r SIPUserCreateRequest) String() string {
	return fmt.Sprintf("client.SIPUserCreateRequest{Login: %q, Password: %s, Email: %q}", r.Login, redacted, r.Email)
}

// GoString is the same as String.
func (r SIPUserCreateRequest) GoString() string { return r.String() }

// Format prints String for every fmt verb (GoString for %#v).
func (r SIPUserCreateRequest) Format(f fmt.State, verb rune) { formatRedacted(f, verb, r) }

// LogValue describes the request to log/slog without the password.
func (r SIPUserCreateRequest) LogValue() slog.Value {
	return slog.GroupValue(slog.String("login", r.Login), slog.String("password", redacted), slog.String("email", r.Email))
}

// SIPUserUpdateRequest is the body of SIPUsers.Update; unset members are
// unchanged. Printing or logging it never shows the password.
type SIPUserUpdateRequest struct {
	Login               string           `json:"login,omitempty"`
	Password            string           `json:"password,omitempty"` // secret
	FirstName           string           `json:"first_name,omitempty"`
	LastName            string           `json:"last_name,omitempty"`
	Email               string           `json:"email,omitempty"`
	PhoneNumber         string           `json:"phone_number,omitempty"`
	Avatar              string           `json:"avatar,omitempty"`
	SameDomainCallsOnly *bool            `json:"same_domain_calls_only,omitempty"`
	DOB                 string           `json:"dob,omitempty"`
	Gender              Gender           `json:"gender,omitempty"`
	IsActive            *bool            `json:"is_active,omitempty"` // enable or disable the user
	TNLease             Nullable[string] `json:"tn_lease,omitzero"`   // lease uuid of the user's number; Null removes it
}

// String describes the request without the password.
func (r SIPUserUpdateRequest) String() string {
	pw := ""
	if r.Password != "" {
		pw = redacted
	}
	return fmt.Sprintf("client.SIPUserUpdateRequest{Login: %q, Password: %s, Email: %q}", r.Login, pw, r.Email)
}

// GoString is the same as String.
func (r SIPUserUpdateRequest) GoString() string { return r.String() }

// Format prints String for every fmt verb (GoString for %#v).
func (r SIPUserUpdateRequest) Format(f fmt.State, verb rune) { formatRedacted(f, verb, r) }

// LogValue describes the request to log/slog without the password.
func (r SIPUserUpdateRequest) LogValue() slog.Value {
	return slog.GroupValue(slog.String("login", r.Login), slog.String("password", redacted), slog.String("email", r.Email))
}

// List returns the users of a SIP domain (GET /sip/domain/{domain}/user).
func (s *SIPUsersService) List(ctx context.Context, domain string, opts ...CallOption) ([]*SIPUser, error) {
	return listAt[SIPUser](ctx, s.client, "SIPUsers.List", "/sip/domain/{domain}/user", opts, domain)
}

// Create makes a SIP user in a domain (POST /sip/domain/{domain}/user).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPUsersService) Create(ctx context.Context, domain string, req *SIPUserCreateRequest, opts ...CallOption) (*SIPUser, error) {
	const op = "SIPUsers.Create"
	p, err := buildPath(op, "/sip/domain/{domain}/user", domain)
	if err != nil {
		return nil, err
	}
	switch {
	case req == nil:
		return nil, invalidArg(op, "nil request")
	case req.Login == "":
		return nil, invalidArg(op, "Login is required")
	case req.Password == "":
		return nil, invalidArg(op, "Password is required")
	}
	return sendJSON[SIPUser](ctx, s.client, op, "POST", p, req, opts)
}

// Get returns one SIP user (GET /sip/domain/{domain}/user/{uuid}).
func (s *SIPUsersService) Get(ctx context.Context, domain, uuid string, opts ...CallOption) (*SIPUser, error) {
	return getAt[SIPUser](ctx, s.client, "SIPUsers.Get", "/sip/domain/{domain}/user/{uuid}", opts, domain, uuid)
}

// Update changes a SIP user (PATCH /sip/domain/{domain}/user/{uuid}).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPUsersService) Update(ctx context.Context, domain, uuid string, req *SIPUserUpdateRequest, opts ...CallOption) (*SIPUser, error) {
	return patchAt[SIPUser](ctx, s.client, "SIPUsers.Update", "/sip/domain/{domain}/user/{uuid}", req, opts, domain, uuid)
}

// Delete deletes a SIP user (DELETE /sip/domain/{domain}/user/{uuid}) and returns it.
func (s *SIPUsersService) Delete(ctx context.Context, domain, uuid string, opts ...CallOption) (*SIPUser, error) {
	return deleteAt[SIPUser](ctx, s.client, "SIPUsers.Delete", "/sip/domain/{domain}/user/{uuid}", opts, domain, uuid)
}
