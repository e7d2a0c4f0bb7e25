package clienttest

import (
	"net/http"
	"strings"
)

// CallSeed describes a call added with AddCall.
type CallSeed struct {
	Direction     string // "in" or "out"; "" = "in"
	From, To      string // caller and callee (numbers or SIP user names)
	State         string // "" = "live"
	TN            int64  // the account's number involved, 0 = none
	SIPControlApp string // uuid of the app handling the call, "" = none
}

// call is a call record.
type call struct {
	meta
	CallSeed
}

// callJSON renders a call. The caller holds s.mu.
func (s *Server) callJSON(c *call) obj {
	return obj{
		"uuid":            c.UUID,
		"type":            "CallSCA",
		"direction":       c.Direction,
		"state":           c.State,
		"from":            c.From,
		"to":              c.To,
		"tn":              tnOrNull(c.TN),
		"duration":        0,
		"thread":          nil,
		"init_on":         stamp(c.Created),
		"sip_control_app": s.refJSON(c.SIPControlApp, true, s.appRef),
		"created_on":      stamp(c.Created),
		"modified_on":     stamp(c.Modified),
	}
}

// AddCall stores a live call, visible to POST /call/search and
// POST /call/sca/{uuid}, and returns its uuid.
func (s *Server) AddCall(c CallSeed) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addCall(c)
}

func (s *Server) addCall(c CallSeed) string {
	if c.Direction == "" {
		c.Direction = "in"
	}
	if c.State == "" {
		c.State = "live"
	}
	rec := &call{meta: s.newMeta(), CallSeed: c}
	s.st.calls[rec.UUID] = rec
	return rec.UUID
}

// handleCallSearch serves POST /call/search.
func (s *Server) handleCallSearch(w http.ResponseWriter, r *http.Request, body []byte) {
	sr := s.newSearch(r, body, false)
	in := sr.in
	var fs []func(*call) bool
	if v, ok := in.oneOf("direction", false, "in", "out"); ok {
		fs = append(fs, func(c *call) bool { return c.Direction == v })
	}
	if v, ok := in.mask("tn"); ok {
		fs = append(fs, func(c *call) bool {
			return strings.Contains(c.From, v) || strings.Contains(c.To, v) || (c.TN != 0 && strings.Contains(digits(c.TN), v))
		})
	}
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	page, total := run(sr, ordered(s.st.calls), fs...)
	writePage(w, sr, page, total, s.callJSON)
}
