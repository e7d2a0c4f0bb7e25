package webhook

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"time"
)

// parseWithin parses a call-flow request whose body must arrive before
// deadline (no bound when it is zero). The deadline is set on the
// connection itself (http.ResponseController), so a client that sends its
// body byte by byte cannot hold the handler past it: the read fails, and
// the handler answers with the fallback flow and the connection is closed
// after it. Once the whole body is read, the read deadline is cleared.
func (s *settings) parseWithin(w http.ResponseWriter, r *http.Request, deadline time.Time) (*CallFlowRequest, error) {
	if deadline.IsZero() || r.Body == nil || r.Body == http.NoBody {
		return s.parse(w, r)
	}
	rc := http.NewResponseController(w)
	set := rc.SetReadDeadline(deadline) == nil
	req, err := s.parse(w, r)
	if set && err == nil {
		_ = rc.SetReadDeadline(time.Time{})
	}
	// After a failed read the deadline stays: net/http then fails at once
	// to drain what is left of the body, and closes the connection after
	// the reply instead of waiting for the rest.
	if err != nil && errors.Is(err, os.ErrDeadlineExceeded) {
		return nil, fmt.Errorf("webhook: the request body did not arrive within %v: %w (%w)", s.timeout, context.DeadlineExceeded, err)
	}
	return req, err
}
