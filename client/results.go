package client

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
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
		if member := failingMember(rep.payload, reflect.TypeOf(out)); member != "" {
			err = fmt.Errorf("member %q: %w", member, err)
		}
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

// getList sends r and decodes an unpaged array, leaving out null elements.
func getList[T any](ctx context.Context, c *Client, r *request, opts []CallOption) ([]*T, error) {
	rep, err := c.send(ctx, r, opts)
	if err != nil {
		return nil, err
	}
	var list []*T
	if err := decodeInto(r, rep, &list); err != nil {
		return nil, err
	}
	return slices.DeleteFunc(list, func(v *T) bool { return v == nil }), nil // null elements carry nothing
}

// sendOnly sends r and discards the payload.
func sendOnly(ctx context.Context, c *Client, r *request, opts []CallOption) error {
	_, err := c.send(ctx, r, opts)
	return err
}

// sendJSON sends method path with body encoded as JSON and decodes the
// single object of the reply.
func sendJSON[T any](ctx context.Context, c *Client, op, method, path string, body any, opts []CallOption) (*T, error) {
	r, err := jsonRequest(op, method, path, body)
	if err != nil {
		return nil, err
	}
	return getOne[T](ctx, c, r, opts)
}

// getAt sends GET tmpl, its placeholders filled with args, and decodes a
// single object.
func getAt[T any](ctx context.Context, c *Client, op, tmpl string, opts []CallOption, args ...string) (*T, error) {
	p, err := buildPath(op, tmpl, args...)
	if err != nil {
		return nil, err
	}
	return getOne[T](ctx, c, &request{op: op, method: "GET", path: p}, opts)
}

// listAt sends GET tmpl, its placeholders filled with args, and decodes an
// unpaged array.
func listAt[T any](ctx context.Context, c *Client, op, tmpl string, opts []CallOption, args ...string) ([]*T, error) {
	p, err := buildPath(op, tmpl, args...)
	if err != nil {
		return nil, err
	}
	return getList[T](ctx, c, &request{op: op, method: "GET", path: p}, opts)
}

// patchAt sends PATCH tmpl, its placeholders filled with args, with req as
// the JSON body and decodes the changed object. A nil req is refused.
func patchAt[T, R any](ctx context.Context, c *Client, op, tmpl string, req *R, opts []CallOption, args ...string) (*T, error) {
	p, err := buildPath(op, tmpl, args...)
	if err != nil {
		return nil, err
	}
	if req == nil {
		return nil, invalidArg(op, "nil request")
	}
	return sendJSON[T](ctx, c, op, "PATCH", p, req, opts)
}

// deleteAt sends DELETE tmpl, its placeholders filled with args, and decodes
// the object Opentact echoes, as getEcho does.
func deleteAt[T any](ctx context.Context, c *Client, op, tmpl string, opts []CallOption, args ...string) (*T, error) {
	p, err := buildPath(op, tmpl, args...)
	if err != nil {
		return nil, err
	}
	return getEcho[T](ctx, c, &request{op: op, method: "DELETE", path: p}, opts)
}
