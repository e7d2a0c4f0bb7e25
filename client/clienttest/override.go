package clienttest

import "net/http"

// override is a route replaced with Override.
type override struct {
	method, path string
	h            http.HandlerFunc
}

// Override replaces the route method + path (relative to the base URL, e.g.
// "/sms") with h; a path ending in "*" matches every path with that prefix
// and an empty method matches every method. The request is recorded, faults
// apply and credentials are checked as for any route (except GET /auth,
// whose handler checks them itself); h then answers instead of the fake's
// handler, without the server's lock held, so it may call the Server's
// methods. A later Override for the same method and path
// replaces the earlier one; a nil h removes it.
func (s *Server) Override(method, path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	kept := s.overrides[:0:0]
	for _, o := range s.overrides {
		if o.method != method || o.path != path {
			kept = append(kept, o)
		}
	}
	if h != nil {
		kept = append(kept, override{method: method, path: path, h: h})
	}
	s.overrides = kept
}

func (s *Server) findOverride(method, path string) http.HandlerFunc {
	for i := len(s.overrides) - 1; i >= 0; i-- {
		o := s.overrides[i]
		if (o.method == "" || o.method == method) && matchPath(o.path, path) {
			return o.h
		}
	}
	return nil
}
