package events

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/opentact-go/opentact/internal/printable"
)

var (
	// ErrStreamBusy is yielded when a Stream is iterated while another
	// iteration of it is still running.
	ErrStreamBusy = errors.New("events: stream is already being iterated")

	// ErrKeepAliveTimeout is the cause of a connection loss when the server
	// did not answer a ping within the pong timeout.
	ErrKeepAliveTimeout = errors.New("events: no pong from the server within the pong timeout")

	// ErrIterationEnded is the cause of the gap that opens a Stream's
	// iteration when an earlier iteration of the same Stream ended.
	ErrIterationEnded = errors.New("events: previous iteration of the stream ended")
)

// AuthReason tells why authenticating the event websocket failed.
type AuthReason string

// The reasons of an AuthError.
const (
	AuthRejected AuthReason = "rejected" // the server answered the auth frame negatively
	AuthClosed   AuthReason = "closed"   // the server closed the socket before replying
	AuthTimeout  AuthReason = "timeout"  // no reply within the auth timeout
)

// AuthError reports a failed authentication of the event websocket.
type AuthError struct {
	Reason      AuthReason
	Message     string          // AuthRejected: the reply's message
	Raw         json.RawMessage // AuthRejected: the reply frame, verbatim
	CloseCode   int             // AuthClosed: the close code, 1006 when the socket ended without a close frame
	CloseReason string          // AuthClosed: the close reason
	Err         error           // the underlying error (context.DeadlineExceeded for AuthTimeout)
}

// Error implements error.
func (e *AuthError) Error() string {
	switch e.Reason {
	case AuthRejected:
		if e.Message == "" {
			return "events: authentication rejected"
		}
		return "events: authentication rejected: " + printable.String(e.Message)
	case AuthClosed:
		if e.CloseReason == "" {
			return fmt.Sprintf("events: connection closed before the authentication reply (code %d)", e.CloseCode)
		}
		return fmt.Sprintf("events: connection closed before the authentication reply (code %d, %q)", e.CloseCode, e.CloseReason)
	case AuthTimeout:
		return "events: no authentication reply within the auth timeout"
	}
	return "events: authentication failed: " + string(e.Reason)
}

// Unwrap returns the underlying error.
func (e *AuthError) Unwrap() error { return e.Err }

// ReconnectError ends a stream that could not connect: the initial attempts
// of an iteration all failed, or WithMaxAttempts consecutive attempts failed
// after a connection was lost.
type ReconnectError struct {
	Attempts int       // consecutive failed attempts
	Since    time.Time // start of the window without a connection: the iteration's start, or the last proof of life of the lost connection
	Last     error     // the last attempt's error
}

// Error implements error.
func (e *ReconnectError) Error() string {
	return fmt.Sprintf("events: giving up after %d failed connection attempts: %v", e.Attempts, e.Last)
}

// Unwrap returns the last attempt's error.
func (e *ReconnectError) Unwrap() error { return e.Last }
