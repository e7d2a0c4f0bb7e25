package clienttest

import "time"

// Option configures a Server created by NewServer.
type Option func(*config)

// AssignForm selects the reply of the number-assignment routes
// (POST /sip/connection/{uuid}/tnlease and POST /sip/app/{uuid}/tnlease).
type AssignForm int

const (
	// AssignUUIDs answers with an array of lease uuid strings, as Opentact documents it.
	AssignUUIDs AssignForm = iota
	// AssignLeases answers with an array of lease objects, as the 2021 schema describes it.
	AssignLeases
)

type config struct {
	email, password  string
	apiToken         string
	jwtLifetime      time.Duration
	now              func() time.Time
	validationStatus int
	assignForm       AssignForm
	pendingPolls     int
	tls              bool
	maxRequests      int // 0: no limit
}

func defaultConfig() config {
	return config{
		email:            "user@example.com",
		password:         "password",
		apiToken:         "test-api-token",
		jwtLifetime:      24 * time.Hour,
		now:              time.Now,
		validationStatus: 400,
		assignForm:       AssignUUIDs,
		maxRequests:      DefaultMaxRecordedRequests,
	}
}

// WithCredentials sets the e-mail address and password that GET /auth accepts.
// The defaults are "user@example.com" and "password".
func WithCredentials(email, password string) Option {
	return func(c *config) { c.email, c.password = email, password }
}

// WithAPIToken sets the seeded API token. The default is "test-api-token".
func WithAPIToken(token string) Option {
	return func(c *config) { c.apiToken = token }
}

// WithJWTLifetime sets the lifetime of the JWTs the server issues on login
// (the distance between their iat and exp claims). The default is 24 hours.
func WithJWTLifetime(d time.Duration) Option {
	return func(c *config) { c.jwtLifetime = d }
}

// WithClock replaces the server clock, which stamps objects, recorded
// requests and JWTs and decides when JWTs and API tokens expire.
// A nil function keeps time.Now.
func WithClock(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.now = now
		}
	}
}

// WithValidationStatus sets the HTTP status of validation errors: 400 (the
// default) or 500, which reproduces the validation replies Opentact documents
// for orders. A code outside 400–599 is ignored.
func WithValidationStatus(code int) Option {
	return func(c *config) {
		if code >= 400 && code <= 599 {
			c.validationStatus = code
		}
	}
}

// WithAssignReply selects the reply form of the number-assignment routes.
func WithAssignReply(form AssignForm) Option {
	return func(c *config) { c.assignForm = form }
}

// WithPendingOrders makes new orders stay in state "processing" until the
// polls-th GET /order/{uuid}, which completes them. Zero (the default)
// completes orders at once.
func WithPendingOrders(polls int) Option {
	return func(c *config) {
		if polls >= 0 {
			c.pendingPolls = polls
		}
	}
}

// WithTLS serves HTTPS with the httptest certificate instead of plain HTTP on
// the loopback interface. HTTPClient trusts the certificate.
func WithTLS() Option {
	return func(c *config) { c.tls = true }
}

// DefaultMaxRecordedRequests is how many requests a Server keeps for
// Requests unless WithMaxRecordedRequests says otherwise.
const DefaultMaxRecordedRequests = 1000

// WithMaxRecordedRequests keeps only the n most recent requests for
// Requests (the default is DefaultMaxRecordedRequests), so that a long test
// or a development server runs in bounded memory; n <= 0 keeps every
// request.
func WithMaxRecordedRequests(n int) Option {
	return func(c *config) { c.maxRequests = max(n, 0) }
}
