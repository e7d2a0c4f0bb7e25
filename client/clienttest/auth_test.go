package clienttest_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opentact-go/opentact/client/clienttest"
)

// clock is a settable server clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)} }

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// login performs GET /auth with the given header and returns the reply.
func (f *fake) login(header, value string) reply {
	f.t.Helper()
	req, _ := http.NewRequest("GET", f.URL()+"/auth", nil)
	if header != "" {
		req.Header.Set(header, value)
	}
	return f.send(req)
}

func basic(user, pass string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+pass))
}

// claims decodes a JWT's header and claims.
func claims(t *testing.T, jwt string) (header, claims map[string]any) {
	t.Helper()
	parts := strings.Split(jwt, ".")
	if len(parts) != 3 {
		t.Fatalf("JWT has %d segments", len(parts))
	}
	for i, dst := range []*map[string]any{&header, &claims} {
		raw, err := base64.RawURLEncoding.DecodeString(parts[i])
		if err != nil {
			t.Fatalf("segment %d: %v", i, err)
		}
		if err := json.Unmarshal(raw, dst); err != nil {
			t.Fatal(err)
		}
	}
	return header, claims
}

func TestLogin(t *testing.T) {
	t.Parallel()
	clk := newClock()
	f := newFake(t, clienttest.WithCredentials("me@example.org", "s3cret"), clienttest.WithClock(clk.now),
		clienttest.WithJWTLifetime(2*time.Hour))
	if f.Email() != "me@example.org" || f.Password() != "s3cret" {
		t.Fatalf("Email/Password = %q/%q", f.Email(), f.Password())
	}

	r := f.login("Authorization", basic("me@example.org", "s3cret"))
	if r.Code != 200 || !r.Success {
		t.Fatalf("login: %d %s", r.Code, r.Raw)
	}
	var user struct {
		UUID    string `json:"uuid"`
		Email   string `json:"email"`
		Role    string `json:"role"`
		Token   string `json:"token"`
		Account struct {
			UUID    string  `json:"uuid"`
			Balance float64 `json:"balance"`
		} `json:"account"`
	}
	json.Unmarshal(r.Payload, &user)
	if user.Email != "me@example.org" || user.Role != "User" || user.Account.UUID == "" || user.Account.Balance <= 0 {
		t.Errorf("user = %+v", user)
	}
	h, c := claims(t, user.Token)
	if h["alg"] != "HS256" || h["typ"] != "JWT" {
		t.Errorf("header = %v", h)
	}
	iat, exp := c["iat"].(float64), c["exp"].(float64)
	if c["uuid"] != user.UUID || c["role"] != "User" || iat != float64(clk.now().Unix()) || exp-iat != 7200 {
		t.Errorf("claims = %v", c)
	}

	// The JWT works on other routes, as a header and as a query parameter.
	for _, mk := range []func(*http.Request){
		func(r *http.Request) { r.Header.Set("X-Auth-Token", user.Token) },
		func(r *http.Request) { r.URL.RawQuery = "jwt=" + url.QueryEscape(user.Token) },
	} {
		req, _ := http.NewRequest("GET", f.URL()+"/sip/product", nil)
		mk(req)
		if got := f.send(req); got.Code != 200 {
			t.Errorf("JWT refused: %d %s", got.Code, got.Raw)
		}
	}

	// GET /auth with the JWT gives the user and a fresh, different JWT.
	clk.add(time.Second)
	r2 := f.login("X-Auth-Token", user.Token)
	var again struct{ Token string }
	json.Unmarshal(r2.Payload, &again)
	if r2.Code != 200 || again.Token == "" || again.Token == user.Token {
		t.Errorf("re-login: %d %s", r2.Code, r2.Raw)
	}

	// The JWT expires with the server clock.
	clk.add(2 * time.Hour)
	req, _ := http.NewRequest("GET", f.URL()+"/sip/product", nil)
	req.Header.Set("X-Auth-Token", user.Token)
	checkError(t, f.send(req), 401)
}

