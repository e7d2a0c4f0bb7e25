package client

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
)

// Do sends one request through the client's authentication, retry and error
// handling and decodes the reply's payload into out. It reaches endpoints
// the typed services do not cover.
//
// method is an uppercase HTTP method. path is relative to the base URL,
// starts with "/", may carry a query, and has its segments escaped by the
// caller; absolute URLs are refused so that credentials never go to another
// host. body is nil (none), []byte or json.RawMessage (sent as JSON as is),
// File or *File (multipart), or any other value (encoded as JSON). out is
// nil (payload discarded), *json.RawMessage (the raw payload) or a pointer
// to decode into; *Page[T] works for searches.
//
// Re-sending follows the method: GET, HEAD, PUT and DELETE are retried after
// any retryable failure. POST and PATCH are re-sent only when Opentact
// cannot have acted: the connection failed before the request was written,
// the reply was 429 or 503, or, with EmailPassword credentials, once after a
// 401 with a fresh JWT; after a 502, 504, a 500 without field errors, an
// attempt timeout or a connection lost after writing only with the
// RetryAmbiguous call option.
func (c *Client) Do(ctx context.Context, method, path string, body, out any, opts ...CallOption) error {
	const op = "Client.Do"
	if method == "" || strings.ToUpper(method) != method || strings.ContainsFunc(method, func(r rune) bool {
		return r < 'A' || r > 'Z'
	}) {
		return invalidArg(op, "method %q is not an uppercase HTTP method", method)
	}
	if !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//") {
		return invalidArg(op, "path must be relative to the base URL and start with a single /")
	}
	rawPath, rawQuery, _ := strings.Cut(path, "?")
	if strings.Contains(rawPath, "#") {
		return invalidArg(op, "path must not contain a fragment")
	}
	query, err := url.ParseQuery(rawQuery)
	if err != nil {
		return invalidArg(op, "path has a malformed query")
	}
	r := &request{op: op, method: method, path: rawPath, logPath: redactPath(method, rawPath)}
	if len(query) > 0 {
		r.query = query
	}
	switch b := body.(type) {
	case nil:
	case []byte:
		r.body, r.contentType = b, "application/json"
	case json.RawMessage:
		r.body, r.contentType = b, "application/json"
	case File:
		if r.body, r.contentType, err = multipartBody(b); err != nil {
			return invalidArg(op, "building the multipart body: %v", err)
		}
	case *File:
		if b == nil {
			break
		}
		if r.body, r.contentType, err = multipartBody(*b); err != nil {
			return invalidArg(op, "building the multipart body: %v", err)
		}
	default:
		if r.body, err = encodeJSON(op, b); err != nil {
			return err
		}
		r.contentType = "application/json"
	}
	rep, err := c.send(ctx, r, opts)
	if err != nil {
		return err
	}
	return decodeInto(r, rep, out)
}

// redactPath hides the secret segment of DELETE /token/{token}.
func redactPath(method, path string) string {
	if method == "DELETE" && strings.HasPrefix(path, "/token/") && path != "/token/all" {
		return "/token/" + redacted
	}
	return path
}
