package clienttest_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/opentact-go/opentact/client/clienttest"
)

func TestSIPConnections(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var c object
	f.ok(201, "POST", "/sip/connection", object{
		"name": "pbx", "ip": "203.0.113.7", "port": 5060, "product": 1,
		"class4_ingress_trunk_settings": object{"media_type": "Proxy Media"},
		"shaken_verify_policy":          2, "shaken_minimum_accepted_attest_lvl": "B",
	}, &c)
	id := uuidOf(t, c)
	product, _ := c["product"].(map[string]any)
	if c["name"] != "pbx" || c["ip"] != "203.0.113.7" || c["port"] != float64(5060) || c["is_active"] != true ||
		product["id"] != float64(1) || c["shaken_verify_policy"] != float64(2) || c["shaken_minimum_accepted_attest_lvl"] != "B" {
		t.Errorf("created = %v", c)
	}
	if in, _ := c["class4_ingress_trunk_settings"].(map[string]any); in["media_type"] != "Proxy Media" {
		t.Errorf("ingress = %v", c["class4_ingress_trunk_settings"])
	}
	if eg, ok := c["class4_egress_trunk_settings"].(map[string]any); !ok || len(eg) != 0 {
		t.Errorf("egress = %v", c["class4_egress_trunk_settings"])
	}
	if tp, _ := c["tech_prefix"].(float64); tp < 100000 || tp > 999999 {
		t.Errorf("tech_prefix = %v", c["tech_prefix"])
	}

	var updated object
	f.ok(200, "PATCH", "/sip/connection/"+id, object{"name": "pbx2", "is_active": false}, &updated)
	if updated["name"] != "pbx2" || updated["is_active"] != false || updated["ip"] != "203.0.113.7" {
		t.Errorf("updated = %v", updated)
	}
	var got object
	f.ok(200, "GET", "/sip/connection/"+id, nil, &got)
	if got["name"] != "pbx2" {
		t.Errorf("get = %v", got)
	}
	var list []object
	f.ok(200, "GET", "/sip/connection", nil, &list)
	if len(list) != 1 || list[0]["uuid"] != id {
		t.Errorf("list = %v", list)
	}

	for _, tt := range []struct {
		body  object
		field string
	}{
		{object{"port": 5060, "product": 1}, "params.name"},
		{object{"name": "x", "product": 1}, "params.port"},
		{object{"name": "x", "port": 70000, "product": 1}, "params.port"},
		{object{"name": "x", "port": 5060}, "params.product"},
		{object{"name": "x", "port": 5060, "product": 1, "shaken_verify_policy": 4}, "params.shaken_verify_policy"},
		{object{"name": "x", "port": 5060, "product": 1, "shaken_minimum_accepted_attest_lvl": "D"}, "params.shaken_minimum_accepted_attest_lvl"},
		{object{"name": "x", "port": 5060, "product": 1, "class4_egress_trunk_settings": "fast"}, "params.class4_egress_trunk_settings"},
	} {
		r := f.fail(400, "POST", "/sip/connection", tt.body)
		if _, ok := r.Fields[tt.field]; !ok {
			t.Errorf("%v: fields = %s", tt.body, r.Raw)
		}
	}
	if r := f.fail(404, "POST", "/sip/connection", object{"name": "x", "port": 5060, "product": 2}); r.Message != "SIP product not found" {
		t.Errorf("message = %q", r.Message)
	}
	f.fail(400, "PATCH", "/sip/connection/"+id, object{"port": "5060"})
	f.fail(404, "PATCH", "/sip/connection/nope", object{})
	f.fail(404, "GET", "/sip/connection/nope", nil)
	f.fail(404, "GET", "/sip/connection/nope/tnlease", nil)
	f.fail(404, "POST", "/sip/connection/nope/tnlease", object{"add": []string{"x"}})

	// Deleting detaches its numbers.
	lease := f.buy(12025550170)[0]
	f.ok(200, "POST", "/sip/connection/"+id+"/tnlease", object{"add": []string{lease}}, nil)
	var deleted object
	f.ok(200, "DELETE", "/sip/connection/"+id, nil, &deleted)
	if deleted["uuid"] != id {
		t.Errorf("deleted = %v", deleted)
	}
	f.fail(404, "DELETE", "/sip/connection/"+id, nil)
	var l leaseView
	f.ok(200, "GET", "/lease/tn/"+lease, nil, &l)
	if l.SIPConnection != nil {
		t.Errorf("lease still assigned: %+v", l)
	}
}

