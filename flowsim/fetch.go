package flowsim

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// maxReply bounds the body of a reply the simulator reads, the parser's
// default limit plus one byte, so an endless handler cannot exhaust memory.
const maxReply = 1<<20 + 1

// appendQuery appends name/value pairs, in order, after the URL's own
// query, as Opentact does for a Gather url. A fragment stays last, so the
// pairs are in the query a server receives.
func appendQuery(rawURL string, pairs ...string) string {
	rawURL, fragment, hasFragment := strings.Cut(rawURL, "#")
	var b strings.Builder
	b.WriteString(rawURL)
	sep := "?"
	if strings.Contains(rawURL, "?") {
		sep = "&"
		if strings.HasSuffix(rawURL, "?") || strings.HasSuffix(rawURL, "&") {
			sep = ""
		}
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		b.WriteString(sep)
		b.WriteString(url.QueryEscape(pairs[i]))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(pairs[i+1]))
		sep = "&"
	}
	if hasFragment {
		b.WriteByte('#')
		b.WriteString(fragment)
	}
	return b.String()
}

// fetchDocument requests a call-flow document and checks it. It returns
// the document, or nil when the request failed or the reply is not a valid
// document, and the step describing the exchange.
func (r *runner) fetchDocument(method, u string, body []byte, timeout time.Duration) (*document, Step) {
	x := r.request(method, u, body, timeout)
	st := Step{Outcome: OK, Exchange: x}
	if x.Err != "" {
		st.Outcome, st.Detail = Failed, "the request failed"
		return nil, st
	}
	var opts []render.ParseOption
	if r.s.lenient {
		opts = append(opts, render.Lenient())
	}
	parsed, err := render.ParseDocument(x.Body, opts...)
	if err != nil {
		st.Outcome, st.Detail, st.Findings = Invalid, "the reply is not a call-flow document", diagnosticsOf(err)
		return nil, st
	}
	if ds := parsed.Check(); ds.HasErrors() {
		st.Outcome, st.Detail, st.Findings = Invalid, "the reply is an invalid document", ds.Errors()
		return nil, st
	}
	doc := newDocument(parsed.Response, parsed.Positions, u)
	st.Detail = fmt.Sprintf("document #%d", r.ndocs+1)
	if r.isFallback(doc) {
		st.Outcome = FellBack
		st.Detail += ", the handler's fallback flow"
	}
	return doc, st
}

// defaultFallback is webhook's default fallback flow.
const defaultFallback = `<Response><Say>Sorry, we cannot take your call right now. Please try again later.</Say><Hangup/></Response>`

// isFallback reports whether doc is the handler's fallback flow.
func (r *runner) isFallback(doc *document) bool {
	fb := r.s.fallback
	if fb == nil {
		fb = []byte(defaultFallback)
	}
	resp, err := render.Parse(fb, render.Lenient())
	if err != nil {
		return false
	}
	return newDocument(resp, nil, "").key == doc.key
}

// request makes one HTTP request of the call: in process to the source
// handler or a Route, over the network only with Client.
func (r *runner) request(method, u string, body []byte, timeout time.Duration) *Exchange {
	x := &Exchange{Method: method, URL: u, RequestBody: body}
	bound := "the timeout attribute"
	if timeout <= 0 {
		timeout, bound = r.s.requestTimeout, "flowsim.RequestTimeout"
	}
	h := r.handlerFor(u)
	if h == nil && r.s.client == nil {
		x.Err = "no route: the simulator does not use the network, see flowsim.Route"
		return x
	}
	ctx, cancel := context.WithTimeout(r.ctx, timeout)
	defer cancel()
	var status int
	var reply []byte
	var err error
	if h != nil {
		status, reply, err = serveInProcess(ctx, h, method, u, body)
	} else {
		status, reply, err = r.serveNetwork(ctx, method, u, body)
	}
	x.Status, x.Body = status, reply
	switch {
	case err != nil && r.ctx.Err() != nil:
		x.Err = "the call's context ended before the reply: " + r.ctx.Err().Error()
	case err != nil && ctx.Err() != nil:
		x.Err = fmt.Sprintf("no reply within %s (%s): %v", formatDuration(timeout), bound, err)
	case err != nil:
		x.Err = err.Error()
	case status < 200 || status > 299:
		x.Err = "status " + strconv.Itoa(status)
	}
	return x
}

// handlerFor returns the in-process handler of u, nil when none.
func (r *runner) handlerFor(u string) http.Handler {
	if src := r.sim.src.handler; src.handler != nil {
		if p, err := url.Parse(u); err == nil && p.Scheme == src.url.Scheme && strings.EqualFold(p.Host, src.url.Host) {
			return src.handler
		}
	}
	var best http.Handler
	n := -1
	for _, rt := range r.s.routes {
		if strings.HasPrefix(u, rt.prefix) && len(rt.prefix) > n {
			best, n = rt.h, len(rt.prefix)
		}
	}
	return best
}

// newRequest builds the request the platform sends.
func newRequest(ctx context.Context, method, u string, body []byte) (*http.Request, error) {
	var rd io.Reader = http.NoBody
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("User-Agent", "opentact-flowsim")
	return req, nil
}

