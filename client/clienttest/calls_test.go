package clienttest_test

import (
	"fmt"
	"testing"

	"github.com/opentact-go/opentact/client/clienttest"
)

func TestOutboundVoiceProfiles(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	lease := f.buy(12025550100)[0]
	var p object
	f.ok(201, "POST", "/profile/outbound_voice", object{
		"name": "out", "product": 1, "tn_lease": lease, "tech_prefix": 123456, "channel_limit": 10,
		"max_rate": 0.05, "record_calls": 2, "daily_spend_limit": 25.5, "filemat": "mp3", "audio_track_type": 1,
	}, &p)
	id := uuidOf(t, p)
	l, _ := p["tn_lease"].(map[string]any)
	if l["uuid"] != lease || p["tech_prefix"] != float64(123456) || p["channel_limit"] != float64(10) || p["max_rate"] != 0.05 ||
		p["record_calls"] != float64(2) || p["daily_spend_limit"] != 25.5 || p["filemat"] != "mp3" || p["audio_track_type"] != float64(1) {
		t.Errorf("created = %v", p)
	}
	var u object
	f.ok(200, "PATCH", "/profile/outbound_voice/"+id, object{"tn_lease": nil, "is_active": false}, &u)
	if u["tn_lease"] != nil || u["is_active"] != false || u["name"] != "out" {
		t.Errorf("updated = %v", u)
	}
	var list []object
	f.ok(200, "GET", "/profile/outbound_voice", nil, &list)
	if len(list) != 1 {
		t.Errorf("list = %v", list)
	}
	f.ok(200, "GET", "/profile/outbound_voice/"+id, nil, nil)
	for _, body := range []object{
		{"product": 1},
		{"name": "x"},
		{"name": "x", "product": 1, "tech_prefix": 5},
		{"name": "x", "product": 1, "filemat": "ogg"},
		{"name": "x", "product": 1, "max_rate": "cheap"},
	} {
		f.fail(400, "POST", "/profile/outbound_voice", body)
	}
	f.fail(404, "POST", "/profile/outbound_voice", object{"name": "x", "product": 9})
	f.fail(404, "POST", "/profile/outbound_voice", object{"name": "x", "product": 1, "tn_lease": "nope"})
	f.fail(404, "PATCH", "/profile/outbound_voice/nope", object{})
	f.fail(404, "GET", "/profile/outbound_voice/nope", nil)
	f.ok(200, "DELETE", "/profile/outbound_voice/"+id, nil, nil)
	f.fail(404, "DELETE", "/profile/outbound_voice/"+id, nil)
}

