package client

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"strings"
)

// decodeInto decodes rep's payload into out; a missing payload leaves out
// unchanged.
func decodeInto(r *request, rep *reply, out any) error {
	if rep.payload == nil || out == nil {
		return nil
	}
	if raw, ok := out.(*json.RawMessage); ok {
		*raw = append((*raw)[:0], rep.payload...)
		return nil
	}
	if err := json.Unmarshal(rep.payload, out); err != nil {
		return &DecodeError{Method: r.method, Path: r.displayPath(), StatusCode: rep.status, Err: err}
	}
	return nil
}

// getOne sends r and decodes a single object; no payload gives nil.
func getOne[T any](ctx context.Context, c *Client, r *request, opts []CallOption) (*T, error) {
	rep, err := c.send(ctx, r, opts)
	if err != nil {
		return nil, err
	}
	if rep.payload == nil {
		return nil, nil
	}
	v := new(T)
	if err := decodeInto(r, rep, v); err != nil {
		return nil, err
	}
	return v, nil
}

// getEcho sends r and decodes the object Opentact echoes (deletions,
// pushes): anything but a JSON object gives nil.
func getEcho[T any](ctx context.Context, c *Client, r *request, opts []CallOption) (*T, error) {
	rep, err := c.send(ctx, r, opts)
	if err != nil {
		return nil, err
	}
	if !isObject(rep.payload) {
		return nil, nil
	}
	v := new(T)
	if err := decodeInto(r, rep, v); err != nil {
		return nil, err
	}
	return v, nil
}

// getList sends r and decodes an unpaged array.
func getList[T any](ctx context.Context, c *Client, r *request, opts []CallOption) ([]*T, error) {
	rep, err := c.send(ctx, r, opts)
	if err != nil {
		return nil, err
	}
	var list []*T
	if err := decodeInto(r, rep, &list); err != nil {
		return nil, err
	}
	return list, nil
}

// sendOnly sends r and discards the payload.
func sendOnly(ctx context.Context, c *Client, r *request, opts []CallOption) error {
	_, err := c.send(ctx, r, opts)
	return err
}

// encodeJSON encodes v as a request body: HTML characters unescaped, no
// trailing newline.
func encodeJSON(op string, v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, invalidArg(op, "encoding the request body: %v", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// jsonRequest returns a request with v encoded as its JSON body.
func jsonRequest(op, method, path string, v any) (*request, error) {
	body, err := encodeJSON(op, v)
	if err != nil {
		return nil, err
	}
	return &request{op: op, method: method, path: path, body: body, contentType: "application/json"}, nil
}

// buildPath fills the {name} placeholders of tmpl in order with the
// path-escaped args; an empty arg is an error naming its placeholder.
func buildPath(op, tmpl string, args ...string) (string, error) {
	var b strings.Builder
	rest := tmpl
	for _, arg := range args {
		i := strings.IndexByte(rest, '{')
		j := strings.IndexByte(rest, '}')
		if i < 0 || j < i {
			break
		}
		name := rest[i+1 : j]
		if arg == "" {
			return "", invalidArg(op, "%s is empty", name)
		}
		b.WriteString(rest[:i])
		b.WriteString(url.PathEscape(arg))
		rest = rest[j+1:]
	}
	b.WriteString(rest)
	return b.String(), nil
}
