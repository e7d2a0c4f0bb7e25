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
	return obj{
		"uuid":                               a.UUID,
		"name":                               a.name,
		"is_active":                          a.active,
		"product":                            productField(a.product, deep),
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

// appOf returns the uuid of the SIP control app named in the path, or
// answers 404.
func (s *Server) appOf(w http.ResponseWriter, r *http.Request) (string, bool) {
	id := r.PathValue("uuid")
	if _, ok := s.st.apps[id]; !ok {
		notFound(w, "SIP control app")
		return "", false
	}
	return id, true
}

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
	if !setProduct(w, &a.product, product, hasProduct) {
		return false
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

// appCollection serves the SIP control app routes (/sip/app). A create or
// update that names a SIP domain points the domain at the app; 409 on
// delete while numbers are assigned to the app or a SIP domain points to it.
func (s *Server) appCollection() *collection[sipApp, *sipApp] {
	return &collection[sipApp, *sipApp]{
		s:      s,
		name:   "SIP control app",
		items:  func() map[string]*sipApp { return s.st.apps },
		fresh:  func() *sipApp { return &sipApp{active: true, ingress: emptyObject, egress: emptyObject} },
		read:   s.readApp,
		render: s.appDeep,
		created: func(a *sipApp) {
			a.techPrefix = techPrefix(a.UUID)
			s.linkDomain(a)
		},
		updated: s.linkDomain,
		conflict: func(a *sipApp) string {
			if len(s.leasesOf(func(l *lease) bool { return l.app == a.UUID })) > 0 ||
				len(s.domainNames(func(d *sipDomain) bool { return d.app == a.UUID })) > 0 {
				return "SIP control app is in use"
			}
			return ""
		},
		detach: func(a *sipApp) { delete(s.st.hosted, a.UUID) },
		owner:  func(l *lease) *string { return &l.app },
	}
}

// seededProductID is the id of the only SIP product.
const seededProductID = 1

func productJSON() obj {
	return obj{"id": seededProductID, "name": "Default", "type": "public"}
}

// productField renders a product member: the product's id, or its object
// when deep.
func productField(id int, deep bool) any {
	if deep {
		return productJSON()
	}
	return id
}

// setProduct stores a product read from a body (has set) in dst, answering
// 404 and reporting false when it names no product.
func setProduct(w http.ResponseWriter, dst *int, product int, has bool) bool {
	if !has {
		return true
	}
	if product != seededProductID {
		notFound(w, "SIP product")
		return false
	}
	*dst = product
	return true
}
