package clienttest_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/opentact-go/opentact/client/clienttest"
)

func TestMessagingProfiles(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var p object
	f.ok(201, "POST", "/profile/messaging", object{
		"name": "mp", "callback_url": "https://example.com/sms", "number_pool_enable": true,
		"long_code_weight": 3, "tollfree_weight": 9, "sticky_sender": true,
	}, &p)
	id := uuidOf(t, p)
	if p["callback_url"] != "https://example.com/sms" || p["callback_url2"] != nil || p["number_pool_enable"] != true ||
		p["long_code_weight"] != float64(3) || p["tollfree_weight"] != float64(9) || p["sticky_sender"] != true || p["skip_unhealthy_tns"] != false {
		t.Errorf("created = %v", p)
	}
	var u object
	f.ok(200, "PATCH", "/profile/messaging/"+id, object{"callback_url": nil, "callback_url2": "https://example.com/b", "skip_unhealthy_tns": true}, &u)
	if u["callback_url"] != nil || u["callback_url2"] != "https://example.com/b" || u["skip_unhealthy_tns"] != true || u["name"] != "mp" {
		t.Errorf("updated = %v", u)
	}
	var list []object
	f.ok(200, "GET", "/profile/messaging", nil, &list)
	if len(list) != 1 {
		t.Errorf("list = %v", list)
	}
	f.ok(200, "GET", "/profile/messaging/"+id, nil, nil)
	f.fail(400, "POST", "/profile/messaging", object{})
	f.fail(400, "POST", "/profile/messaging", object{"name": ""})
	f.fail(400, "POST", "/profile/messaging", object{"name": "x", "long_code_weight": 10})
	f.fail(400, "PATCH", "/profile/messaging/"+id, object{"sticky_sender": 1})
	f.fail(404, "PATCH", "/profile/messaging/nope", object{})
	f.fail(404, "GET", "/profile/messaging/nope", nil)
	f.fail(404, "GET", "/profile/messaging/nope/tnleases", nil)

	lease := f.buy(12025550190)[0]
	f.ok(200, "PATCH", "/lease/tn/"+lease, object{"messaging_profile": id}, nil)
	f.ok(200, "DELETE", "/profile/messaging/"+id, nil, nil)
	f.fail(404, "DELETE", "/profile/messaging/"+id, nil)
	var l leaseView
	f.ok(200, "GET", "/lease/tn/"+lease, nil, &l)
	if l.MessagingProfile != nil {
		t.Errorf("lease keeps deleted profile: %+v", l)
	}
}

type smsView struct {
	UUID              string         `json:"uuid"`
	Type              string         `json:"type"`
	State             string         `json:"state"`
	From              string         `json:"from"`
	To                string         `json:"to"`
	Message           string         `json:"message"`
	Thread            string         `json:"thread"`
	Delivered         bool           `json:"delivered"`
	Readed            bool           `json:"readed"`
	CustomCallbackURL string         `json:"custom_callback_url"`
	AccountUUID       string         `json:"account_uuid"`
	TN                map[string]any `json:"tn"`
	TNLease           map[string]any `json:"tn_lease"`
	TNLeaseInbound    map[string]any `json:"tnlease"`
}

