package client

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// AuthService logs in and reads the current user (GET /auth).
type AuthService service

// LoginResult is the reply of GET /auth: the user and a fresh JWT.
// Printing or logging it never shows the token.
type LoginResult struct {
	User  *User
	Token string // the JWT — secret
}

// String describes the result without its token.
func (r LoginResult) String() string {
	email := ""
	if r.User != nil {
		email = r.User.Email
	}
	return fmt.Sprintf("client.LoginResult{User: %q, Token: %s}", email, redacted)
}

// GoString is the same as String.
func (r LoginResult) GoString() string { return r.String() }

// Format prints String for every fmt verb (GoString for %#v).
func (r LoginResult) Format(f fmt.State, verb rune) { formatRedacted(f, verb, r) }

// LogValue describes the result to log/slog without its token.
func (r LoginResult) LogValue() slog.Value {
	if r.User == nil {
		return slog.GroupValue(slog.String("token", redacted))
	}
	return slog.GroupValue(
		slog.String("user", r.User.UUID),
		slog.String("email", r.User.Email),
		slog.String("token", redacted),
	)
}

// User is an Opentact portal user.
type User struct {
	UUID        string    `json:"uuid"`
	Email       string    `json:"email"`
	FirstName   string    `json:"first_name"`
	LastName    string    `json:"last_name"`
	PhoneNumber string    `json:"phone_number"`
	Avatar      string    `json:"avatar"`
	DOB         string    `json:"dob"`
	Gender      Gender    `json:"gender"`
	Role        Role      `json:"role"`
	WSSOnline   bool      `json:"wss_online"` // an event websocket is open
	Account     *Account  `json:"account"`
	CreatedOn   time.Time `json:"created_on"`
	ModifiedOn  time.Time `json:"modified_on"`
	DeletedOn   time.Time `json:"deleted_on"`
}

// UnmarshalJSON accepts the object, {}, null or a bare uuid string.
func (u *User) UnmarshalJSON(b []byte) error {
	type plain User
	return unmarshalRef(b, "user", (*plain)(u), func(s string) { u.UUID = s }, nil)
}

// Account is the account a user belongs to.
type Account struct {
	UUID       string       `json:"uuid"`
	Name       string       `json:"name"`
	Email      string       `json:"email"`
	Level      AccountLevel `json:"level"`
	Balance    float64      `json:"balance"` // prepaid balance
	CreatedOn  time.Time    `json:"created_on"`
	ModifiedOn time.Time    `json:"modified_on"`
	DeletedOn  time.Time    `json:"deleted_on"`
	DisabledOn time.Time    `json:"disabled_on"`
}

// UnmarshalJSON accepts the object, {}, null or a bare uuid string.
func (a *Account) UnmarshalJSON(b []byte) error {
	type plain Account
	return unmarshalRef(b, "account", (*plain)(a), func(s string) { a.UUID = s }, nil)
}

// Login calls GET /auth and returns the current user with a fresh JWT.
//
// With EmailPassword credentials it logs in with HTTP Basic (as the client
// does by itself when it needs a token) and also replaces the cached JWT.
// With JWT credentials Opentact answers with a fresh JWT, which is returned
// but not adopted. Whether API tokens are accepted here is not known.
func (s *AuthService) Login(ctx context.Context, opts ...CallOption) (*LoginResult, error) {
	c := s.client
	if c.jwt == nil {
		return c.getLogin(ctx, &request{op: "Auth.Login", method: "GET", path: "/auth"}, opts)
	}
	res, err := c.getLogin(ctx, loginRequest(), opts)
	if err != nil {
		return nil, err
	}
	c.jwt.store(res.Token, c.freshExpiry(res.Token))
	return res, nil
}

// loginRequest is GET /auth with HTTP Basic credentials.
func loginRequest() *request {
	return &request{op: "Auth.Login", method: "GET", path: "/auth", login: true}
}

// login performs the client's own login (e-mail and password credentials).
func (c *Client) login(ctx context.Context) (*LoginResult, error) {
	return c.getLogin(ctx, loginRequest(), nil)
}

// getLogin sends r (a GET /auth) and reads the user and token.
func (c *Client) getLogin(ctx context.Context, r *request, opts []CallOption) (*LoginResult, error) {
	rep, err := c.send(ctx, r, opts)
	if err != nil {
		return nil, err
	}
	var tok struct {
		Token string `json:"token"`
	}
	user := new(User)
	if isObject(rep.payload) {
		if err := decodeInto(r, rep, &tok); err != nil {
			return nil, err
		}
		if err := decodeInto(r, rep, user); err != nil {
			return nil, err
		}
	}
	if tok.Token == "" {
		return nil, &sentinelError{msg: "opentact: GET /auth: login reply carried no token", sentinel: ErrUnauthorized}
	}
	return &LoginResult{User: user, Token: tok.Token}, nil
}
