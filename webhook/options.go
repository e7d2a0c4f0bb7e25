package webhook

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/opentact-go/opentact/verbs"
)

// Option configures the handlers and parsers of this package. Options are
// applied in order; the last of a kind wins; a constructor returns the first
// error an option reports.
type Option func(*settings) error

// DefaultMaxBodyBytes is the request body limit when WithMaxBodyBytes is not
// given: 1 MiB, far above the few kilobytes of a call object.
const DefaultMaxBodyBytes = 1 << 20

// DefaultTimeout is how long a CallFlowFunc may run when WithTimeout is not
// given.
const DefaultTimeout = 10 * time.Second

// settings is what the options configure.
type settings struct {
	errorHook    func(*http.Request, error)
	maxBodyBytes int64
	methods      []string
	origin       Origin
	timeout      time.Duration
	fallback     *verbs.Response
	fallbackXML  []byte
	clock        func() time.Time
	stateKeys    *StateKeys // WithStateKeys; nil: no state
}

func newSettings(opts []Option) (*settings, error) {
	s := &settings{
		errorHook:    logError,
		maxBodyBytes: DefaultMaxBodyBytes,
		methods:      []string{http.MethodGet, http.MethodPost},
		timeout:      DefaultTimeout,
		clock:        time.Now,
	}
	for _, o := range opts {
		if o == nil {
			return nil, errors.New("webhook: nil option")
		}
		if err := o(s); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// logError is the default error hook: one Error record through
// slog.Default with the method and path, never the query, which may hold a
// secret.
func logError(r *http.Request, err error) {
	slog.Default().Error("webhook: request failed", "method", r.Method, "path", r.URL.Path, "error", err)
}

// WithErrorHook sets the function called once with every error a handler
// meets (a failing or panicking CallFlowFunc, an invalid document, a body
// that cannot be decoded, a rejected request). The default logs through
// slog.Default.
func WithErrorHook(hook func(*http.Request, error)) Option {
	return func(s *settings) error {
		if hook == nil {
			return errors.New("webhook: WithErrorHook: nil hook")
		}
		s.errorHook = hook
		return nil
	}
}

// WithMaxBodyBytes limits request bodies to n bytes (default 1 MiB); a
// larger body is answered with 413.
func WithMaxBodyBytes(n int64) Option {
	return func(s *settings) error {
		if n <= 0 {
			return fmt.Errorf("webhook: WithMaxBodyBytes: %d is not positive", n)
		}
		s.maxBodyBytes = n
		return nil
	}
}

// WithMethods sets the accepted HTTP methods (default GET and POST). A
// <Callback> endpoint may add PATCH and DELETE; no other method can be
// enabled.
func WithMethods(methods ...string) Option {
	return func(s *settings) error {
		if len(methods) == 0 {
			return errors.New("webhook: WithMethods: no method")
		}
		var out []string
		for _, m := range methods {
			switch m {
			case http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodDelete:
				out = append(out, m)
			default:
				return fmt.Errorf("webhook: WithMethods: %q cannot be enabled (GET, POST, PATCH, DELETE only)", m)
			}
		}
		s.methods = out
		return nil
	}
}

// allowHeader is the value of the Allow header of a 405 answer.
func (s *settings) allowHeader() string { return strings.Join(s.methods, ", ") }

// methodAllowed reports whether the handler accepts method.
func (s *settings) methodAllowed(method string) bool {
	for _, m := range s.methods {
		if m == method {
			return true
		}
	}
	return false
}

// WithOrigin pins the origin of every call-flow request an endpoint gets,
// since call_flow_url and <Callback> requests look alike on the wire.
func WithOrigin(o Origin) Option {
	return func(s *settings) error {
		switch o {
		case OriginCallFlow, OriginGather:
			s.origin = o
			return nil
		}
		return fmt.Errorf("webhook: WithOrigin: unknown origin %q", o)
	}
}

// WithTimeout bounds how long a CallFlowFunc may run (default 10 s; 0
// disables). Set it a little below the SIP control app's
// call_flow_request_timeout so that the fallback wins the race.
func WithTimeout(d time.Duration) Option {
	return func(s *settings) error {
		if d < 0 {
			return fmt.Errorf("webhook: WithTimeout: negative duration %v", d)
		}
		s.timeout = d
		return nil
	}
}

// WithFallback sets the document served when a call-flow request cannot be
// answered otherwise. It is validated and rendered once, by the handler's
// constructor.
func WithFallback(r *verbs.Response) Option {
	return func(s *settings) error {
		if r == nil {
			return errors.New("webhook: WithFallback: nil document")
		}
		s.fallback, s.fallbackXML = r, nil
		return nil
	}
}

// WithFallbackXML sets an already rendered fallback document, served byte
// for byte; the handler's constructor checks that it parses.
func WithFallbackXML(doc []byte) Option {
	return func(s *settings) error {
		if len(doc) == 0 {
			return errors.New("webhook: WithFallbackXML: empty document")
		}
		s.fallbackXML, s.fallback = append([]byte(nil), doc...), nil
		return nil
	}
}

// WithClock sets the clock that stamps Received times (for tests).
func WithClock(now func() time.Time) Option {
	return func(s *settings) error {
		if now == nil {
			return errors.New("webhook: WithClock: nil clock")
		}
		s.clock = now
		return nil
	}
}