func TestBulkCall(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	leases := f.buy(12025550100, 12025550101)
	var ovp object
	f.ok(201, "POST", "/profile/outbound_voice", object{"name": "out", "product": 1, "tn_lease": leases[0]}, &ovp)
	ovpID := uuidOf(t, ovp)

	var b struct {
		UUID                 string         `json:"uuid"`
		Type                 string         `json:"type"`
		State                string         `json:"state"`
		Phones               []int64        `json:"phones"`
		XML                  string         `json:"xml"`
		OutboundVoiceProfile map[string]any `json:"outbound_voice_profile"`
		TNLease              map[string]any `json:"tn_lease"`
	}
	f.ok(200, "POST", "/batch", object{"outbound_voice_profile": ovpID, "phones": []any{12025550198, "12025550199"}, "xml": flowXML, "tn_lease": leases[1]}, &b)
	if b.Type != "call_xml" || b.State != "created" || fmt.Sprint(b.Phones) != "[12025550198 12025550199]" || b.XML != flowXML ||
		b.OutboundVoiceProfile["uuid"] != ovpID || b.TNLease["uuid"] != leases[1] {
		t.Fatalf("batch = %+v", b)
	}
	// Without tn_lease the profile's number calls.
	f.ok(200, "POST", "/batch", object{"outbound_voice_profile": ovpID, "phones": []int64{13125550000}, "xml": "<Response/>"}, nil)

	batches := f.Batches()
	if len(batches) != 2 {
		t.Fatalf("Batches = %+v", batches)
	}
	want := clienttest.BatchRecord{UUID: b.UUID, OutboundVoiceProfile: ovpID, TNLease: leases[1], XML: flowXML, Phones: []int64{12025550198, 12025550199}}
	if fmt.Sprint(batches[0]) != fmt.Sprint(want) || batches[1].TNLease != leases[0] {
		t.Errorf("Batches = %+v", batches)
	}

	type callView struct {
		UUID, Direction, State, From, To string
	}
	var calls page[callView]
	f.ok(200, "POST", "/call/search", nil, &calls)
	if calls.Total != 3 || calls.Data[0].From != "12025550101" || calls.Data[0].To != "12025550198" ||
		calls.Data[0].Direction != "out" || calls.Data[0].State != "init" || calls.Data[2].From != "12025550100" {
		t.Fatalf("calls = %+v", calls)
	}
	// Batch calls can receive pushed flows.
	if r := f.upload("/call/sca/"+calls.Data[0].UUID, "file", []byte("<Response/>")); r.Code != 200 {
		t.Errorf("push to batch call: %d", r.Code)
	}
	in := f.AddCall(clienttest.CallSeed{From: "alice", To: "12025550100", TN: 12025550100})
	for _, tt := range []struct {
		body object
		want int
	}{
		{object{"direction": "in"}, 1},
		{object{"direction": "out"}, 3},
		{object{"tn": "5550199"}, 1},
		{object{"tn": "12025550100"}, 2},
		{object{"tn": "alice"}, 1},
	} {
		f.ok(200, "POST", "/call/search", tt.body, &calls)
		if calls.Total != tt.want {
			t.Errorf("%v: total %d, want %d", tt.body, calls.Total, tt.want)
		}
	}
	f.ok(200, "POST", "/call/search", object{"direction": "in"}, &calls)
	if calls.Data[0].UUID != in || calls.Data[0].State != "live" {
		t.Errorf("seeded call = %+v", calls.Data[0])
	}
	f.fail(400, "POST", "/call/search", object{"direction": "sideways"})
}

func TestBulkCallErrors(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var ovp object
	f.ok(201, "POST", "/profile/outbound_voice", object{"name": "out", "product": 1}, &ovp)
	id := ovp["uuid"]
	tests := []struct {
		name  string
		body  object
		code  int
		field string
	}{
		{"no profile", object{"phones": []int64{1}, "xml": "<Response/>"}, 400, "params.outbound_voice_profile"},
		{"no phones", object{"outbound_voice_profile": id, "xml": "<Response/>"}, 400, "params.phones"},
		{"empty phones", object{"outbound_voice_profile": id, "phones": []int64{}, "xml": "<Response/>"}, 400, "params.phones"},
		{"bad phone", object{"outbound_voice_profile": id, "phones": []any{12025550199, "x"}, "xml": "<Response/>"}, 400, "params.phones[1]"},
		{"no xml", object{"outbound_voice_profile": id, "phones": []int64{1}}, 400, "params.xml"},
		{"bad xml", object{"outbound_voice_profile": id, "phones": []int64{1}, "xml": "<Response>"}, 400, "params.xml"},
		{"wrong root", object{"outbound_voice_profile": id, "phones": []int64{1}, "xml": "<Say/>"}, 400, "params.xml"},
		{"unknown profile", object{"outbound_voice_profile": "nope", "phones": []int64{1}, "xml": "<Response/>"}, 404, ""},
		{"unknown lease", object{"outbound_voice_profile": id, "phones": []int64{1}, "xml": "<Response/>", "tn_lease": "nope"}, 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := f.fail(tt.code, "POST", "/batch", tt.body)
			if _, ok := r.Fields[tt.field]; tt.field != "" && !ok {
				t.Errorf("fields = %s", r.Raw)
			}
		})
	}
	if len(f.Batches()) != 0 {
		t.Error("failed batch recorded")
	}
}
