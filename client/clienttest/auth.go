package clienttest

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// jwtHeader is the encoded header of every JWT: {"alg":"HS256","typ":"JWT"}.
var jwtHeader = base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))

type jwtClaims struct {
	UUID string `json:"uuid"`
	Role string `json:"role"`
	IAT  int64  `json:"iat"`
	EXP  int64  `json:"exp"`
	JTI  string `json:"jti"` // makes every token distinct, so ExpireJWTs can refuse old ones
}

// IssueJWT returns a JWT for the fake's user that is valid for ttl (a
// negative ttl gives an already expired token), for tests of callers that
// bring their own JWT.
func (s *Server) IssueJWT(ttl time.Duration) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.issueJWT(ttl)
}

// ExpireJWTs makes the server refuse every JWT issued so far, as if they had
// expired; JWTs issued afterwards are valid. API tokens are not affected.
func (s *Server) ExpireJWTs() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.jwtValid = s.jwtSeq
}

// issueJWT signs a new token. The caller holds s.mu.
func (s *Server) issueJWT(ttl time.Duration) string {
	now := s.now()
	c := jwtClaims{
		UUID: s.st.user.UUID,
		Role: "User",
		IAT:  now.Unix(),
		EXP:  now.Add(ttl).Unix(),
		JTI:  strconv.Itoa(s.jwtSeq),
	}
	s.jwtSeq++
	payload, _ := json.Marshal(c)
	unsigned := jwtHeader + "." + base64.RawURLEncoding.EncodeToString(payload)
	return unsigned + "." + s.sign(unsigned)
}

func (s *Server) sign(unsigned string) string {
	mac := hmac.New(sha256.New, s.key)
	mac.Write([]byte(unsigned))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// validJWT reports whether tok is a JWT this server issued that has neither
// expired nor been revoked by ExpireJWTs. The caller holds s.mu.
func (s *Server) validJWT(tok string) bool {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 || parts[0] != jwtHeader {
		return false
	}
	if !hmac.Equal([]byte(parts[2]), []byte(s.sign(parts[0]+"."+parts[1]))) {
		return false
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return false
	}
	var c jwtClaims
	if json.Unmarshal(payload, &c) != nil {
		return false
	}
	seq, err := strconv.Atoi(c.JTI)
	return err == nil && seq >= s.jwtValid && s.now().Unix() < c.EXP
}

// validAPIToken reports whether tok is a live API token. The caller holds s.mu.
func (s *Server) validAPIToken(tok string) bool {
	if tok == "" {
		return false
	}
	for _, t := range s.st.tokens {
		if subtle.ConstantTimeCompare([]byte(t.token), []byte(tok)) == 1 {
			return t.expires.IsZero() || s.now().Before(t.expires)
		}
	}
	return false
}

// authorized reports whether r carries an accepted credential and nothing
// else: a valid X-Auth-Token JWT or API token, jwt query JWT, Bearer API
// token or bearer query API token. Any credential that is present must be valid.
func (s *Server) authorized(r *http.Request) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := false
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, tok, _ := strings.Cut(h, " ")
		if !strings.EqualFold(scheme, "Bearer") || !s.validAPIToken(tok) {
			return false
		}
		seen = true
	}
	if _, ok := r.Header["X-Auth-Token"]; ok {
		// A JWT, or an API token as the API reference's Order example
		// sends it (DOC-ORDEREX).
		if tok := r.Header.Get("X-Auth-Token"); !s.validJWT(tok) && !s.validAPIToken(tok) {
			return false
		}
		seen = true
	}
	q := r.URL.Query()
	if q.Has("jwt") {
		if !s.validJWT(q.Get("jwt")) {
			return false
		}
		seen = true
	}
	if q.Has("bearer") {
		if !s.validAPIToken(q.Get("bearer")) {
			return false
		}
		seen = true
	}
	return seen
}

// handleAuth serves GET /auth: Basic credentials or a valid X-Auth-Token
// give the user and a new JWT.
func (s *Server) handleAuth(w http.ResponseWriter, r *http.Request, _ []byte) {
	if email, password, ok := r.BasicAuth(); ok {
		okEmail := subtle.ConstantTimeCompare([]byte(email), []byte(s.cfg.email)) == 1
		okPass := subtle.ConstantTimeCompare([]byte(password), []byte(s.cfg.password)) == 1
		if !okEmail || !okPass {
			writeError(w, http.StatusUnauthorized, "Wrong credentials")
			return
		}
	} else if tok := r.Header.Get("X-Auth-Token"); tok == "" || !s.validJWT(tok) {
		writeError(w, http.StatusUnauthorized, "Unauthorized")
		return
	}
	u := s.userJSON()
	u["token"] = s.issueJWT(s.cfg.jwtLifetime)
	writeOK(w, http.StatusOK, u)
}

// userJSON renders the fake's user with its account. The caller holds s.mu.
func (s *Server) userJSON() obj {
	balance := 100.0
	if s.exhausted {
		balance = 0
	}
	return obj{
		"uuid":         s.st.user.UUID,
		"email":        s.cfg.email,
		"first_name":   "Test",
		"last_name":    "User",
		"phone_number": "",
		"avatar":       "",
		"dob":          nil,
		"gender":       "Other",
		"role":         "User",
		"wss_online":   false,
		"created_on":   stamp(s.st.user.Created),
		"modified_on":  stamp(s.st.user.Modified),
		"deleted_on":   nil,
		"account": obj{
			"uuid":        s.st.account.UUID,
			"name":        "Test account",
			"email":       s.cfg.email,
			"level":       "Level1",
			"balance":     balance,
			"created_on":  stamp(s.st.account.Created),
			"modified_on": stamp(s.st.account.Modified),
			"deleted_on":  nil,
			"disabled_on": nil,
		},
	}
}
