package clienttest

import (
	"io"
	"net/http"
	"strings"
)

// handlerFunc is a route handler. It runs with s.mu held and gets the
// request body.
type handlerFunc func(w http.ResponseWriter, r *http.Request, body []byte)

// routes registers every route of the API.
func (s *Server) routes() {
	s.public("GET /auth", s.handleAuth)

	s.route("POST /token", s.handleTokenCreate)
	s.route("GET /token/list", s.handleTokenList)
	s.route("PATCH /token/{uuid}", s.handleTokenUpdate)
	s.route("DELETE /token/{token}", s.handleTokenDelete)
	s.route("DELETE /token/all", s.handleTokenDeleteAll)

	s.route("POST /tn/search", s.handleNumberSearch)
	s.route("POST /order", s.handleOrderCreate)
	s.route("GET /order/{uuid}", s.handleOrderGet)
	s.route("POST /order/search", s.handleOrderSearch)

	s.route("POST /lease/tn/search", s.handleLeaseSearch)
	s.route("GET /lease/tn/{uuid}", s.handleLeaseGet)
	s.route("GET /lease/tn/{tn}/tn", s.handleLeaseByTN)
	s.route("PATCH /lease/tn/{uuid}", s.handleLeaseUpdate)
	s.route("DELETE /lease/tn/{id}", s.handleLeaseRelease)
	s.route("POST /lease/tn/{id}/subscription/sms", s.handleSMSEnable)
	s.route("DELETE /lease/tn/{id}/subscription/sms", s.handleSMSDisable)

	s.route("GET /profile/tn", s.handleTNProfileList)
	s.route("GET /profile/tn/{uuid}", s.handleTNProfileGet)

	conns, apps := s.connCollection(), s.appCollection()
	mprofiles, ovps := s.mprofileCollection(), s.ovpCollection()

	s.route("GET /sip/connection", conns.list)
	s.route("POST /sip/connection", conns.create)
	s.route("GET /sip/connection/{uuid}", conns.get)
	s.route("PATCH /sip/connection/{uuid}", conns.update)
	s.route("DELETE /sip/connection/{uuid}", conns.remove)
	s.route("GET /sip/connection/{uuid}/tnlease", conns.numbers)
	s.route("POST /sip/connection/{uuid}/tnlease", conns.assignNumbers)

	s.route("GET /sip/app", apps.list)
	s.route("POST /sip/app", apps.create)
	s.route("GET /sip/app/{uuid}", apps.get)
	s.route("PATCH /sip/app/{uuid}", apps.update)
	s.route("DELETE /sip/app/{uuid}", apps.remove)
	s.route("GET /sip/app/{uuid}/tnlease", apps.numbers)
	s.route("POST /sip/app/{uuid}/tnlease", apps.assignNumbers)
	s.route("GET /sip/app/call/flow/{uuid}", s.handleFlowGet)
	s.route("POST /sip/app/call/flow/{uuid}", s.handleFlowPut)
	s.route("DELETE /sip/app/call/flow/{uuid}", s.handleFlowDelete)
	s.route("POST /sip/app/{uuid}/logs", s.handleLogs)
	s.route("POST /call/sca/{uuid}", s.handleFlowPush)

	s.route("GET /profile/messaging", mprofiles.list)
	s.route("POST /profile/messaging", mprofiles.create)
	s.route("GET /profile/messaging/{uuid}", mprofiles.get)
	s.route("PATCH /profile/messaging/{uuid}", mprofiles.update)
	s.route("DELETE /profile/messaging/{uuid}", mprofiles.remove)
	s.route("GET /profile/messaging/{uuid}/tnleases", mprofiles.numbers)

	s.route("POST /sms", s.handleSMSSend)
	s.route("GET /sms/outbound/{uuid}", s.handleSMSGet(false))
	s.route("GET /sms/inbound/{uuid}", s.handleSMSGet(true))
	s.route("POST /sms/search", s.handleSMSSearch)

	s.route("POST /batch", s.handleBatch)
	s.route("POST /call/search", s.handleCallSearch)

	s.route("GET /profile/outbound_voice", ovps.list)
	s.route("POST /profile/outbound_voice", ovps.create)
	s.route("GET /profile/outbound_voice/{uuid}", ovps.get)
	s.route("PATCH /profile/outbound_voice/{uuid}", ovps.update)
	s.route("DELETE /profile/outbound_voice/{uuid}", ovps.remove)

	s.route("GET /sip/domain", s.handleDomainList)
	s.route("POST /sip/domain", s.handleDomainCreate)
	s.route("GET /sip/domain/{domain}", s.handleDomainGet)
	s.route("PATCH /sip/domain/{domain}", s.handleDomainUpdate)
	s.route("DELETE /sip/domain/{domain}", s.handleDomainDelete)
	s.route("GET /sip/domain/{domain}/user", s.handleUserList)
	s.route("POST /sip/domain/{domain}/user", s.handleUserCreate)
	s.route("GET /sip/domain/{domain}/user/{uuid}", s.handleUserGet)
	s.route("PATCH /sip/domain/{domain}/user/{uuid}", s.handleUserUpdate)
	s.route("DELETE /sip/domain/{domain}/user/{uuid}", s.handleUserDelete)
	s.route("POST /sip/domain/{domain}/invite", s.handleInviteCreate)
	s.route("GET /sip/domain/{domain}/invite", s.handleInviteList)
	s.route("DELETE /sip/domain/{domain}/invite/{uuid}", s.handleInviteDelete)

	s.route("POST /event/subscription", s.handleSubCreate)
	s.route("GET /event/subscription", s.handleSubList)
	s.route("DELETE /event/subscription/{uuid}", s.handleSubDelete)

	s.route("GET /dict/gtts", s.handleVoices)
	s.route("GET /dict/country", s.handleCountries)
	s.route("GET /sip/product", s.handleProducts)

	s.mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusNotFound, "Not found")
	})
}

// route registers an authenticated route; pattern is "METHOD /path" below
// the base URL.
func (s *Server) route(pattern string, h handlerFunc) { s.register(pattern, h, true) }

// public registers a route that checks credentials itself.
func (s *Server) public(pattern string, h handlerFunc) { s.register(pattern, h, false) }

func (s *Server) register(pattern string, h handlerFunc, auth bool) {
	method, path, _ := strings.Cut(pattern, " ")
	s.mux.HandleFunc(method+" "+basePath+path, func(w http.ResponseWriter, r *http.Request) {
		if auth && !s.authorized(r) {
			writeError(w, http.StatusUnauthorized, "Unauthorized")
			return
		}
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		defer s.mu.Unlock()
		h(w, r, body)
	})
}
