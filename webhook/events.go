package webhook

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"

	"github.com/opentact-go/opentact/events"
)

// EventFunc handles one event webhook. It should be idempotent: Opentact
// may report the same state more than once (key SMS on uuid, state and
// delivered; calls on the call's uuid and state).
type EventFunc func(ctx context.Context, ev events.Event) error

// EventHandler receives event webhooks, decodes them into events.Event and
// passes them to an EventFunc. Its answers:
//
//   - 200 {"success":true} when the function returns nil;
//   - 500 "internal error" when it returns an error or panics;
//   - 400 "invalid JSON" for a body that is not a JSON object (the function
//     is not called);
//   - 405 with "Allow: GET, POST" for other methods;
//   - 413 for a body over the limit (WithMaxBodyBytes).
//
// Every error goes to the error hook (WithErrorHook), which by default logs
// the method and path, never the query or the body.
type EventHandler struct {
	fn       EventFunc
	s        *settings
	wireType string
}

// NewCallEventHandler returns a handler for a SIP control app's webhook_url:
// each request is decoded as by ParseCallEvent and passed to fn.
func NewCallEventHandler(fn EventFunc, opts ...Option) (*EventHandler, error) {
	return newEventHandler("NewCallEventHandler", events.TypeCallState, fn, opts)
}

// NewSMSEventHandler returns a handler for a messaging profile's
// callback_url and callback_url2 and for a message's custom_callback_url:
// each request is decoded as by ParseSMSEvent and passed to fn.
func NewSMSEventHandler(fn EventFunc, opts ...Option) (*EventHandler, error) {
	return newEventHandler("NewSMSEventHandler", events.TypeSMS, fn, opts)
}

func newEventHandler(name, wireType string, fn EventFunc, opts []Option) (*EventHandler, error) {
	if fn == nil {
		return nil, fmt.Errorf("webhook: %s: nil EventFunc", name)
	}
	s, err := newSettings(opts)
	if err != nil {
		return nil, err
	}
	return &EventHandler{fn: fn, s: s, wireType: wireType}, nil
}

// ServeHTTP implements http.Handler.
func (h *EventHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ev, err := h.s.parseEvent(w, r, h.wireType)
	if err != nil {
		h.s.errorHook(r, err)
		var me *MethodError
		var tle *TooLargeError
		var de *events.DecodeError
		switch {
		case errors.As(err, &me):
			w.Header().Set("Allow", "GET, POST")
			http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		case errors.As(err, &tle):
			http.Error(w, http.StatusText(http.StatusRequestEntityTooLarge), http.StatusRequestEntityTooLarge)
		case errors.As(err, &de):
			http.Error(w, "invalid JSON", http.StatusBadRequest)
		default:
			http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
		}
		return
	}
	if err := h.call(r.Context(), ev); err != nil {
		h.s.errorHook(r, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write([]byte(`{"success":true}`)); err != nil {
		h.s.errorHook(r, fmt.Errorf("webhook: writing the reply: %w", err))
	}
}

// call runs the EventFunc, turning a panic into a *PanicError. A panic with
// http.ErrAbortHandler is re-raised, as net/http expects.
func (h *EventHandler) call(ctx context.Context, ev events.Event) (err error) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			err = &PanicError{Value: v, Stack: debug.Stack()}
		}
	}()
	return h.fn(ctx, ev)
}
