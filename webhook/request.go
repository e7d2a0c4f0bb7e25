package webhook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/opentact-go/opentact/events"
)

// CallFlowRequest is one request of Opentact asking for the next call-flow
// document: a SIP control app's call_flow_url, a <Gather url> after the
// caller entered digits, or a <Callback url>.
//
// Platform parameters are read from the query (the last value wins when a
// name repeats, because Opentact appends its parameters after the URL's own)
// and, where the query lacks them, from the call object in the body.
type CallFlowRequest struct {
	// Origin is OriginGather when the query has dtmf (even empty), code or
	// attempts, and OriginCallFlow otherwise, unless WithOrigin pins it.
	Origin Origin
	// Method is the HTTP method of the request.
	Method string
	// From is the caller: the "from" parameter, else Call.From.
	From string
	// To is the called party: "to", else "tn", else Call.To.
	To string
	// TN is the called number a <Gather url> request reports ("tn").
	TN string
	// State is the call's state: "state", else Call.State.
	State events.CallStatus
	// DTMF holds the digits entered: "dtmf", else the legacy "code".
	DTMF string
	// SCA is the SIP control app's uuid: "sca", else
	// Call.SIPControlApp.UUID.
	SCA string
	// CallUUID is the call's uuid: "call", else Call.UUID.
	CallUUID string
	// Tag is the "tag" parameter, else the top-level "tag" of a JSON body.
	Tag string
	// Legacy holds the fields of the legacy <Gather callback> dialect; it
	// is non-nil when the query has code or attempts.
	Legacy *LegacyGather
	// Call is the call object decoded from the body, nil when the body
	// holds none.
	Call *events.Call
	// Body is the raw request body, nil when it is empty.
	Body json.RawMessage
	// Query is the request's full query. A shared-secret parameter checked
	// by RequireQueryToken has already been removed from it.
	Query url.Values
	// Received is when the request was parsed (WithClock sets the clock).
	Received time.Time
}

// LegacyGather holds what the legacy <Gather callback="…"> dialect sends:
// the digits as "code", whether collecting succeeded, the attempt count and,
// in a POST body, the history of the gather.
type LegacyGather struct {
	// Code is the "code" parameter: the digits entered.
	Code string
	// Success is the "success" parameter, nil unless it is true or false.
	Success *bool
	// Attempts is the "attempts" parameter, 0 unless it is a base-10
	// number.
	Attempts int
	// History holds the elements of the body's "history" array.
	History []json.RawMessage
}

// ParseCallFlowRequest reads a call-flow request. It returns a *MethodError
// for a method the options do not accept, a *TooLargeError for a body over
// the limit (WithMaxBodyBytes), and an *events.DecodeError for a body that
// is neither empty, form-encoded nor a JSON object. Options that concern
// only handlers (fallbacks, timeouts, the error hook) are ignored.
func ParseCallFlowRequest(r *http.Request, opts ...Option) (*CallFlowRequest, error) {
	s, err := newSettings(opts)
	if err != nil {
		return nil, err
	}
	return s.parse(nil, r)
}

// parse implements ParseCallFlowRequest. w, when not nil, is told about an
// oversized body so that the server closes the connection.
func (s *settings) parse(w http.ResponseWriter, r *http.Request) (*CallFlowRequest, error) {
	if !s.methodAllowed(r.Method) {
		return nil, &MethodError{Method: r.Method, Allowed: append([]string(nil), s.methods...)}
	}
	body, err := s.readBody(w, r)
	if err != nil {
		return nil, err
	}
	req := &CallFlowRequest{
		Method:   r.Method,
		Query:    r.URL.Query(),
		Received: s.clock(),
	}
	params := req.Query
	if len(body) > 0 {
		req.Body = body
		if isForm(r.Header.Get("Content-Type")) {
			params = withForm(params, body)
		} else if err := req.decodeJSON(body); err != nil {
			return nil, err
		}
	}
	req.fill(params)
	if s.origin != "" {
		req.Origin = s.origin
	}
	return req, nil
}

// readBody reads the whole body within the size limit. A body of white
// space only counts as empty.
func (s *settings) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBodyBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, &TooLargeError{Limit: s.maxBodyBytes}
		}
		return nil, fmt.Errorf("webhook: reading the request body: %w", err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, nil
	}
	return body, nil
}

