package clienttest

import (
	"encoding/json"
	"net/http"
)

// voiceProfile is an outbound voice profile.
type voiceProfile struct {
	meta
	name            string
	product         int
	active          bool
	techPrefix      *int
	lease           string
	ingress         json.RawMessage
	channelLimit    *int
	maxRate         *float64
	recordCalls     *int
	dailySpendLimit *float64
	filemat         string
	audioTrackType  *int
}

// ovpJSON renders an outbound voice profile. The caller holds s.mu.
func (s *Server) ovpJSON(p *voiceProfile, deep bool) obj {
	return obj{
		"uuid":                          p.UUID,
		"name":                          p.name,
		"is_active":                     p.active,
		"product":                       productField(p.product, deep),
		"tech_prefix":                   p.techPrefix,
		"tn_lease":                      s.refJSON(p.lease, deep, s.leaseRef),
		"shaken_sign_policy":            nil,
		"channel_limit":                 p.channelLimit,
		"max_rate":                      p.maxRate,
		"record_calls":                  p.recordCalls,
		"daily_spend_limit":             p.dailySpendLimit,
		"filemat":                       nullable(p.filemat),
		"audio_track_type":              p.audioTrackType,
		"class4_ingress_trunk_settings": p.ingress,
		"sip_domains":                   s.domainNames(func(d *sipDomain) bool { return d.ovp == p.UUID }),
		"created_on":                    stamp(p.Created),
		"modified_on":                   stamp(p.Modified),
	}
}

// ovpRef renders the profile id shallowly, or nil when unknown.
func (s *Server) ovpRef(id string) obj {
	if p, ok := s.st.ovps[id]; ok {
		return s.ovpJSON(p, false)
	}
	return nil
}

func (s *Server) ovpDeep(p *voiceProfile) obj { return s.ovpJSON(p, true) }

// optInt and optFloat read optional numbers into pointers.
func optInt(in *input, k string, lo, hi int, dst **int) {
	if v, ok := in.integer(k, false, lo, hi); ok {
		*dst = &v
	}
}

func optFloat(in *input, k string, dst **float64) {
	if v, ok := in.number(k); ok {
		*dst = &v
	}
}

// readOVP reads an outbound voice profile body into p; false after answering.
func (s *Server) readOVP(w http.ResponseWriter, body []byte, p *voiceProfile, create bool) bool {
	in := parseInput(body)
	if v, ok := in.text("name", create); ok {
		p.name = v
	}
	product, hasProduct := in.integer("product", create, -1<<31, 1<<31-1)
	if v, ok := in.boolean("is_active", false); ok {
		p.active = v
	}
	lease := in.reference("tn_lease")
	if v, ok := in.object("class4_ingress_trunk_settings"); ok {
		p.ingress = v
	}
	optInt(in, "tech_prefix", 100000, 999999, &p.techPrefix)
	optInt(in, "channel_limit", 0, 1<<31-1, &p.channelLimit)
	optFloat(in, "max_rate", &p.maxRate)
	optInt(in, "record_calls", 0, 2, &p.recordCalls)
	optFloat(in, "daily_spend_limit", &p.dailySpendLimit)
	if v, ok := in.oneOf("filemat", false, "wav", "mp3"); ok {
		p.filemat = v
	}
	optInt(in, "audio_track_type", 0, 1, &p.audioTrackType)
	if in.failed() {
		s.invalid(w, in.errs)
		return false
	}
	if !setProduct(w, &p.product, product, hasProduct) {
		return false
	}
	if !s.refExists(w, lease, "Lease", s.leaseRef) {
		return false
	}
	applyRef(&p.lease, lease)
	return true
}

// ovpCollection serves the outbound voice profile routes
// (/profile/outbound_voice). Deleting a profile detaches the SIP domains and
// apps using it.
func (s *Server) ovpCollection() *collection[voiceProfile, *voiceProfile] {
	return &collection[voiceProfile, *voiceProfile]{
		s:      s,
		name:   "Outbound voice profile",
		items:  func() map[string]*voiceProfile { return s.st.ovps },
		fresh:  func() *voiceProfile { return &voiceProfile{active: true, ingress: emptyObject} },
		read:   s.readOVP,
		render: s.ovpDeep,
		detach: func(p *voiceProfile) {
			for _, d := range s.st.domains {
				if d.ovp == p.UUID {
					d.ovp = ""
				}
			}
			for _, a := range s.st.apps {
				if a.ovp == p.UUID {
					a.ovp = ""
				}
			}
		},
	}
}
