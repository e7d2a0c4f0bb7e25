package client

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"time"
)

// version is the SDK version sent in the User-Agent header.
const version = "0.1.0"

// Client is an Opentact REST API client. Its services group the API's
// endpoints; they share the client's credentials, retries and logging.
//
// A Client is safe for concurrent use by multiple goroutines. Printing or
// logging a Client never shows its credentials.
type Client struct {
	Auth                  *AuthService                  // log in, read the current user
	Tokens                *TokensService                // API tokens
	Numbers               *NumbersService               // numbers available for purchase
	Orders                *OrdersService                // number orders
	Leases                *LeasesService                // purchased numbers, SMS enablement
	TNProfiles            *TNProfilesService            // TN profiles
	SIPConnections        *SIPConnectionsService        // SIP trunks to your own servers
	SIPControlApps        *SIPControlAppsService        // call control apps and call flows
	MessagingProfiles     *MessagingProfilesService     // messaging profiles
	Messages              *MessagesService              // SMS
	Calls                 *CallsService                 // call log, bulk and single calls
	OutboundVoiceProfiles *OutboundVoiceProfilesService // outbound voice profiles
	SIPDomains            *SIPDomainsService            // SIP domains
	SIPUsers              *SIPUsersService              // SIP users of a domain
	SIPUserInvites        *SIPUserInvitesService        // SIP user invites of a domain
	Subscriptions         *SubscriptionsService         // websocket event subscriptions
	Dictionaries          *DictionariesService          // voices, countries, SIP products

	creds          Credentials
	baseURL        string // no trailing slash
	httpClient     *http.Client
	userAgent      string
	retry          RetryPolicy
	attemptTimeout time.Duration
	refreshMargin  time.Duration
	tokenInQuery   bool
	tokenInXAuth   bool
	logger         *slog.Logger
	jwt            *jwtCache // mode A only

	// Test hooks.
	maxReply int64 // largest reply body read, maxReplyBytes
	now      func() time.Time
	jitter   func(max time.Duration) time.Duration            // uniform in [0, max]
	wait     func(ctx context.Context, d time.Duration) error // sleeps unless ctx ends
}

// service is what every service type is made of: a pointer back to the client.
type service struct{ client *Client }

// New returns a Client that authenticates with creds. Without options it
// talks to ProductionBaseURL with the default retry policy.
func New(creds Credentials, opts ...Option) (*Client, error) {
	if err := checkCredentials(creds); err != nil {
		return nil, err
	}
	s := defaultSettings(creds)
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&s); err != nil {
			return nil, err
		}
	}
	base, err := parseBaseURL(s.baseURL)
	if err != nil {
		return nil, err
	}
	hc := &http.Client{}
	if s.httpClient != nil {
		copied := *s.httpClient
		hc = &copied
	}
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	ua := "opentact-go/" + version
	if s.userAgent != "" {
		ua = s.userAgent + " " + ua
	}
	c := &Client{
		creds:          creds,
		baseURL:        base,
		httpClient:     hc,
		userAgent:      ua,
		retry:          s.retry,
		attemptTimeout: s.attemptTimeout,
		refreshMargin:  s.refreshMargin,
		tokenInQuery:   s.tokenInQuery,
		tokenInXAuth:   s.tokenInXAuth,
		logger:         s.logger,
		maxReply:       maxReplyBytes,
		now:            time.Now,
		jitter:         uniformJitter,
		wait:           sleepCtx,
	}
	if _, ok := creds.(emailPassword); ok {
		c.jwt = &jwtCache{}
	}
	svc := &service{client: c}
	c.Auth = (*AuthService)(svc)
	c.Tokens = (*TokensService)(svc)
	c.Numbers = (*NumbersService)(svc)
	c.Orders = (*OrdersService)(svc)
	c.Leases = (*LeasesService)(svc)
	c.TNProfiles = (*TNProfilesService)(svc)
	c.SIPConnections = (*SIPConnectionsService)(svc)
	c.SIPControlApps = (*SIPControlAppsService)(svc)
	c.MessagingProfiles = (*MessagingProfilesService)(svc)
	c.Messages = (*MessagesService)(svc)
	c.Calls = (*CallsService)(svc)
	c.OutboundVoiceProfiles = (*OutboundVoiceProfilesService)(svc)
	c.SIPDomains = (*SIPDomainsService)(svc)
	c.SIPUsers = (*SIPUsersService)(svc)
	c.SIPUserInvites = (*SIPUserInvitesService)(svc)
	c.Subscriptions = (*SubscriptionsService)(svc)
	c.Dictionaries = (*DictionariesService)(svc)
	return c, nil
}

// checkCredentials rejects nil credentials and empty arguments.
func checkCredentials(creds Credentials) error {
	const op = "New"
	switch cr := creds.(type) {
	case nil:
		return invalidArg(op, "nil credentials")
	case emailPassword:
		if cr.email == "" {
			return invalidArg(op, "empty e-mail address")
		}
		if cr.password == "" {
			return invalidArg(op, "empty password")
		}
	case jwtToken:
		if cr.token == "" {
			return invalidArg(op, "empty JWT")
		}
	case apiToken:
		if cr.token == "" {
			return invalidArg(op, "empty API token")
		}
	}
	return nil
}

// BaseURL returns the base URL requests are sent to, without a trailing slash.
func (c *Client) BaseURL() string { return c.baseURL }

// String describes the client without its secrets.
func (c Client) String() string {
	return "client.Client{BaseURL: " + c.baseURL + ", Credentials: " + c.creds.String() + "}"
}

// GoString is the same as String: a %#v of a Client shows no secret.
func (c Client) GoString() string { return c.String() }

// Format prints String for every fmt verb (GoString for %#v).
func (c Client) Format(f fmt.State, verb rune) { formatRedacted(f, verb, c) }

// LogValue describes the client to log/slog without its secrets.
func (c Client) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("base_url", c.baseURL),
		slog.Any("credentials", c.creds),
	)
}

// uniformJitter returns a uniformly random duration in [0, max].
func uniformJitter(max time.Duration) time.Duration {
	if max <= 0 {
		return 0
	}
	return time.Duration(rand.Int64N(int64(max) + 1))
}

// sleepCtx waits for d, returning early with the context's error when it ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
