package webhook

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"time"

	"github.com/opentact-go/opentact/events"
)

// eventMethods are the methods the event receivers accept.
var eventMethods = []string{http.MethodGet, http.MethodPost}

// ParseCallEvent reads a request to a SIP control app's webhook_url into an
// event with Transport == events.TransportWebhook:
//
//   - a body holding an event envelope (it has a "payload" or "timestamp"
//     member) decodes as events.Decode would;
//   - a body holding the call object itself gives a call_state event whose
//     state is the query's "state", else the body's;
//   - a request without a body gives a call_state event whose Call holds
//     only the query's from, to and state.
//
// It returns a *MethodError for a method other than GET and POST, a
// *TooLargeError for a body over the limit (WithMaxBodyBytes) and an
// *events.DecodeError for a body that is not a JSON object. Options that
// concern only call-flow handlers are ignored.
func ParseCallEvent(r *http.Request, opts ...Option) (events.Event, error) {
	s, err := newSettings(opts)
	if err != nil {
		return events.Event{}, err
	}
	return s.parseEvent(nil, r, events.TypeCallState)
}

// ParseSMSEvent reads a request to a messaging profile's callback_url (or a
// message's custom_callback_url) into an event with Transport ==
// events.TransportWebhook:
//
//   - a body holding an event envelope decodes as events.Decode would;
//   - a body holding the SMS object itself gives an sms event;
//   - a body of the {"data":{"event_type":…}} form shown in Opentact's
//     messaging pages gives an event of KindUnknown whose Type is
//     data.event_type, ID data.id, Time data.occurred_at and Payload
//     data.payload;
//   - a request without a body gives an sms event built from the query
//     parameters uuid, type, from, to, message, state and delivered.
//
// Errors are as for ParseCallEvent.
func ParseSMSEvent(r *http.Request, opts ...Option) (events.Event, error) {
	s, err := newSettings(opts)
	if err != nil {
		return events.Event{}, err
	}
	return s.parseEvent(nil, r, events.TypeSMS)
}

// parseEvent implements ParseCallEvent and ParseSMSEvent; wireType says
// which entity a bare body holds. w, when not nil, is told about an
// oversized body so that the server closes the connection.
func (s *settings) parseEvent(w http.ResponseWriter, r *http.Request, wireType string) (events.Event, error) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		return events.Event{}, &MethodError{Method: r.Method, Allowed: append([]string(nil), eventMethods...)}
	}
	body, err := s.readBody(w, r)
	if err != nil {
		return events.Event{}, err
	}
	received := s.clock()
	query := r.URL.Query()
	var ev events.Event
	if body == nil {
		ev = queryEvent(wireType, query)
	} else if ev, err = bodyEvent(wireType, body, query); err != nil {
		return events.Event{}, err
	}
	ev.Transport = events.TransportWebhook
	ev.Received = received
	return ev, nil
}

// bodyEvent decodes a JSON body by the rules of §2.4 (rule 2) of the spec.
func bodyEvent(wireType string, body []byte, query url.Values) (events.Event, error) {
	ev, err := events.Decode(body) // checks that body is one JSON object
	if err != nil {
		return events.Event{}, err
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return events.Event{}, &events.DecodeError{Msg: err.Error(), Err: err}
	}
	_, hasPayload := top["payload"]
	_, hasTimestamp := top["timestamp"]
	if hasPayload || hasTimestamp {
		return ev, nil
	}
	if data, ok := thirdPartyData(top); ok {
		return thirdPartyEvent(data, ev.Raw), nil
	}
	ev, err = decodeBare(body, wireType)
	if err != nil {
		return events.Event{}, err
	}
	if cs, ok := ev.CallState(); ok {
		if state := lastValue(query, "state"); state != "" {
			cs.State = events.CallStatus(state)
		}
	}
	return ev, nil
}

// thirdPartyData returns the "data" object of a body of the
// {"data":{"event_type":…}} form.
func thirdPartyData(top map[string]json.RawMessage) (map[string]json.RawMessage, bool) {
	raw, ok := top["data"]
	if !ok || jsonKind(raw) != '{' {
		return nil, false
	}
	var data map[string]json.RawMessage
	if json.Unmarshal(raw, &data) != nil || jsonKind(data["event_type"]) != '"' {
		return nil, false
	}
	return data, true
}

// thirdPartyEvent builds the generic event of a {"data":{…}} body.
func thirdPartyEvent(data map[string]json.RawMessage, raw json.RawMessage) events.Event {
	ev := events.Event{Kind: events.KindUnknown, Envelope: events.EnvelopeBare, Raw: raw}
	var skipped []string
	str := func(name string) string {
		v, ok := data[name]
		if !ok || string(bytes.TrimSpace(v)) == "null" {
			return ""
		}
		var s string
		if json.Unmarshal(v, &s) != nil {
			skipped = append(skipped, "data."+name)
		}
		return s
	}
	ev.Type = str("event_type")
	ev.ID = str("id")
	if at := str("occurred_at"); at != "" {
		t, err := time.Parse(time.RFC3339Nano, at)
		if err != nil {
			skipped = append(skipped, "data.occurred_at")
		}
		ev.Time = t
	}
	if p, ok := data["payload"]; ok && string(bytes.TrimSpace(p)) != "null" {
		ev.Payload = p
	}
	ev.Skipped = skipped
	return ev
}

// queryEvent builds the event of a request without a body from its query.
func queryEvent(wireType string, query url.Values) events.Event {
	fields := map[string]any{}
	set := func(name string, number bool) {
		if v, ok := lastParam(query, name); ok {
			if number {
				v = plusNumber(v)
			}
			fields[name] = v
		}
	}
	set("from", true)
	set("to", true)
	set("state", false)
	if wireType == events.TypeSMS {
		set("uuid", false)
		set("type", false)
		set("message", false)
		if v, ok := lastParam(query, "delivered"); ok {
			switch v {
			case "true":
				fields["delivered"] = true
			case "false":
				fields["delivered"] = false
			default:
				fields["delivered"] = v // reported in Event.Skipped
			}
		}
	}
	// A map of strings and booleans always marshals to a JSON object, which
	// always decodes.
	synthetic, _ := json.Marshal(fields)
	ev, _ := decodeBare(synthetic, wireType)
	ev.Raw = nil
	if c := ev.Call(); c != nil {
		c.Raw = nil
	}
	return ev
}

// lastParam returns the last value of a query parameter.
func lastParam(query url.Values, name string) (string, bool) {
	vs := query[name]
	if len(vs) == 0 {
		return "", false
	}
	return vs[len(vs)-1], true
}

// lastValue returns the last value of a query parameter, or "".
func lastValue(query url.Values, name string) string {
	v, _ := lastParam(query, name)
	return v
}
