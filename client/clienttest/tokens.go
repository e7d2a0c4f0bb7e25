package clienttest

import (
	"crypto/rand"
	"net/http"
	"time"
)

// apiToken is an API token.
type apiToken struct {
	meta
	token   string
	name    string
	ttl     int       // seconds; 0 = never expires
	expires time.Time // zero = never
}

func tokenJSON(t *apiToken) obj {
	o := obj{
		"uuid":        t.UUID,
		"token":       t.token,
		"name":        t.name,
		"expired_on":  stamp(t.expires),
		"created_on":  stamp(t.Created),
		"modified_on": stamp(t.Modified),
	}
	if t.ttl > 0 {
		o["ttl"] = t.ttl
	}
	return o
}

// newAPIToken returns 48 random letters and digits.
func newAPIToken() string {
	return (rand.Text() + rand.Text())[:48]
}

// minTokenTTL is the shortest accepted token lifetime in seconds.
const minTokenTTL = 60

// handleTokenCreate serves POST /token.
func (s *Server) handleTokenCreate(w http.ResponseWriter, _ *http.Request, body []byte) {
	in := parseInput(body)
	name, _ := in.text("name", true)
	ttl, hasTTL := in.integer("ttl", false, minTokenTTL, 1<<31-1)
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	t := &apiToken{meta: s.newMeta(), token: newAPIToken(), name: name}
	if hasTTL {
		t.ttl = ttl
		t.expires = t.Created.Add(time.Duration(ttl) * time.Second)
	}
	s.st.tokens[t.UUID] = t
	writeOK(w, http.StatusCreated, tokenJSON(t))
}

// handleTokenList serves GET /token/list.
func (s *Server) handleTokenList(w http.ResponseWriter, _ *http.Request, _ []byte) {
	out := []obj{}
	for _, t := range ordered(s.st.tokens) {
		out = append(out, tokenJSON(t))
	}
	writeOK(w, http.StatusOK, out)
}

// handleTokenUpdate serves PATCH /token/{uuid}.
func (s *Server) handleTokenUpdate(w http.ResponseWriter, r *http.Request, body []byte) {
	t, ok := s.st.tokens[r.PathValue("uuid")]
	if !ok {
		notFound(w, "Token")
		return
	}
	in := parseInput(body)
	name, hasName := in.text("name", false)
	ttl, hasTTL := in.integer("ttl", false, minTokenTTL, 1<<31-1)
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	t.Modified = s.now()
	if hasName {
		t.name = name
	}
	if hasTTL {
		t.ttl = ttl
		t.expires = t.Modified.Add(time.Duration(ttl) * time.Second)
	}
	writeOK(w, http.StatusOK, tokenJSON(t))
}

// handleTokenDelete serves DELETE /token/{token}: the path holds the token
// string itself.
func (s *Server) handleTokenDelete(w http.ResponseWriter, r *http.Request, _ []byte) {
	secret := r.PathValue("token")
	for id, t := range s.st.tokens {
		if t.token == secret {
			delete(s.st.tokens, id)
			writeOK(w, http.StatusOK, tokenJSON(t))
			return
		}
	}
	notFound(w, "Token")
}

// handleTokenDeleteAll serves DELETE /token/all.
func (s *Server) handleTokenDeleteAll(w http.ResponseWriter, _ *http.Request, _ []byte) {
	s.st.tokens = map[string]*apiToken{}
	writeOK(w, http.StatusOK, obj{})
}
