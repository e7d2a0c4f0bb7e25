package client

import (
	"context"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestRetryAfterHugeNotRetried checks that a delay-seconds value too large
// for a time.Duration still counts as longer than MaxWait: the request is
// not retried and the error carries a RetryAfter beyond MaxWait.
func TestRetryAfterHugeNotRetried(t *testing.T) {
	t.Parallel()
	for _, value := range []string{"4611686019", "9223372036854775807", "99999999999999999999999"} {
		t.Run(value, func(t *testing.T) {
			t.Parallel()
			s := newStub(t, func(w http.ResponseWriter, r *http.Request, b []byte) {
				w.Header().Set("Retry-After", value)
				respond(503, `{"success":false,"message":"busy","status":503}`)(w, r, b)
			})
			c, waits := newTestClient(t, s, nil)
			_, err := c.Leases.Get(context.Background(), "l")
			var ae *APIError
			if !errors.As(err, &ae) || ae.Attempts != 1 || ae.RetryAfter <= c.retry.MaxWait {
				t.Fatalf("error = %#v, want one attempt with RetryAfter beyond MaxWait", err)
			}
			if len(s.requests()) != 1 || len(waits.all()) != 0 {
				t.Errorf("requests %d, waits %v; want 1 and none", len(s.requests()), waits.all())
			}
		})
	}
}

// TestJWTExpBeyondTimeRange checks that an exp claim too large for a
// time.Time is treated as unreadable (the token is used until a 401), not
// as a token that is always expired, which would log in before every
// request.
func TestJWTExpBeyondTimeRange(t *testing.T) {
	t.Parallel()
	enc := base64.RawURLEncoding
	tok := enc.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`)) + "." +
		enc.EncodeToString([]byte(`{"uuid":"u","exp":1e300}`)) + ".c2ln"
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, b []byte) {
		if strings.HasSuffix(r.URL.Path, "/auth") {
			respond(200, ok(`{"uuid":"u","token":"`+tok+`"}`))(w, r, b)
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
	logins := 0
	for _, r := range s.requests() {
		if r.Path == "/auth" {
			logins++
		}
	}
	if logins != 1 {
		t.Errorf("logins = %d, want 1", logins)
	}
}

// TestDecodeErrorNamesTheMember checks that a reply member of the wrong
// form gives a *DecodeError whose text names the member's JSON path, also
// for members decoded by the SDK's own UnmarshalJSON methods.
func TestDecodeErrorNamesTheMember(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ payload, path string }{
		{`{"uuid":"l","autorenew":"yes"}`, `"autorenew"`},
		{`{"uuid":"l","created_on":"yesterday"}`, `"created_on"`},
		{`{"uuid":"l","tn":{"tn":"abc"}}`, `"tn.tn"`},
		{`{"uuid":"l","sip_connection":[1]}`, `"sip_connection"`},
		{`{"uuid":"l","subscriptions":[{},{"created_on":5}]}`, `"subscriptions[1].created_on"`},
		{`{"uuid":"l","sip_control_app":{"product":{"id":"one"}}}`, `"sip_control_app.product.id"`},
	} {
		s := newStub(t, respond(200, ok(tc.payload)))
		c, _ := newTestClient(t, s, nil)
		_, err := c.Leases.Get(context.Background(), "l")
		var de *DecodeError
		if !errors.As(err, &de) {
			t.Fatalf("%s: error = %v, want a *DecodeError", tc.payload, err)
		}
		if !strings.Contains(err.Error(), tc.path) {
			t.Errorf("%s: error %q does not name %s", tc.payload, err, tc.path)
		}
	}
}

// TestDecodeErrorNamesTheMemberOfAPage checks the path through a page's
// data array.
func TestDecodeErrorNamesTheMemberOfAPage(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{"total":2,"data":[{"uuid":"a"},{"uuid":"b","tn":{"tn":"zz"}}]}`)))
	c, _ := newTestClient(t, s, nil)
	_, err := c.Leases.Search(context.Background(), nil)
	var de *DecodeError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), `member "data[1].tn.tn"`) {
		t.Errorf("error = %v, want a *DecodeError naming data[1].tn.tn", err)
	}
}

