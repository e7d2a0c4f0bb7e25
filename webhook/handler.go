package webhook

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"strconv"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// CallFlowFunc returns the document to run next on a call. Its result shape
// matches the builder's Build method, so a function can end with
// `return menu.Build()`. It must honour ctx: when the handler's timeout
// expires, its result is discarded.
type CallFlowFunc func(ctx context.Context, r *CallFlowRequest) (*verbs.Response, error)

// CallFlowHandler serves call-flow documents over HTTP. It answers every
// request it accepts with 200 and a document: the one its CallFlowFunc
// returns, or the fallback flow when the function fails, panics, runs out of
// time or returns an invalid document, or when the request body cannot be
// decoded. Its only other answers are 405 for a method it does not accept
// and 413 for a body over the limit. Every failure, these two included, goes
// to the error hook once (WithErrorHook).
type CallFlowHandler struct {
	fn       CallFlowFunc
	s        *settings
	fallback []byte
}

// NewCallFlowHandler returns a handler serving the documents of fn. It
// renders the fallback flow once (WithFallback) or checks a rendered one
// (WithFallbackXML) and returns the error if that fails.
func NewCallFlowHandler(fn CallFlowFunc, opts ...Option) (*CallFlowHandler, error) {
	if fn == nil {
		return nil, errors.New("webhook: NewCallFlowHandler: nil CallFlowFunc")
	}
	s, err := newSettings(opts)
	if err != nil {
		return nil, err
	}
	fallback, err := s.renderFallback()
	if err != nil {
		return nil, err
	}
	return &CallFlowHandler{fn: fn, s: s, fallback: fallback}, nil
}

// ServeHTTP implements http.Handler.
func (h *CallFlowHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, err := h.s.parse(w, r)
	var me *MethodError
	var tle *TooLargeError
	switch {
	case errors.As(err, &me):
		h.s.errorHook(r, err)
		w.Header().Set("Allow", h.s.allowHeader())
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	case errors.As(err, &tle):
		h.s.errorHook(r, err)
		http.Error(w, http.StatusText(http.StatusRequestEntityTooLarge), http.StatusRequestEntityTooLarge)
		return
	}
	var doc []byte
	if err == nil {
		doc, err = h.document(r, req)
	}
	if err != nil {
		h.s.errorHook(r, err)
		doc = h.fallback
	}
	hdr := w.Header()
	hdr.Set("Content-Type", "application/xml; charset=utf-8")
	hdr.Set("Content-Length", strconv.Itoa(len(doc)))
	hdr.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(doc); err != nil {
		h.s.errorHook(r, fmt.Errorf("webhook: writing the reply: %w", err))
	}
}

// httpRequestKey is the context key of the request a CallFlowFunc serves.
type httpRequestKey struct{}

// HTTPRequest returns the HTTP request that a CallFlowHandler is answering,
// from the context it passes to its CallFlowFunc, and nil for any other
// context. A CallFlowFunc uses it to build absolute URLs back to the
// application with CallbackURL.
func HTTPRequest(ctx context.Context) *http.Request {
	r, _ := ctx.Value(httpRequestKey{}).(*http.Request)
	return r
}

// result is what a run of the CallFlowFunc produced.
type result struct {
	doc   *verbs.Response
	err   error
	abort bool // fn panicked with http.ErrAbortHandler
}

// document runs the CallFlowFunc under the timeout and renders its
// document.
func (h *CallFlowHandler) document(r *http.Request, req *CallFlowRequest) ([]byte, error) {
	ctx := context.WithValue(r.Context(), httpRequestKey{}, r)
	if h.s.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, h.s.timeout)
		defer cancel()
	}
	done := make(chan result, 1) // buffered: a late run never blocks
	go func() { done <- h.run(ctx, req) }()
	select {
	case res := <-done:
		return h.reply(res)
	case <-ctx.Done():
	}
	// The context ended first: the function's result, even one that comes
	// at once because the function honours ctx, is discarded.
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, fmt.Errorf("webhook: call flow function did not return within %v: %w", h.s.timeout, ctx.Err())
	}
	return nil, fmt.Errorf("webhook: request ended before the call flow function returned: %w", ctx.Err())
}

// reply turns the result of the CallFlowFunc into the bytes of its
// document.
func (h *CallFlowHandler) reply(res result) ([]byte, error) {
	if res.abort {
		panic(http.ErrAbortHandler) // net/http's signal to abort the reply
	}
	if res.err != nil {
		return nil, res.err
	}
	if res.doc == nil {
		return nil, ErrNoFlow
	}
	out, err := render.Marshal(res.doc)
	if err != nil {
		return nil, fmt.Errorf("webhook: invalid call flow document: %w", err)
	}
	return out, nil
}

// run calls the CallFlowFunc, turning a panic into a *PanicError.
func (h *CallFlowHandler) run(ctx context.Context, req *CallFlowRequest) (res result) {
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				res = result{abort: true}
				return
			}
			res = result{err: &PanicError{Value: v, Stack: debug.Stack()}}
		}
	}()
	doc, err := h.fn(ctx, req)
	return result{doc: doc, err: err}
}