func TestSMS(t *testing.T) {
	t.Parallel()
	clk := newClock()
	f := newFake(t, clienttest.WithClock(clk.now))
	lease := f.buy(12025550100)[0]
	if got := f.AddSMSNumber(12025550100); got != lease {
		t.Fatalf("AddSMSNumber made lease %s, want the bought %s", got, lease)
	}

	var sent smsView
	f.ok(200, "POST", "/sms", object{"from": 12025550100, "to": "+12025550199", "message": "hello", "custom_callback_url": "https://example.com/dlr"}, &sent)
	if sent.Type != "smso" || sent.State != "created" || sent.From != "12025550100" || sent.To != "12025550199" ||
		sent.Message != "hello" || sent.Delivered || sent.CustomCallbackURL != "https://example.com/dlr" ||
		sent.TNLease["uuid"] != lease || sent.TN["tn"] != float64(12025550100) || sent.AccountUUID == "" {
		t.Fatalf("sent = %+v", sent)
	}
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(sent.Thread) {
		t.Errorf("thread = %q", sent.Thread)
	}
	clk.add(time.Minute)
	var second smsView
	f.ok(200, "POST", "/sms", object{"from": "12025550100", "to": 12025550199, "message": "again"}, &second)
	if second.Thread != sent.Thread {
		t.Errorf("same pair, different threads")
	}
	clk.add(time.Minute)
	in := f.AddInboundSMS(12025550199, 12025550100, "reply")
	clk.add(time.Minute)
	var other smsView
	f.ok(200, "POST", "/sms", object{"from": 12025550100, "to": 13125550000, "message": "other"}, &other)
	if other.Thread == sent.Thread {
		t.Errorf("different pairs share a thread")
	}

	want := []clienttest.SentMessage{
		{UUID: sent.UUID, From: 12025550100, To: 12025550199, Text: "hello", CustomCallbackURL: "https://example.com/dlr"},
		{UUID: second.UUID, From: 12025550100, To: 12025550199, Text: "again"},
		{UUID: other.UUID, From: 12025550100, To: 13125550000, Text: "other"},
	}
	if got := f.SentMessages(); len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("SentMessages = %+v", got)
	}

	var got smsView
	f.ok(200, "GET", "/sms/outbound/"+sent.UUID, nil, &got)
	if got.UUID != sent.UUID || got.Message != "hello" {
		t.Errorf("outbound = %+v", got)
	}
	f.ok(200, "GET", "/sms/inbound/"+in, nil, &got)
	if got.Type != "smsi" || got.State != "success" || got.From != "12025550199" || got.Thread != sent.Thread || got.TNLeaseInbound["uuid"] != lease {
		t.Errorf("inbound = %+v", got)
	}
	f.fail(404, "GET", "/sms/outbound/"+in, nil)
	f.fail(404, "GET", "/sms/inbound/"+sent.UUID, nil)
	if r := f.fail(404, "GET", "/sms/outbound/nope", nil); r.Message != "Message not found" {
		t.Errorf("message = %q", r.Message)
	}

	tests := []struct {
		name string
		body object
		want []string
	}{
		{"newest first", object{}, []string{other.UUID, in, second.UUID, sent.UUID}},
		{"oldest first", object{"order": object{"created_on": "ASC"}}, []string{sent.UUID, second.UUID, in, other.UUID}},
		{"from", object{"from": "12025550199"}, []string{in}},
		{"from as a number", object{"from": 12025550199}, []string{in}},
		{"to mask", object{"to": "1202*99"}, []string{second.UUID, sent.UUID}},
		{"thread", object{"thread": sent.Thread}, []string{in, second.UUID, sent.UUID}},
		{"text", object{"message": "ai"}, []string{second.UUID}},
		{"state", object{"state": "success"}, []string{in}},
		{"readed", object{"readed": true}, nil},
		{"delivered", object{"delivered": false}, []string{other.UUID, in, second.UUID, sent.UUID}},
		{"created range", object{"created_on_from": "2026-03-01T12:01:00.000Z", "created_on_to": "2026-03-01T12:02:00Z"}, []string{in, second.UUID}},
		{"modified range", object{"modified_on_to": "2026-03-01T12:00:30Z"}, []string{sent.UUID}},
		{"OR", object{"message": "other", "state": "success", "mode": "OR"}, []string{other.UUID, in}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p page[smsView]
			f.ok(200, "POST", "/sms/search", tt.body, &p)
			var ids []string
			for _, m := range p.Data {
				ids = append(ids, m.UUID)
			}
			if len(ids) != len(tt.want) || p.Total != len(tt.want) {
				t.Fatalf("got %v, want %v", ids, tt.want)
			}
			for i := range ids {
				if ids[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", ids, tt.want)
				}
			}
		})
	}
}

