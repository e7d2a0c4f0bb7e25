package clienttest

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"unicode/utf8"
)

// SentMessage is an SMS accepted by POST /sms.
type SentMessage struct {
	UUID              string
	From, To          int64
	Text              string
	CustomCallbackURL string
}

// message is an SMS, sent or received.
type message struct {
	meta
	inbound        bool
	from, to       int64
	text           string
	thread         string
	customCallback string
	lease          string // uuid of the account's lease involved
	readed         bool
}

// typ is the wire type of the message: smso outbound, smsi inbound.
func (m *message) typ() string {
	if m.inbound {
		return "smsi"
	}
	return "smso"
}

// state is the message's state: sent messages stay "created", received ones
// are "success".
func (m *message) state() string {
	if m.inbound {
		return "success"
	}
	return "created"
}

// maxSMSLength is the longest accepted text, in characters.
const maxSMSLength = 918

// threadOf returns the conversation id of a pair of numbers: 32 hex
// characters, the same in both directions.
func threadOf(a, b int64) string {
	if a > b {
		a, b = b, a
	}
	sum := sha256.Sum256([]byte(digits(a) + ":" + digits(b)))
	return hex.EncodeToString(sum[:16])
}

// messageJSON renders a message: the compact search row, or with full the
// single-message form. The caller holds s.mu.
func (s *Server) messageJSON(m *message, full bool) obj {
	o := obj{
		"uuid":         m.UUID,
		"thread":       m.thread,
		"message":      m.text,
		"from":         digits(m.from),
		"to":           digits(m.to),
		"state":        m.state(),
		"type":         m.typ(),
		"account_uuid": s.st.account.UUID,
		"delivered":    false,
		"readed":       m.readed,
		"automated":    false,
		"created_on":   stamp(m.Created),
		"modified_on":  stamp(m.Modified),
	}
	if !full {
		return o
	}
	own := m.from
	if m.inbound {
		own = m.to
	}
	var leaseRef any = nullable(m.lease)
	if l, ok := s.st.leases[m.lease]; ok {
		leaseRef = s.leaseJSON(l, false)
		o["tn"] = tnRecordJSON(own, l.typ, l.meta)
	} else {
		o["tn"] = obj{"tn": own}
	}
	if m.inbound {
		o["tnlease"] = leaseRef
	} else {
		o["tn_lease"] = leaseRef
		o["custom_callback_url"] = nullable(m.customCallback)
		o["reference_id"] = nil
	}
	return o
}

// handleSMSSend serves POST /sms.
func (s *Server) handleSMSSend(w http.ResponseWriter, _ *http.Request, body []byte) {
	in := parseInput(body)
	from, _ := in.phone("from", true)
	to, _ := in.phone("to", true)
	text, ok := in.text("message", true)
	if ok && utf8.RuneCountInString(text) > maxSMSLength {
		in.fail("message", "message must be at most 918 characters")
	}
	callback, _ := in.str("custom_callback_url", false)
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	l := s.leaseByNumber(from)
	if l == nil {
		notFound(w, "TN")
		return
	}
	if s.exhausted {
		noBalance(w)
		return
	}
	// Opentact sends SMS only from a number SMS-enabled with a messaging
	// profile (and, in the US and Canada, a 10DLC campaign).
	if l.sms == nil || s.st.mprofiles[l.sms.profile] == nil {
		in.fail("from", "the number is not SMS-enabled: enable SMS on the lease with a messaging profile and an SMS campaign first")
		s.invalid(w, in.errs)
		return
	}
	m := &message{meta: s.newMeta(), from: from, to: to, text: text, thread: threadOf(from, to), customCallback: callback, lease: l.UUID}
	s.st.messages[m.UUID] = m
	s.st.sent = append(s.st.sent, SentMessage{UUID: m.UUID, From: from, To: to, Text: text, CustomCallbackURL: callback})
	writeOK(w, http.StatusOK, s.messageJSON(m, true))
}

// handleSMSGet serves GET /sms/outbound/{uuid} (inbound false) and
// GET /sms/inbound/{uuid} (inbound true).
func (s *Server) handleSMSGet(inbound bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, _ []byte) {
		m, ok := s.st.messages[r.PathValue("uuid")]
		if !ok || m.inbound != inbound {
			notFound(w, "Message")
			return
		}
		writeOK(w, http.StatusOK, s.messageJSON(m, true))
	}
}

// handleSMSSearch serves POST /sms/search; newest first by default.
func (s *Server) handleSMSSearch(w http.ResponseWriter, r *http.Request, body []byte) {
	sr := s.newSearch(r, body, true)
	in := sr.in
	var fs []func(*message) bool
	if v, ok := in.mask("from"); ok {
		fs = append(fs, func(m *message) bool { return maskMatch(v, digits(m.from), false) })
	}
	if v, ok := in.mask("to"); ok {
		fs = append(fs, func(m *message) bool { return maskMatch(v, digits(m.to), false) })
	}
	if v, ok := in.str("thread", false); ok && v != "" {
		fs = append(fs, func(m *message) bool { return m.thread == v })
	}
	if v, ok := in.str("message", false); ok && v != "" {
		fs = append(fs, func(m *message) bool { return maskMatch(v, m.text, false) })
	}
	if v, ok := in.boolean("delivered", false); ok {
		fs = append(fs, func(*message) bool { return !v })
	}
	if v, ok := in.boolean("readed", false); ok {
		fs = append(fs, func(m *message) bool { return m.readed == v })
	}
	if v, ok := in.str("state", false); ok && v != "" {
		fs = append(fs, func(m *message) bool { return m.state() == v })
	}
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	page, total := run(sr, ordered(s.st.messages), fs...)
	writePage(w, sr, page, total, func(m *message) obj { return s.messageJSON(m, false) })
}

// AddInboundSMS stores a received message from → to and returns its uuid.
// It appears in GET /sms/inbound/{uuid} and POST /sms/search.
func (s *Server) AddInboundSMS(from, to int64, text string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &message{meta: s.newMeta(), inbound: true, from: from, to: to, text: text, thread: threadOf(from, to)}
	if l := s.leaseByNumber(to); l != nil {
		m.lease = l.UUID
	}
	s.st.messages[m.UUID] = m
	return m.UUID
}

// AddSMSNumber seeds a number ready to send SMS, as if it had been ordered
// and SMS-enabled: a lease of tn (taken out of the inventory when it is
// there), a messaging profile named "clienttest <tn>" and an SMS
// enablement with the campaign "clienttest-campaign". It returns the lease
// uuid. A number that is already leased keeps its lease and gets the
// enablement if it lacks one.
func (s *Server) AddSMSNumber(tn int64) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.leaseByNumber(tn)
	if l == nil {
		typ, ok := s.st.inventory[tn]
		if !ok {
			typ = numberTypeOf(tn)
		}
		delete(s.st.inventory, tn)
		l = &lease{meta: s.newMeta(), tn: tn, typ: typ, expires: s.now().AddDate(0, 1, 0)}
		s.st.leases[l.UUID] = l
	}
	if l.sms == nil {
		p := &msgProfile{meta: s.newMeta(), name: "clienttest " + digits(tn)}
		s.st.mprofiles[p.UUID] = p
		l.sms = &leaseSub{meta: s.newMeta(), profile: p.UUID, campaign: "clienttest-campaign"}
		l.mprofile = p.UUID
	}
	return l.UUID
}

// SentMessages returns every SMS accepted by POST /sms, in order.
func (s *Server) SentMessages() []SentMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]SentMessage(nil), s.st.sent...)
}
