package client

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync/atomic"
	"testing"
	"time"
)

// TestAmbiguousPostNotRepeated proves that a POST whose connection drops
// after it was written is sent once, unless the call opts in.
func TestAmbiguousPostNotRepeated(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		call func(ctx context.Context, c *Client, opts ...CallOption) error
	}{
		{"POST /sms", func(ctx context.Context, c *Client, opts ...CallOption) error {
			_, err := c.Messages.Send(ctx, &SendSMSRequest{From: 12029822917, To: 12025550100, Text: "hi"}, opts...)
			return err
		}},
		{"POST /order", func(ctx context.Context, c *Client, opts ...CallOption) error {
			_, err := c.Orders.Create(ctx, &OrderCreateRequest{Items: []OrderItem{{TN: 12025550100, Features: []Feature{FeatureVoice}}}}, opts...)
			return err
		}},
		{"POST /batch", func(ctx context.Context, c *Client, opts ...CallOption) error {
			_, err := c.Calls.Single(ctx, &SingleCallRequest{OutboundVoiceProfile: "o", To: 1, Flow: someFlow}, opts...)
			return err
		}},
		{"POST /call/sca", func(ctx context.Context, c *Client, opts ...CallOption) error {
			_, err := c.SIPControlApps.PushCallFlow(ctx, "call", someFlow, opts...)
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t, hangUp)
			c, _ := newTestClient(t, s, nil)
			err := tc.call(context.Background(), c)
			var re *RequestError
			if !errors.As(err, &re) || re.Attempts != 1 {
				t.Fatalf("error = %#v, want *RequestError after 1 attempt", err)
			}
			if n := len(s.requests()); n != 1 {
				t.Fatalf("%d requests, want exactly 1", n)
			}
		})
		t.Run(tc.name+" RetryAmbiguous", func(t *testing.T) {
			t.Parallel()
			s := newStub(t, sequence(hangUp, respond(200, ok(`{"uuid":"x"}`))))
			c, _ := newTestClient(t, s, nil)
			if err := tc.call(context.Background(), c, RetryAmbiguous()); err != nil {
				t.Fatalf("error = %v", err)
			}
			if n := len(s.requests()); n != 2 {
				t.Fatalf("%d requests, want 2", n)
			}
		})
	}
}

// TestRetryClasses checks which replies are retried for GET, POST and
// read-only search POSTs.
func TestRetryClasses(t *testing.T) {
	t.Parallel()
	get := func(ctx context.Context, c *Client, opts ...CallOption) error {
		_, err := c.Leases.Get(ctx, "l", opts...)
		return err
	}
	post := func(ctx context.Context, c *Client, opts ...CallOption) error {
		_, err := c.Messages.Send(ctx, &SendSMSRequest{From: 1, To: 2, Text: "x"}, opts...)
		return err
	}
	search := func(ctx context.Context, c *Client, opts ...CallOption) error {
		_, err := c.Leases.Search(ctx, nil, opts...)
		return err
	}
	fields500 := respond(500, `{"success":false,"message":"Validation error","status":500,"fields":{"params.to":{"message":"required","value":null}}}`)
	cases := []struct {
		name     string
		first    func(http.ResponseWriter, *http.Request, []byte)
		call     func(context.Context, *Client, ...CallOption) error
		opts     []CallOption
		requests int
		wantErr  error
	}{
		{"GET 503", respond(503, `{}`), get, nil, 2, nil},
		{"POST 503", respond(503, `{}`), post, nil, 2, nil},
		{"POST 429", respond(429, `{}`), post, nil, 2, nil},
		{"GET 502", respond(502, `bad gateway`), get, nil, 2, nil},
		{"POST 502", respond(502, `bad gateway`), post, nil, 1, nil},
		{"POST 504 RetryAmbiguous", respond(504, ``), post, []CallOption{RetryAmbiguous()}, 2, nil},
		{"GET 500", respond(500, `{"success":false}`), get, nil, 2, nil},
		{"POST 500", respond(500, `{"success":false}`), post, nil, 1, nil},
		{"search 500", respond(500, `{"success":false}`), search, nil, 2, nil},
		{"search dropped", hangUp, search, nil, 2, nil},
		{"GET dropped", hangUp, get, nil, 2, nil},
		{"GET 500 with fields", fields500, get, nil, 1, ErrValidation},
		{"POST 500 with fields", fields500, post, []CallOption{RetryAmbiguous()}, 1, ErrValidation},
		{"GET 404", respond(404, `{}`), get, nil, 1, ErrNotFound},
		{"GET 409", respond(409, `{}`), get, nil, 1, ErrConflict},
		{"GET MaxAttempts(1)", respond(503, `{}`), get, []CallOption{MaxAttempts(1)}, 1, nil},
		{"GET malformed 200", respond(200, `{"success":tru`), get, nil, 1, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t, sequence(tc.first, respond(200, ok(`{"uuid":"x","total":0,"data":[]}`))))
			c, _ := newTestClient(t, s, nil)
			err := tc.call(context.Background(), c, tc.opts...)
			if n := len(s.requests()); n != tc.requests {
				t.Errorf("%d requests, want %d", n, tc.requests)
			}
			if tc.requests == 2 && err != nil {
				t.Errorf("error after retry: %v", err)
			}
			if tc.requests == 1 && err == nil {
				t.Error("no error, want the first failure")
			}
			if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("error = %v, want %v", err, tc.wantErr)
			}
		})
	}
}

