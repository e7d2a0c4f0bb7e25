package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/opentact-go/opentact/internal/jsondepth"
)

// decodeEnvelope reads a 2xx body: an envelope, a bare JSON value, or
// nothing. A body nesting deeper than jsondepth.Max levels is refused.
func decodeEnvelope(r *request, status int, header http.Header, body []byte) (*reply, error) {
	body = bytes.TrimSpace(body)
	rep := &reply{status: status}
	if len(body) == 0 {
		return rep, nil
	}
	decodeErr := func(err error) error {
		return &DecodeError{Method: r.method, Path: r.displayPath(), StatusCode: status, Err: err}
	}
	if jsondepth.Exceeds(body, jsondepth.Max) >= 0 {
		// Call objects keep their raw text and their parents: decoding
		// costs the depth times the size.
		return nil, decodeErr(fmt.Errorf("reply nests deeper than %d levels", jsondepth.Max))
	}
	switch body[0] {
	case '[':
		if !json.Valid(body) {
			return nil, decodeErr(errors.New("reply is not valid JSON"))
		}
		rep.payload = body
		return rep, nil
	case '{':
	default:
		return nil, decodeErr(errors.New("reply is not a JSON object or array"))
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(body, &members); err != nil {
		return nil, decodeErr(errors.New("reply is not valid JSON"))
	}
	rawSuccess, ok := members["success"]
	if !ok {
		rep.payload = body
		return rep, nil
	}
	var success bool
	if err := json.Unmarshal(rawSuccess, &success); err != nil || isNull(rawSuccess) {
		return nil, decodeErr(errors.New(`envelope member "success" is not a boolean`))
	}
	if !success {
		return nil, apiErrorFromEnvelope(r, status, header, members)
	}
	if p, ok := members["payload"]; ok && !isNull(p) {
		rep.payload = p
	}
	if u, ok := members["url"]; ok {
		_ = json.Unmarshal(u, &rep.url)
	}
	return rep, nil
}

// newAPIError builds the error of a non-2xx reply. A body that is not a JSON
// object never enters the error.
func newAPIError(r *request, status int, header http.Header, body []byte) *APIError {
	var members map[string]json.RawMessage
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '{' || json.Unmarshal(body, &members) != nil {
		members = nil
	}
	return apiErrorFromEnvelope(r, status, header, members)
}

// apiErrorFromEnvelope fills an APIError from the members of an error
// envelope, tolerating members of unexpected types.
func apiErrorFromEnvelope(r *request, status int, header http.Header, m map[string]json.RawMessage) *APIError {
	e := &APIError{
		Method:     r.method,
		Path:       r.displayPath(),
		StatusCode: status,
		RequestID:  header.Get("X-Request-Id"),
	}
	if raw, ok := m["message"]; ok {
		if json.Unmarshal(raw, &e.Message) != nil {
			e.Message = ""
		}
	}
	if raw, ok := m["status"]; ok {
		var n float64
		if json.Unmarshal(raw, &n) == nil {
			e.Status = int(n)
		}
	}
	if raw, ok := m["meta"]; ok && !isNull(raw) {
		if json.Unmarshal(raw, &e.Meta) != nil {
			e.Meta = string(raw)
		}
	}
	if raw, ok := m["fields"]; ok {
		e.Fields = decodeFields(raw)
	}
	if e.Message == "" {
		code := e.StatusCode
		if code >= 200 && code < 300 && e.Status != 0 {
			code = e.Status
		}
		e.Message = http.StatusText(code)
	}
	return e
}

// decodeFields reads an envelope's "fields": name → {message, value}, or
// name → message.
func decodeFields(raw json.RawMessage) map[string]FieldError {
	var members map[string]json.RawMessage
	if json.Unmarshal(raw, &members) != nil || len(members) == 0 {
		return nil
	}
	fields := make(map[string]FieldError, len(members))
	for name, v := range members {
		var fe FieldError
		if json.Unmarshal(v, &fe) != nil {
			_ = json.Unmarshal(v, &fe.Message)
			fe.Value = nil
		}
		fields[name] = fe
	}
	return fields
}

// isNull reports whether raw is empty or the JSON literal null.
func isNull(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || bytes.Equal(raw, []byte("null"))
}

// isObject reports whether raw is a JSON object.
func isObject(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && raw[0] == '{'
}
