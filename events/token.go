package events

import (
	"context"
	"errors"
)

// TokenSource supplies JWTs for the event websocket. *client.Client
// implements it. A token is fetched before every connection attempt.
//
// An error for which errors.Is(err, client.ErrUnauthorized) is true ends the
// stream; any other error counts as a failed attempt and is retried.
type TokenSource interface {
	Token(ctx context.Context) (string, error)
}

// tokenInvalidator is implemented by token sources that can forget a token
// the server rejected, so that the next Token call logs in afresh.
type tokenInvalidator interface {
	InvalidateToken(token string)
}

// StaticToken returns a TokenSource that always supplies jwt. It suits tests
// and applications that manage tokens themselves; an empty jwt makes every
// Token call fail.
func StaticToken(jwt string) TokenSource { return staticToken(jwt) }

type staticToken string

// Token implements TokenSource.
func (t staticToken) Token(context.Context) (string, error) {
	if t == "" {
		return "", errors.New("events: static token is empty")
	}
	return string(t), nil
}
