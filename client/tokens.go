package client

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// TokensService manages API tokens (/token).
type TokensService service

// Token is an API token. Token.Token is the secret to use with APIToken;
// printing or logging a Token never shows it.
type Token struct {
	UUID       string    `json:"uuid"`  // used by Update
	Token      string    `json:"token"` // the secret; used by Delete and APIToken
	Name       string    `json:"name"`
	ExpiredOn  time.Time `json:"expired_on"`
	TTL        int       `json:"ttl"` // lifetime in seconds, when echoed
	CreatedOn  time.Time `json:"created_on"`
	ModifiedOn time.Time `json:"modified_on"`
}

// String describes the token without its secret.
func (t Token) String() string {
	return fmt.Sprintf("client.Token{UUID: %q, Name: %q, Token: %s, ExpiredOn: %s}",
		t.UUID, t.Name, redacted, t.ExpiredOn.Format(time.RFC3339))
}

// GoString is the same as String.
func (t Token) GoString() string { return t.String() }

// Format prints String for every fmt verb (GoString for %#v).
func (t Token) Format(f fmt.State, verb rune) { formatRedacted(f, verb, t) }

// LogValue describes the token to log/slog without its secret.
func (t Token) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("uuid", t.UUID),
		slog.String("name", t.Name),
		slog.String("token", redacted),
		slog.Time("expired_on", t.ExpiredOn),
	)
}

// TokenCreateRequest is the body of Tokens.Create.
type TokenCreateRequest struct {
	Name string `json:"name"`          // label; required
	TTL  *int   `json:"ttl,omitempty"` // lifetime in seconds (at least 60); nil = Opentact's default
}

// TokenUpdateRequest is the body of Tokens.Update; unset members are unchanged.
type TokenUpdateRequest struct {
	Name string `json:"name,omitempty"`
	TTL  *int   `json:"ttl,omitempty"` // lifetime in seconds
}

// Create makes a new API token (POST /token). The reply holds the secret
// once; keep it.
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *TokensService) Create(ctx context.Context, req *TokenCreateRequest, opts ...CallOption) (*Token, error) {
	const op = "Tokens.Create"
	if req == nil {
		return nil, invalidArg(op, "nil request")
	}
	if req.Name == "" {
		return nil, invalidArg(op, "Name is required")
	}
	return sendJSON[Token](ctx, s.client, op, "POST", "/token", req, opts)
}

// List returns the user's API tokens (GET /token/list).
func (s *TokensService) List(ctx context.Context, opts ...CallOption) ([]*Token, error) {
	return listAt[Token](ctx, s.client, "Tokens.List", "/token/list", opts)
}

// Update renames a token or changes its lifetime (PATCH /token/{uuid}).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *TokensService) Update(ctx context.Context, uuid string, req *TokenUpdateRequest, opts ...CallOption) (*Token, error) {
	return patchAt[Token](ctx, s.client, "Tokens.Update", "/token/{uuid}", req, opts, uuid)
}

// Delete deletes one API token (DELETE /token/{token}). The argument is the
// token string itself, not its uuid; errors and logs show it as [REDACTED].
// The string "all" is refused: its path is the route of DeleteAll.
func (s *TokensService) Delete(ctx context.Context, token string, opts ...CallOption) (*Token, error) {
	const op = "Tokens.Delete"
	if token == "all" {
		// DELETE /token/all is DeleteAll's route: refuse rather than wipe every token.
		return nil, invalidArg(op, `token "all" names the DeleteAll route`)
	}
	p, err := buildPath(op, "/token/{token}", token)
	if err != nil {
		return nil, err
	}
	r := &request{op: op, method: "DELETE", path: p, logPath: "/token/" + redacted}
	return getEcho[Token](ctx, s.client, r, opts)
}

// DeleteAll deletes every API token of the user (DELETE /token/all). A
// client using one of them gets 401 afterwards.
func (s *TokensService) DeleteAll(ctx context.Context, opts ...CallOption) error {
	return sendOnly(ctx, s.client, &request{op: "Tokens.DeleteAll", method: "DELETE", path: "/token/all"}, opts)
}
