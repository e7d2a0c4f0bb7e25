package events

import (
	"context"
	"errors"
	"testing"
)

func TestStreamErrorStrings(t *testing.T) {
	t.Parallel()
	closed := errors.New("read: EOF")
	tests := []struct {
		err    error
		want   string
		unwrap error
	}{
		{&AuthError{Reason: AuthRejected}, "events: authentication rejected", nil},
		{&AuthError{Reason: AuthRejected, Message: "bad token"}, "events: authentication rejected: bad token", nil},
		{&AuthError{Reason: AuthRejected, Message: "bad\nlevel=INFO msg=\x1b[2Kok"},
			`events: authentication rejected: bad\nlevel=INFO msg=\x1b[2Kok`, nil},
		{&AuthError{Reason: AuthClosed, CloseCode: 1006, Err: closed},
			"events: connection closed before the authentication reply (code 1006)", closed},
		{&AuthError{Reason: AuthClosed, CloseCode: 4001, CloseReason: "expired"},
			`events: connection closed before the authentication reply (code 4001, "expired")`, nil},
		{&AuthError{Reason: AuthTimeout, Err: context.DeadlineExceeded},
			"events: no authentication reply within the auth timeout", context.DeadlineExceeded},
		{&AuthError{Reason: "odd"}, "events: authentication failed: odd", nil},
		{&ReconnectError{Attempts: 3, Last: closed}, "events: giving up after 3 failed connection attempts: read: EOF", closed},
		{&DecodeError{Offset: 17, Msg: "invalid character 'x' looking for beginning of value"},
			"events: invalid JSON at offset 17: invalid character 'x' looking for beginning of value", nil},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if got := errors.Unwrap(tt.err); got != tt.unwrap {
			t.Errorf("Unwrap(%q) = %v, want %v", tt.want, got, tt.unwrap)
		}
	}
}
