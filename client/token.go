package client

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"sync"
	"time"
)

// jwtCache holds the JWT of e-mail and password credentials and runs at
// most one login at a time.
type jwtCache struct {
	mu     sync.Mutex
	token  string
	exp    time.Time    // zero when the token's exp claim cannot be read
	flight *loginFlight // the login in progress, if any
}

// loginFlight is one login shared by every caller that waits for it.
type loginFlight struct {
	done  chan struct{}
	token string
	err   error
}

// Token returns a JWT for the event websocket: with e-mail and password
// credentials the cached JWT, logging in first (once, however many
// goroutines ask) when there is none or it is within the refresh margin of
// its expiry; with JWT credentials the caller's token. API-token credentials
// have no JWT: the error matches both ErrNoJWT and ErrUnauthorized.
func (c *Client) Token(ctx context.Context) (string, error) {
	switch cr := c.creds.(type) {
	case jwtToken:
		return cr.token, nil
	case apiToken:
		return "", noJWTError{}
	}
	return c.cachedJWT(ctx)
}

// InvalidateToken drops the cached JWT if it equals token, so that the next
// request or Token call logs in again. It does nothing for JWT and API-token
// credentials.
func (c *Client) InvalidateToken(token string) {
	if c.jwt == nil {
		return
	}
	c.jwt.mu.Lock()
	if c.jwt.token == token {
		c.jwt.token = ""
		c.jwt.exp = time.Time{}
	}
	c.jwt.mu.Unlock()
}

// cachedJWT returns the cached JWT or waits for a (shared) login.
func (c *Client) cachedJWT(ctx context.Context) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", &RequestError{Method: "GET", Path: "/auth", Err: err}
	}
	j := c.jwt
	j.mu.Lock()
	if j.token != "" && (j.exp.IsZero() || c.now().Before(j.exp.Add(-c.refreshMargin))) {
		tok := j.token
		j.mu.Unlock()
		return tok, nil
	}
	f := j.flight
	if f == nil {
		f = &loginFlight{done: make(chan struct{})}
		j.flight = f
		go c.runLogin(context.WithoutCancel(ctx), f)
	}
	j.mu.Unlock()
	select {
	case <-f.done:
		return f.token, f.err
	case <-ctx.Done():
		return "", &RequestError{Method: "GET", Path: "/auth", Err: ctx.Err()}
	}
}

// runLogin performs the login of flight f and publishes its result.
func (c *Client) runLogin(ctx context.Context, f *loginFlight) {
	res, err := c.login(ctx)
	j := c.jwt
	j.mu.Lock()
	if err == nil {
		j.token, j.exp = res.Token, c.freshExpiry(res.Token)
		f.token = res.Token
	}
	f.err = err
	j.flight = nil
	j.mu.Unlock()
	close(f.done)
}

// store replaces the cached JWT with the result of an explicit login; exp
// is its freshExpiry.
func (j *jwtCache) store(token string, exp time.Time) {
	j.mu.Lock()
	j.token, j.exp = token, exp
	j.mu.Unlock()
}

// freshExpiry is the expiry to cache for a token a login just returned. A
// token already within the refresh margin (a lifetime shorter than the
// margin, or a clock running ahead of the server's) is treated like one
// whose exp cannot be read: it is used until a 401, instead of every
// request logging in again.
func (c *Client) freshExpiry(token string) time.Time {
	exp := jwtExpiry(token)
	if !exp.IsZero() && !c.now().Before(exp.Add(-c.refreshMargin)) {
		return time.Time{}
	}
	return exp
}

// jwtExpiry reads the exp claim (Unix seconds) of a JWT without checking its
// signature. It returns the zero time when the claim cannot be read.
func jwtExpiry(token string) time.Time {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return time.Time{}
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return time.Time{}
	}
	var claims struct {
		Exp json.Number `json:"exp"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&claims); err != nil || claims.Exp == "" {
		return time.Time{}
	}
	exp, err := claims.Exp.Float64()
	if err != nil || exp <= 0 || exp >= 1<<53 {
		// Beyond 2^53 seconds the claim is no usable time (and int64
		// conversion would wrap): treated as unreadable.
		return time.Time{}
	}
	sec := int64(exp)
	return time.Unix(sec, int64((exp-float64(sec))*1e9))
}
