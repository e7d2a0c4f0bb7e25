package clienttest

import (
	"encoding/json"
	"net/http"
)

// sipApp is a SIP control app.
type sipApp struct {
	meta
	name                        string
	product                     int
	active                      bool
	techPrefix                  int
	webhookURL, webhookMethod   string
	webhookTimeout              *int
	callFlowURL, callFlowMethod string
	callFlowTimeout             *int
	ingress, egress             json.RawMessage
	domain, ovp                 string
}

// appJSON renders a SIP control app. The caller holds s.mu.
func (s *Server) appJSON(a *sipApp, deep bool) obj {
	var product any = a.product
	if deep {
		product = productJSON()
	}
	return obj{
		"uuid":                               a.UUID,
		"name":                               a.name,
		"is_active":                          a.active,
		"product":                            product,
		"tech_prefix":                        a.techPrefix,
		"webhook_url":                        nullable(a.webhookURL),
		"webhook_method":                     nullable(a.webhookMethod),
		"webhook_request_timeout":            a.webhookTimeout,
		"call_flow_url":                      nullable(a.callFlowURL),
		"call_flow_method":                   nullable(a.callFlowMethod),
		"call_flow_request_timeout":          a.callFlowTimeout,
		"shaken_verify_policy":               nil,
		"shaken_minimum_accepted_attest_lvl": nil,
		"auto_answer":                        false,
		"max_call_length_min":                nil,
		"class4_ingress_trunk_settings":      a.ingress,
		"class4_egress_trunk_settings":       a.egress,
		"outbound_voice_profile":             s.refJSON(a.ovp, deep, s.ovpRef),
		"sip_domains":                        s.domainNames(func(d *sipDomain) bool { return d.app == a.UUID }),
		"created_on":                         stamp(a.Created),
		"modified_on":                        stamp(a.Modified),
	}
}

// appRef renders the SIP control app id shallowly, or nil when unknown.
func (s *Server) appRef(id string) obj {
	if a, ok := s.st.apps[id]; ok {
		return s.appJSON(a, false)
	}
	return nil
}

func (s *Server) appDeep(a *sipApp) obj { return s.appJSON(a, true) }

// readTimeout reads a millisecond timeout that null clears.
func readTimeout(in *input, k string, dst **int) {
	if in.isNull(k) {
		*dst = nil
		return
	}
	if v, ok := in.integer(k, false, 0, 1<<31-1); ok {
		*dst = &v
	}
}

// readApp reads a SIP control app create (create set) or update body into a.
// It reports false after answering an error.
func (s *Server) readApp(w http.ResponseWriter, body []byte, a *sipApp, create bool) bool {
	in := parseInput(body)
	if v, ok := in.text("name", create); ok {
		a.name = v
	}
	product, hasProduct := in.integer("product", create, -1<<31, 1<<31-1)
	if v, ok := in.boolean("is_active", false); ok {
		a.active = v
	}
	if v, ok := in.str("webhook_url", false); ok {
		a.webhookURL = v
	}
	if v, ok := in.oneOf("webhook_method", false, "GET", "POST"); ok {
		a.webhookMethod = v
	}
	readTimeout(in, "webhook_request_timeout", &a.webhookTimeout)
	if v, ok := in.str("call_flow_url", false); ok {
		a.callFlowURL = v
	}
	if v, ok := in.oneOf("call_flow_method", false, "GET", "POST"); ok {
		a.callFlowMethod = v
	}
	readTimeout(in, "call_flow_request_timeout", &a.callFlowTimeout)
	if v, ok := in.object("class4_ingress_trunk_settings"); ok {
		a.ingress = v
	}
	if v, ok := in.object("class4_egress_trunk_settings"); ok {
		a.egress = v
	}
	domain, _ := in.str("sip_domain", false)
	ovp, _ := in.str("outbound_voice_profile", false)
	if in.failed() {
		s.invalid(w, in.errs)
		return false
	}
	if hasProduct {
		if product != seededProductID {
			notFound(w, "SIP product")
			return false
		}
		a.product = product
	}
	if domain != "" {
		if _, ok := s.st.domains[domain]; !ok {
			notFound(w, "SIP domain")
			return false
		}
		a.domain = domain
	}
	if ovp != "" {
		if _, ok := s.st.ovps[ovp]; !ok {
			notFound(w, "Outbound voice profile")
			return false
		}
		a.ovp = ovp
	}
	return true
}