func TestNumberAssignment(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name   string
		form   clienttest.AssignForm
		owner  string // route prefix
		create object
	}{
		{"connection uuids", clienttest.AssignUUIDs, "/sip/connection", object{"name": "pbx", "port": 5060, "product": 1}},
		{"connection leases", clienttest.AssignLeases, "/sip/connection", object{"name": "pbx", "port": 5060, "product": 1}},
		{"app uuids", clienttest.AssignUUIDs, "/sip/app", object{"name": "ivr", "product": 1}},
		{"app leases", clienttest.AssignLeases, "/sip/app", object{"name": "ivr", "product": 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t, clienttest.WithAssignReply(tt.form))
			ids := f.buy(12025550100, 12025550101, 12025550102)
			var owner object
			f.ok(201, "POST", tt.owner, tt.create, &owner)
			path := tt.owner + "/" + uuidOf(t, owner) + "/tnlease"

			assigned := func(r reply) []string {
				t.Helper()
				var out []string
				if tt.form == clienttest.AssignUUIDs {
					if err := json.Unmarshal(r.Payload, &out); err != nil {
						t.Fatalf("payload %s: %v", r.Payload, err)
					}
					return out
				}
				var leases []leaseView
				if err := json.Unmarshal(r.Payload, &leases); err != nil {
					t.Fatalf("payload %s: %v", r.Payload, err)
				}
				for _, l := range leases {
					out = append(out, l.UUID)
				}
				return out
			}
			r := f.ok(200, "POST", path, object{"add": ids}, nil)
			if got := assigned(r); fmt.Sprint(got) != fmt.Sprint(ids) {
				t.Errorf("after add = %v", got)
			}
			var listed []leaseView
			f.ok(200, "GET", path, nil, &listed)
			if len(listed) != 3 || listed[0].UUID != ids[0] {
				t.Errorf("tnlease list = %+v", listed)
			}
			r = f.ok(200, "POST", path, object{"remove": ids[1:2]}, nil)
			if got := assigned(r); fmt.Sprint(got) != fmt.Sprint([]string{ids[0], ids[2]}) {
				t.Errorf("after remove = %v", got)
			}
			// An unknown lease fails the whole request and changes nothing.
			if r := f.fail(404, "POST", path, object{"add": ids[1:2], "remove": []string{ids[0], "nope"}}); r.Message != "Lease not found" {
				t.Errorf("message = %q", r.Message)
			}
			f.ok(200, "GET", path, nil, &listed)
			if len(listed) != 2 || listed[0].UUID != ids[0] || listed[1].UUID != ids[2] {
				t.Errorf("after failed request = %+v", listed)
			}
			for _, body := range []object{{}, {"add": []string{}}, {"add": "x"}, {"remove": []int{1}}} {
				f.fail(400, "POST", path, body)
			}
		})
	}
}

