package clienttest

import (
	"encoding/json"
	"net/http"
)

// sipConn is a SIP connection.
type sipConn struct {
	meta
	name, ip, hostname string
	port, product      int
	active             bool
	techPrefix         int
	shakenPolicy       *int
	shakenLevel        string
	ingress, egress    json.RawMessage
}

// emptyObject is the default of trunk settings.
var emptyObject = json.RawMessage(`{}`)

// connJSON renders a SIP connection. The caller holds s.mu.
func (s *Server) connJSON(c *sipConn, deep bool) obj {
	return obj{
		"uuid":                               c.UUID,
		"name":                               c.name,
		"is_active":                          c.active,
		"ip":                                 nullable(c.ip),
		"hostname":                           nullable(c.hostname),
		"port":                               c.port,
		"tech_prefix":                        c.techPrefix,
		"product":                            productField(c.product, deep),
		"shaken_verify_policy":               c.shakenPolicy,
		"shaken_minimum_accepted_attest_lvl": nullable(c.shakenLevel),
		"class4_ingress_trunk_settings":      c.ingress,
		"class4_egress_trunk_settings":       c.egress,
		"sip_domains":                        s.domainNames(func(d *sipDomain) bool { return d.conn == c.UUID }),
		"created_on":                         stamp(c.Created),
		"modified_on":                        stamp(c.Modified),
	}
}

// connRef renders the SIP connection id shallowly, or nil when unknown.
func (s *Server) connRef(id string) obj {
	if c, ok := s.st.conns[id]; ok {
		return s.connJSON(c, false)
	}
	return nil
}

func (s *Server) connDeep(c *sipConn) obj { return s.connJSON(c, true) }

// readConn reads the members of a SIP connection create (create set) or
// update body into c. It reports false after answering an error.
func (s *Server) readConn(w http.ResponseWriter, body []byte, c *sipConn, create bool) bool {
	in := parseInput(body)
	if v, ok := in.text("name", create); ok {
		c.name = v
	}
	if v, ok := in.str("ip", false); ok {
		c.ip = v
	}
	if v, ok := in.str("hostname", false); ok {
		c.hostname = v
	}
	if v, ok := in.integer("port", create, 1, 65535); ok {
		c.port = v
	}
	product, hasProduct := in.integer("product", create, -1<<31, 1<<31-1)
	if v, ok := in.boolean("is_active", false); ok {
		c.active = v
	}
	if v, ok := in.object("class4_ingress_trunk_settings"); ok {
		c.ingress = v
	}
	if v, ok := in.object("class4_egress_trunk_settings"); ok {
		c.egress = v
	}
	if v, ok := in.integer("shaken_verify_policy", false, 0, 3); ok {
		c.shakenPolicy = &v
	}
	if v, ok := in.oneOf("shaken_minimum_accepted_attest_lvl", false, "A", "B", "C"); ok {
		c.shakenLevel = v
	}
	if in.failed() {
		s.invalid(w, in.errs)
		return false
	}
	return setProduct(w, &c.product, product, hasProduct)
}

// connCollection serves the SIP connection routes (/sip/connection).
// Deleting a connection detaches its numbers and SIP domains from it.
func (s *Server) connCollection() *collection[sipConn, *sipConn] {
	return &collection[sipConn, *sipConn]{
		s:       s,
		name:    "SIP connection",
		items:   func() map[string]*sipConn { return s.st.conns },
		fresh:   func() *sipConn { return &sipConn{active: true, ingress: emptyObject, egress: emptyObject} },
		read:    s.readConn,
		render:  s.connDeep,
		created: func(c *sipConn) { c.techPrefix = techPrefix(c.UUID) },
		detach: func(c *sipConn) {
			for _, l := range s.st.leases {
				if l.conn == c.UUID {
					l.conn = ""
				}
			}
			for _, d := range s.st.domains {
				if d.conn == c.UUID {
					d.conn = ""
				}
			}
		},
		owner: func(l *lease) *string { return &l.conn },
	}
}

// assign applies an {"add": […], "remove": […]} body to the leases' owner
// field and answers with the owner's leases. The caller holds s.mu.
func (s *Server) assign(w http.ResponseWriter, body []byte, owner string, field func(*lease) *string) {
	in := parseInput(body)
	add, _ := in.strings("add", false)
	remove, _ := in.strings("remove", false)
	if !in.failed() && len(add) == 0 && len(remove) == 0 {
		in.fail("add", "add or remove must name at least one lease")
	}
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	for _, id := range append(append([]string(nil), add...), remove...) {
		if _, ok := s.st.leases[id]; !ok {
			notFound(w, "Lease")
			return
		}
	}
	now := s.now()
	for _, id := range add {
		l := s.st.leases[id]
		*field(l) = owner
		l.Modified = now
	}
	for _, id := range remove {
		l := s.st.leases[id]
		if f := field(l); *f == owner {
			*f = ""
			l.Modified = now
		}
	}
	assigned := s.leasesOf(func(l *lease) bool { return *field(l) == owner })
	if s.cfg.assignForm == AssignLeases {
		writeList(w, assigned, s.leaseDeep)
		return
	}
	ids := make([]string, 0, len(assigned))
	for _, l := range assigned {
		ids = append(ids, l.UUID)
	}
	writeOK(w, http.StatusOK, ids)
}

// writeList answers with an unpaged array.
func writeList[T any](w http.ResponseWriter, items []T, render func(T) obj) {
	out := make([]obj, 0, len(items))
	for _, v := range items {
		out = append(out, render(v))
	}
	writeOK(w, http.StatusOK, out)
}

// techPrefix derives a six-digit routing prefix from a uuid's counter.
func techPrefix(uuid string) int {
	n := 0
	for _, c := range uuid[len(uuid)-5:] {
		n = n*10 + int(c-'0')
	}
	return 100000 + n
}
