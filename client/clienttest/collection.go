package clienttest

import "net/http"

// collection serves the routes that SIP connections, SIP control apps,
// outbound voice profiles and messaging profiles share: objects stored by
// uuid, listed, created, read, patched and deleted by the same rules, and
// numbers (leases) assigned to them. What differs is in its hooks. Every
// handler runs with s.mu held.
type collection[T any, P interface {
	*T
	entity
}] struct {
	s     *Server
	name  string              // in 404 answers, e.g. "SIP connection"
	items func() map[string]P // the stored objects by uuid
	fresh func() P            // a new object with the create defaults
	// read reads a create (create set) or update body into x; it reports
	// false after answering an error.
	read   func(w http.ResponseWriter, body []byte, x P, create bool) bool
	render func(P) obj // the reply object

	// Optional hooks.
	created  func(P)              // runs on a create before it is stored
	updated  func(P)              // runs after an update is stored
	conflict func(P) string       // why x cannot be deleted (answered 409), or ""
	detach   func(P)              // drops the references to a deleted x
	owner    func(*lease) *string // the lease member naming x; for the tnlease routes
}

// lookup returns the object named by the path's uuid, or answers 404.
func (c *collection[T, P]) lookup(w http.ResponseWriter, r *http.Request) (P, bool) {
	x, ok := c.items()[r.PathValue("uuid")]
	if !ok {
		notFound(w, c.name)
	}
	return x, ok
}

// list serves GET {path}.
func (c *collection[T, P]) list(w http.ResponseWriter, _ *http.Request, _ []byte) {
	writeList(w, ordered(c.items()), c.render)
}

// create serves POST {path}.
func (c *collection[T, P]) create(w http.ResponseWriter, _ *http.Request, body []byte) {
	x := c.fresh()
	if !c.read(w, body, x, true) {
		return
	}
	*x.base() = c.s.newMeta()
	if c.created != nil {
		c.created(x)
	}
	c.items()[x.base().UUID] = x
	writeOK(w, http.StatusCreated, c.render(x))
}

// get serves GET {path}/{uuid}.
func (c *collection[T, P]) get(w http.ResponseWriter, r *http.Request, _ []byte) {
	if x, ok := c.lookup(w, r); ok {
		writeOK(w, http.StatusOK, c.render(x))
	}
}

// update serves PATCH {path}/{uuid}: a body that fails changes nothing.
func (c *collection[T, P]) update(w http.ResponseWriter, r *http.Request, body []byte) {
	x, ok := c.lookup(w, r)
	if !ok {
		return
	}
	next := *x
	if !c.read(w, body, &next, false) {
		return
	}
	P(&next).base().Modified = c.s.now()
	*x = next
	if c.updated != nil {
		c.updated(x)
	}
	writeOK(w, http.StatusOK, c.render(x))
}

// remove serves DELETE {path}/{uuid} and answers with the object as it was
// before its references were dropped.
func (c *collection[T, P]) remove(w http.ResponseWriter, r *http.Request, _ []byte) {
	x, ok := c.lookup(w, r)
	if !ok {
		return
	}
	if c.conflict != nil {
		if why := c.conflict(x); why != "" {
			writeError(w, http.StatusConflict, why)
			return
		}
	}
	out := c.render(x)
	if c.detach != nil {
		c.detach(x)
	}
	delete(c.items(), x.base().UUID)
	writeOK(w, http.StatusOK, out)
}

// numbers serves GET {path}/{uuid}/tnlease: the leases assigned to the object.
func (c *collection[T, P]) numbers(w http.ResponseWriter, r *http.Request, _ []byte) {
	if x, ok := c.lookup(w, r); ok {
		id := x.base().UUID
		writeList(w, c.s.leasesOf(func(l *lease) bool { return *c.owner(l) == id }), c.s.leaseDeep)
	}
}

// assignNumbers serves POST {path}/{uuid}/tnlease.
func (c *collection[T, P]) assignNumbers(w http.ResponseWriter, r *http.Request, body []byte) {
	if x, ok := c.lookup(w, r); ok {
		c.s.assign(w, body, x.base().UUID, c.owner)
	}
}
