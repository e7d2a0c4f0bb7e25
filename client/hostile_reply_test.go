package client

import (
	"context"
	"errors"
	"net/http"
	"testing"
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
