package client

import (
	"errors"
	"math"
	"net/http"
	"strconv"
	"time"
)

// retryable reports whether a failed attempt may be repeated. repeatable is
// true for idempotent requests and for calls that passed RetryAmbiguous.
func retryable(res attemptResult, err error, repeatable bool) bool {
	switch e := err.(type) {
	case *RequestError:
		// Before the request was written Opentact cannot have acted.
		return !res.wrote || repeatable
	case *APIError:
		switch e.StatusCode {
		case http.StatusTooManyRequests, http.StatusServiceUnavailable:
			return true // the server says it did not process the request
		case http.StatusBadGateway, http.StatusGatewayTimeout:
			return repeatable
		case http.StatusInternalServerError:
			return repeatable && len(e.Fields) == 0 // with fields: a validation error
		}
	}
	return false
}

// retryWait decides whether to retry after err and how long to wait first:
// a valid Retry-After exactly (no retry when it exceeds MaxWait), otherwise
// a random wait up to BaseDelay doubled per retry, capped at MaxWait.
func (c *Client) retryWait(res attemptResult, err error, repeatable bool, attempts, maxAttempts int) (time.Duration, bool) {
	if attempts >= maxAttempts || !retryable(res, err, repeatable) {
		return 0, false
	}
	if d, ok := c.retryAfter(res.header); ok {
		if d > c.retry.MaxWait {
			return 0, false
		}
		return d, true
	}
	ceiling := c.retry.BaseDelay
	for i := 1; i < attempts && ceiling < c.retry.MaxWait; i++ {
		ceiling *= 2
	}
	return c.jitter(min(ceiling, c.retry.MaxWait)), true
}

// retryAfter parses a Retry-After header: delay-seconds or an HTTP date.
func (c *Client) retryAfter(h http.Header) (time.Duration, bool) {
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > int64(math.MaxInt64/time.Second) {
			return math.MaxInt64, true // longer than any MaxWait
		}
		return time.Duration(n) * time.Second, true
	} else if errors.Is(err, strconv.ErrRange) && v[0] != '-' {
		return math.MaxInt64, true // delay-seconds beyond int64
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(c.now()), 0), true
}
