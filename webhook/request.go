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
	// SignedState is the value of the request's signed state (StateParam,
	// see WithState) as JSON, once its signature, expiry and call were
	// verified (WithStateKeys); nil when there is none or nothing verifies
	// it. State decodes it. The token is removed from Query.
	SignedState json.RawMessage
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
// is neither empty, form-encoded nor a JSON object, and with WithStateKeys
// a *StateError for a state token it refuses. Options that concern
// only handlers (fallbacks, timeouts, the error hook) are ignored.
func ParseCallFlowRequest(r *http.Request, opts ...Option) (*CallFlowRequest, error) {
	s, err := newSettings(opts)
	if err != nil {
		return nil, err
	}
	req, err := s.parse(nil, r)
	if err == nil && s.stateKeys != nil {
		err = s.verifyState(req)
	}
	if err != nil {
		return nil, err
	}
	return req, nil
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
		Query:    parseQuery(r.URL.RawQuery),
		Received: s.clock(),
	}
	p := params(req.Query)
	var history []json.RawMessage
	if len(body) > 0 {
		req.Body = body
		if isForm(r.Header.Get("Content-Type")) {
			p = withForm(req.Query, body)
		} else if history, err = req.decodeJSON(body); err != nil {
			return nil, err
		}
	}
	req.fill(p, history)
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
func withForm(query url.Values, body []byte) params {
	form, _ := url.ParseQuery(string(body))
	merged := make(params, len(query)+len(form))
	for k, vs := range query {
		merged[k] = append([]string(nil), vs...)
	}
	for k, vs := range form {
		merged[k] = append(merged[k], vs...)
	}
	return merged
}

// decodeJSON decodes a JSON body: the call object (from the body's "call"
// member when that is an object, else the body itself) and the top-level
// tag. It returns the legacy history array.
func (req *CallFlowRequest) decodeJSON(body []byte) ([]json.RawMessage, error) {
	ev, err := decodeBare(body, "call_state")
	if err != nil {
		return nil, err
	}
	// decodeBare has checked that body is one valid JSON object.
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return nil, &events.DecodeError{Msg: err.Error(), Err: err}
	}
	req.Call = ev.Call()
	if inner, ok := top["call"]; ok && jsonKind(inner) == '{' {
		ev, err := decodeBare(inner, "call_state")
		if err != nil {
			return nil, err
		}
		req.Call = ev.Call()
	}
	if tag, ok := top["tag"]; ok && jsonKind(tag) == '"' {
		_ = json.Unmarshal(tag, &req.Tag) // a valid JSON string
	}
	var history []json.RawMessage
	if h, ok := top["history"]; ok && jsonKind(h) == '[' {
		_ = json.Unmarshal(h, &history) // a valid JSON array
	}
	return history, nil
}

// jsonKind returns the first byte of a JSON value, which tells its kind.
func jsonKind(v json.RawMessage) byte {
	v = bytes.TrimLeft(v, " \t\r\n")
	if len(v) == 0 {
		return 0
	}
	return v[0]
}

// params are the platform parameters of a request: its query, then the
// fields of a form body.
type params url.Values

// last returns the last value of name, which Opentact appended after any
// value of the URL's own query, and whether name is present at all.
func (p params) last(name string) (string, bool) {
	vs := p[name]
	if len(vs) == 0 {
		return "", false
	}
	return vs[len(vs)-1], true
}

// get returns the last value of name, "" when it is absent.
func (p params) get(name string) string {
	v, _ := p.last(name)
	return v
}

// fill sets the platform fields from the parameters, then, for those the
// parameters lack, from the call object; history is the legacy history of
// a JSON body. Each parameter is looked up once.
func (req *CallFlowRequest) fill(p params, history []json.RawMessage) {
	from, hasFrom := p.last("from")
	tn, hasTN := p.last("tn")
	to, hasTo := p.last("to")
	state, hasState := p.last("state")
	dtmf, hasDTMF := p.last("dtmf")
	code, hasCode := p.last("code")
	attempts, hasAttempts := p.last("attempts")
	sca, hasSCA := p.last("sca")
	call, hasCall := p.last("call")

	req.From = plusNumber(from)
	req.TN = plusNumber(tn)
	req.To = plusNumber(to)
	if !hasTo {
		req.To = req.TN
	}
	req.State = events.CallStatus(state)
	req.DTMF = dtmf
	if !hasDTMF {
		req.DTMF = code
	}
	req.SCA = sca
	req.CallUUID = call
	if tag, ok := p.last("tag"); ok {
		req.Tag = tag
	}

	if c := req.Call; c != nil {
		if !hasFrom {
			req.From = c.From
		}
		if !hasTo && !hasTN {
			req.To = c.To
		}
		if !hasState {
			req.State = c.State
		}
		if !hasSCA && c.SIPControlApp != nil {
			req.SCA = c.SIPControlApp.UUID
		}
		if !hasCall {
			req.CallUUID = c.UUID
		}
	}

	req.Origin = OriginCallFlow
	if hasDTMF || hasCode || hasAttempts {
		req.Origin = OriginGather
	}
	if hasCode || hasAttempts {
		req.Legacy = &LegacyGather{Code: code, History: history}
		if v := p.get("success"); v == "true" || v == "false" {
			success := v == "true"
			req.Legacy.Success = &success
		}
		if isDigits(attempts) {
			if n, err := strconv.Atoi(attempts); err == nil {
				req.Legacy.Attempts = n
			}
		}
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
