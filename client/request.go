package client

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync/atomic"
)

// maxReplyBytes is the largest reply body the client reads.
const maxReplyBytes = 32 << 20

// request is one API call as the services describe it.
type request struct {
	op          string     // Go method for argument errors, e.g. "Leases.Get"
	method      string     // HTTP method
	path        string     // escaped path below the base URL, no query
	logPath     string     // path for errors and logs; "" means path
	query       url.Values // nil for none
	body        []byte     // nil for none
	contentType string     // of body
	readOnly    bool       // a search POST: retried like GET
	login       bool       // GET /auth with HTTP Basic (mode A)
}

// reply is a decoded success envelope.
type reply struct {
	status  int
	payload json.RawMessage // nil when absent
	url     string          // "url" beside "payload" (hosted call flows)
}

// attemptResult is the outcome of one HTTP attempt.
type attemptResult struct {
	status int // 0 when the attempt got no reply
	header http.Header
	body   []byte
	err    error // transport error (status 0) or oversized body
	wrote  bool  // the request was fully written before the transport error
	local  bool  // the request could not be built; nothing was sent
}

// displayPath is the path shown in errors and logs.
func (r *request) displayPath() string {
	if r.logPath != "" {
		return r.logPath
	}
	return r.path
}

// idempotent reports whether the method may run twice without harm.
func (r *request) idempotent() bool {
	switch r.method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return r.readOnly
}

// requestError builds a *RequestError for r.
func (r *request) requestError(attempts int, err error) *RequestError {
	return &RequestError{Method: r.method, Path: r.displayPath(), Attempts: attempts, Err: err}
}

// send runs r through authentication, retries and envelope decoding.
func (c *Client) send(ctx context.Context, r *request, opts []CallOption) (*reply, error) {
	cs, err := applyCallOptions(opts)
	if err != nil {
		return nil, err
	}
	maxAttempts := c.retry.MaxAttempts
	if cs.maxAttempts > 0 {
		maxAttempts = cs.maxAttempts
	}
	repeatable := r.idempotent() || cs.ambiguous
	replayed := false
	attempts := 0
	for {
		if err := ctx.Err(); err != nil {
			return nil, r.requestError(attempts, err)
		}
		cred, err := c.credential(ctx, r)
		if err != nil {
			if ctx.Err() != nil {
				return nil, r.requestError(attempts, ctx.Err())
			}
			return nil, err
		}
		attempts++
		res := c.attempt(ctx, r, cred)

		if res.status == http.StatusUnauthorized && c.jwt != nil && !r.login && !replayed {
			// Mode A: the JWT was refused. Replay once with a newer one;
			// the replay is not a retry.
			replayed = true
			attempts--
			c.InvalidateToken(cred)
			c.logAttempt(ctx, r, attempts+1, res, "replay with a new JWT", 0)
			continue
		}
		if res.err != nil && ctx.Err() != nil {
			// The caller's context ended during the attempt: never retried.
			return nil, r.requestError(attempts, ctx.Err())
		}
		rep, err := c.interpret(r, res, attempts)
		if err == nil {
			c.logAttempt(ctx, r, attempts, res, "", 0)
			return rep, nil
		}
		wait, retry := c.retryWait(res, err, repeatable, attempts, maxAttempts)
		if !retry {
			c.logAttempt(ctx, r, attempts, res, "", 0)
			return nil, err
		}
		c.logAttempt(ctx, r, attempts, res, "retry", wait)
		if werr := c.wait(ctx, wait); werr != nil {
			return nil, r.requestError(attempts, ctx.Err())
		}
	}
}

// credential returns the secret to send with r: a JWT, an API token, or ""
// for the login itself.
func (c *Client) credential(ctx context.Context, r *request) (string, error) {
	switch cr := c.creds.(type) {
	case emailPassword:
		if r.login {
			return "", nil
		}
		return c.cachedJWT(ctx)
	case jwtToken:
		return cr.token, nil
	case apiToken:
		return cr.token, nil
	}
	return "", nil
}

// attempt sends r once.
func (c *Client) attempt(ctx context.Context, r *request, cred string) attemptResult {
	actx := ctx
	if c.attemptTimeout > 0 {
		var cancel context.CancelFunc
		actx, cancel = context.WithTimeout(ctx, c.attemptTimeout)
		defer cancel()
	}
	var wrote atomic.Bool
	actx = httptrace.WithClientTrace(actx, &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) {
			if info.Err == nil {
				wrote.Store(true)
			}
		},
	})
	req, err := c.newHTTPRequest(actx, r, cred)
	if err != nil {
		return attemptResult{err: err, local: true}
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return attemptResult{err: c.transportError(ctx, actx, err), wrote: wrote.Load()}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.maxReply+1))
	if err != nil {
		return attemptResult{err: c.transportError(ctx, actx, err), wrote: true}
	}
	res := attemptResult{status: resp.StatusCode, header: resp.Header, body: body}
	if int64(len(body)) > c.maxReply {
		// An error reply stays an *APIError of its status (its body never
		// enters the error anyway); only a success body must be decoded.
		res.body = nil
		if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
			res.err = fmt.Errorf("reply body exceeds %d bytes", c.maxReply)
		}
	}
	return res
}

// newHTTPRequest builds the HTTP request of one attempt. Its errors never
// contain the URL (which may hold a bearer query value).
func (c *Client) newHTTPRequest(ctx context.Context, r *request, cred string) (*http.Request, error) {
	q := url.Values{}
	for k, v := range r.query {
		q[k] = v
	}
	if _, ok := c.creds.(apiToken); ok && c.tokenInQuery {
		q.Set("bearer", cred)
	}
	u := c.baseURL + r.path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, u, body)
	if err != nil {
		return nil, errors.New("the request URL or method is invalid")
	}
	h := req.Header
	h.Set("Accept", "application/json")
	h.Set("User-Agent", c.userAgent)
	if r.body != nil {
		h.Set("Content-Type", r.contentType)
	}
	switch cr := c.creds.(type) {
	case emailPassword:
		if r.login {
			h.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(cr.email+":"+cr.password)))
		} else {
			h.Set("X-Auth-Token", cred)
		}
	case jwtToken:
		h.Set("X-Auth-Token", cred)
	case apiToken:
		switch {
		case c.tokenInXAuth:
			h.Set("X-Auth-Token", cred)
		case !c.tokenInQuery:
			h.Set("Authorization", "Bearer "+cred)
		}
	}
	return req, nil
}

// transportError strips a *url.Error (its text holds the URL) and names an
// attempt timeout.
func (c *Client) transportError(ctx, actx context.Context, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if ctx.Err() == nil && actx.Err() != nil {
		return fmt.Errorf("attempt timed out after %v: %w", c.attemptTimeout, context.DeadlineExceeded)
	}
	return err
}

// interpret turns an attempt's result into a reply or an error.
func (c *Client) interpret(r *request, res attemptResult, attempts int) (*reply, error) {
	if res.local {
		return nil, invalidArg(r.op, "%v", res.err)
	}
	if res.status == 0 {
		return nil, r.requestError(attempts, res.err)
	}
	if res.err != nil {
		return nil, &DecodeError{Method: r.method, Path: r.displayPath(), StatusCode: res.status, Err: res.err}
	}
	if res.status < 200 || res.status > 299 {
		e := newAPIError(r, res.status, res.header, res.body)
		e.Attempts = attempts
		e.RetryAfter, _ = c.retryAfter(res.header)
		return nil, e
	}
	rep, err := decodeEnvelope(r, res.status, res.header, res.body)
	if e, ok := err.(*APIError); ok {
		e.Attempts = attempts
	}
	return rep, err
}
