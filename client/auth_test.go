package client

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// authServer imitates Opentact's login and JWT checks.
type authServer struct {
	mu       sync.Mutex
	logins   int
	valid    map[string]bool
	now      func() time.Time
	lifetime time.Duration
	gate     chan struct{} // when set, logins wait for it to close
	started  chan struct{} // when set, receives once per login
	noToken  bool          // logins reply without a token
}

func newAuthServer() *authServer {
	return &authServer{valid: map[string]bool{}, now: time.Now, lifetime: 24 * time.Hour}
}

func (a *authServer) expireAll() {
	a.mu.Lock()
	a.valid = map[string]bool{}
	a.mu.Unlock()
}

func (a *authServer) loginCount() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.logins
}

func (a *authServer) handle(w http.ResponseWriter, r *http.Request, b []byte) {
	if strings.TrimPrefix(r.URL.Path, "/rest") == "/auth" {
		if a.started != nil {
			a.started <- struct{}{}
		}
		if a.gate != nil {
			<-a.gate
		}
		want := "Basic " + base64.StdEncoding.EncodeToString([]byte("user@example.com:pa55"))
		if r.Header.Get("Authorization") != want {
			respond(401, `{"success":false,"message":"Wrong credentials","status":401}`)(w, r, b)
			return
		}
		a.mu.Lock()
		a.logins++
		tok := makeJWT(fmt.Sprint("user-", a.logins), a.now().Add(a.lifetime))
		a.valid[tok] = true
		a.mu.Unlock()
		if a.noToken {
			tok = ""
		}
		respond(200, ok(`{"uuid":"user","email":"user@example.com","role":"User","account":{"uuid":"acc","balance":12.5},"token":"`+tok+`"}`))(w, r, b)
		return
	}
	a.mu.Lock()
	good := a.valid[r.Header.Get("X-Auth-Token")]
	a.mu.Unlock()
	if !good {
		respond(401, `{"success":false,"message":"Unauthorized","status":401}`)(w, r, b)
		return
	}
	respond(200, ok(`{"uuid":"l"}`))(w, r, b)
}

func emailClient(t *testing.T, a *authServer, opts ...Option) (*Client, *stub) {
	t.Helper()
	s := newStub(t, a.handle)
	c, _ := newTestClient(t, s, EmailPassword("user@example.com", "pa55"), opts...)
	return c, s
}

// TestEmailPasswordOnTheWire checks Basic on GET /auth only and
// X-Auth-Token afterwards, with the JWT cached.
func TestEmailPasswordOnTheWire(t *testing.T) {
	t.Parallel()
	a := newAuthServer()
	c, s := emailClient(t, a)
	for range 2 {
		if _, err := c.Leases.Get(context.Background(), "l"); err != nil {
			t.Fatal(err)
		}
	}
	reqs := s.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want login + 2", len(reqs))
	}
	login := reqs[0]
	if login.Method != "GET" || login.Path != "/auth" || !strings.HasPrefix(login.Header.Get("Authorization"), "Basic ") || login.Header.Get("X-Auth-Token") != "" {
		t.Errorf("login request = %s %s %v", login.Method, login.Path, login.Header)
	}
	for _, r := range reqs[1:] {
		if r.Header.Get("Authorization") != "" || r.Header.Get("X-Auth-Token") == "" {
			t.Errorf("request headers = %v", r.Header)
		}
	}
	if reqs[1].Header.Get("X-Auth-Token") != reqs[2].Header.Get("X-Auth-Token") {
		t.Error("JWT not cached")
	}
}

// TestRefreshBeforeExpiry checks that the JWT is replaced once the clock
// reaches exp minus the refresh margin.
func TestRefreshBeforeExpiry(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	a := newAuthServer()
	a.now, a.lifetime = clock, time.Hour
	c, _ := emailClient(t, a, WithRefreshMargin(5*time.Minute))
	c.now = clock
	ctx := context.Background()
	steps := []struct {
		advance time.Duration
		logins  int
	}{
		{0, 1},
		{54 * time.Minute, 1}, // 6 minutes left
		{time.Minute, 2},      // 5 minutes left: refresh
		{time.Minute, 2},
	}
	for i, st := range steps {
		mu.Lock()
		now = now.Add(st.advance)
		mu.Unlock()
		if _, err := c.Leases.Get(ctx, "l"); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if n := a.loginCount(); n != st.logins {
			t.Errorf("step %d: %d logins, want %d", i, n, st.logins)
		}
	}
}

// TestReplayAfter401 checks one login and one replay when the JWT is refused.
func TestReplayAfter401(t *testing.T) {
	t.Parallel()
	a := newAuthServer()
	c, s := emailClient(t, a)
	ctx := context.Background()
	if _, err := c.Leases.Get(ctx, "l"); err != nil {
		t.Fatal(err)
	}
	a.expireAll()
	if _, err := c.Messages.Send(ctx, &SendSMSRequest{From: 1, To: 2, Text: "x"}); err != nil {
		t.Fatalf("Send after expiry: %v", err)
	}
	var paths []string
	for _, r := range s.requests() {
		paths = append(paths, r.Method+" "+r.Path)
	}
	want := "GET /auth,GET /lease/tn/l,POST /sms,GET /auth,POST /sms"
	if got := strings.Join(paths, ","); got != want {
		t.Errorf("requests = %s, want %s", got, want)
	}
}

