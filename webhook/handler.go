package webhook

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"sync"
	"time"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// Document is what a CallFlowFunc returns: a *flow.Flow, which the handler
// validates and renders once, straight into a reused buffer, or a
// *verbs.Response, such as the builder's Build method returns.
type Document interface {
	*flow.Flow | *verbs.Response
}

// CallFlowFunc returns the document to run next on a call: a *flow.Flow
// (CallFlowFunc[*flow.Flow]) or a *verbs.Response
// (CallFlowFunc[*verbs.Response]), so a function can end with `return
// menu, nil` or with `return menu.Build()`. It must honour ctx: when the
// handler's timeout expires, its result is discarded.
//
// The handler calls it on one of the package's long-lived worker
// goroutines, not on the goroutine serving the request, so that the
// fallback can be served on time however long the function runs; the
// function runs with the profiler labels of the request's context. It
// should leave nothing behind on its goroutine (such as
// runtime.LockOSThread without UnlockOSThread).
type CallFlowFunc[D Document] func(ctx context.Context, r *CallFlowRequest) (D, error)

// CallFlowHandler serves call-flow documents over HTTP. It answers every
// request it accepts with 200 and a document: the one its CallFlowFunc
// returns, or the fallback flow when the function fails, panics, runs out of
// time or returns an invalid document, or when the request body cannot be
// read in time or decoded. Its only other answers are 405 for a method it
// does not accept and 413 for a body over the limit. Every failure, these
// two included, goes to the error hook once (WithErrorHook); so do the
// warnings of a document that is served all the same.
type CallFlowHandler struct {
	fn       func(ctx context.Context, r *CallFlowRequest) (doc, error)
	s        *settings
	fallback []byte
	lengths  lengthCache
}

// doc is the result of a CallFlowFunc, whichever document type it returns.
type doc struct {
	flow *flow.Flow
	resp *verbs.Response
}

// NewCallFlowHandler returns a handler serving the documents of fn. It
// renders the fallback flow once (WithFallback) or checks a rendered one
// (WithFallbackXML) and returns the error if that fails.
func NewCallFlowHandler[D Document](fn CallFlowFunc[D], opts ...Option) (*CallFlowHandler, error) {
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
	h := &CallFlowHandler{s: s, fallback: fallback}
	switch f := any(fn).(type) {
	case CallFlowFunc[*flow.Flow]:
		h.fn = func(ctx context.Context, r *CallFlowRequest) (doc, error) {
			fl, err := f(ctx, r)
			return doc{flow: fl}, err
		}
	case CallFlowFunc[*verbs.Response]:
		h.fn = func(ctx context.Context, r *CallFlowRequest) (doc, error) {
			resp, err := f(ctx, r)
			return doc{resp: resp}, err
		}
	}
	return h, nil
}

// ServeHTTP implements http.Handler. The timeout (WithTimeout) runs from
// the moment ServeHTTP is called: reading the request body counts against
// it, so a body sent slowly ends in the fallback flow in time.
func (h *CallFlowHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	var deadline time.Time
	if h.s.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, h.s.timeout)
		defer cancel()
		deadline, _ = ctx.Deadline()
	}
	req, err := h.s.parseWithin(w, r, deadline)
	if err != nil && h.refuse(w, r, err) {
		return
	}
	if err == nil && h.s.stateKeys != nil {
		if err = h.s.verifyState(req); err == nil {
			r = h.s.withStateIssuer(r, req)
		}
	}
	out := h.fallback
	var bp *[]byte
	if err == nil {
		ctx = context.WithValue(ctx, httpRequestKey{}, r)
		bp = replyBufPool.Get().(*[]byte)
		defer putReplyBuf(bp)
		var b []byte
		if b, err = h.document(ctx, r, req, (*bp)[:0]); err == nil {
			*bp, out = b, b
		}
	}
	if err != nil {
		h.s.errorHook(r, err)
		out = h.fallback
	}
	hdr := w.Header()
	hdr["Content-Type"] = xmlContentType
	hdr["Content-Length"] = h.lengths.value(len(out))
	hdr["Cache-Control"] = noStore
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(out); err != nil {
		h.s.errorHook(r, fmt.Errorf("webhook: writing the reply: %w", err))
	}
}