func TestSIPControlApps(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var ovp object
	f.ok(201, "POST", "/profile/outbound_voice", object{"name": "out", "product": 1}, &ovp)
	var a object
	f.ok(201, "POST", "/sip/app", object{
		"name": "ivr", "product": 1, "webhook_url": "https://example.com/hook", "webhook_method": "POST",
		"webhook_request_timeout": 2000, "call_flow_url": "https://example.com/flow", "call_flow_method": "GET",
		"outbound_voice_profile": ovp["uuid"],
	}, &a)
	id := uuidOf(t, a)
	if a["webhook_method"] != "POST" || a["webhook_request_timeout"] != float64(2000) || a["call_flow_request_timeout"] != nil ||
		a["call_flow_url"] != "https://example.com/flow" {
		t.Errorf("created = %v", a)
	}
	if p, _ := a["outbound_voice_profile"].(map[string]any); p["uuid"] != ovp["uuid"] {
		t.Errorf("outbound_voice_profile = %v", a["outbound_voice_profile"])
	}
	var u object
	f.ok(200, "PATCH", "/sip/app/"+id, object{"webhook_request_timeout": nil, "call_flow_request_timeout": 0, "name": "ivr2"}, &u)
	if u["webhook_request_timeout"] != nil || u["call_flow_request_timeout"] != float64(0) || u["name"] != "ivr2" || u["webhook_url"] != "https://example.com/hook" {
		t.Errorf("updated = %v", u)
	}
	var list []object
	f.ok(200, "GET", "/sip/app", nil, &list)
	if len(list) != 1 {
		t.Errorf("list = %v", list)
	}
	f.ok(200, "GET", "/sip/app/"+id, nil, nil)
	f.fail(404, "GET", "/sip/app/nope", nil)
	f.fail(404, "PATCH", "/sip/app/nope", object{})
	f.fail(400, "PATCH", "/sip/app/"+id, object{"webhook_method": "PUT"})
	f.fail(400, "PATCH", "/sip/app/"+id, object{"call_flow_request_timeout": -1})
	f.fail(400, "POST", "/sip/app", object{"product": 1})
	f.fail(404, "POST", "/sip/app", object{"name": "x", "product": 1, "outbound_voice_profile": "nope"})
	f.fail(404, "POST", "/sip/app", object{"name": "x", "product": 1, "sip_domain": "nope.example"})
	f.fail(404, "GET", "/sip/app/nope/tnlease", nil)
	f.fail(404, "POST", "/sip/app/nope/tnlease", object{"add": []string{"x"}})

	// In use by a number: 409.
	lease := f.buy(12025550180)[0]
	f.ok(200, "POST", "/sip/app/"+id+"/tnlease", object{"add": []string{lease}}, nil)
	if r := f.fail(409, "DELETE", "/sip/app/"+id, nil); r.Message == "" {
		t.Error("no message")
	}
	f.ok(200, "POST", "/sip/app/"+id+"/tnlease", object{"remove": []string{lease}}, nil)
	// In use by a SIP domain: 409.
	f.ok(201, "POST", "/sip/domain", object{"domain": "acme.sip.example", "sip_control_app": id}, nil)
	f.fail(409, "DELETE", "/sip/app/"+id, nil)
	f.ok(200, "PATCH", "/sip/domain/acme.sip.example", object{"sip_control_app": nil}, nil)
	// A domain named on update points to the app.
	f.ok(200, "PATCH", "/sip/app/"+id, object{"sip_domain": "acme.sip.example"}, &u)
	if fmt.Sprint(u["sip_domains"]) != "[acme.sip.example]" {
		t.Errorf("sip_domains = %v", u["sip_domains"])
	}
	f.ok(200, "PATCH", "/sip/domain/acme.sip.example", object{"sip_control_app": nil}, nil)
	f.ok(200, "DELETE", "/sip/app/"+id, nil, nil)
	f.fail(404, "DELETE", "/sip/app/"+id, nil)
}

const flowXML = `<?xml version="1.0" encoding="UTF-8"?>
<Response><Say>Hello &amp; welcome</Say><Hangup/></Response>`

func TestHostedCallFlow(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var a object
	f.ok(201, "POST", "/sip/app", object{"name": "ivr", "product": 1}, &a)
	id := uuidOf(t, a)
	path := "/sip/app/call/flow/" + id

	if r := f.fail(404, "GET", path, nil); r.Message != "Call flow not found" {
		t.Errorf("message = %q", r.Message)
	}
	r := f.upload(path, "file", []byte(flowXML))
	if r.Code != 200 || !r.Success {
		t.Fatalf("upload: %d %s", r.Code, r.Raw)
	}
	var payload string
	json.Unmarshal(r.Payload, &payload)
	if payload != flowXML || r.URL != f.URL()+"/sip/app/call/flow/"+id+".xml" {
		t.Errorf("reply payload %q url %q", payload, r.URL)
	}
	if doc, ok := f.HostedFlow(id); !ok || string(doc) != flowXML {
		t.Errorf("HostedFlow = %q, %v", doc, ok)
	}
	r = f.ok(200, "GET", path, nil, &payload)
	if payload != flowXML || r.URL == "" {
		t.Errorf("GET payload %q url %q", payload, r.URL)
	}

	for _, tt := range []struct {
		name, field string
		data        []byte
	}{
		{"wrong part", "xml", []byte(flowXML)},
		{"empty", "file", []byte("  ")},
		{"not XML", "file", []byte("hello")},
		{"unclosed", "file", []byte("<Response><Say>")},
		{"two roots", "file", []byte("<a/><b/>")},
	} {
		if r := f.upload(path, tt.field, tt.data); r.Code != 400 || r.Fields["params.file"].Message == "" {
			t.Errorf("%s: %d %s", tt.name, r.Code, r.Raw)
		}
	}
	// Not multipart at all.
	f.fail(400, "POST", path, object{"file": flowXML})
	if r := f.upload("/sip/app/call/flow/nope", "file", []byte(flowXML)); r.Code != 404 {
		t.Errorf("unknown app: %d", r.Code)
	}
	f.fail(404, "GET", "/sip/app/call/flow/nope", nil)
	f.fail(404, "DELETE", "/sip/app/call/flow/nope", nil)

	var empty object
	f.ok(200, "DELETE", path, nil, &empty)
	if len(empty) != 0 {
		t.Errorf("DELETE payload = %v", empty)
	}
	if _, ok := f.HostedFlow(id); ok {
		t.Error("flow still hosted")
	}
	f.fail(404, "GET", path, nil)
}

