package client

import (
	"fmt"
	"log/slog"
)

// redacted replaces every secret in printed output.
const redacted = "[REDACTED]"

// Credentials is how a Client authenticates. Build one with EmailPassword,
// JWT or APIToken; the set is closed.
//
// Credentials never print their secrets: String, GoString, every fmt verb,
// slog and encoding/json all show [REDACTED] in their place.
type Credentials interface {
	credentials() // seals the interface
	fmt.Stringer
	fmt.GoStringer
	slog.LogValuer
}

// EmailPassword returns credentials that log in with the portal e-mail
// address and password (HTTP Basic on GET /auth) and send the resulting JWT
// as X-Auth-Token, logging in again shortly before it expires.
func EmailPassword(email, password string) Credentials {
	return emailPassword{email: email, password: password}
}

// JWT returns credentials that send token as X-Auth-Token on every request.
// The client never logs in or refreshes the token.
func JWT(token string) Credentials { return jwtToken{token: token} }

// APIToken returns credentials that send an API token (from the portal or
// Tokens.Create) as "Authorization: Bearer", or as the bearer query
// parameter with WithAPITokenInQuery.
func APIToken(token string) Credentials { return apiToken{token: token} }

// emailPassword is mode A.
type emailPassword struct{ email, password string }

// jwtToken is mode B.
type jwtToken struct{ token string }

// apiToken is mode C.
type apiToken struct{ token string }

func (emailPassword) credentials() {}
func (jwtToken) credentials()      {}
func (apiToken) credentials()      {}

// The methods below print and encode the credentials with [REDACTED] in
// place of the secret; an e-mail address may show.

func (c emailPassword) String() string {
	return "client.EmailPassword(" + fmt.Sprintf("%q", c.email) + ", " + redacted + ")"
}
func (jwtToken) String() string { return "client.JWT(" + redacted + ")" }
func (apiToken) String() string { return "client.APIToken(" + redacted + ")" }

func (c emailPassword) GoString() string { return c.String() }
func (c jwtToken) GoString() string      { return c.String() }
func (c apiToken) GoString() string      { return c.String() }

func (c emailPassword) Format(f fmt.State, verb rune) { formatRedacted(f, verb, c) }
func (c jwtToken) Format(f fmt.State, verb rune)      { formatRedacted(f, verb, c) }
func (c apiToken) Format(f fmt.State, verb rune)      { formatRedacted(f, verb, c) }

func (c emailPassword) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("mode", "email_password"),
		slog.String("email", c.email),
		slog.String("password", redacted),
	)
}
func (jwtToken) LogValue() slog.Value {
	return slog.GroupValue(slog.String("mode", "jwt"), slog.String("token", redacted))
}
func (apiToken) LogValue() slog.Value {
	return slog.GroupValue(slog.String("mode", "api_token"), slog.String("token", redacted))
}

func (emailPassword) MarshalJSON() ([]byte, error) { return []byte(`"` + redacted + `"`), nil }
func (jwtToken) MarshalJSON() ([]byte, error)      { return []byte(`"` + redacted + `"`), nil }
func (apiToken) MarshalJSON() ([]byte, error)      { return []byte(`"` + redacted + `"`), nil }

// redactor is a value with redacted String and GoString forms.
type redactor interface {
	fmt.Stringer
	fmt.GoStringer
}

// formatRedacted prints v for every fmt verb: GoString for %#v, String
// otherwise, so that no verb (%d, %x, %+v…) can reach the secret fields.
func formatRedacted(f fmt.State, verb rune, v redactor) {
	s := v.String()
	if verb == 'v' && f.Flag('#') {
		s = v.GoString()
	}
	if verb == 'q' {
		s = fmt.Sprintf("%q", s)
	}
	_, _ = f.Write([]byte(s))
}
