package client

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestNewValidation(t *testing.T) {
	t.Parallel()
	ep := EmailPassword("a@example.com", "pw")
	cases := []struct {
		name  string
		creds Credentials
		opts  []Option
		ok    bool
		base  string // expected BaseURL when ok
	}{
		{"defaults", ep, nil, true, ProductionBaseURL},
		{"staging", ep, []Option{WithStaging()}, true, StagingBaseURL},
		{"trailing slash", ep, []Option{WithBaseURL("https://proxy.example/rest/")}, true, "https://proxy.example/rest"},
		{"loopback ipv4", ep, []Option{WithBaseURL("http://127.0.0.1:8080/rest")}, true, "http://127.0.0.1:8080/rest"},
		{"loopback 127/8", ep, []Option{WithBaseURL("http://127.1.2.3/")}, true, "http://127.1.2.3"},
		{"loopback ipv6", ep, []Option{WithBaseURL("http://[::1]:9/x")}, true, "http://[::1]:9/x"},
		{"localhost", ep, []Option{WithBaseURL("http://LocalHost:1")}, true, "http://LocalHost:1"},
		{"last wins", ep, []Option{WithStaging(), WithBaseURL("https://b.example")}, true, "https://b.example"},
		{"nil option ignored", ep, []Option{nil}, true, ProductionBaseURL},
		{"http remote", ep, []Option{WithBaseURL("http://api.example.com/rest")}, false, ""},
		{"http lookalike", ep, []Option{WithBaseURL("http://127.0.0.1.example.com/")}, false, ""},
		{"ftp", ep, []Option{WithBaseURL("ftp://127.0.0.1/")}, false, ""},
		{"relative", ep, []Option{WithBaseURL("/rest")}, false, ""},
		{"no host", ep, []Option{WithBaseURL("https:///rest")}, false, ""},
		{"user info", ep, []Option{WithBaseURL("https://u:p@api.example/")}, false, ""},
		{"query", ep, []Option{WithBaseURL("https://api.example/?bearer=x")}, false, ""},
		{"empty query", ep, []Option{WithBaseURL("https://api.example/?")}, false, ""},
		{"fragment", ep, []Option{WithBaseURL("https://api.example/#x")}, false, ""},
		{"unparsable", ep, []Option{WithBaseURL("https://a b/%zz")}, false, ""},
		{"nil http client", ep, []Option{WithHTTPClient(nil)}, false, ""},
		{"user agent newline", ep, []Option{WithUserAgent("a\r\nX-Evil: 1")}, false, ""},
		{"retry attempts", ep, []Option{WithRetryPolicy(RetryPolicy{MaxAttempts: 0, BaseDelay: 1, MaxWait: 1})}, false, ""},
		{"retry delay", ep, []Option{WithRetryPolicy(RetryPolicy{MaxAttempts: 1, BaseDelay: 0, MaxWait: 1})}, false, ""},
		{"retry wait", ep, []Option{WithRetryPolicy(RetryPolicy{MaxAttempts: 1, BaseDelay: 2, MaxWait: 1})}, false, ""},
		{"attempt timeout", ep, []Option{WithAttemptTimeout(-1)}, false, ""},
		{"attempt timeout off", ep, []Option{WithAttemptTimeout(0)}, true, ProductionBaseURL},
		{"margin negative", ep, []Option{WithRefreshMargin(-1)}, false, ""},
		{"margin with jwt", JWT("j"), []Option{WithRefreshMargin(time.Second)}, false, ""},
		{"query token with jwt", JWT("j"), []Option{WithAPITokenInQuery()}, false, ""},
		{"query token", APIToken("t"), []Option{WithAPITokenInQuery()}, true, ProductionBaseURL},
		{"nil logger", ep, []Option{WithLogger(nil)}, false, ""},
		{"nil credentials", nil, nil, false, ""},
		{"empty email", EmailPassword("", "pw"), nil, false, ""},
		{"empty password", EmailPassword("a@example.com", ""), nil, false, ""},
		{"empty jwt", JWT(""), nil, false, ""},
		{"empty api token", APIToken(""), nil, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, err := New(tc.creds, tc.opts...)
			if !tc.ok {
				if !errors.Is(err, ErrInvalidArgument) || c != nil {
					t.Fatalf("New = %v, %v; want ErrInvalidArgument", c, err)
				}
				if !strings.HasPrefix(err.Error(), "opentact: ") {
					t.Errorf("error text %q", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if c.BaseURL() != tc.base {
				t.Errorf("BaseURL = %q, want %q", c.BaseURL(), tc.base)
			}
		})
	}
}

// TestFirstOptionErrorWins checks that New reports the first failing option.
func TestFirstOptionErrorWins(t *testing.T) {
	t.Parallel()
	_, err := New(JWT("j"), WithLogger(nil), WithHTTPClient(nil))
	if err == nil || !strings.Contains(err.Error(), "WithLogger") {
		t.Errorf("error = %v, want the WithLogger error", err)
	}
}

// TestHTTPClientCopied checks that the caller's client is copied, not
// changed, and that its transport is used.
func TestHTTPClientCopied(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{"uuid":"l"}`)))
	hc := &http.Client{Timeout: time.Minute}
	c, _ := newTestClient(t, s, nil, WithHTTPClient(hc))
	if hc.CheckRedirect != nil {
		t.Error("caller's http.Client was modified")
	}
	if c.httpClient == hc || c.httpClient.Timeout != time.Minute {
		t.Error("client is not a copy of the caller's")
	}
	if _, err := c.Leases.Get(context.Background(), "l"); err != nil {
		t.Fatal(err)
	}
}

// TestLogger checks one debug record per attempt, with the path and no query.
func TestLogger(t *testing.T) {
	t.Parallel()
	s := newStub(t, sequence(respond(503, `{}`), hangUp, respond(200, ok(`{"total":0,"data":[]}`))))
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, _ := newTestClient(t, s, APIToken("tok-in-query"), WithLogger(logger), WithAPITokenInQuery())
	if _, err := c.Leases.Search(context.Background(), &LeaseSearchOptions{SearchOptions: SearchOptions{Take: 7}}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d records, want 3:\n%s", len(lines), buf.String())
	}
	for i, want := range []string{"attempt=1 status=503 next=retry", "attempt=2 error=\"connection failed after the request was written\" next=retry", "attempt=3 status=200"} {
		if !strings.Contains(lines[i], "method=POST path=/lease/tn/search "+want) {
			t.Errorf("record %d = %s\nwant it to contain %s", i, lines[i], want)
		}
	}
	if strings.Contains(buf.String(), "tok-in-query") || strings.Contains(buf.String(), "take=") {
		t.Errorf("log shows the query:\n%s", buf.String())
	}
}
