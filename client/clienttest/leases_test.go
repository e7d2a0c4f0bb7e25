package clienttest_test

import (
	"fmt"
	"testing"

	"github.com/opentact-go/opentact/client/clienttest"
)

type leaseView struct {
	UUID string `json:"uuid"`
	TN   struct {
		TN   int64  `json:"tn"`
		Type string `json:"type"`
	} `json:"tn"`
	Autorenew        bool           `json:"autorenew"`
	MessagingProfile map[string]any `json:"messaging_profile"`
	SIPConnection    map[string]any `json:"sip_connection"`
	SIPControlApp    map[string]any `json:"sip_control_app"`
	Subscriptions    []object       `json:"subscriptions"`
}

// manyNumbers returns n numbers from 13105550000 on, added to the inventory.
func (f *fake) manyNumbers(n int) []int64 {
	var tns []int64
	for i := range n {
		tns = append(tns, 13105550000+int64(i))
	}
	f.AddAvailableNumbers(tns...)
	return tns
}

func TestLeasePagination(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	tns := f.manyNumbers(250)
	for i := 0; i < len(tns); i += 50 {
		f.buy(tns[i : i+50]...)
	}
	var got []int64
	pages := 0
	for skip := 0; ; {
		var p page[leaseView]
		f.ok(200, "POST", fmt.Sprintf("/lease/tn/search?take=100&skip=%d", skip), object{}, &p)
		if p.Total != 250 || p.Take != 100 || p.Skip != skip {
			t.Fatalf("page = %d/%d/%d", p.Total, p.Take, p.Skip)
		}
		pages++
		for _, l := range p.Data {
			got = append(got, l.TN.TN)
		}
		skip += len(p.Data)
		if len(p.Data) == 0 || skip >= p.Total {
			break
		}
	}
	if pages != 3 || len(got) != 250 {
		t.Fatalf("%d pages, %d leases", pages, len(got))
	}
	for i, tn := range got {
		if tn != tns[i] {
			t.Fatalf("lease %d = %d, want %d (creation order)", i, tn, tns[i])
		}
	}
	// DESC on created_on reverses; a skip past the end is an empty page.
	var p page[leaseView]
	f.ok(200, "POST", "/lease/tn/search?take=3", object{"order": object{"created_on": "DESC"}}, &p)
	if p.Data[0].TN.TN != tns[249] || p.Data[2].TN.TN != tns[247] {
		t.Errorf("DESC = %+v", p.Data)
	}
	f.ok(200, "POST", "/lease/tn/search?skip=1000", nil, &p)
	if p.Total != 250 || len(p.Data) != 0 {
		t.Errorf("past the end = %d items", len(p.Data))
	}
}

func TestLeaseSearchFilters(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	ids := f.buy(12025550100, 12025550111, 12025550122, 18885550100)
	var conn, app object
	f.ok(201, "POST", "/sip/connection", object{"name": "pbx", "port": 5060, "product": 1}, &conn)
	f.ok(201, "POST", "/sip/app", object{"name": "ivr", "product": 1}, &app)
	connID, appID := uuidOf(t, conn), uuidOf(t, app)
	f.ok(200, "POST", "/sip/connection/"+connID+"/tnlease", object{"add": ids[:2]}, nil)
	f.ok(200, "POST", "/sip/app/"+appID+"/tnlease", object{"add": ids[2:3]}, nil)
	f.ok(200, "PATCH", "/lease/tn/"+ids[3], object{"autorenew": false}, nil)

	tests := []struct {
		name string
		body object
		want []string
	}{
		{"all", object{}, ids},
		{"tn substring", object{"tn": "5550111"}, ids[1:2]},
		{"tn star", object{"tn": "1202*22"}, ids[2:3]},
		{"tn as a number", object{"tn": 12025550111}, ids[1:2]},
		{"tn no match", object{"tn": "999"}, nil},
		{"autorenew", object{"autorenew": false}, ids[3:]},
		{"sip connection", object{"sip_connection": connID}, ids[:2]},
		{"sip control app", object{"sip_control_app": appID}, ids[2:3]},
		{"skip connections", object{"sip_connections_skip": []string{connID}}, ids[2:]},
		{"AND", object{"sip_connection": connID, "tn": "0111"}, ids[1:2]},
		{"OR", object{"sip_control_app": appID, "autorenew": false, "mode": "OR"}, ids[2:]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var p page[leaseView]
			f.ok(200, "POST", "/lease/tn/search", tt.body, &p)
			var got []string
			for _, l := range p.Data {
				got = append(got, l.UUID)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) || p.Total != len(tt.want) {
				t.Errorf("got %v (total %d), want %v", got, p.Total, tt.want)
			}
		})
	}
}