// serveInProcess calls h with the request and waits for its reply, at most
// until ctx is done. A panic of h is a failed request.
func serveInProcess(ctx context.Context, h http.Handler, method, u string, body []byte) (int, []byte, error) {
	req, err := newRequest(ctx, method, u, body)
	if err != nil {
		return 0, nil, err
	}
	// The request as a server sees it.
	req.RequestURI = req.URL.RequestURI()
	req.RemoteAddr = "192.0.2.1:1234"
	if req.URL.Scheme == "https" {
		req.TLS = httptest.NewRequest(method, u, nil).TLS
	}
	w := newReplyWriter()
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		h.ServeHTTP(w, req)
	}()
	select {
	case p := <-done:
		if p != nil {
			return 0, nil, fmt.Errorf("the handler panicked: %v", p)
		}
	case <-w.full:
		// The reply is over the limit: what came is judged, the handler
		// is abandoned (its context ends when the request returns).
	case <-ctx.Done():
		return 0, nil, fmt.Errorf("the handler did not answer: %w", ctx.Err())
	}
	return w.result()
}

// serveNetwork sends the request with the Client.
func (r *runner) serveNetwork(ctx context.Context, method, u string, body []byte) (int, []byte, error) {
	req, err := newRequest(ctx, method, u, body)
	if err != nil {
		return 0, nil, err
	}
	resp, err := r.s.client.Do(req)
	if err != nil {
		// The step names the method and URL already.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxReply))
	return resp.StatusCode, b, err
}

// callback runs <Callback>: the document its url returns takes over the
// call; a failed request or an invalid reply runs its Error.
func (r *runner) callback(c *verbs.Callback, path string) result {
	method := string(c.Method)
	if method == "" {
		method = "GET"
	}
	u := c.URL
	if c.Tag != "" {
		u = appendQuery(u, "tag", c.Tag)
	}
	var body []byte
	if c.Body.Set && c.Body.Val {
		body = r.callJSON()
	}
	var timeout time.Duration
	if c.Timeout.Set && c.Timeout.Val > 0 {
		timeout = millis(c.Timeout.Val)
	}
	doc, st := r.fetchDocument(method, u, body, timeout)
	st.Path, st.Element = path, "Callback"
	if doc == nil && st.Outcome == OK {
		st.Outcome = Failed
	}
	if ctl := r.emitCmd(st, c.Tag); ctl != ctlNext {
		return stop(ctl)
	}
	if doc == nil {
		return r.failWith(c, path, failure(st))
	}
	r.next = doc
	return stop(ctlReplace)
}

// curl runs <Curl>: a request whose reply does not drive the call; a
// status other than 2xx, a timeout or no route fails it.
func (r *runner) curl(c *verbs.Curl, path string) result {
	method := string(c.Method)
	if method == "" {
		method = "GET"
	}
	var timeout time.Duration
	if c.Timeout.Set && c.Timeout.Val > 0 {
		timeout = millis(c.Timeout.Val)
	}
	x := r.request(method, c.URL, nil, timeout)
	st := Step{Path: path, Element: "Curl", Outcome: OK, Exchange: x}
	if x.Err != "" {
		st.Outcome, st.Detail = Failed, "the request failed"
	}
	if ctl := r.emitCmd(st, c.Tag); ctl != ctlNext {
		return stop(ctl)
	}
	if x.Err != "" {
		return r.failWith(c, path, "the request failed: "+x.Err)
	}
	return next()
}

// replyWriter records a handler's reply, at most maxReply bytes, and is
// safe to abandon while the handler still writes.
type replyWriter struct {
	header http.Header
	mu     chan struct{}
	full   chan struct{} // closed when the reply reaches maxReply bytes
	status int
	body   []byte
	over   bool
}

func newReplyWriter() *replyWriter {
	w := &replyWriter{header: http.Header{}, mu: make(chan struct{}, 1), full: make(chan struct{})}
	return w
}

func (w *replyWriter) lock()   { w.mu <- struct{}{} }
func (w *replyWriter) unlock() { <-w.mu }

// Header implements http.ResponseWriter.
func (w *replyWriter) Header() http.Header { return w.header }

// WriteHeader implements http.ResponseWriter.
func (w *replyWriter) WriteHeader(code int) {
	w.lock()
	defer w.unlock()
	if w.status == 0 {
		w.status = code
	}
}

// Write implements http.ResponseWriter.
func (w *replyWriter) Write(p []byte) (int, error) {
	w.lock()
	defer w.unlock()
	if w.status == 0 {
		w.status = http.StatusOK
	}
	if room := maxReply - len(w.body); len(p) >= room {
		w.body = append(w.body, p[:max(room, 0)]...)
		if !w.over {
			w.over = true
			close(w.full)
		}
		if len(p) == room {
			return len(p), nil
		}
		return 0, fmt.Errorf("flowsim: the reply is over %d bytes", maxReply-1)
	}
	w.body = append(w.body, p...)
	return len(p), nil
}

func (w *replyWriter) result() (int, []byte, error) {
	w.lock()
	defer w.unlock()
	status := w.status
	if status == 0 {
		status = http.StatusOK
	}
	return status, append([]byte(nil), w.body...), nil
}

// failure says why a fetch step failed, for the Error block it runs.
func failure(st Step) string {
	if st.Exchange != nil && st.Exchange.Err != "" {
		return st.Detail + ": " + st.Exchange.Err
	}
	return st.Detail
}
