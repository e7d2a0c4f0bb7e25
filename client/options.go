package client

import (
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// Option configures a Client in New. Options apply in order; the last one of
// a kind wins, and New returns the first error an option reports.
type Option func(*settings) error

// settings collects what the options set.
type settings struct {
	creds          Credentials
	baseURL        string
	httpClient     *http.Client
	userAgent      string
	retry          RetryPolicy
	attemptTimeout time.Duration
	refreshMargin  time.Duration
	tokenInQuery   bool
	tokenInXAuth   bool
	logger         *slog.Logger
}

// defaultSettings returns the settings New starts from.
func defaultSettings(creds Credentials) settings {
	return settings{
		creds:          creds,
		baseURL:        ProductionBaseURL,
		retry:          defaultRetryPolicy,
		attemptTimeout: 30 * time.Second,
		refreshMargin:  60 * time.Second,
	}
}

// RetryPolicy says how often and how long the client retries a failed
// request. Which failures are retried is fixed (see the package overview
// and RetryAmbiguous); the policy only bounds the attempts and waits.
type RetryPolicy struct {
	MaxAttempts int           // total attempts including the first
	BaseDelay   time.Duration // ceiling of the first backoff; doubles per retry
	MaxWait     time.Duration // longest single wait, including a Retry-After
}

// defaultRetryPolicy is the policy of a Client built without WithRetryPolicy.
var defaultRetryPolicy = RetryPolicy{MaxAttempts: 3, BaseDelay: 500 * time.Millisecond, MaxWait: 30 * time.Second}

// WithBaseURL sets the API base URL: https, or http to a loopback host
// (localhost, 127.0.0.0/8, ::1), without user info, query or fragment. A
// trailing slash is removed; a path is kept as a prefix.
func WithBaseURL(u string) Option {
	return func(s *settings) error {
		if _, err := parseBaseURL(u); err != nil {
			return err
		}
		s.baseURL = u
		return nil
	}
}

// WithStaging points the client at Opentact's staging API (StagingBaseURL).
func WithStaging() Option { return WithBaseURL(StagingBaseURL) }

// WithHTTPClient sets the HTTP client used for every request. The client
// works on a shallow copy of *hc that does not follow redirects (a redirect
// would forward the credential headers).
func WithHTTPClient(hc *http.Client) Option {
	return func(s *settings) error {
		if hc == nil {
			return invalidArg("WithHTTPClient", "nil *http.Client")
		}
		s.httpClient = hc
		return nil
	}
}

// WithUserAgent places a product token before the SDK's own in the
// User-Agent header: "<ua> opentact-go/<version>".
func WithUserAgent(ua string) Option {
	return func(s *settings) error {
		if strings.ContainsAny(ua, "\r\n") {
			return invalidArg("WithUserAgent", "user agent contains a line break")
		}
		s.userAgent = ua
		return nil
	}
}

// WithRetryPolicy sets the retry limits; the default is 3 attempts, a 500ms
// base delay and a 30s longest wait. MaxAttempts must be at least
// 1 (1 disables retries), BaseDelay positive and MaxWait at least BaseDelay.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(s *settings) error {
		switch {
		case p.MaxAttempts < 1:
			return invalidArg("WithRetryPolicy", "MaxAttempts %d is below 1", p.MaxAttempts)
		case p.BaseDelay <= 0:
			return invalidArg("WithRetryPolicy", "BaseDelay %v is not positive", p.BaseDelay)
		case p.MaxWait < p.BaseDelay:
			return invalidArg("WithRetryPolicy", "MaxWait %v is below BaseDelay %v", p.MaxWait, p.BaseDelay)
		}
		s.retry = p
		return nil
	}
}

// WithAttemptTimeout limits each HTTP attempt (default 30s); 0 disables the
// limit. The caller's context still bounds the whole call.
func WithAttemptTimeout(d time.Duration) Option {
	return func(s *settings) error {
		if d < 0 {
			return invalidArg("WithAttemptTimeout", "negative timeout %v", d)
		}
		s.attemptTimeout = d
		return nil
	}
}

// WithRefreshMargin sets how long before its expiry a cached JWT is replaced
// by a new login (default 60s). Only for EmailPassword credentials. A JWT
// that is already within the margin when a login returns it is used until
// Opentact answers 401, so that a short token lifetime or a skewed clock
// does not make every request log in.
func WithRefreshMargin(d time.Duration) Option {
	return func(s *settings) error {
		if _, ok := s.creds.(emailPassword); !ok {
			return invalidArg("WithRefreshMargin", "only e-mail and password credentials refresh a JWT")
		}
		if d < 0 {
			return invalidArg("WithRefreshMargin", "negative margin %v", d)
		}
		s.refreshMargin = d
		return nil
	}
}

// WithAPITokenInQuery sends the API token as the bearer query parameter
// instead of an Authorization header, as Opentact's own script
// assign_tn_to_sip_connection does. Only for APIToken credentials, and not
// together with WithAPITokenAsXAuthToken.
func WithAPITokenInQuery() Option {
	return func(s *settings) error {
		if _, ok := s.creds.(apiToken); !ok {
			return invalidArg("WithAPITokenInQuery", "only API-token credentials can travel in the query")
		}
		if s.tokenInXAuth {
			return invalidArg("WithAPITokenInQuery", "WithAPITokenAsXAuthToken already chose the X-Auth-Token header")
		}
		s.tokenInQuery = true
		return nil
	}
}

// WithAPITokenAsXAuthToken sends the API token as the X-Auth-Token header,
// the form of Opentact's documentation: the "API keys" page says its
// examples carry YOUR_API_KEY, and the API reference's Order example sends
// it as X-Auth-Token. Only for APIToken credentials, and not together with
// WithAPITokenInQuery.
func WithAPITokenAsXAuthToken() Option {
	return func(s *settings) error {
		if _, ok := s.creds.(apiToken); !ok {
			return invalidArg("WithAPITokenAsXAuthToken", "only API-token credentials are sent this way; JWTs always travel as X-Auth-Token")
		}
		if s.tokenInQuery {
			return invalidArg("WithAPITokenAsXAuthToken", "WithAPITokenInQuery already chose the bearer query parameter")
		}
		s.tokenInXAuth = true
		return nil
	}
}

// WithLogger logs one debug record per HTTP attempt: method, path (never the
// query), attempt number, status or error class, and the wait before the
// next attempt. No secret is ever logged.
func WithLogger(l *slog.Logger) Option {
	return func(s *settings) error {
		if l == nil {
			return invalidArg("WithLogger", "nil *slog.Logger")
		}
		s.logger = l
		return nil
	}
}