// TestIteratorSkipsNullItems checks that a null element of a page's data
// is not yielded as a nil item with a nil error.
func TestIteratorSkipsNullItems(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{"total":2,"data":[null,{"uuid":"x"}]}`)))
	c, _ := newTestClient(t, s, nil)
	var got []string
	for l, err := range c.Leases.All(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		if l == nil {
			t.Fatal("a nil lease was yielded")
		}
		got = append(got, l.UUID)
	}
	if len(got) != 1 || got[0] != "x" || len(s.requests()) != 1 {
		t.Errorf("items %v after %d requests, want [x] after 1", got, len(s.requests()))
	}
}

// TestOversizedErrorBodyIsAPIError checks that a non-2xx reply whose body
// is over the size limit is still an *APIError of its status (the body
// never enters it), so that sentinels and retries work, while an oversized
// 2xx body stays a *DecodeError.
func TestOversizedErrorBodyIsAPIError(t *testing.T) {
	t.Parallel()
	big := strings.Repeat("<p>busy</p>", 200)
	s := newStub(t, sequence(respond(503, big), respond(429, big), respond(200, ok(`{"uuid":"l","name":"`+big+`"}`))))
	c, waits := newTestClient(t, s, nil, WithRetryPolicy(RetryPolicy{MaxAttempts: 2, BaseDelay: time.Millisecond, MaxWait: time.Second}))
	c.maxReply = 1024
	_, err := c.Leases.Get(context.Background(), "l")
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != 429 || ae.Attempts != 2 || !errors.Is(err, ErrRateLimited) || ae.Message != "Too Many Requests" {
		t.Fatalf("error = %#v, want the 429 after a retried 503", err)
	}
	if strings.Contains(err.Error(), "busy") || len(waits.all()) != 1 {
		t.Errorf("error %q, waits %v", err, waits.all())
	}
	_, err = c.Leases.Get(context.Background(), "l")
	var de *DecodeError
	if !errors.As(err, &de) || de.StatusCode != 200 {
		t.Errorf("2xx error = %v, want a *DecodeError", err)
	}
}

// TestNullSuccessIsDecodeError checks that an envelope whose "success" is
// null is neither a success nor an error reply of Opentact's.
func TestNullSuccessIsDecodeError(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, `{"success":null,"payload":{"uuid":"l"}}`))
	c, _ := newTestClient(t, s, nil)
	_, err := c.Leases.Get(context.Background(), "l")
	var de *DecodeError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), `"success"`) {
		t.Errorf("error = %v, want a *DecodeError about success", err)
	}
}

// TestEnsureCreateWithoutPayload checks that a create reply without a
// payload does not put a nil row into Ensure's result.
func TestEnsureCreateWithoutPayload(t *testing.T) {
	t.Parallel()
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, b []byte) {
		if r.Method == "GET" {
			respond(200, ok(`[]`))(w, r, b)
			return
		}
		respond(200, `{"success":true}`)(w, r, b)
	})
	c, _ := newTestClient(t, s, nil)
	subs, err := c.Subscriptions.Ensure(context.Background(), "sms")
	if err != nil {
		t.Fatal(err)
	}
	for i, sub := range subs {
		if sub == nil {
			t.Errorf("row %d is nil", i)
		}
	}
}

// TestListSkipsNullElements checks that a null element of an unpaged list
// does not come back as a nil pointer.
func TestListSkipsNullElements(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`[{"uuid":"a"},null,{"uuid":"b"}]`)))
	c, _ := newTestClient(t, s, nil)
	list, err := c.SIPConnections.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0] == nil || list[1] == nil || list[0].UUID != "a" || list[1].UUID != "b" {
		t.Errorf("list = %v, want a and b", list)
	}
}

// TestAPIErrorTextHasNoControlCharacters checks that control characters in
// the server's message, field names and field messages are escaped in
// Error(), so that a reply cannot forge log lines or terminal sequences;
// the fields of the error keep the text as sent.
func TestAPIErrorTextHasNoControlCharacters(t *testing.T) {
	t.Parallel()
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, b []byte) {
		w.Header().Set("X-Request-Id", "id-1")
		respond(404, `{"success":false,"message":"Lease\nlevel=ERROR \u001b[31mforged","status":404,`+
			`"fields":{"params.to\r":{"message":"bad\u0000"}}}`)(w, r, b)
	})
	c, _ := newTestClient(t, s, nil)
	_, err := c.Leases.Get(context.Background(), "l")
	var ae *APIError
	if !errors.As(err, &ae) || ae.Message != "Lease\nlevel=ERROR \x1b[31mforged" {
		t.Fatalf("error = %#v", err)
	}
	text := err.Error()
	if strings.ContainsFunc(text, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		t.Errorf("Error() = %q holds control characters", text)
	}
	if want := `opentact: GET /lease/tn/l: 404 Lease\nlevel=ERROR \x1b[31mforged (fields: params.to\r: bad\x00) [request id-1]`; text != want {
		t.Errorf("Error() = %s\nwant      %s", text, want)
	}
}

// TestFreshJWTWithinRefreshMargin checks that a JWT that is already within
// the refresh margin when the login returns it (a lifetime shorter than
// the margin, or a skewed clock) is used until a 401 rather than making
// every request log in again.
func TestFreshJWTWithinRefreshMargin(t *testing.T) {
	t.Parallel()
	a := newAuthServer()
	a.lifetime = 30 * time.Second // below the default 60 s margin
	s := newStub(t, a.handle)
	c, _ := newTestClient(t, s, EmailPassword("user@example.com", "pa55"))
	for range 3 {
		if _, err := c.Leases.Get(context.Background(), "l"); err != nil {
			t.Fatal(err)
		}
	}
	if n := a.loginCount(); n != 1 {
		t.Errorf("logins = %d, want 1", n)
	}
}

// TestReplyNestingBound checks that a reply nesting deeper than 64 levels
// is a *DecodeError before it is decoded: call objects keep their raw text
// and their parents, so decoding costs the depth times the size (a 100 KB
// page of 9,000 nested parents took 3.5 s, and the raw copies grow with
// the depth times the size).
func TestReplyNestingBound(t *testing.T) {
	t.Parallel()
	chain := func(n int) string {
		return `{"total":1,"data":[` + strings.Repeat(`{"parent":`, n) + `{"uuid":"c"}` + strings.Repeat(`}`, n) + `]}`
	}
	s := newStub(t, sequence(respond(200, ok(chain(60))), respond(200, ok(chain(9000)))))
	c, _ := newTestClient(t, s, nil)
	if _, err := c.Calls.Search(context.Background(), nil); err != nil {
		t.Fatalf("64 levels: %v", err)
	}
	_, err := c.Calls.Search(context.Background(), nil)
	var de *DecodeError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "nests deeper than 64 levels") {
		t.Errorf("error = %v, want a *DecodeError about the nesting", err)
	}
}