// TestRetryAfterHonoured checks that a 503 with Retry-After waits exactly
// that long before the retry.
func TestRetryAfterHonoured(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, value string
		want        time.Duration
	}{
		{"seconds", "2", 2 * time.Second},
		{"zero", "0", 0},
		{"http date", "Mon, 23 Nov 2026 10:00:05 GMT", 5 * time.Second},
		{"past date", "Mon, 23 Nov 2026 09:00:00 GMT", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t, sequence(func(w http.ResponseWriter, r *http.Request, b []byte) {
				w.Header().Set("Retry-After", tc.value)
				respond(503, `{"success":false,"message":"busy","status":503}`)(w, r, b)
			}, respond(200, ok(`{"uuid":"l"}`))))
			c, waits := newTestClient(t, s, nil)
			c.now = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }
			lease, err := c.Leases.Get(context.Background(), "l")
			if err != nil || lease.UUID != "l" {
				t.Fatalf("Get = %v, %v", lease, err)
			}
			if w := waits.all(); len(w) != 1 || w[0] != tc.want {
				t.Errorf("waits = %v, want [%v]", w, tc.want)
			}
		})
	}
}

// TestRetryAfterBeyondMaxWait checks that a wait longer than MaxWait is not
// made: the error comes back with RetryAfter set.
func TestRetryAfterBeyondMaxWait(t *testing.T) {
	t.Parallel()
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, b []byte) {
		w.Header().Set("Retry-After", "120")
		respond(429, `{"success":false,"message":"Too many","status":429}`)(w, r, b)
	})
	c, waits := newTestClient(t, s, nil)
	_, err := c.Leases.Get(context.Background(), "l")
	var ae *APIError
	if !errors.As(err, &ae) || !errors.Is(err, ErrRateLimited) || ae.RetryAfter != 120*time.Second || ae.Attempts != 1 {
		t.Fatalf("error = %#v", err)
	}
	if len(s.requests()) != 1 || len(waits.all()) != 0 {
		t.Errorf("requests %d, waits %v; want 1 and none", len(s.requests()), waits.all())
	}
}

// TestBackoffCeilings checks the full-jitter ceilings and that the last
// error carries the number of attempts.
func TestBackoffCeilings(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(503, `{"success":false,"message":"down","status":503}`))
	c, waits := newTestClient(t, s, nil, WithRetryPolicy(RetryPolicy{MaxAttempts: 5, BaseDelay: time.Second, MaxWait: 3 * time.Second}))
	c.jitter = func(max time.Duration) time.Duration { return max }
	_, err := c.Leases.Get(context.Background(), "l")
	var ae *APIError
	if !errors.As(err, &ae) || ae.Attempts != 5 || ae.StatusCode != 503 {
		t.Fatalf("error = %#v", err)
	}
	want := []time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 3 * time.Second}
	got := waits.all()
	if len(got) != len(want) {
		t.Fatalf("waits = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("wait %d = %v, want %v", i, got[i], want[i])
		}
	}
}

// TestUniformJitterRange checks the default random source stays in range.
func TestUniformJitterRange(t *testing.T) {
	t.Parallel()
	for range 1000 {
		if d := uniformJitter(10 * time.Millisecond); d < 0 || d > 10*time.Millisecond {
			t.Fatalf("jitter %v out of range", d)
		}
	}
	if d := uniformJitter(0); d != 0 {
		t.Errorf("jitter(0) = %v", d)
	}
}