// TestSecond401 checks that a refused replay is returned as ErrUnauthorized.
func TestSecond401(t *testing.T) {
	t.Parallel()
	a := newAuthServer()
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, b []byte) {
		if strings.HasSuffix(r.URL.Path, "/auth") {
			a.handle(w, r, b)
			return
		}
		respond(401, `{"success":false,"message":"Unauthorized","status":401}`)(w, r, b)
	})
	c, _ := newTestClient(t, s, EmailPassword("user@example.com", "pa55"))
	_, err := c.Leases.Get(context.Background(), "l")
	var ae *APIError
	if !errors.As(err, &ae) || !errors.Is(err, ErrUnauthorized) || ae.Path != "/lease/tn/l" || ae.Attempts != 1 {
		t.Fatalf("error = %#v", err)
	}
	if n := len(s.requests()); n != 4 {
		t.Errorf("%d requests, want login, GET, login, GET", n)
	}
}

// TestConcurrentRefreshSingleFlight checks that 20 callers refused at once
// cause exactly one login.
func TestConcurrentRefreshSingleFlight(t *testing.T) {
	t.Parallel()
	a := newAuthServer()
	c, _ := emailClient(t, a)
	ctx := context.Background()
	if _, err := c.Leases.Get(ctx, "l"); err != nil {
		t.Fatal(err)
	}
	a.expireAll()
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Leases.Get(ctx, "l")
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("call failed: %v", err)
		}
	}
	if n := a.loginCount(); n != 2 {
		t.Errorf("%d logins in total, want 2 (the first and one refresh)", n)
	}
}

// TestCancelledWaiterDoesNotFailOthers checks that a caller leaving while
// the shared login runs gets its context error, and the others the token.
func TestCancelledWaiterDoesNotFailOthers(t *testing.T) {
	t.Parallel()
	a := newAuthServer()
	a.gate, a.started = make(chan struct{}), make(chan struct{}, 1)
	c, _ := emailClient(t, a)

	ctxA, cancelA := context.WithCancel(context.Background())
	errA := make(chan error, 1)
	go func() {
		_, err := c.Leases.Get(ctxA, "l")
		errA <- err
	}()
	<-a.started // the login of caller A is in flight
	errB := make(chan error, 1)
	go func() {
		_, err := c.Leases.Get(context.Background(), "l")
		errB <- err
	}()
	cancelA()
	if err := <-errA; !errors.Is(err, context.Canceled) {
		t.Errorf("caller A: %v, want context.Canceled", err)
	}
	close(a.gate)
	if err := <-errB; err != nil {
		t.Errorf("caller B: %v", err)
	}
	if n := a.loginCount(); n != 1 {
		t.Errorf("%d logins, want 1", n)
	}
}

// TestLoginFailures checks refused and token-less logins.
func TestLoginFailures(t *testing.T) {
	t.Parallel()
	t.Run("wrong credentials", func(t *testing.T) {
		t.Parallel()
		a := newAuthServer()
		s := newStub(t, a.handle)
		c, _ := newTestClient(t, s, EmailPassword("user@example.com", "wrong"))
		_, err := c.Leases.Get(context.Background(), "l")
		var ae *APIError
		if !errors.As(err, &ae) || !errors.Is(err, ErrUnauthorized) || ae.Message != "Wrong credentials" || ae.Path != "/auth" {
			t.Fatalf("error = %#v", err)
		}
		if n := len(s.requests()); n != 1 {
			t.Errorf("%d requests, want 1 (no retry, no replay)", n)
		}
		// A failed login is not cached: the next call tries again.
		_, _ = c.Leases.Get(context.Background(), "l")
		if n := len(s.requests()); n != 2 {
			t.Errorf("%d requests after a second call, want 2", n)
		}
	})
	t.Run("no token", func(t *testing.T) {
		t.Parallel()
		a := newAuthServer()
		a.noToken = true
		c, _ := emailClient(t, a)
		if _, err := c.Leases.Get(context.Background(), "l"); !errors.Is(err, ErrUnauthorized) {
			t.Fatalf("error = %v", err)
		}
	})
}

