package clienttest

import (
	"net/http"
	"strings"
	"time"
)

// Match selects the requests a fault applies to.
type Match struct {
	Method string // "" = any method
	Path   string // path below the base URL, e.g. "/sms"; a trailing "*" matches a prefix; "" = any
}

// Fault describes how the server misbehaves for matching requests.
//
// A fault with neither Status, Body nor Drop only delays the request (by
// Delay), which then proceeds normally.
//
// Drop reads the whole request, then closes the connection. Note that
// net/http's Transport resends an idempotent request (GET, HEAD, …) by
// itself when a reused connection closes before any reply; the resent
// request is recorded and matched against faults like any other.
type Fault struct {
	Times        int               // matching requests affected; 0 = 1; -1 = until ClearFaults
	Status       int               // reply status, with an error envelope unless Body is set
	Message      string            // envelope message; "" = http.StatusText(Status)
	Fields       map[string]string // adds "fields" (name → message) to the envelope
	RetryAfter   string            // raw Retry-After value: "2" or an HTTP date
	Delay        time.Duration     // wait before answering; ends early when the client goes away
	Drop         bool              // close the connection without any reply (see above)
	Body         []byte            // raw reply body (status: Status, or 200), e.g. `{"success":tru` for malformed JSON
	AfterHandler bool              // run the real handler first (state changes happen), then replace its reply
}

type faultEntry struct {
	m    Match
	f    Fault
	left int // -1 = unlimited
}

// InjectFault makes the next matching requests fail as f describes. Faults
// match in insertion order and each request consumes at most one. A fault
// with Times below -1 is ignored.
//
// Processing order: the request is recorded, then the first matching fault
// without AfterHandler applies; otherwise credentials are checked and the
// handler runs, and then the first matching fault with AfterHandler replaces
// the handler's reply.
func (s *Server) InjectFault(m Match, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	left := f.Times
	if left == 0 {
		left = 1
	}
	if left < -1 {
		return
	}
	f.Fields = cloneMap(f.Fields)
	f.Body = append([]byte(nil), f.Body...)
	if f.Body != nil && len(f.Body) == 0 {
		f.Body = []byte{}
	}
	s.faults = append(s.faults, &faultEntry{m: m, f: f, left: left})
}

func cloneMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	c := make(map[string]string, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// ClearFaults removes every pending fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// FailNextDials makes the next n connection attempts made through HTTPClient
// fail in the dialer, before any byte is written. It also closes the idle
// connections of HTTPClient, so that the next request has to dial.
func (s *Server) FailNextDials(n int) {
	s.mu.Lock()
	if n > 0 {
		s.dialFails += n
	}
	s.mu.Unlock()
	s.tr.CloseIdleConnections()
}

// matchPath reports whether path matches pattern ("" = any; a trailing "*"
// matches a prefix).
func matchPath(pattern, path string) bool {
	if pattern == "" {
		return true
	}
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(path, prefix)
	}
	return pattern == path
}

// takeFault consumes and returns the first fault matching the request whose
// AfterHandler equals after, or nil. The caller holds s.mu.
func (s *Server) takeFault(method, path string, after bool) *Fault {
	for i, e := range s.faults {
		if e.f.AfterHandler != after || (e.m.Method != "" && e.m.Method != method) || !matchPath(e.m.Path, path) {
			continue
		}
		if e.left > 0 {
			e.left--
			if e.left == 0 {
				s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			}
		}
		f := e.f
		return &f
	}
	return nil
}

// applyFault answers r as f says and reports whether it did; false means the
// fault only delayed the request.
func (s *Server) applyFault(w http.ResponseWriter, r *http.Request, rec *Request, f *Fault) bool {
	if f.Delay > 0 {
		t := time.NewTimer(f.Delay)
		select {
		case <-r.Context().Done():
			t.Stop()
			s.markFault(rec)
			return true
		case <-t.C:
		}
	}
	switch {
	case f.Drop:
		s.markFault(rec)
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return true
			}
		}
		// Not hijackable (HTTP/2): abort the stream instead.
		panic(http.ErrAbortHandler)
	case f.Status == 0 && f.Body == nil:
		return false
	}
	s.markFault(rec)
	status := f.Status
	if status == 0 {
		status = http.StatusOK
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	if f.Body != nil {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(f.Body)
		return true
	}
	msg := f.Message
	if msg == "" {
		msg = http.StatusText(status)
	}
	env := errorEnvelope{Success: false, Message: msg, Status: status}
	if len(f.Fields) > 0 {
		env.Fields = map[string]fieldError{}
		for k, v := range f.Fields {
			env.Fields[k] = fieldError{Message: v}
		}
	}
	writeEnvelope(w, status, env)
	return true
}

func (s *Server) markFault(rec *Request) {
	s.mu.Lock()
	rec.Fault = true
	s.mu.Unlock()
}
