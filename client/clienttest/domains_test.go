package clienttest_test

import (
	"regexp"
	"strings"
	"testing"
)

func TestSIPDomains(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var conn, ovp object
	f.ok(201, "POST", "/sip/connection", object{"name": "pbx", "port": 5060, "product": 1}, &conn)
	f.ok(201, "POST", "/profile/outbound_voice", object{"name": "out", "product": 1}, &ovp)
	var d object
	f.ok(201, "POST", "/sip/domain", object{"domain": "acme.sip.example", "sip_connection": conn["uuid"], "outbound_voice_profile": ovp["uuid"]}, &d)
	if c, _ := d["sip_connection"].(map[string]any); c["uuid"] != conn["uuid"] || d["sip_control_app"] != nil || d["domain"] != "acme.sip.example" {
		t.Errorf("created = %v", d)
	}
	if r := f.fail(409, "POST", "/sip/domain", object{"domain": "acme.sip.example"}); r.Message != "SIP domain already exists" {
		t.Errorf("message = %q", r.Message)
	}
	f.fail(400, "POST", "/sip/domain", object{})
	f.fail(404, "POST", "/sip/domain", object{"domain": "b.example", "sip_control_app": "nope"})

	var got object
	f.ok(200, "GET", "/sip/connection/"+uuidOf(t, conn), nil, &got)
	if strings.Join(toStrings(got["sip_domains"]), ",") != "acme.sip.example" {
		t.Errorf("connection sip_domains = %v", got["sip_domains"])
	}
	f.ok(200, "PATCH", "/sip/domain/acme.sip.example", object{"sip_connection": nil}, &got)
	if got["sip_connection"] != nil || got["outbound_voice_profile"] == nil {
		t.Errorf("updated = %v", got)
	}
	f.fail(404, "PATCH", "/sip/domain/acme.sip.example", object{"outbound_voice_profile": "nope"})
	f.fail(400, "PATCH", "/sip/domain/acme.sip.example", object{"sip_connection": 1})
	f.fail(404, "PATCH", "/sip/domain/nope", object{})
	f.fail(404, "GET", "/sip/domain/nope", nil)
	var list []object
	f.ok(200, "GET", "/sip/domain", nil, &list)
	if len(list) != 1 {
		t.Errorf("list = %v", list)
	}

	// Users.
	base := "/sip/domain/acme.sip.example/user"
	var u object
	f.ok(201, "POST", base, object{"login": "alice", "password": "pw-secret-1", "first_name": "Alice", "gender": "Female", "same_domain_calls_only": true}, &u)
	uid := uuidOf(t, u)
	if u["login"] != "alice" || u["first_name"] != "Alice" || u["gender"] != "Female" || u["same_domain_calls_only"] != true || u["is_active"] != true {
		t.Errorf("user = %v", u)
	}
	if r := f.fail(409, "POST", base, object{"login": "alice", "password": "x"}); r.Message == "" {
		t.Error("no message")
	}
	f.fail(400, "POST", base, object{"login": "bob"})
	f.fail(400, "POST", base, object{"login": "bob", "password": "x", "gender": "robot"})
	f.fail(404, "POST", "/sip/domain/nope/user", object{"login": "bob", "password": "x"})
	var bob object
	f.ok(201, "POST", base, object{"login": "bob", "password": "pw-secret-2"}, &bob)
	f.fail(409, "PATCH", base+"/"+uuidOf(t, bob), object{"login": "alice"})

	lease := f.buy(12025550100)[0]
	f.ok(200, "PATCH", base+"/"+uid, object{"is_active": false, "tn_lease": lease, "password": "pw-secret-3"}, &u)
	if l, _ := u["tn_lease"].(map[string]any); l["uuid"] != lease || u["is_active"] != false {
		t.Errorf("updated user = %v", u)
	}
	f.ok(200, "PATCH", base+"/"+uid, object{"tn_lease": nil}, &u)
	if u["tn_lease"] != nil {
		t.Errorf("tn_lease = %v", u["tn_lease"])
	}
	f.fail(404, "PATCH", base+"/"+uid, object{"tn_lease": "nope"})
	f.fail(404, "PATCH", base+"/nope", object{})
	f.ok(200, "GET", base+"/"+uid, nil, &u)
	if sd, _ := u["sip_domain"].(map[string]any); sd["domain"] != "acme.sip.example" {
		t.Errorf("sip_domain = %v", u["sip_domain"])
	}
	var users []object
	f.ok(200, "GET", base, nil, &users)
	if len(users) != 2 || users[0]["login"] != "alice" {
		t.Errorf("users = %v", users)
	}
	f.fail(404, "GET", "/sip/domain/nope/user", nil)
	// Passwords never appear in replies.
	raw := f.ok(200, "GET", "/sip/domain/acme.sip.example", nil, nil).Raw
	raw = append(raw, f.ok(200, "GET", base, nil, nil).Raw...)
	if strings.Contains(string(raw), "pw-secret") || strings.Contains(string(raw), "password") {
		t.Errorf("password in reply: %s", raw)
	}

	// Invites.
	var inv object
	f.ok(201, "POST", "/sip/domain/acme.sip.example/invite", object{"name": "carol", "expired_on": "2031-01-01T00:00:00.000Z"}, &inv)
	if !regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(inv["token"].(string)) || inv["expired_on"] != "2031-01-01T00:00:00.000Z" || inv["sip_domain"] != "acme.sip.example" {
		t.Errorf("invite = %v", inv)
	}
	f.fail(400, "POST", "/sip/domain/acme.sip.example/invite", object{"name": "carol"})
	f.fail(400, "POST", "/sip/domain/acme.sip.example/invite", object{"name": "carol", "expired_on": "soon"})
	f.fail(404, "POST", "/sip/domain/nope/invite", object{"name": "carol", "expired_on": "2031-01-01T00:00:00Z"})
	var invites []object
	f.ok(200, "GET", "/sip/domain/acme.sip.example/invite", nil, &invites)
	if len(invites) != 1 {
		t.Errorf("invites = %v", invites)
	}
	f.fail(404, "GET", "/sip/domain/nope/invite", nil)
	f.ok(200, "DELETE", "/sip/domain/acme.sip.example/invite/"+uuidOf(t, inv), nil, nil)
	f.fail(404, "DELETE", "/sip/domain/acme.sip.example/invite/"+uuidOf(t, inv), nil)
	f.fail(404, "DELETE", "/sip/domain/nope/invite/x", nil)

	// A domain with users cannot be deleted.
	f.fail(409, "DELETE", "/sip/domain/acme.sip.example", nil)
	f.ok(200, "DELETE", base+"/"+uid, nil, nil)
	f.ok(200, "DELETE", base+"/"+uuidOf(t, bob), nil, nil)
	f.fail(404, "DELETE", base+"/"+uid, nil)
	f.fail(404, "DELETE", "/sip/domain/nope/user/x", nil)
	f.ok(200, "DELETE", "/sip/domain/acme.sip.example", nil, nil)
	f.fail(404, "DELETE", "/sip/domain/acme.sip.example", nil)
}

func toStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}

func TestEventSubscriptions(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var sub object
	f.ok(201, "POST", "/event/subscription", object{"type": "call_state"}, &sub)
	id := uuidOf(t, sub)
	user, _ := sub["user"].(map[string]any)
	if sub["type"] != "call_state" || sub["channel"] != "wss" || sub["is_active"] != true || sub["expired_on"] != nil || user["email"] != f.Email() {
		t.Errorf("created = %v", sub)
	}
	var other object
	f.ok(201, "POST", "/event/subscription", object{"type": "sms", "channel": "wss", "is_active": false, "expired_on": "2031-01-01T00:00:00.000Z"}, &other)
	if other["is_active"] != false || other["expired_on"] != "2031-01-01T00:00:00.000Z" {
		t.Errorf("created = %v", other)
	}
	f.fail(400, "POST", "/event/subscription", object{})
	f.fail(400, "POST", "/event/subscription", object{"type": "sms", "is_active": "yes"})
	f.fail(400, "POST", "/event/subscription", object{"type": "sms", "expired_on": 5})

	var list []object
	r := f.ok(200, "GET", "/event/subscription", nil, &list)
	if len(list) != 2 || list[0]["uuid"] != id || list[0]["user"] != nil || !strings.HasPrefix(string(r.Raw), `{"success":true,"payload":[`) {
		t.Errorf("list = %s", r.Raw)
	}
	var removed object
	f.ok(200, "DELETE", "/event/subscription/"+id, nil, &removed)
	if removed["uuid"] != id {
		t.Errorf("removed = %v", removed)
	}
	f.fail(404, "DELETE", "/event/subscription/"+id, nil)
	f.ok(200, "GET", "/event/subscription", nil, &list)
	if len(list) != 1 {
		t.Errorf("list after delete = %v", list)
	}
}
