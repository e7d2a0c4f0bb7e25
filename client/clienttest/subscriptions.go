package clienttest

import (
	"net/http"
	"time"
)

// subscription is a websocket event subscription.
type subscription struct {
	meta
	typ, channel string
	active       bool
	expires      time.Time
}

func subscriptionJSON(sub *subscription) obj {
	return obj{
		"uuid":        sub.UUID,
		"type":        sub.typ,
		"channel":     sub.channel,
		"is_active":   sub.active,
		"expired_on":  stamp(sub.expires),
		"created_on":  stamp(sub.Created),
		"modified_on": stamp(sub.Modified),
	}
}

// handleSubCreate serves POST /event/subscription; the reply embeds the user.
func (s *Server) handleSubCreate(w http.ResponseWriter, _ *http.Request, body []byte) {
	in := parseInput(body)
	typ, _ := in.text("type", true)
	channel, ok := in.text("channel", false)
	if !ok {
		channel = "wss"
	}
	active, ok := in.boolean("is_active", false)
	if !ok {
		active = true
	}
	expires, _ := in.time("expired_on", false)
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	sub := &subscription{meta: s.newMeta(), typ: typ, channel: channel, active: active, expires: expires}
	s.st.subs[sub.UUID] = sub
	out := subscriptionJSON(sub)
	out["user"] = s.userJSON()
	writeOK(w, http.StatusCreated, out)
}

// handleSubList serves GET /event/subscription, inside the envelope.
func (s *Server) handleSubList(w http.ResponseWriter, _ *http.Request, _ []byte) {
	writeList(w, ordered(s.st.subs), subscriptionJSON)
}

// handleSubDelete serves DELETE /event/subscription/{uuid}.
func (s *Server) handleSubDelete(w http.ResponseWriter, r *http.Request, _ []byte) {
	sub, ok := s.st.subs[r.PathValue("uuid")]
	if !ok {
		notFound(w, "Subscription")
		return
	}
	delete(s.st.subs, sub.UUID)
	writeOK(w, http.StatusOK, subscriptionJSON(sub))
}
