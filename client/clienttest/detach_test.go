package clienttest_test

import "testing"

// Deleting an object detaches the objects that point to it, so later reads
// never show dangling references.
func TestDeletionDetaches(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	lease := f.buy(12025550100)[0]
	var conn, app, ovp object
	f.ok(201, "POST", "/sip/connection", object{"name": "pbx", "port": 5060, "product": 1}, &conn)
	f.ok(201, "POST", "/profile/outbound_voice", object{"name": "out", "product": 1, "tn_lease": lease}, &ovp)
	f.ok(201, "POST", "/sip/app", object{"name": "ivr", "product": 1, "outbound_voice_profile": ovp["uuid"]}, &app)
	f.ok(201, "POST", "/sip/domain", object{"domain": "d.example", "sip_connection": conn["uuid"], "outbound_voice_profile": ovp["uuid"]}, nil)
	var user object
	f.ok(201, "POST", "/sip/domain/d.example/user", object{"login": "alice", "password": "x"}, &user)
	f.ok(200, "PATCH", "/sip/domain/d.example/user/"+uuidOf(t, user), object{"tn_lease": lease}, nil)

	f.ok(200, "DELETE", "/lease/tn/"+lease, nil, nil)
	var got object
	f.ok(200, "GET", "/profile/outbound_voice/"+uuidOf(t, ovp), nil, &got)
	if got["tn_lease"] != nil {
		t.Errorf("profile keeps released lease: %v", got["tn_lease"])
	}
	f.ok(200, "GET", "/sip/domain/d.example/user/"+uuidOf(t, user), nil, &got)
	if got["tn_lease"] != nil {
		t.Errorf("user keeps released lease: %v", got["tn_lease"])
	}

	f.ok(200, "DELETE", "/sip/connection/"+uuidOf(t, conn), nil, nil)
	f.ok(200, "DELETE", "/profile/outbound_voice/"+uuidOf(t, ovp), nil, nil)
	f.ok(200, "GET", "/sip/domain/d.example", nil, &got)
	if got["sip_connection"] != nil || got["outbound_voice_profile"] != nil {
		t.Errorf("domain keeps deleted objects: %v", got)
	}
	f.ok(200, "GET", "/sip/app/"+uuidOf(t, app), nil, &got)
	if got["outbound_voice_profile"] != nil {
		t.Errorf("app keeps deleted profile: %v", got["outbound_voice_profile"])
	}

	// A message to a number the account does not hold has no lease.
	in := f.AddInboundSMS(12025550199, 13125550000, "wrong number")
	var m smsView
	f.ok(200, "GET", "/sms/inbound/"+in, nil, &m)
	if m.TNLeaseInbound != nil || m.TN["tn"] != float64(13125550000) {
		t.Errorf("message = %+v", m)
	}
}