// isForm reports whether a Content-Type names a URL-encoded form.
func isForm(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == "application/x-www-form-urlencoded"
}

// withForm returns the query with the parameters of a form body appended
// after the query's own, so that a form value wins over a query value.
// Malformed pairs are skipped, as url.URL.Query skips them.
func withForm(query url.Values, body []byte) url.Values {
	form, _ := url.ParseQuery(string(body))
	merged := make(url.Values, len(query)+len(form))
	for k, vs := range query {
		merged[k] = append([]string(nil), vs...)
	}
	for k, vs := range form {
		merged[k] = append(merged[k], vs...)
	}
	return merged
}

// decodeJSON decodes a JSON body: the call object (from the body's "call"
// member when that is an object, else the body itself), the legacy history
// and the top-level tag.
func (req *CallFlowRequest) decodeJSON(body []byte) error {
	ev, err := events.DecodeBare(body, "call_state")
	if err != nil {
		return err
	}
	// DecodeBare has checked that body is one valid JSON object.
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return &events.DecodeError{Msg: err.Error(), Err: err}
	}
	req.Call = ev.Call()
	if inner, ok := top["call"]; ok && jsonKind(inner) == '{' {
		ev, err := events.DecodeBare(inner, "call_state")
		if err != nil {
			return err
		}
		req.Call = ev.Call()
	}
	if tag, ok := top["tag"]; ok && jsonKind(tag) == '"' {
		_ = json.Unmarshal(tag, &req.Tag)
	}
	if history, ok := top["history"]; ok && jsonKind(history) == '[' {
		req.Legacy = &LegacyGather{}
		_ = json.Unmarshal(history, &req.Legacy.History)
	}
	return nil
}

// jsonKind returns the first byte of a JSON value, which tells its kind.
func jsonKind(v json.RawMessage) byte {
	v = bytes.TrimLeft(v, " \t\r\n")
	if len(v) == 0 {
		return 0
	}
	return v[0]
}

// fill sets the platform fields from the parameters, then from the call.
func (req *CallFlowRequest) fill(params url.Values) {
	last := func(name string) (string, bool) {
		vs := params[name]
		if len(vs) == 0 {
			return "", false
		}
		return vs[len(vs)-1], true
	}
	get := func(name string) string { v, _ := last(name); return v }
	has := func(name string) bool { _, ok := last(name); return ok }

	req.From = plusNumber(get("from"))
	req.TN = plusNumber(get("tn"))
	req.To = plusNumber(get("to"))
	if !has("to") {
		req.To = req.TN
	}
	req.State = events.CallStatus(get("state"))
	req.DTMF = get("dtmf")
	if !has("dtmf") {
		req.DTMF = get("code")
	}
	req.SCA = get("sca")
	req.CallUUID = get("call")
	if tag, ok := last("tag"); ok {
		req.Tag = tag
	}

	if c := req.Call; c != nil {
		if !has("from") {
			req.From = c.From
		}
		if !has("to") && !has("tn") {
			req.To = c.To
		}
		if !has("state") {
			req.State = c.State
		}
		if !has("sca") && c.SIPControlApp != nil {
			req.SCA = c.SIPControlApp.UUID
		}
		if !has("call") {
			req.CallUUID = c.UUID
		}
	}

	req.Origin = OriginCallFlow
	if has("dtmf") || has("code") || has("attempts") {
		req.Origin = OriginGather
	}
	if has("code") || has("attempts") {
		if req.Legacy == nil {
			req.Legacy = &LegacyGather{}
		}
		req.Legacy.Code = get("code")
		if v := get("success"); v == "true" || v == "false" {
			success := v == "true"
			req.Legacy.Success = &success
		}
		if n, err := strconv.Atoi(get("attempts")); err == nil && isDigits(get("attempts")) {
			req.Legacy.Attempts = n
		}
	} else {
		// History alone does not make a legacy request.
		req.Legacy = nil
	}
}

// plusNumber restores the "+" of a number that form decoding turned into a
// space: a single leading space followed by a digit becomes "+".
func plusNumber(v string) string {
	if len(v) >= 2 && v[0] == ' ' && v[1] >= '0' && v[1] <= '9' {
		return "+" + v[1:]
	}
	return v
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
