package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/opentact-go/opentact/internal/autherr"
	"github.com/opentact-go/opentact/internal/printable"
)

// Sentinel errors. Use errors.Is to test for them: an *APIError matches the
// sentinel of its status code, and local argument checks match ErrInvalidArgument.
var (
	// ErrNotFound matches a 404 reply.
	ErrNotFound = errors.New("opentact: not found")
	// ErrUnauthorized matches a 401 or 403 reply: credentials refused or access forbidden.
	// It is the same value package events tests token errors against.
	ErrUnauthorized = autherr.ErrUnauthorized
	// ErrInsufficientBalance matches a 402 reply: the account balance is too low.
	ErrInsufficientBalance = errors.New("opentact: insufficient balance")
	// ErrConflict matches a 409 reply: the object already exists or is still in use.
	ErrConflict = errors.New("opentact: conflict")
	// ErrRateLimited matches a 429 reply.
	ErrRateLimited = errors.New("opentact: rate limited")
	// ErrValidation matches a 400 reply, and a 500 reply that lists field errors.
	ErrValidation = errors.New("opentact: validation failed")
	// ErrInvalidArgument matches errors found before any I/O: a bad base URL or
	// option, an empty id, a nil request, a missing required member or an
	// out-of-range value.
	ErrInvalidArgument = errors.New("opentact: invalid argument")
	// ErrNoJWT is returned by Client.Token when the client uses an API token,
	// which cannot supply a JWT. Such errors also match ErrUnauthorized.
	ErrNoJWT = errors.New("opentact: no JWT for API-token credentials")
)

// APIError is an error reply from Opentact: any non-2xx status, or a 2xx
// reply whose envelope says "success": false.
//
// Neither Error nor GoString prints field values, bodies or query strings,
// so an APIError may be logged safely.
type APIError struct {
	Method     string                // HTTP method
	Path       string                // endpoint path without query; secret segments redacted
	StatusCode int                   // HTTP status of the reply
	Status     int                   // envelope "status"; 0 when absent
	Message    string                // envelope "message", or http.StatusText(StatusCode)
	Meta       string                // envelope "meta": the string, or its raw JSON text
	Fields     map[string]FieldError // envelope "fields"; nil when absent
	RequestID  string                // X-Request-Id reply header
	RetryAfter time.Duration         // parsed Retry-After; 0 when absent
	Attempts   int                   // HTTP attempts made, including the first
}

// FieldError is one entry of an error envelope's "fields": the problem with
// one request member.
type FieldError struct {
	Message string          `json:"message"`
	Value   json.RawMessage `json:"value,omitempty"` // may echo the caller's input; never printed
}

// code is the status compared with the sentinels: the HTTP status, or the
// envelope status when the HTTP status reports success.
func (e *APIError) code() int {
	if e.StatusCode >= 200 && e.StatusCode < 300 && e.Status != 0 {
		return e.Status
	}
	return e.StatusCode
}

// Error formats the error as
// "opentact: METHOD path: code message (fields: name: message; …) [request id]".
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("opentact: ")
	b.WriteString(e.Method)
	b.WriteByte(' ')
	b.WriteString(e.Path)
	b.WriteString(": ")
	b.WriteString(strconv.Itoa(e.code()))
	if e.Message != "" {
		b.WriteByte(' ')
		b.WriteString(printable.String(e.Message))
	}
	if len(e.Fields) > 0 {
		names := make([]string, 0, len(e.Fields))
		for name := range e.Fields {
			names = append(names, name)
		}
		sort.Strings(names)
		b.WriteString(" (fields: ")
		for i, name := range names {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(printable.String(name))
			b.WriteString(": ")
			b.WriteString(printable.String(e.Fields[name].Message))
		}
		b.WriteByte(')')
	}
	if e.RequestID != "" {
		b.WriteString(" [request ")
		b.WriteString(printable.String(e.RequestID))
		b.WriteByte(']')
	}
	return b.String()
}

// GoString returns the same text as Error, so that %#v never prints the
// values held in Fields.
func (e *APIError) GoString() string { return e.Error() }

