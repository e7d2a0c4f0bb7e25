package clienttest

import "net/http"

// msgProfile is a messaging profile.
type msgProfile struct {
	meta
	name                           string
	callbackURL, callbackURL2      string
	numberPool                     bool
	longCodeWeight, tollFreeWeight int
	skipUnhealthy, stickySender    bool
}

func mprofileJSON(p *msgProfile) obj {
	return obj{
		"uuid":               p.UUID,
		"name":               p.name,
		"callback_url":       nullable(p.callbackURL),
		"callback_url2":      nullable(p.callbackURL2),
		"number_pool_enable": p.numberPool,
		"long_code_weight":   p.longCodeWeight,
		"tollfree_weight":    p.tollFreeWeight,
		"skip_unhealthy_tns": p.skipUnhealthy,
		"sticky_sender":      p.stickySender,
		"operators":          []obj{},
		"created_on":         stamp(p.Created),
		"modified_on":        stamp(p.Modified),
	}
}

// mprofileRef renders the messaging profile id, or nil when unknown.
func (s *Server) mprofileRef(id string) obj {
	if p, ok := s.st.mprofiles[id]; ok {
		return mprofileJSON(p)
	}
	return nil
}

// readMProfile reads a messaging profile body into p; false after answering.
func (s *Server) readMProfile(w http.ResponseWriter, body []byte, p *msgProfile, create bool) bool {
	in := parseInput(body)
	if v, ok := in.text("name", create); ok {
		p.name = v
	}
	for k, dst := range map[string]*string{"callback_url": &p.callbackURL, "callback_url2": &p.callbackURL2} {
		if in.isNull(k) {
			*dst = ""
		} else if v, ok := in.str(k, false); ok {
			*dst = v
		}
	}
	if v, ok := in.boolean("number_pool_enable", false); ok {
		p.numberPool = v
	}
	if v, ok := in.integer("long_code_weight", false, 0, 9); ok {
		p.longCodeWeight = v
	}
	if v, ok := in.integer("tollfree_weight", false, 0, 9); ok {
		p.tollFreeWeight = v
	}
	if v, ok := in.boolean("skip_unhealthy_tns", false); ok {
		p.skipUnhealthy = v
	}
	if v, ok := in.boolean("sticky_sender", false); ok {
		p.stickySender = v
	}
	if in.failed() {
		s.invalid(w, in.errs)
		return false
	}
	return true
}

// handleMProfileList serves GET /profile/messaging.
func (s *Server) handleMProfileList(w http.ResponseWriter, _ *http.Request, _ []byte) {
	writeList(w, ordered(s.st.mprofiles), mprofileJSON)
}

// handleMProfileCreate serves POST /profile/messaging.
func (s *Server) handleMProfileCreate(w http.ResponseWriter, _ *http.Request, body []byte) {
	p := &msgProfile{}
	if !s.readMProfile(w, body, p, true) {
		return
	}
	p.meta = s.newMeta()
	s.st.mprofiles[p.UUID] = p
	writeOK(w, http.StatusCreated, mprofileJSON(p))
}

// handleMProfileGet serves GET /profile/messaging/{uuid}.
func (s *Server) handleMProfileGet(w http.ResponseWriter, r *http.Request, _ []byte) {
	p, ok := s.st.mprofiles[r.PathValue("uuid")]
	if !ok {
		notFound(w, "Messaging profile")
		return
	}
	writeOK(w, http.StatusOK, mprofileJSON(p))
}

// handleMProfileUpdate serves PATCH /profile/messaging/{uuid}.
func (s *Server) handleMProfileUpdate(w http.ResponseWriter, r *http.Request, body []byte) {
	p, ok := s.st.mprofiles[r.PathValue("uuid")]
	if !ok {
		notFound(w, "Messaging profile")
		return
	}
	next := *p
	if !s.readMProfile(w, body, &next, false) {
		return
	}
	next.Modified = s.now()
	*p = next
	writeOK(w, http.StatusOK, mprofileJSON(p))
}

// handleMProfileDelete serves DELETE /profile/messaging/{uuid}; numbers
// using the profile are detached from it.
func (s *Server) handleMProfileDelete(w http.ResponseWriter, r *http.Request, _ []byte) {
	p, ok := s.st.mprofiles[r.PathValue("uuid")]
	if !ok {
		notFound(w, "Messaging profile")
		return
	}
	for _, l := range s.st.leases {
		if l.mprofile == p.UUID {
			l.mprofile = ""
		}
	}
	delete(s.st.mprofiles, p.UUID)
	writeOK(w, http.StatusOK, mprofileJSON(p))
}

// handleMProfileNumbers serves GET /profile/messaging/{uuid}/tnleases.
func (s *Server) handleMProfileNumbers(w http.ResponseWriter, r *http.Request, _ []byte) {
	id := r.PathValue("uuid")
	if _, ok := s.st.mprofiles[id]; !ok {
		notFound(w, "Messaging profile")
		return
	}
	writeList(w, s.leasesOf(func(l *lease) bool { return l.mprofile == id }), s.leaseDeep)
}
