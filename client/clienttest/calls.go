package clienttest

import (
	"bytes"
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

// LogSeed describes a call-flow log entry added with AddCallFlowLog.
type LogSeed struct {
	Name    string // XML command name, e.g. "Say"
	Success bool
	From    string // caller
	TN      int64  // called number
	Call    string // call uuid
}

// BatchRecord is a bulk call accepted by POST /batch.
type BatchRecord struct {
	UUID                 string
	OutboundVoiceProfile string
	TNLease              string
	XML                  string
	Phones               []int64
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

// batch is an accepted bulk call.
type batch struct {
	meta
	rec BatchRecord
}

// handleBatch serves POST /batch: one outbound call per phone.
func (s *Server) handleBatch(w http.ResponseWriter, _ *http.Request, body []byte) {
	in := parseInput(body)
	profile, _ := in.text("outbound_voice_profile", true)
	phones, _ := in.phones("phones", true)
	doc, ok := in.text("xml", true)
	if ok {
		if root, wf := wellFormed([]byte(doc)); !wf || root != "Response" {
			in.fail("xml", "xml must be a well-formed document with root Response")
		}
	}
	leaseID, _ := in.text("tn_lease", false)
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	p, ok := s.st.ovps[profile]
	if !ok {
		notFound(w, "Outbound voice profile")
		return
	}
	if leaseID == "" {
		leaseID = p.lease
	}
	var l *lease
	if leaseID != "" {
		if l, ok = s.st.leases[leaseID]; !ok {
			notFound(w, "Lease")
			return
		}
	}
	if s.exhausted {
		noBalance(w)
		return
	}
	b := &batch{meta: s.newMeta()}
	b.rec = BatchRecord{UUID: b.UUID, OutboundVoiceProfile: profile, TNLease: leaseID, XML: doc, Phones: phones}
	s.st.batches = append(s.st.batches, b)
	for _, ph := range phones {
		c := CallSeed{Direction: "out", State: "init", To: digits(ph)}
		if l != nil {
			c.From, c.TN = digits(l.tn), l.tn
		}
		s.addCall(c)
	}
	var leaseRef any
	if l != nil {
		leaseRef = s.leaseJSON(l, false)
	}
	writeOK(w, http.StatusOK, obj{
		"uuid":                   b.UUID,
		"type":                   "call_xml",
		"state":                  "created",
		"phones":                 phones,
		"xml":                    doc,
		"outbound_voice_profile": s.ovpJSON(p, false),
		"tn_lease":               leaseRef,
		"created_on":             stamp(b.Created),
		"modified_on":            stamp(b.Modified),
	})
}

// Batches returns every bulk call accepted by POST /batch, in order, with
// the XML exactly as received.
func (s *Server) Batches() []BatchRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]BatchRecord, len(s.st.batches))
	for i, b := range s.st.batches {
		out[i] = b.rec
		out[i].Phones = append([]int64(nil), b.rec.Phones...)
	}
	return out
}

// PushedFlows returns the documents pushed to a call with
// POST /call/sca/{uuid}, in order.
func (s *Server) PushedFlows(callUUID string) [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out [][]byte
	for _, d := range s.st.pushed[callUUID] {
		out = append(out, bytes.Clone(d))
	}
	return out
}

// HostedFlow returns the call-flow document hosted for a SIP control app and
// whether there is one.
func (s *Server) HostedFlow(appUUID string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.st.hosted[appUUID]
	return bytes.Clone(d), ok
}

// AddCallFlowLog stores a call-flow log entry of a SIP control app, served
// by POST /sip/app/{uuid}/logs, and returns its uuid.
func (s *Server) AddCallFlowLog(appUUID string, l LogSeed) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := &callLog{meta: s.newMeta(), LogSeed: l}
	s.st.logs[appUUID] = append(s.st.logs[appUUID], e)
	return e.UUID
}
