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

// mprofileCollection serves the messaging profile routes
// (/profile/messaging). Deleting a profile detaches the numbers using it.
func (s *Server) mprofileCollection() *collection[msgProfile, *msgProfile] {
	return &collection[msgProfile, *msgProfile]{
		s:      s,
		name:   "Messaging profile",
		items:  func() map[string]*msgProfile { return s.st.mprofiles },
		fresh:  func() *msgProfile { return &msgProfile{} },
		read:   s.readMProfile,
		render: mprofileJSON,
		detach: func(p *msgProfile) {
			for _, l := range s.st.leases {
				if l.mprofile == p.UUID {
					l.mprofile = ""
				}
			}
		},
		owner: func(l *lease) *string { return &l.mprofile },
	}
}