func TestPushCallFlow(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var a object
	f.ok(201, "POST", "/sip/app", object{"name": "ivr", "product": 1}, &a)
	callID := f.AddCall(clienttest.CallSeed{From: "12025550123", To: "12025550100", TN: 12025550100, SIPControlApp: uuidOf(t, a)})
	r := f.upload("/call/sca/"+callID, "file", []byte(flowXML))
	if r.Code != 200 {
		t.Fatalf("push: %d %s", r.Code, r.Raw)
	}
	var c struct {
		UUID, Direction, State, From, To string
		SIPControlApp                    map[string]any `json:"sip_control_app"`
		TN                               struct{ TN int64 }
	}
	json.Unmarshal(r.Payload, &c)
	if c.UUID != callID || c.Direction != "in" || c.State != "live" || c.From != "12025550123" || c.TN.TN != 12025550100 || c.SIPControlApp["uuid"] != a["uuid"] {
		t.Errorf("call = %+v", c)
	}
	f.upload("/call/sca/"+callID, "file", []byte("<Response/>"))
	pushed := f.PushedFlows(callID)
	if len(pushed) != 2 || string(pushed[0]) != flowXML || string(pushed[1]) != "<Response/>" {
		t.Errorf("PushedFlows = %q", pushed)
	}
	if r := f.upload("/call/sca/nope", "file", []byte(flowXML)); r.Code != 404 || r.Message != "Call not found" {
		t.Errorf("unknown call: %d %s", r.Code, r.Raw)
	}
	if r := f.upload("/call/sca/"+callID, "file", []byte("<Response>")); r.Code != 400 {
		t.Errorf("bad XML: %d", r.Code)
	}
	if len(f.PushedFlows(callID)) != 2 {
		t.Error("invalid push was stored")
	}
}

func TestCallFlowLogs(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var a object
	f.ok(201, "POST", "/sip/app", object{"name": "ivr", "product": 1}, &a)
	app := uuidOf(t, a)
	f.AddCallFlowLog(app, clienttest.LogSeed{Name: "Say", Success: true, From: "12025550123", TN: 12025550100, Call: "c1"})
	f.AddCallFlowLog(app, clienttest.LogSeed{Name: "Dial", Success: false, From: "alice", TN: 12025550101, Call: "c2"})
	last := f.AddCallFlowLog(app, clienttest.LogSeed{Name: "Say", Success: false, From: "12025550123", TN: 12025550100, Call: "c1"})
	f.AddCallFlowLog("other-app", clienttest.LogSeed{Name: "Say"})

	tests := []struct {
		name string
		body object
		want int
	}{
		{"all", object{}, 3},
		{"name", object{"name": "Say"}, 2},
		{"success", object{"success": false}, 2},
		{"from", object{"from": "alice"}, 1},
		{"tn", object{"tn": 12025550100}, 2},
		{"tn string", object{"tn": "12025550101"}, 1},
		{"call", object{"call": "c1"}, 2},
		{"AND", object{"name": "Say", "success": false}, 1},
		{"OR", object{"name": "Dial", "success": true, "mode": "OR"}, 2},
	}
	for _, tt := range tests {
		var p page[object]
		f.ok(200, "POST", "/sip/app/"+app+"/logs", tt.body, &p)
		if p.Total != tt.want {
			t.Errorf("%s: total %d, want %d", tt.name, p.Total, tt.want)
		}
	}
	var p page[struct {
		UUID    string
		Name    string
		Success bool
		Call    struct {
			UUID string
			From string
		}
	}]
	f.ok(200, "POST", "/sip/app/"+app+"/logs?take=1&skip=2", nil, &p)
	if len(p.Data) != 1 || p.Data[0].UUID != last || p.Data[0].Call.UUID != "c1" || p.Data[0].Call.From != "12025550123" {
		t.Errorf("page = %+v", p)
	}
	f.fail(404, "POST", "/sip/app/other-app/logs", nil)
	f.fail(400, "POST", "/sip/app/"+app+"/logs", object{"tn": "abc"})
}
