package client

import (
	"bytes"
	"encoding/json"
)

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
