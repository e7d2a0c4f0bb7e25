package clienttest

import "net/http"

// sipDomain is a SIP domain, keyed by its name. Its meta uuid only orders
// domains by creation.
type sipDomain struct {
	meta
	name           string
	conn, app, ovp string
	users          map[string]*sipUser
	invites        map[string]*invite
}

// domainJSON renders a SIP domain. The caller holds s.mu.
func (s *Server) domainJSON(d *sipDomain, deep bool) obj {
	o := obj{
		"domain":                 d.name,
		"sip_connection":         s.refJSON(d.conn, deep, s.connRef),
		"sip_control_app":        s.refJSON(d.app, deep, s.appRef),
		"outbound_voice_profile": s.refJSON(d.ovp, deep, s.ovpRef),
		"created_on":             stamp(d.Created),
		"modified_on":            stamp(d.Modified),
	}
	if deep {
		users, invites := []obj{}, []obj{}
		for _, u := range ordered(d.users) {
			users = append(users, s.sipUserJSON(d, u, false))
		}
		for _, i := range ordered(d.invites) {
			invites = append(invites, inviteJSON(d, i, false))
		}
		o["sip_users"], o["sip_user_invites"] = users, invites
	}
	return o
}

func (s *Server) domainDeep(d *sipDomain) obj { return s.domainJSON(d, true) }

// domainNames lists the names of the domains matching keep, in creation
// order. The caller holds s.mu.
func (s *Server) domainNames(keep func(*sipDomain) bool) []string {
	names := []string{}
	for _, d := range ordered(s.st.domains) {
		if keep(d) {
			names = append(names, d.name)
		}
	}
	return names
}

// readDomainRefs reads the three references of a domain body and checks that
// they name existing objects; false after answering.
func (s *Server) readDomainRefs(w http.ResponseWriter, in *input, d *sipDomain) bool {
	conn := in.reference("sip_connection")
	app := in.reference("sip_control_app")
	ovp := in.reference("outbound_voice_profile")
	if in.failed() {
		s.invalid(w, in.errs)
		return false
	}
	if !s.refExists(w, conn, "SIP connection", s.connRef) ||
		!s.refExists(w, app, "SIP control app", s.appRef) ||
		!s.refExists(w, ovp, "Outbound voice profile", s.ovpRef) {
		return false
	}
	applyRef(&d.conn, conn)
	applyRef(&d.app, app)
	applyRef(&d.ovp, ovp)
	return true
}

// handleDomainList serves GET /sip/domain.
func (s *Server) handleDomainList(w http.ResponseWriter, _ *http.Request, _ []byte) {
	writeList(w, ordered(s.st.domains), s.domainDeep)
}

// handleDomainCreate serves POST /sip/domain.
func (s *Server) handleDomainCreate(w http.ResponseWriter, _ *http.Request, body []byte) {
	in := parseInput(body)
	name, _ := in.text("domain", true)
	d := &sipDomain{name: name, users: map[string]*sipUser{}, invites: map[string]*invite{}}
	if !s.readDomainRefs(w, in, d) {
		return
	}
	if _, taken := s.st.domains[name]; taken {
		writeError(w, http.StatusConflict, "SIP domain already exists")
		return
	}
	d.meta = s.newMeta()
	s.st.domains[name] = d
	writeOK(w, http.StatusCreated, s.domainDeep(d))
}

// domainOf returns the domain named in the path, or answers 404.
func (s *Server) domainOf(w http.ResponseWriter, r *http.Request) (*sipDomain, bool) {
	d, ok := s.st.domains[r.PathValue("domain")]
	if !ok {
		notFound(w, "SIP domain")
	}
	return d, ok
}

// handleDomainGet serves GET /sip/domain/{domain}.
func (s *Server) handleDomainGet(w http.ResponseWriter, r *http.Request, _ []byte) {
	if d, ok := s.domainOf(w, r); ok {
		writeOK(w, http.StatusOK, s.domainDeep(d))
	}
}

// handleDomainUpdate serves PATCH /sip/domain/{domain}.
func (s *Server) handleDomainUpdate(w http.ResponseWriter, r *http.Request, body []byte) {
	d, ok := s.domainOf(w, r)
	if !ok {
		return
	}
	next := *d
	if !s.readDomainRefs(w, parseInput(body), &next) {
		return
	}
	next.Modified = s.now()
	*d = next
	writeOK(w, http.StatusOK, s.domainDeep(d))
}

// handleDomainDelete serves DELETE /sip/domain/{domain}; 409 while it has
// users.
func (s *Server) handleDomainDelete(w http.ResponseWriter, r *http.Request, _ []byte) {
	d, ok := s.domainOf(w, r)
	if !ok {
		return
	}
	if len(d.users) > 0 {
		writeError(w, http.StatusConflict, "SIP domain has users")
		return
	}
	out := s.domainDeep(d)
	delete(s.st.domains, d.name)
	writeOK(w, http.StatusOK, out)
}