// refuse answers a request the handler does not serve, 405 for a method
// it does not accept and 413 for a body over the limit, and reports
// whether err was one of those.
func (h *CallFlowHandler) refuse(w http.ResponseWriter, r *http.Request, err error) bool {
	var me *MethodError
	var tle *TooLargeError
	switch {
	case errors.As(err, &me):
		h.s.errorHook(r, err)
		w.Header().Set("Allow", h.s.allowHeader())
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return true
	case errors.As(err, &tle):
		h.s.errorHook(r, err)
		http.Error(w, http.StatusText(http.StatusRequestEntityTooLarge), http.StatusRequestEntityTooLarge)
		return true
	}
	return false
}

// The header values of every reply, shared: net/http only reads them.
var (
	xmlContentType = []string{"application/xml; charset=utf-8"}
	noStore        = []string{"no-store"}
)

// replyBufPool holds the buffers replies are rendered into.
var replyBufPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// maxPooledReply is the capacity above which a reply buffer is dropped
// instead of reused, so that one huge document does not pin its memory.
const maxPooledReply = 1 << 20

func putReplyBuf(bp *[]byte) {
	if cap(*bp) <= maxPooledReply {
		replyBufPool.Put(bp)
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
	doc   doc
	err   error
	abort bool // fn panicked with http.ErrAbortHandler
}

// document runs the CallFlowFunc under ctx's deadline and appends its
// rendered document to dst.
func (h *CallFlowHandler) document(ctx context.Context, r *http.Request, req *CallFlowRequest, dst []byte) ([]byte, error) {
	j := newJob(h, ctx, req)
	dispatch(j)
	select {
	case <-j.done:
		res := j.res
		j.release()
		return h.reply(r, res, dst)
	case <-ctx.Done():
	}
	// The context ended first: the function's result, even one that comes
	// at once because the function honours ctx, is discarded, and the job
	// is left to the worker.
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return nil, fmt.Errorf("webhook: call flow function did not return within %v: %w", h.s.timeout, ctx.Err())
	}
	return nil, fmt.Errorf("webhook: request ended before the call flow function returned: %w", ctx.Err())
}

// reply validates the document the CallFlowFunc returned, once, and
// appends its XML to dst. Warnings do not stop the document: they go to
// the error hook and the document is served.
func (h *CallFlowHandler) reply(r *http.Request, res result, dst []byte) ([]byte, error) {
	if res.abort {
		panic(http.ErrAbortHandler) // net/http's signal to abort the reply
	}
	d := res.doc
	if res.err != nil {
		// Build returns a valid document together with its warnings; they
		// are found again below, and reported once.
		if !(d.resp != nil && render.IsWarnings(res.err)) {
			return nil, res.err
		}
	}
	var warn render.Diagnostics
	switch {
	case d.flow != nil:
		b, err := d.flow.AppendXML(dst)
		if err != nil && !render.IsWarnings(err) {
			return nil, fmt.Errorf("webhook: invalid call flow document: %w", err)
		}
		if err != nil {
			warn = flowWarnings(err)
		}
		dst = b
	case d.resp != nil:
		ds := render.Check(d.resp)
		if ds.HasErrors() {
			return nil, fmt.Errorf("webhook: invalid call flow document: %w", ds)
		}
		b, err := render.Append(dst, d.resp)
		if err != nil {
			return nil, fmt.Errorf("webhook: invalid call flow document: %w", err)
		}
		dst, warn = b, ds
	default:
		return nil, ErrNoFlow
	}
	if len(warn) > 0 {
		h.s.errorHook(r, &WarningsError{Warnings: warn})
	}
	return dst, nil
}

// flowWarnings returns the warnings a flow's AppendXML returned. It is a
// function of its own so that only this path pays for the variable that
// errors.As needs on the heap.
func flowWarnings(err error) render.Diagnostics {
	var warn render.Diagnostics
	errors.As(err, &warn)
	return warn
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
	d, err := h.fn(ctx, req)
	return result{doc: d, err: err}
}
