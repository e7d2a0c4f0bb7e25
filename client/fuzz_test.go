package client

import (
	"net/http"
	"testing"
)

// FuzzReply feeds arbitrary reply bodies through envelope decoding and into
// every kind of result; nothing may panic, and a success must decode or fail
// with an error.
func FuzzReply(f *testing.F) {
	for _, seed := range []string{
		ok(`{"uuid":"a","tn":{"tn":12029822917},"sip_connection":"s","subscriptions":[{}]}`),
		ok(`{"total":2,"data":[{"uuid":"x"},"y",null]}`),
		`{"success":false,"message":"bad","status":"x","fields":{"a":{"message":1},"b":"c"},"meta":[1]}`,
		`[{"from":1,"to":"2","tnlease":"l","tn":"+1"}]`,
		`{"success":true,"payload":"<Response/>","url":5}`,
		`{"success":tru`, `null`, `"x"`, ``, `{}`,
	} {
		f.Add(200, []byte(seed))
		f.Add(500, []byte(seed))
	}
	r := &request{op: "Fuzz", method: "GET", path: "/fuzz"}
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		status = 100 + (status%500+500)%500
		if status < 200 || status > 299 {
			e := newAPIError(r, status, http.Header{}, body)
			_ = e.Error()
			return
		}
		rep, err := decodeEnvelope(r, status, http.Header{}, body)
		if err != nil {
			_ = err.Error()
			return
		}
		for _, out := range []any{
			new(Lease), new(Page[Lease]), new(Page[Message]), new([]*Call), new(Order),
			new(SIPDomain), new(SIPProduct), new(TNRecord), new(AvailableNumber), new(string),
		} {
			_ = decodeInto(r, rep, out)
		}
	})
}