// TestCancelDuringWait checks that ending the context during a backoff
// returns at once with the context's error and starts no further attempt.
func TestCancelDuringWait(t *testing.T) {
	t.Parallel()
	first := make(chan struct{})
	var once atomic.Bool
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, b []byte) {
		w.Header().Set("Retry-After", "3600")
		respond(503, `{}`)(w, r, b)
		if once.CompareAndSwap(false, true) {
			close(first)
		}
	})
	c, _ := newTestClient(t, s, nil, WithRetryPolicy(RetryPolicy{MaxAttempts: 3, BaseDelay: time.Second, MaxWait: 2 * time.Hour}))
	c.wait = sleepCtx // a real wait of an hour, ended by the cancellation
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-first
		cancel()
	}()
	_, err := c.Leases.Get(ctx, "l")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	var re *RequestError
	if !errors.As(err, &re) || re.Attempts != 1 || re.Path != "/lease/tn/l" {
		t.Errorf("error = %#v", err)
	}
	if n := len(s.requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// TestCancelledBeforeStart checks that no attempt starts after the context ended.
func TestCancelledBeforeStart(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{}`)))
	c, _ := newTestClient(t, s, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Leases.Get(ctx, "l"); !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v", err)
	}
	if n := len(s.requests()); n != 0 {
		t.Errorf("%d requests, want 0", n)
	}
}

// TestCallerDeadlineMidAttempt checks that the caller's own cancellation
// during an attempt is returned, not retried.
func TestCallerDeadlineMidAttempt(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, _ []byte) {
		cancel()
		<-r.Context().Done()
	})
	c, _ := newTestClient(t, s, nil)
	_, err := c.Leases.Get(ctx, "l")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v", err)
	}
	if n := len(s.requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// TestAttemptTimeout checks that an attempt timeout is ambiguous: GET is
// retried, POST is not.
func TestAttemptTimeout(t *testing.T) {
	t.Parallel()
	stall := func(w http.ResponseWriter, r *http.Request, _ []byte) { <-r.Context().Done() }
	t.Run("GET", func(t *testing.T) {
		t.Parallel()
		s := newStub(t, sequence(stall, respond(200, ok(`{"uuid":"l"}`))))
		c, _ := newTestClient(t, s, nil, WithAttemptTimeout(20*time.Millisecond))
		if _, err := c.Leases.Get(context.Background(), "l"); err != nil {
			t.Fatalf("error = %v", err)
		}
		if n := len(s.requests()); n != 2 {
			t.Errorf("%d requests, want 2", n)
		}
	})
	t.Run("POST", func(t *testing.T) {
		t.Parallel()
		s := newStub(t, stall)
		c, _ := newTestClient(t, s, nil, WithAttemptTimeout(20*time.Millisecond))
		_, err := c.Messages.Send(context.Background(), &SendSMSRequest{From: 1, To: 2, Text: "x"})
		var re *RequestError
		if !errors.As(err, &re) || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("error = %#v", err)
		}
		if n := len(s.requests()); n != 1 {
			t.Errorf("%d requests, want 1", n)
		}
	})
}

// TestDialFailureRetriesPost checks that a connection error before the
// request was written is retried even for POST /sms, which then reaches
// the server once.
func TestDialFailureRetriesPost(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{"uuid":"m"}`)))
	var dials atomic.Int32
	dialer := &net.Dialer{}
	hc := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if dials.Add(1) == 1 {
				return nil, errors.New("connection refused (test)")
			}
			return dialer.DialContext(ctx, network, addr)
		},
	}}
	c, _ := newTestClient(t, s, nil, WithHTTPClient(hc))
	m, err := c.Messages.Send(context.Background(), &SendSMSRequest{From: 1, To: 2, Text: "x"})
	if err != nil || m.UUID != "m" {
		t.Fatalf("Send = %v, %v", m, err)
	}
	if n := len(s.requests()); n != 1 {
		t.Errorf("%d requests reached the server, want 1", n)
	}
	if d := dials.Load(); d != 2 {
		t.Errorf("%d dials, want 2", d)
	}
}

// TestRedirectNotFollowed checks that a 3xx becomes an error instead of
// forwarding credentials.
func TestRedirectNotFollowed(t *testing.T) {
	t.Parallel()
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, _ []byte) {
		http.Redirect(w, r, "https://elsewhere.example/", http.StatusFound)
	})
	c, _ := newTestClient(t, s, nil)
	_, err := c.Leases.Get(context.Background(), "l")
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != http.StatusFound || ae.Message != "Found" {
		t.Fatalf("error = %#v", err)
	}
	if n := len(s.requests()); n != 1 {
		t.Errorf("%d requests", n)
	}
}