// linkDomain points the SIP domain named on create or update at the app.
func (s *Server) linkDomain(a *sipApp) {
	if d, ok := s.st.domains[a.domain]; ok {
		d.app = a.UUID
	}
	a.domain = ""
}

// handleAppList serves GET /sip/app.
func (s *Server) handleAppList(w http.ResponseWriter, _ *http.Request, _ []byte) {
	writeList(w, ordered(s.st.apps), s.appDeep)
}

// handleAppCreate serves POST /sip/app.
func (s *Server) handleAppCreate(w http.ResponseWriter, _ *http.Request, body []byte) {
	a := &sipApp{active: true, ingress: emptyObject, egress: emptyObject}
	if !s.readApp(w, body, a, true) {
		return
	}
	a.meta = s.newMeta()
	a.techPrefix = techPrefix(a.UUID)
	s.st.apps[a.UUID] = a
	s.linkDomain(a)
	writeOK(w, http.StatusCreated, s.appDeep(a))
}

// handleAppGet serves GET /sip/app/{uuid}.
func (s *Server) handleAppGet(w http.ResponseWriter, r *http.Request, _ []byte) {
	a, ok := s.st.apps[r.PathValue("uuid")]
	if !ok {
		notFound(w, "SIP control app")
		return
	}
	writeOK(w, http.StatusOK, s.appDeep(a))
}

// handleAppUpdate serves PATCH /sip/app/{uuid}.
func (s *Server) handleAppUpdate(w http.ResponseWriter, r *http.Request, body []byte) {
	a, ok := s.st.apps[r.PathValue("uuid")]
	if !ok {
		notFound(w, "SIP control app")
		return
	}
	next := *a
	if !s.readApp(w, body, &next, false) {
		return
	}
	next.Modified = s.now()
	*a = next
	s.linkDomain(a)
	writeOK(w, http.StatusOK, s.appDeep(a))
}

// handleAppDelete serves DELETE /sip/app/{uuid}; 409 while numbers are
// assigned to the app or a SIP domain points to it.
func (s *Server) handleAppDelete(w http.ResponseWriter, r *http.Request, _ []byte) {
	a, ok := s.st.apps[r.PathValue("uuid")]
	if !ok {
		notFound(w, "SIP control app")
		return
	}
	inUse := len(s.leasesOf(func(l *lease) bool { return l.app == a.UUID })) > 0 ||
		len(s.domainNames(func(d *sipDomain) bool { return d.app == a.UUID })) > 0
	if inUse {
		writeError(w, http.StatusConflict, "SIP control app is in use")
		return
	}
	out := s.appDeep(a)
	delete(s.st.apps, a.UUID)
	delete(s.st.hosted, a.UUID)
	writeOK(w, http.StatusOK, out)
}

// handleAppNumbers serves GET /sip/app/{uuid}/tnlease.
func (s *Server) handleAppNumbers(w http.ResponseWriter, r *http.Request, _ []byte) {
	id := r.PathValue("uuid")
	if _, ok := s.st.apps[id]; !ok {
		notFound(w, "SIP control app")
		return
	}
	writeList(w, s.leasesOf(func(l *lease) bool { return l.app == id }), s.leaseDeep)
}

// handleAppAssign serves POST /sip/app/{uuid}/tnlease.
func (s *Server) handleAppAssign(w http.ResponseWriter, r *http.Request, body []byte) {
	id := r.PathValue("uuid")
	if _, ok := s.st.apps[id]; !ok {
		notFound(w, "SIP control app")
		return
	}
	s.assign(w, body, id, func(l *lease) *string { return &l.app })
}

// seededProductID is the id of the only SIP product.
const seededProductID = 1

func productJSON() obj {
	return obj{"id": seededProductID, "name": "Default", "type": "public"}
}
