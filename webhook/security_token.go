package webhook

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// ErrBadToken is given to the error hook when RequireQueryToken rejects a
// request: its shared-secret parameter is missing, repeated or wrong. The
// value itself is never reported.
var ErrBadToken = errors.New("webhook: missing or wrong shared-secret token")

// TokenOption configures RequireQueryToken.
type TokenOption func(*tokenSettings) error

// tokenSettings is what the TokenOptions configure.
type tokenSettings struct {
	secrets   [][sha256.Size]byte
	errorHook func(*http.Request, error)
}

// WithAlternateSecret accepts a second secret besides the main one, so a
// secret can be rotated: accept both, update the URLs given to Opentact,
// then drop the old one.
func WithAlternateSecret(secret string) TokenOption {
	return func(s *tokenSettings) error {
		if secret == "" {
			return errors.New("webhook: WithAlternateSecret: empty secret")
		}
		s.secrets = append(s.secrets, sha256.Sum256([]byte(secret)))
		return nil
	}
}

// WithTokenErrorHook sets the function told about every rejected request,
// with ErrBadToken. The default logs the method and path through
// slog.Default.
func WithTokenErrorHook(hook func(*http.Request, error)) TokenOption {
	return func(s *tokenSettings) error {
		if hook == nil {
			return errors.New("webhook: WithTokenErrorHook: nil hook")
		}
		s.errorHook = hook
		return nil
	}
}

// RequireQueryToken returns middleware that answers 403 Forbidden unless the
// request's query has exactly one param parameter and its value is secret
// (or an alternate secret), compared in constant time. The application puts
// the secret into every URL it gives Opentact
// (https://app.example.com/calls?token=…); Opentact keeps a URL's own query
// and appends its parameters.
//
// The parameter is removed from the request before the next handler runs, so
// it reaches neither handlers nor their logs. A secret in a URL can still end
// up in the access logs of proxies and servers in front of the application;
// rotate it with WithAlternateSecret. This is not authentication of
// Opentact: serve webhooks over HTTPS.
func RequireQueryToken(param, secret string, opts ...TokenOption) (func(http.Handler) http.Handler, error) {
	if param == "" {
		return nil, errors.New("webhook: RequireQueryToken: empty parameter name")
	}
	if secret == "" {
		return nil, errors.New("webhook: RequireQueryToken: empty secret")
	}
	s := &tokenSettings{secrets: [][sha256.Size]byte{sha256.Sum256([]byte(secret))}, errorHook: logError}
	for _, o := range opts {
		if o == nil {
			return nil, errors.New("webhook: RequireQueryToken: nil option")
		}
		if err := o(s); err != nil {
			return nil, err
		}
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			values := r.URL.Query()[param]
			if len(values) != 1 || !s.accepts(values[0]) {
				s.errorHook(withoutParam(r, param), ErrBadToken)
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, withoutParam(r, param))
		})
	}, nil
}

// accepts compares v with every secret in constant time. Comparing digests
// keeps the secrets' lengths from showing in the timing too.
func (s *tokenSettings) accepts(v string) bool {
	sum := sha256.Sum256([]byte(v))
	ok := 0
	for _, secret := range s.secrets {
		ok |= subtle.ConstantTimeCompare(sum[:], secret[:])
	}
	return ok == 1
}

// withoutParam returns a shallow copy of r whose URL, RequestURI and parsed
// form no longer hold the parameter; the rest of the query is kept byte for
// byte, in order.
func withoutParam(r *http.Request, param string) *http.Request {
	r2 := new(http.Request)
	*r2 = *r
	u := new(url.URL)
	*u = *r.URL
	var kept []string
	for _, pair := range strings.Split(u.RawQuery, "&") {
		if pair == "" {
			continue
		}
		name, _, _ := strings.Cut(pair, "=")
		if key, err := url.QueryUnescape(name); err == nil && key == param {
			continue
		}
		kept = append(kept, pair)
	}
	u.RawQuery = strings.Join(kept, "&")
	u.ForceQuery = false
	r2.URL = u
	if r.RequestURI != "" {
		r2.RequestURI = u.RequestURI()
	}
	if r.Form != nil {
		r2.Form = cloneValues(r.Form)
		r2.Form.Del(param)
	}
	return r2
}

// cloneValues returns a deep copy of v.
func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
