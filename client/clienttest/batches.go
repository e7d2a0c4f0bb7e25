package clienttest

import "net/http"

// BatchRecord is a bulk call accepted by POST /batch.
type BatchRecord struct {
	UUID                 string
	OutboundVoiceProfile string
	TNLease              string
	XML                  string
	Phones               []int64
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
