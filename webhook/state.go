package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// StateParam is the query parameter that carries a signed state (WithState)
// in a Gather or Callback URL. It is not "state": Opentact appends its own
// "state" (the call's state) to Gather URLs.
const StateParam = "ot_state"

// DefaultStateMaxAge is how long a state token is accepted when StateKeys
// sets no MaxAge. A token only needs to live until the next request of its
// call (a Gather's digits, a Callback), so an hour is generous.
const DefaultStateMaxAge = time.Hour

// MinStateKeyBytes is the shortest accepted state key: 32 bytes, the size
// of an HMAC-SHA256 output.
const MinStateKeyBytes = 32

// StateKeys are the secrets that sign and verify state tokens with
// HMAC-SHA256. Opentact signs nothing, so a state that travels through a
// Gather URL must be tamper-proof: a token whose signature matches neither
// key is refused.
//
// To rotate, deploy {Current: new, Previous: old}: new tokens are signed
// with the new key and tokens already handed out still verify with the
// old; once they have expired (MaxAge), drop Previous, and the old key
// signs nothing that is accepted.
type StateKeys struct {
	// Current signs every new token and verifies tokens. At least
	// MinStateKeyBytes long; draw it from crypto/rand.
	Current []byte
	// Previous, when set, still verifies tokens (never signs them).
	Previous []byte
	// MaxAge is how long after issue a token is accepted (default
	// DefaultStateMaxAge).
	MaxAge time.Duration
}

// Errors for a state token a CallFlowHandler refuses. Each comes wrapped in
// a *StateError that says more; errors.Is matches them.
var (
	// ErrNoState is returned by State for a request that carries no
	// state token.
	ErrNoState = errors.New("webhook: the request carries no state")
	// ErrStateForged is a token that is malformed or whose signature
	// matches no key.
	ErrStateForged = errors.New("webhook: state token is malformed or not signed by a state key")
	// ErrStateExpired is a genuine token past its MaxAge.
	ErrStateExpired = errors.New("webhook: state token expired")
	// ErrStateOtherCall is a genuine token issued on another call.
	ErrStateOtherCall = errors.New("webhook: state token belongs to another call")
)

// StateError is why a CallFlowHandler refused the state token of a
// request. The handler answers with the fallback flow, without calling its
// CallFlowFunc, and gives the error to the error hook. The token itself is
// never part of the message.
type StateError struct {
	Err    error  // ErrStateForged, ErrStateExpired or ErrStateOtherCall
	Detail string // what exactly is wrong
}

// Error implements error.
func (e *StateError) Error() string {
	return e.Err.Error() + ": " + e.Detail
}

// Unwrap returns the sentinel.
func (e *StateError) Unwrap() error { return e.Err }

// WithStateKeys makes a CallFlowHandler sign the states its CallFlowFunc
// puts into callback URLs (CallbackURL with WithState) and verify the
// state token of every request before calling the function: a forged,
// expired or other-call token is answered with the fallback flow and
// reported to the error hook as a *StateError. The function reads a
// verified state with State.
func WithStateKeys(keys StateKeys) Option {
	return func(s *settings) error {
		if len(keys.Current) < MinStateKeyBytes {
			return fmt.Errorf("webhook: WithStateKeys: the current key has %d bytes, want at least %d", len(keys.Current), MinStateKeyBytes)
		}
		if keys.Previous != nil && len(keys.Previous) < MinStateKeyBytes {
			return fmt.Errorf("webhook: WithStateKeys: the previous key has %d bytes, want at least %d", len(keys.Previous), MinStateKeyBytes)
		}
		if keys.MaxAge < 0 {
			return fmt.Errorf("webhook: WithStateKeys: negative MaxAge %v", keys.MaxAge)
		}
		if keys.MaxAge == 0 {
			keys.MaxAge = DefaultStateMaxAge
		}
		keys.Current = bytes.Clone(keys.Current)
		keys.Previous = bytes.Clone(keys.Previous)
		s.stateKeys = &keys
		return nil
	}
}

// WithState makes CallbackURL add v, signed, to the URL's query (as
// StateParam), so that the next request of the same call carries it back
// to the application, which reads it with State. v is encoded with
// encoding/json. The request passed to CallbackURL must be the one a
// CallFlowHandler with WithStateKeys is serving (webhook.HTTPRequest(ctx)).
//
// The token binds v to the call: to its uuid when the request names one
// (every Gather url request does, a call_flow_url POST does in its body),
// and otherwise to the caller and called numbers. It expires after the
// keys' MaxAge. It is tamper-proof and cannot move to another call, but it
// is not secret (anyone who sees the URL can read v) and, within its call
// and lifetime, it can be sent again: keep secrets out of it, and count
// attempts upward so that an old token never buys more of them than a new
// one.
func WithState(v any) URLOption {
	return func(s *urlSettings) {
		s.state, s.hasState = v, true
	}
}

// State returns the verified state of r decoded into a T, as
// CallbackURL's WithState put it into the URL that Opentact requested
// (r.SignedState). It returns ErrNoState when r carries none (the first
// request of a call, or a handler without WithStateKeys) and an error when
// the state does not decode into a T (unknown fields included). A token
// the handler refused never reaches State: the fallback flow was served
// instead.
func State[T any](r *CallFlowRequest) (T, error) {
	var v T
	switch {
	case r == nil:
		return v, errors.New("webhook: State: nil request")
	case r.SignedState == nil:
		return v, ErrNoState
	}
	dec := json.NewDecoder(bytes.NewReader(r.SignedState))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return v, fmt.Errorf("webhook: State: the state does not decode into %T: %w", v, err)
	}
	return v, nil
}

