package webhook

import (
	"errors"
	"fmt"

	"github.com/opentact-go/opentact/render"
)

// ErrNoFlow is reported when a CallFlowFunc returns neither a document nor
// an error.
var ErrNoFlow = errors.New("webhook: call flow function returned no document")

// PanicError reports a handler function (a CallFlowFunc or an EventFunc)
// that panicked. The handler recovers, answers (with the fallback flow for
// call-flow requests, 500 for event webhooks) and gives this error to the
// error hook.
type PanicError struct {
	Value any    // the value passed to panic
	Stack []byte // the goroutine's stack at the panic
}

// Error implements error.
func (e *PanicError) Error() string {
	return fmt.Sprintf("webhook: handler function panicked: %v", e.Value)
}

// Unwrap returns the panic value when it is an error.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// WarningsError reports the warnings of a document a CallFlowHandler served
// all the same (a command after Hangup that never runs, a legacy element,
// …). The handler gives it to the error hook, so that warnings are never
// silent; render.IsWarnings is true for it.
type WarningsError struct {
	Warnings render.Diagnostics // the document's findings, warnings only
}

// Error implements error.
func (e *WarningsError) Error() string {
	return "webhook: the served document has warnings: " + e.Warnings.Error()
}

// Unwrap returns the warnings.
func (e *WarningsError) Unwrap() error { return e.Warnings }
