package clienttest

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

// lease is a purchased number.
type lease struct {
	meta
	tn        int64
	typ       string
	autorenew bool
	expires   time.Time
	mprofile  string // messaging profile uuid
	conn      string // SIP connection uuid
	app       string // SIP control app uuid
	order     string // order uuid
	sms       *leaseSub
}

// tnRecordJSON renders the tn object of leases, orders and messages.
func tnRecordJSON(tn int64, typ string, m meta) obj {
	return obj{
		"tn":          tn,
		"type":        typ,
		"registered":  false,
		"created_on":  stamp(m.Created),
		"modified_on": stamp(m.Modified),
		"deleted_on":  nil,
	}
}

// leaseJSON renders a lease; deep renders its references as objects,
// otherwise as uuids. The caller holds s.mu.
func (s *Server) leaseJSON(l *lease, deep bool) obj {
	subs := []obj{}
	if l.sms != nil {
		subs = append(subs, s.leaseSubJSON(l.sms))
	}
	return obj{
		"uuid":              l.UUID,
		"tn":                tnRecordJSON(l.tn, l.typ, l.meta),
		"expired_on":        stamp(l.expires),
		"autorenew":         l.autorenew,
		"messaging_profile": s.refJSON(l.mprofile, deep, s.mprofileRef),
		"sip_connection":    s.refJSON(l.conn, deep, s.connRef),
		"sip_control_app":   s.refJSON(l.app, deep, s.appRef),
		"tnorder":           nullable(l.order),
		"subscriptions":     subs,
		"created_on":        stamp(l.Created),
		"modified_on":       stamp(l.Modified),
	}
}

// refJSON renders a reference: null when unset, the shallow object when deep
// and the object exists, otherwise the bare id.
func (s *Server) refJSON(id string, deep bool, lookup func(string) obj) any {
	if id == "" {
		return nil
	}
	if deep {
		if o := lookup(id); o != nil {
			return o
		}
	}
	return id
}

func (s *Server) leaseDeep(l *lease) obj { return s.leaseJSON(l, true) }

// leaseByNumber returns the lease of a number, or nil. The caller holds s.mu.
func (s *Server) leaseByNumber(tn int64) *lease {
	for _, l := range s.st.leases {
		if l.tn == tn {
			return l
		}
	}
	return nil
}

// leaseByID finds a lease by uuid or by phone number. The caller holds s.mu.
func (s *Server) leaseByID(id string) *lease {
	if l, ok := s.st.leases[id]; ok {
		return l
	}
	if tn, ok := parsePhone(jsonString(id)); ok {
		return s.leaseByNumber(tn)
	}
	return nil
}

// handleLeaseSearch serves POST /lease/tn/search.
func (s *Server) handleLeaseSearch(w http.ResponseWriter, r *http.Request, body []byte) {
	sr := s.newSearch(r, body, false)
	in := sr.in
	var fs []func(*lease) bool
	if v, ok := in.mask("tn"); ok {
		fs = append(fs, func(l *lease) bool { return maskMatch(v, strconv.FormatInt(l.tn, 10), false) })
	}
	if v, ok := in.boolean("autorenew", false); ok {
		fs = append(fs, func(l *lease) bool { return l.autorenew == v })
	}
	if v, ok := in.str("sip_connection", false); ok && v != "" {
		fs = append(fs, func(l *lease) bool { return l.conn == v })
	}
	if v, ok := in.str("sip_control_app", false); ok && v != "" {
		fs = append(fs, func(l *lease) bool { return l.app == v })
	}
	if v, ok := in.strings("sip_connections_skip", false); ok && len(v) > 0 {
		fs = append(fs, func(l *lease) bool { return l.conn == "" || !slices.Contains(v, l.conn) })
	}
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	page, total := run(sr, ordered(s.st.leases), fs...)
	writePage(w, sr, page, total, s.leaseDeep)
}

// handleLeaseGet serves GET /lease/tn/{uuid}.
func (s *Server) handleLeaseGet(w http.ResponseWriter, r *http.Request, _ []byte) {
	l, ok := s.st.leases[r.PathValue("uuid")]
	if !ok {
		notFound(w, "Lease")
		return
	}
	writeOK(w, http.StatusOK, s.leaseDeep(l))
}

// handleLeaseByTN serves GET /lease/tn/{tn}/tn.
func (s *Server) handleLeaseByTN(w http.ResponseWriter, r *http.Request, _ []byte) {
	var l *lease
	if tn, ok := parsePhone(jsonString(r.PathValue("tn"))); ok {
		l = s.leaseByNumber(tn)
	}
	if l == nil {
		notFound(w, "Lease")
		return
	}
	writeOK(w, http.StatusOK, s.leaseDeep(l))
}

// handleLeaseUpdate serves PATCH /lease/tn/{uuid}.
func (s *Server) handleLeaseUpdate(w http.ResponseWriter, r *http.Request, body []byte) {
	l, ok := s.st.leases[r.PathValue("uuid")]
	if !ok {
		notFound(w, "Lease")
		return
	}
	in := parseInput(body)
	autorenew, hasAutorenew := in.boolean("autorenew", false)
	mp := in.reference("messaging_profile")
	conn := in.reference("sip_connection")
	app := in.reference("sip_control_app")
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	if !s.refExists(w, mp, "Messaging profile", s.mprofileRef) ||
		!s.refExists(w, conn, "SIP connection", s.connRef) ||
		!s.refExists(w, app, "SIP control app", s.appRef) {
		return
	}
	if hasAutorenew {
		l.autorenew = autorenew
	}
	applyRef(&l.mprofile, mp)
	applyRef(&l.conn, conn)
	applyRef(&l.app, app)
	l.Modified = s.now()
	writeOK(w, http.StatusOK, s.leaseDeep(l))
}

// refExists answers 404 and reports false when r names an unknown object.
func (s *Server) refExists(w http.ResponseWriter, r ref, entity string, lookup func(string) obj) bool {
	if r.set && !r.null && lookup(r.id) == nil {
		notFound(w, entity)
		return false
	}
	return true
}

// applyRef stores a reference update.
func applyRef(dst *string, r ref) {
	switch {
	case r.null:
		*dst = ""
	case r.set:
		*dst = r.id
	}
}

// handleLeaseRelease serves DELETE /lease/tn/{id}: the number goes back to
// the inventory and profiles and SIP users using it are detached from it.
func (s *Server) handleLeaseRelease(w http.ResponseWriter, r *http.Request, _ []byte) {
	l := s.leaseByID(r.PathValue("id"))
	if l == nil {
		notFound(w, "Lease")
		return
	}
	out := s.leaseDeep(l)
	delete(s.st.leases, l.UUID)
	s.st.inventory[l.tn] = l.typ
	for _, p := range s.st.ovps {
		if p.lease == l.UUID {
			p.lease = ""
		}
	}
	for _, d := range s.st.domains {
		for _, u := range d.users {
			if u.lease == l.UUID {
				u.lease = ""
			}
		}
	}
	writeOK(w, http.StatusOK, out)
}

// leaseRef renders the lease id shallowly, or nil when unknown.
func (s *Server) leaseRef(id string) obj {
	if l, ok := s.st.leases[id]; ok {
		return s.leaseJSON(l, false)
	}
	return nil
}
