package webhook

import (
	"fmt"
	"strings"
)

// MethodError reports a request whose HTTP method the endpoint does not
// accept. Handlers answer it with 405 Method Not Allowed and an Allow header
// listing Allowed.
type MethodError struct {
	Method  string   // the method of the request
	Allowed []string // the methods the endpoint accepts
}

// Error implements error.
func (e *MethodError) Error() string {
	return fmt.Sprintf("webhook: method %q not allowed (allowed: %s)", e.Method, strings.Join(e.Allowed, ", "))
}

// TooLargeError reports a request body longer than the limit set with
// WithMaxBodyBytes. Handlers answer it with 413 Content Too Large.
type TooLargeError struct {
	Limit int64 // the limit in bytes
}

// Error implements error.
func (e *TooLargeError) Error() string {
	return fmt.Sprintf("webhook: request body larger than %d bytes", e.Limit)
}