// TestExplicitLogin checks Auth.Login in each credential mode.
func TestExplicitLogin(t *testing.T) {
	t.Parallel()
	t.Run("email and password", func(t *testing.T) {
		t.Parallel()
		a := newAuthServer()
		c, s := emailClient(t, a)
		res, err := c.Auth.Login(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if res.User.Email != "user@example.com" || res.User.Account.Balance != 12.5 || res.User.Role != RoleUser || res.Token == "" {
			t.Errorf("result = %+v %+v", res, res.User)
		}
		tok, err := c.Token(context.Background())
		if err != nil || tok != res.Token {
			t.Errorf("Token = %q, %v; want the login's JWT", tok, err)
		}
		if n := len(s.requests()); n != 1 {
			t.Errorf("%d requests, want 1", n)
		}
		c.InvalidateToken(tok)
		tok2, err := c.Token(context.Background())
		if err != nil || tok2 == tok || a.loginCount() != 2 {
			t.Errorf("after InvalidateToken: %q, %v, %d logins", tok2, err, a.loginCount())
		}
	})
	t.Run("jwt", func(t *testing.T) {
		t.Parallel()
		s := newStub(t, respond(200, ok(`{"uuid":"user","token":"fresh"}`)))
		c, _ := newTestClient(t, s, JWT("caller-jwt"))
		res, err := c.Auth.Login(context.Background())
		if err != nil || res.Token != "fresh" {
			t.Fatalf("Login = %v, %v", res, err)
		}
		r := s.requests()[0]
		if r.Header.Get("X-Auth-Token") != "caller-jwt" || r.Header.Get("Authorization") != "" {
			t.Errorf("headers = %v", r.Header)
		}
		c.InvalidateToken("caller-jwt")
		if tok, err := c.Token(context.Background()); tok != "caller-jwt" || err != nil {
			t.Errorf("Token = %q, %v; the SDK must not adopt the fresh JWT", tok, err)
		}
	})
}

// TestJWTCredentials checks mode B: no login, a 401 returned as is.
func TestJWTCredentials(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(401, `{"success":false,"message":"Unauthorized","status":401}`))
	c, _ := newTestClient(t, s, JWT("caller-jwt"))
	if _, err := c.Leases.Get(context.Background(), "l"); !errors.Is(err, ErrUnauthorized) {
		t.Fatalf("error = %v", err)
	}
	reqs := s.requests()
	if len(reqs) != 1 || reqs[0].Header.Get("X-Auth-Token") != "caller-jwt" {
		t.Errorf("requests = %+v", reqs)
	}
}

// TestAPITokenCredentials checks mode C in the header and in the query.
func TestAPITokenCredentials(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{"uuid":"l"}`)))
	c, _ := newTestClient(t, s, APIToken("api-tok"), WithAPITokenInQuery())
	if _, err := c.Leases.Search(context.Background(), &LeaseSearchOptions{SearchOptions: SearchOptions{Take: 5}}); err != nil {
		t.Fatal(err)
	}
	r := s.requests()[0]
	if r.Query.Get("bearer") != "api-tok" || r.Query.Get("take") != "5" || r.Header.Get("Authorization") != "" || r.Header.Get("X-Auth-Token") != "" {
		t.Errorf("query %v, headers %v", r.Query, r.Header)
	}
	_, err := c.Token(context.Background())
	if !errors.Is(err, ErrNoJWT) || !errors.Is(err, ErrUnauthorized) {
		t.Errorf("Token error = %v, want ErrNoJWT and ErrUnauthorized", err)
	}
	c.InvalidateToken("api-tok") // no-op
}

// TestJWTExpiry checks reading the exp claim.
func TestJWTExpiry(t *testing.T) {
	t.Parallel()
	enc := base64.RawURLEncoding
	exp := time.Unix(1700000000, 0)
	cases := []struct {
		name, token string
		want        time.Time
	}{
		{"valid", makeJWT("u", exp), exp},
		{"padded", "h." + base64.URLEncoding.EncodeToString([]byte(`{"exp":1700000000}`)) + ".s", exp},
		{"fractional", "h." + enc.EncodeToString([]byte(`{"exp":1700000000.5}`)) + ".s", exp.Add(500 * time.Millisecond)},
		{"no exp", "h." + enc.EncodeToString([]byte(`{"iat":1}`)) + ".s", time.Time{}},
		{"string exp", "h." + enc.EncodeToString([]byte(`{"exp":"soon"}`)) + ".s", time.Time{}},
		{"not base64", "h.***.s", time.Time{}},
		{"not JSON", "h." + enc.EncodeToString([]byte(`nope`)) + ".s", time.Time{}},
		{"two segments", "a.b", time.Time{}},
	}
	for _, tc := range cases {
		if got := jwtExpiry(tc.token); !got.Equal(tc.want) {
			t.Errorf("%s: jwtExpiry = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestUnreadableExpiryUsedUntil401 checks that a JWT without a readable exp
// is kept until Opentact refuses it.
func TestUnreadableExpiryUsedUntil401(t *testing.T) {
	t.Parallel()
	var logins int
	var mu sync.Mutex
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, b []byte) {
		if strings.HasSuffix(r.URL.Path, "/auth") {
			mu.Lock()
			logins++
			mu.Unlock()
			respond(200, ok(`{"token":"opaque-token"}`))(w, r, b)
			return
		}
		respond(200, ok(`{"uuid":"l"}`))(w, r, b)
	})
	c, _ := newTestClient(t, s, EmailPassword("user@example.com", "pa55"))
	for range 3 {
		if _, err := c.Leases.Get(context.Background(), "l"); err != nil {
			t.Fatal(err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if logins != 1 {
		t.Errorf("%d logins, want 1", logins)
	}
}
