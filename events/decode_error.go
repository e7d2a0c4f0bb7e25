package events

import "fmt"

// DecodeError reports input that is not exactly one JSON object.
type DecodeError struct {
	Offset int64  // byte offset of the problem in the input (0 for empty input or a non-object)
	Msg    string // what is wrong
	Err    error  // the underlying *json.SyntaxError, if any
}

// Error implements error.
func (e *DecodeError) Error() string {
	return fmt.Sprintf("events: invalid JSON at offset %d: %s", e.Offset, e.Msg)
}

// Unwrap returns the underlying syntax error, if any.
func (e *DecodeError) Unwrap() error { return e.Err }