// stateClaims is the signed payload of a token.
type stateClaims struct {
	Exp  int64           `json:"exp"`            // Unix seconds
	Call string          `json:"call,omitempty"` // the call's uuid
	From string          `json:"from,omitempty"` // the caller
	To   string          `json:"to,omitempty"`   // the called number
	V    json.RawMessage `json:"v"`
}

// stateIssuer signs states for the request a handler is serving; it
// travels in the request's context to CallbackURL.
type stateIssuer struct {
	keys             *StateKeys
	now              func() time.Time
	call, from, toNo string
}

type stateIssuerKey struct{}

// withStateIssuer returns r with an issuer for the call of req in its
// context.
func (s *settings) withStateIssuer(r *http.Request, req *CallFlowRequest) *http.Request {
	is := &stateIssuer{keys: s.stateKeys, now: s.clock, call: req.CallUUID, from: req.From, toNo: req.To}
	return r.WithContext(context.WithValue(r.Context(), stateIssuerKey{}, is))
}

// stateMAC is the signature of an encoded payload under key. The prefix
// names the token's purpose and version, so that no other HMAC made with
// the same key can pass for a state.
func stateMAC(key []byte, payload string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("opentact-webhook-state-v1."))
	m.Write([]byte(payload))
	return m.Sum(nil)
}

// token encodes and signs v for the issuer's call.
func (is *stateIssuer) token(v any) (string, error) {
	val, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("webhook: CallbackURL: WithState: %w", err)
	}
	if is.call == "" && is.from == "" && is.toNo == "" {
		return "", errors.New("webhook: CallbackURL: WithState: the request names no call (no call uuid, from or to) to bind the state to")
	}
	c := stateClaims{Exp: is.now().Add(is.keys.MaxAge).Unix(), Call: is.call, From: is.from, To: is.toNo, V: val}
	raw, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("webhook: CallbackURL: WithState: %w", err)
	}
	payload := base64.RawURLEncoding.EncodeToString(raw)
	return payload + "." + base64.RawURLEncoding.EncodeToString(stateMAC(is.keys.Current, payload)), nil
}

// addState returns query with the signed state of the URL settings, for
// the request r; query itself is not changed.
func (s *urlSettings) addState(r *http.Request, query url.Values) (url.Values, error) {
	is, _ := r.Context().Value(stateIssuerKey{}).(*stateIssuer)
	if is == nil {
		return nil, errors.New("webhook: CallbackURL: WithState needs the request a CallFlowHandler with WithStateKeys is serving (webhook.HTTPRequest(ctx))")
	}
	if _, ok := query[StateParam]; ok {
		return nil, fmt.Errorf("webhook: CallbackURL: WithState: the query already has %q", StateParam)
	}
	tok, err := is.token(s.state)
	if err != nil {
		return nil, err
	}
	out := make(url.Values, len(query)+1)
	for k, vs := range query {
		out[k] = vs
	}
	out[StateParam] = []string{tok}
	return out, nil
}

// verifyState checks the state token of req, removes it from req.Query and
// keeps its value for State.
func (s *settings) verifyState(req *CallFlowRequest) error {
	toks, ok := req.Query[StateParam]
	if !ok {
		return nil
	}
	delete(req.Query, StateParam) // nowhere downstream: not in logs
	if len(toks) != 1 {
		return &StateError{Err: ErrStateForged, Detail: fmt.Sprintf("%d %s parameters, want one", len(toks), StateParam)}
	}
	payload, sig, ok := strings.Cut(toks[0], ".")
	mac, err := base64.RawURLEncoding.DecodeString(sig)
	if !ok || err != nil {
		return &StateError{Err: ErrStateForged, Detail: "the token is not payload.signature in base64url"}
	}
	keys := s.stateKeys
	if !hmac.Equal(mac, stateMAC(keys.Current, payload)) && (keys.Previous == nil || !hmac.Equal(mac, stateMAC(keys.Previous, payload))) {
		return &StateError{Err: ErrStateForged, Detail: "the signature matches no state key"}
	}
	raw, err := base64.RawURLEncoding.DecodeString(payload)
	var c stateClaims
	if err == nil {
		err = json.Unmarshal(raw, &c)
	}
	if err != nil || c.V == nil {
		// Signed by a key of ours, yet not our payload: never issued.
		return &StateError{Err: ErrStateForged, Detail: "the signed payload is not a state"}
	}
	if now := s.clock(); now.Unix() >= c.Exp {
		return &StateError{Err: ErrStateExpired, Detail: fmt.Sprintf("it expired at %s", time.Unix(c.Exp, 0).UTC().Format(time.RFC3339))}
	}
	switch {
	case c.Call != "":
		if req.CallUUID != c.Call {
			return &StateError{Err: ErrStateOtherCall, Detail: fmt.Sprintf("issued on call %q, the request is on call %q", c.Call, req.CallUUID)}
		}
	case c.From != req.From || c.To != req.To:
		return &StateError{Err: ErrStateOtherCall, Detail: fmt.Sprintf("issued on the call from %q to %q, the request is from %q to %q", c.From, c.To, req.From, req.To)}
	}
	req.SignedState = c.V
	return nil
}