func TestLeaseReadUpdateRelease(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	id := f.buy(12025550155)[0]
	var l leaseView
	f.ok(200, "GET", "/lease/tn/"+id, nil, &l)
	if l.UUID != id || l.TN.TN != 12025550155 || l.TN.Type != "long_code" || !l.Autorenew || l.Subscriptions == nil {
		t.Fatalf("lease = %+v", l)
	}
	f.ok(200, "GET", "/lease/tn/12025550155/tn", nil, &l)
	if l.UUID != id {
		t.Errorf("by tn = %+v", l)
	}
	f.fail(404, "GET", "/lease/tn/12025550156/tn", nil)
	f.fail(404, "GET", "/lease/tn/not-a-number/tn", nil)

	var conn, app, mp object
	f.ok(201, "POST", "/sip/connection", object{"name": "pbx", "port": 5060, "product": 1}, &conn)
	f.ok(201, "POST", "/sip/app", object{"name": "ivr", "product": 1}, &app)
	f.ok(201, "POST", "/profile/messaging", object{"name": "mp"}, &mp)
	f.ok(200, "PATCH", "/lease/tn/"+id, object{
		"autorenew": false, "sip_connection": conn["uuid"], "sip_control_app": app["uuid"], "messaging_profile": mp["uuid"],
	}, &l)
	if l.Autorenew || l.SIPConnection["uuid"] != conn["uuid"] || l.SIPControlApp["uuid"] != app["uuid"] ||
		l.MessagingProfile["uuid"] != mp["uuid"] || l.SIPConnection["name"] != "pbx" {
		t.Fatalf("updated = %+v", l)
	}
	// Absent members stay, null detaches.
	f.ok(200, "PATCH", "/lease/tn/"+id, object{"sip_connection": nil}, &l)
	if l.SIPConnection != nil || l.SIPControlApp == nil || l.MessagingProfile == nil || l.Autorenew {
		t.Fatalf("after null = %+v", l)
	}
	for _, body := range []object{
		{"sip_connection": "00000000-0000-4000-8000-999999999999"},
		{"sip_control_app": "nope"},
		{"messaging_profile": "nope"},
	} {
		f.fail(404, "PATCH", "/lease/tn/"+id, body)
	}
	r := f.fail(400, "PATCH", "/lease/tn/"+id, object{"autorenew": "no", "sip_connection": 5})
	if len(r.Fields) != 2 {
		t.Errorf("fields = %s", r.Raw)
	}
	f.fail(404, "PATCH", "/lease/tn/nope", object{})

	// Release by phone number; the number returns to the inventory.
	f.ok(200, "DELETE", "/lease/tn/12025550155", nil, &l)
	if l.UUID != id {
		t.Errorf("released = %+v", l)
	}
	if r := f.fail(404, "GET", "/lease/tn/"+id, nil); r.Message != "Lease not found" {
		t.Errorf("message = %q", r.Message)
	}
	f.fail(404, "DELETE", "/lease/tn/"+id, nil)
	var p page[available]
	f.ok(200, "POST", "/tn/search", object{"line": "0155", "type": "long_code"}, &p)
	if p.Total != 1 {
		t.Errorf("released number not offered: %+v", p)
	}
	// Release by uuid.
	id2 := f.buy(12025550155)[0]
	f.ok(200, "DELETE", "/lease/tn/"+id2, nil, nil)
	f.fail(404, "GET", "/lease/tn/"+id2, nil)
}

func TestSMSEnablement(t *testing.T) {
	t.Parallel()
	f := newFake(t, clienttest.WithValidationStatus(500))
	id := f.buy(12025550160)[0]
	var mp object
	f.ok(201, "POST", "/profile/messaging", object{"name": "mp"}, &mp)

	f.fail(500, "POST", "/lease/tn/"+id+"/subscription/sms", object{"messaging_profile": mp["uuid"], "sms_campaign": ""})
	f.fail(500, "POST", "/lease/tn/"+id+"/subscription/sms", object{"sms_campaign": "c1"})
	f.fail(404, "POST", "/lease/tn/"+id+"/subscription/sms", object{"messaging_profile": "nope", "sms_campaign": "c1"})
	f.fail(404, "POST", "/lease/tn/nope/subscription/sms", object{"messaging_profile": mp["uuid"], "sms_campaign": "c1"})
	if r := f.fail(404, "DELETE", "/lease/tn/"+id+"/subscription/sms", nil); r.Message != "Subscription not found" {
		t.Errorf("message = %q", r.Message)
	}

	var sub struct {
		UUID             string         `json:"uuid"`
		Type             string         `json:"type"`
		MessagingProfile map[string]any `json:"messaging_profile"`
		SMSCampaign      map[string]any `json:"sms_campaign"`
	}
	// By phone number, as DOC-SMSON allows.
	f.ok(200, "POST", "/lease/tn/12025550160/subscription/sms", object{"messaging_profile": mp["uuid"], "sms_campaign": "c1"}, &sub)
	if sub.Type != "sms" || sub.MessagingProfile["uuid"] != mp["uuid"] || sub.SMSCampaign["uuid"] != "c1" || sub.UUID == "" {
		t.Fatalf("subscription = %+v", sub)
	}
	var l leaseView
	f.ok(200, "GET", "/lease/tn/"+id, nil, &l)
	if len(l.Subscriptions) != 1 || l.Subscriptions[0]["uuid"] != sub.UUID || l.MessagingProfile["uuid"] != mp["uuid"] {
		t.Fatalf("lease = %+v", l)
	}
	var numbers []leaseView
	f.ok(200, "GET", "/profile/messaging/"+uuidOf(t, mp)+"/tnleases", nil, &numbers)
	if len(numbers) != 1 || numbers[0].UUID != id {
		t.Errorf("profile numbers = %+v", numbers)
	}

	var removed object
	f.ok(200, "DELETE", "/lease/tn/"+id+"/subscription/sms", nil, &removed)
	if removed["uuid"] != sub.UUID {
		t.Errorf("removed = %v", removed)
	}
	f.ok(200, "GET", "/lease/tn/"+id, nil, &l)
	if len(l.Subscriptions) != 0 {
		t.Errorf("subscriptions after disable = %v", l.Subscriptions)
	}
	f.fail(404, "DELETE", "/lease/tn/nope/subscription/sms", nil)
}