func TestSMSErrors(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.buy(12025550100)
	long := make([]byte, 919)
	for i := range long {
		long[i] = 'a'
	}
	tests := []struct {
		name  string
		body  object
		code  int
		field string
	}{
		{"no from", object{"to": 12025550199, "message": "x"}, 400, "params.from"},
		{"no to", object{"from": 12025550100, "message": "x"}, 400, "params.to"},
		{"to not a number", object{"from": 12025550100, "to": "call me", "message": "x"}, 400, "params.to"},
		{"to too long", object{"from": 12025550100, "to": "1234567890123456", "message": "x"}, 400, "params.to"},
		{"to fraction", object{"from": 12025550100, "to": 1.5, "message": "x"}, 400, "params.to"},
		{"empty message", object{"from": 12025550100, "to": 12025550199, "message": ""}, 400, "params.message"},
		{"long message", object{"from": 12025550100, "to": 12025550199, "message": string(long)}, 400, "params.message"},
		{"message not a string", object{"from": 12025550100, "to": 12025550199, "message": 5}, 400, "params.message"},
		{"unleased from", object{"from": 12025550101, "to": 12025550199, "message": "x"}, 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := f.fail(tt.code, "POST", "/sms", tt.body)
			if tt.field != "" {
				if _, ok := r.Fields[tt.field]; !ok {
					t.Errorf("fields = %s", r.Raw)
				}
			} else if r.Message != "TN not found" {
				t.Errorf("message = %q", r.Message)
			}
		})
	}
	if n := len(f.SentMessages()); n != 0 {
		t.Errorf("%d messages recorded", n)
	}
}

// TestSMSOnlyFromSMSEnabledNumbers checks the platform rule of rest.md §2.6:
// a leased number sends SMS only once it is SMS-enabled with a messaging
// profile, and not after the enablement is removed.
func TestSMSOnlyFromSMSEnabledNumbers(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	id := f.buy(12025550170)[0]
	body := object{"from": 12025550170, "to": 12025550199, "message": "hi"}
	r := f.fail(400, "POST", "/sms", body)
	if _, ok := r.Fields["params.from"]; !ok || !strings.Contains(r.Fields["params.from"].Message, "not SMS-enabled") {
		t.Errorf("fields = %+v, want params.from: not SMS-enabled", r.Fields)
	}
	var mp object
	f.ok(201, "POST", "/profile/messaging", object{"name": "mp"}, &mp)
	f.ok(200, "POST", "/lease/tn/"+id+"/subscription/sms", object{"messaging_profile": mp["uuid"], "sms_campaign": "c1"}, nil)
	f.ok(200, "POST", "/sms", body, nil)
	f.ok(200, "DELETE", "/lease/tn/"+id+"/subscription/sms", nil, nil)
	f.fail(400, "POST", "/sms", body)
	if n := len(f.SentMessages()); n != 1 {
		t.Errorf("%d messages sent, want 1", n)
	}
}

// TestRecordedRequestsBounded checks that the request log keeps only the
// most recent requests and counts the others.
func TestRecordedRequestsBounded(t *testing.T) {
	t.Parallel()
	f := newFake(t, clienttest.WithMaxRecordedRequests(3))
	for range 5 {
		f.ok(200, "GET", "/dict/country", nil, nil)
	}
	f.ok(200, "GET", "/dict/gtts", nil, nil)
	reqs := f.Requests()
	if len(reqs) != 3 || reqs[2].Path != "/dict/gtts" || reqs[0].Path != "/dict/country" || f.Dropped() != 3 {
		t.Errorf("kept %d requests (last %v), dropped %d; want 3, the last /dict/gtts, 3 dropped", len(reqs), reqs[len(reqs)-1].Path, f.Dropped())
	}
	f.ResetRequests()
	if len(f.Requests()) != 0 || f.Dropped() != 0 {
		t.Error("ResetRequests kept something")
	}
	d := newFake(t)
	for range clienttest.DefaultMaxRecordedRequests + 10 {
		d.ok(200, "GET", "/dict/country", nil, nil)
	}
	if n := len(d.Requests()); n != clienttest.DefaultMaxRecordedRequests {
		t.Errorf("default limit kept %d requests", n)
	}
}
