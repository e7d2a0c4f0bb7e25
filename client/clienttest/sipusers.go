package clienttest

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"time"
)

// sipUser is a SIP user of a domain.
type sipUser struct {
	meta
	login, password            string
	firstName, lastName, email string
	phone, avatar, dob, gender string
	sameDomainOnly             bool
	active                     bool
	lease                      string
}

// sipUserJSON renders a SIP user; the password never appears. The caller holds
// s.mu.
func (s *Server) sipUserJSON(d *sipDomain, u *sipUser, deep bool) obj {
	var domain any = d.name
	if deep {
		domain = s.domainJSON(d, false)
	}
	return obj{
		"uuid":                   u.UUID,
		"login":                  u.login,
		"first_name":             nullable(u.firstName),
		"last_name":              nullable(u.lastName),
		"email":                  nullable(u.email),
		"phone_number":           nullable(u.phone),
		"avatar":                 nullable(u.avatar),
		"dob":                    nullable(u.dob),
		"gender":                 nullable(u.gender),
		"same_domain_calls_only": u.sameDomainOnly,
		"is_active":              u.active,
		"state":                  "offline",
		"tn_lease":               s.refJSON(u.lease, deep, s.leaseRef),
		"sip_domain":             domain,
		"created_on":             stamp(u.Created),
		"modified_on":            stamp(u.Modified),
	}
}

// readUser reads a SIP user body into u; false after answering.
func (s *Server) readUser(w http.ResponseWriter, body []byte, d *sipDomain, u *sipUser, create bool) bool {
	in := parseInput(body)
	if v, ok := in.text("login", create); ok {
		u.login = v
	}
	if v, ok := in.text("password", create); ok {
		u.password = v
	}
	for k, dst := range map[string]*string{
		"first_name": &u.firstName, "last_name": &u.lastName, "email": &u.email,
		"phone_number": &u.phone, "avatar": &u.avatar, "dob": &u.dob,
	} {
		if v, ok := in.str(k, false); ok {
			*dst = v
		}
	}
	if v, ok := in.oneOf("gender", false, "Male", "Female", "Other"); ok {
		u.gender = v
	}
	if v, ok := in.boolean("same_domain_calls_only", false); ok {
		u.sameDomainOnly = v
	}
	var lease ref
	if !create {
		if v, ok := in.boolean("is_active", false); ok {
			u.active = v
		}
		lease = in.reference("tn_lease")
	}
	if in.failed() {
		s.invalid(w, in.errs)
		return false
	}
	if !s.refExists(w, lease, "Lease", s.leaseRef) {
		return false
	}
	applyRef(&u.lease, lease)
	for _, other := range d.users {
		if other.UUID != u.UUID && other.login == u.login {
			writeError(w, http.StatusConflict, "SIP user login already exists")
			return false
		}
	}
	return true
}

// handleUserList serves GET /sip/domain/{domain}/user.
func (s *Server) handleUserList(w http.ResponseWriter, r *http.Request, _ []byte) {
	if d, ok := s.domainOf(w, r); ok {
		writeList(w, ordered(d.users), func(u *sipUser) obj { return s.sipUserJSON(d, u, true) })
	}
}

// handleUserCreate serves POST /sip/domain/{domain}/user.
func (s *Server) handleUserCreate(w http.ResponseWriter, r *http.Request, body []byte) {
	d, ok := s.domainOf(w, r)
	if !ok {
		return
	}
	u := &sipUser{active: true}
	if !s.readUser(w, body, d, u, true) {
		return
	}
	u.meta = s.newMeta()
	d.users[u.UUID] = u
	writeOK(w, http.StatusCreated, s.sipUserJSON(d, u, true))
}

// userOf returns the domain and user named in the path, or answers 404.
func (s *Server) userOf(w http.ResponseWriter, r *http.Request) (*sipDomain, *sipUser, bool) {
	d, ok := s.domainOf(w, r)
	if !ok {
		return nil, nil, false
	}
	u, ok := d.users[r.PathValue("uuid")]
	if !ok {
		notFound(w, "SIP user")
	}
	return d, u, ok
}

// handleUserGet serves GET /sip/domain/{domain}/user/{uuid}.
func (s *Server) handleUserGet(w http.ResponseWriter, r *http.Request, _ []byte) {
	if d, u, ok := s.userOf(w, r); ok {
		writeOK(w, http.StatusOK, s.sipUserJSON(d, u, true))
	}
}

// handleUserUpdate serves PATCH /sip/domain/{domain}/user/{uuid}.
func (s *Server) handleUserUpdate(w http.ResponseWriter, r *http.Request, body []byte) {
	d, u, ok := s.userOf(w, r)
	if !ok {
		return
	}
	next := *u
	if !s.readUser(w, body, d, &next, false) {
		return
	}
	next.Modified = s.now()
	*u = next
	writeOK(w, http.StatusOK, s.sipUserJSON(d, u, true))
}

// handleUserDelete serves DELETE /sip/domain/{domain}/user/{uuid}.
func (s *Server) handleUserDelete(w http.ResponseWriter, r *http.Request, _ []byte) {
	d, u, ok := s.userOf(w, r)
	if !ok {
		return
	}
	out := s.sipUserJSON(d, u, true)
	delete(d.users, u.UUID)
	writeOK(w, http.StatusOK, out)
}

// invite is a SIP user invite.
type invite struct {
	meta
	name    string
	expires time.Time
	token   string
}

func inviteJSON(d *sipDomain, i *invite, withDomain bool) obj {
	o := obj{
		"uuid":        i.UUID,
		"name":        i.name,
		"expired_on":  stamp(i.expires),
		"token":       i.token,
		"created_on":  stamp(i.Created),
		"modified_on": stamp(i.Modified),
	}
	if withDomain {
		o["sip_domain"] = d.name
	}
	return o
}

// handleInviteCreate serves POST /sip/domain/{domain}/invite.
func (s *Server) handleInviteCreate(w http.ResponseWriter, r *http.Request, body []byte) {
	d, ok := s.domainOf(w, r)
	if !ok {
		return
	}
	in := parseInput(body)
	name, _ := in.text("name", true)
	expires, _ := in.time("expired_on", true)
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails since Go 1.24
	i := &invite{meta: s.newMeta(), name: name, expires: expires, token: hex.EncodeToString(b)}
	d.invites[i.UUID] = i
	writeOK(w, http.StatusCreated, inviteJSON(d, i, true))
}

// handleInviteList serves GET /sip/domain/{domain}/invite.
func (s *Server) handleInviteList(w http.ResponseWriter, r *http.Request, _ []byte) {
	if d, ok := s.domainOf(w, r); ok {
		writeList(w, ordered(d.invites), func(i *invite) obj { return inviteJSON(d, i, true) })
	}
}

// handleInviteDelete serves DELETE /sip/domain/{domain}/invite/{uuid}.
func (s *Server) handleInviteDelete(w http.ResponseWriter, r *http.Request, _ []byte) {
	d, ok := s.domainOf(w, r)
	if !ok {
		return
	}
	i, ok := d.invites[r.PathValue("uuid")]
	if !ok {
		notFound(w, "SIP user invite")
		return
	}
	delete(d.invites, i.UUID)
	writeOK(w, http.StatusOK, inviteJSON(d, i, true))
}