// Format prints Error for every fmt verb, so that no verb (%d, %+v…)
// reaches the values held in Fields.
func (e *APIError) Format(f fmt.State, verb rune) {
	s := e.Error()
	if verb == 'q' {
		s = strconv.Quote(s)
	}
	_, _ = f.Write([]byte(s))
}

// Is reports whether the error matches target, one of the sentinels
// ErrNotFound, ErrUnauthorized, ErrInsufficientBalance, ErrConflict,
// ErrRateLimited or ErrValidation.
func (e *APIError) Is(target error) bool {
	code := e.code()
	switch target {
	case ErrNotFound:
		return code == http.StatusNotFound
	case ErrUnauthorized:
		return code == http.StatusUnauthorized || code == http.StatusForbidden
	case ErrInsufficientBalance:
		return code == http.StatusPaymentRequired
	case ErrConflict:
		return code == http.StatusConflict
	case ErrRateLimited:
		return code == http.StatusTooManyRequests
	case ErrValidation:
		return code == http.StatusBadRequest ||
			(code == http.StatusInternalServerError && len(e.Fields) > 0)
	}
	return false
}

// RequestError reports a request that got no usable HTTP reply: a dial, TLS
// or connection error, an attempt timeout, or the end of the caller's context.
// Err never is a *url.Error (whose text holds the full URL).
type RequestError struct {
	Method   string // HTTP method
	Path     string // endpoint path without query; secret segments redacted
	Attempts int    // HTTP attempts made, including the first
	Err      error  // the cause
}

// Error returns "opentact: METHOD path: cause".
func (e *RequestError) Error() string {
	msg := "opentact: " + e.Method + " " + e.Path + ": "
	if e.Err == nil {
		return msg + "request failed"
	}
	return msg + e.Err.Error()
}

// Unwrap returns the cause.
func (e *RequestError) Unwrap() error { return e.Err }

// DecodeError reports a 2xx reply whose body is not JSON or does not decode
// into the method's result type, or is larger than the client accepts.
type DecodeError struct {
	Method     string // HTTP method
	Path       string // endpoint path without query; secret segments redacted
	StatusCode int    // HTTP status of the reply
	Err        error  // the decoding error
}

// Error returns "opentact: METHOD path: decoding STATUS reply: cause".
func (e *DecodeError) Error() string {
	msg := fmt.Sprintf("opentact: %s %s: decoding %d reply", e.Method, e.Path, e.StatusCode)
	if e.Err == nil {
		return msg
	}
	return msg + ": " + e.Err.Error()
}

// Unwrap returns the decoding error.
func (e *DecodeError) Unwrap() error { return e.Err }

// argError is a local check that failed before any I/O; it matches ErrInvalidArgument.
type argError struct {
	op  string // where, e.g. "Leases.Get"
	msg string // what, e.g. "uuid is empty"
	err error  // the cause, such as a call flow's render.Diagnostics; may be nil
}

// Error returns "opentact: op: msg".
func (e *argError) Error() string {
	if e.op == "" {
		return "opentact: " + e.msg
	}
	return "opentact: " + e.op + ": " + e.msg
}

// Unwrap makes the error match ErrInvalidArgument and its cause.
func (e *argError) Unwrap() []error {
	if e.err == nil {
		return []error{ErrInvalidArgument}
	}
	return []error{ErrInvalidArgument, e.err}
}

// invalidArg returns an error matching ErrInvalidArgument that names op.
func invalidArg(op, format string, args ...any) error {
	return &argError{op: op, msg: fmt.Sprintf(format, args...)}
}

// noJWTError is returned by Client.Token for API-token credentials.
type noJWTError struct{}

// Error explains that API tokens cannot open the event websocket.
func (noJWTError) Error() string {
	return "opentact: API-token credentials cannot supply a JWT"
}

// Unwrap makes the error match both ErrNoJWT and ErrUnauthorized.
func (noJWTError) Unwrap() []error { return []error{ErrNoJWT, ErrUnauthorized} }

// sentinelError is an error with its own text that matches a sentinel.
type sentinelError struct {
	msg      string
	sentinel error
}

// Error returns the message.
func (e *sentinelError) Error() string { return e.msg }

// Unwrap returns the sentinel.
func (e *sentinelError) Unwrap() error { return e.sentinel }