func TestLoginRefused(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	tests := []struct {
		name, header, value, message string
	}{
		{"wrong password", "Authorization", basic("user@example.com", "nope"), "Wrong credentials"},
		{"wrong e-mail", "Authorization", basic("who@example.com", "password"), "Wrong credentials"},
		{"no credentials", "", "", "Unauthorized"},
		{"bearer API token", "Authorization", "Bearer test-api-token", "Unauthorized"},
		{"forged JWT", "X-Auth-Token", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2ln", "Unauthorized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.login(tt.header, tt.value)
			checkError(t, r, 401)
			if r.Message != tt.message {
				t.Errorf("message = %q, want %q", r.Message, tt.message)
			}
		})
	}
}

func TestCredentialModes(t *testing.T) {
	t.Parallel()
	f := newFake(t, clienttest.WithAPIToken("tok-123"))
	jwt := f.IssueJWT(time.Hour)
	expired := f.IssueJWT(-time.Minute)
	tests := []struct {
		name   string
		header map[string]string
		query  string
		want   int
	}{
		{"X-Auth-Token", map[string]string{"X-Auth-Token": jwt}, "", 200},
		{"jwt query", nil, "jwt=" + jwt, 200},
		{"Bearer", map[string]string{"Authorization": "Bearer tok-123"}, "", 200},
		{"bearer lowercase scheme", map[string]string{"Authorization": "bearer tok-123"}, "", 200},
		{"bearer query", nil, "bearer=tok-123", 200},
		{"nothing", nil, "", 401},
		{"Basic", map[string]string{"Authorization": basic("user@example.com", "password")}, "", 401},
		{"API token in X-Auth-Token (DOC-ORDEREX)", map[string]string{"X-Auth-Token": "tok-123"}, "", 200},
		{"wrong API token in X-Auth-Token", map[string]string{"X-Auth-Token": "tok-124"}, "", 401},
		{"JWT as Bearer", map[string]string{"Authorization": "Bearer " + jwt}, "", 401},
		{"wrong API token", map[string]string{"Authorization": "Bearer tok-124"}, "", 401},
		{"expired JWT", map[string]string{"X-Auth-Token": expired}, "", 401},
		{"tampered JWT", map[string]string{"X-Auth-Token": jwt[:len(jwt)-2] + "xx"}, "", 401},
		{"empty X-Auth-Token", map[string]string{"X-Auth-Token": ""}, "", 401},
		{"valid Bearer with stale JWT", map[string]string{"Authorization": "Bearer tok-123", "X-Auth-Token": expired}, "", 401},
		{"valid JWT with Basic", map[string]string{"X-Auth-Token": jwt, "Authorization": basic("user@example.com", "password")}, "", 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", f.URL()+"/dict/country?"+tt.query, nil)
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			r := f.send(req)
			if r.Code != tt.want {
				t.Fatalf("got %d %s, want %d", r.Code, r.Raw, tt.want)
			}
			if tt.want == 401 && r.Message != "Unauthorized" {
				t.Errorf("message = %q", r.Message)
			}
		})
	}
}

func TestExpireJWTs(t *testing.T) {
	t.Parallel()
	clk := newClock() // the clock never moves: tokens must still differ
	f := newFake(t, clienttest.WithClock(clk.now))
	get := func(jwt string) int {
		req, _ := http.NewRequest("GET", f.URL()+"/dict/gtts", nil)
		req.Header.Set("X-Auth-Token", jwt)
		return f.send(req).Code
	}
	old := f.IssueJWT(time.Hour)
	if get(old) != 200 {
		t.Fatal("fresh JWT refused")
	}
	f.ExpireJWTs()
	if got := get(old); got != 401 {
		t.Fatalf("JWT after ExpireJWTs: %d", got)
	}
	r := f.login("Authorization", basic(f.Email(), f.Password()))
	var u struct{ Token string }
	json.Unmarshal(r.Payload, &u)
	if u.Token == old {
		t.Fatal("new login returned the revoked token")
	}
	if got := get(u.Token); got != 200 {
		t.Errorf("JWT issued after ExpireJWTs: %d", got)
	}
	if got := get(old); got != 401 {
		t.Errorf("old JWT accepted again: %d", got)
	}
}
