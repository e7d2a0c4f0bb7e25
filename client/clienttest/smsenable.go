package clienttest

import "net/http"

// leaseSub is the SMS enablement of a lease.
type leaseSub struct {
	meta
	profile  string
	campaign string
}

// leaseSubJSON renders an SMS enablement. The caller holds s.mu.
func (s *Server) leaseSubJSON(sub *leaseSub) obj {
	return obj{
		"uuid":              sub.UUID,
		"type":              "sms",
		"messaging_profile": s.refJSON(sub.profile, true, s.mprofileRef),
		"sms_campaign":      obj{"uuid": sub.campaign},
		"created_on":        stamp(sub.Created),
		"modified_on":       stamp(sub.Modified),
	}
}

// handleSMSEnable serves POST /lease/tn/{id}/subscription/sms.
func (s *Server) handleSMSEnable(w http.ResponseWriter, r *http.Request, body []byte) {
	l := s.leaseByID(r.PathValue("id"))
	if l == nil {
		notFound(w, "Lease")
		return
	}
	in := parseInput(body)
	profile, _ := in.text("messaging_profile", true)
	campaign, _ := in.text("sms_campaign", true)
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	if _, ok := s.st.mprofiles[profile]; !ok {
		notFound(w, "Messaging profile")
		return
	}
	l.sms = &leaseSub{meta: s.newMeta(), profile: profile, campaign: campaign}
	l.mprofile = profile
	l.Modified = s.now()
	writeOK(w, http.StatusOK, s.leaseSubJSON(l.sms))
}

// handleSMSDisable serves DELETE /lease/tn/{id}/subscription/sms.
func (s *Server) handleSMSDisable(w http.ResponseWriter, r *http.Request, _ []byte) {
	l := s.leaseByID(r.PathValue("id"))
	if l == nil {
		notFound(w, "Lease")
		return
	}
	if l.sms == nil {
		notFound(w, "Subscription")
		return
	}
	out := s.leaseSubJSON(l.sms)
	l.sms = nil
	l.Modified = s.now()
	writeOK(w, http.StatusOK, out)
}
