package client

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestEnsure(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	list := `[
		{"uuid":"s1","type":"call_state","channel":"wss","is_active":true,"expired_on":"2031-01-01T00:00:00.000Z","created_on":"2026-01-01T00:00:00.000Z"},
		{"uuid":"s2","type":"sms","channel":"wss","is_active":false},
		{"uuid":"s3","type":"auth","channel":"wss","is_active":true,"expired_on":"2026-02-01T00:00:00.000Z","created_on":"2026-01-01T00:00:00.000Z"},
		{"uuid":"s4","type":"call_flow","channel":"wss","is_active":true,"expired_on":"2020-01-01T00:00:00.000Z","created_on":"2021-01-01T00:00:00.000Z"},
		{"uuid":"s5","type":"tn_order","channel":"wss","is_active":true}
	]`
	s := newStub(t, func(w http.ResponseWriter, r *http.Request, b []byte) {
		if r.Method == "GET" {
			respond(200, list)(w, r, b) // a bare array, as Opentact's sample shows
			return
		}
		var req struct{ Type string }
		_ = json.Unmarshal(b, &req)
		respond(200, ok(`{"uuid":"new-`+req.Type+`","type":"`+req.Type+`","channel":"wss","is_active":true,"user":{"uuid":"u"}}`))(w, r, b)
	})
	c, _ := newTestClient(t, s, nil)
	c.now = func() time.Time { return now }
	subs, err := c.Subscriptions.Ensure(context.Background(), "call_state", "sms", "auth", "call_flow", "tn_order", "sms")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sub := range subs {
		got = append(got, sub.UUID)
	}
	want := "s1,new-sms,new-auth,s4,s5"
	if strings.Join(got, ",") != want {
		t.Errorf("subscriptions = %v, want %s", got, want)
	}
	var created []string
	for _, r := range s.requests() {
		if r.Method == "POST" {
			created = append(created, string(r.Body))
		}
	}
	wantBodies := []string{`{"type":"sms","channel":"wss","is_active":true}`, `{"type":"auth","channel":"wss","is_active":true}`}
	if strings.Join(created, " ") != strings.Join(wantBodies, " ") {
		t.Errorf("created %v, want %v", created, wantBodies)
	}
	if subs[1].User == nil {
		t.Error("create reply's user not kept")
	}
}

func TestEnsureListError(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(401, `{"success":false,"message":"Unauthorized","status":401}`))
	c, _ := newTestClient(t, s, nil)
	if _, err := c.Subscriptions.Ensure(context.Background(), "sms"); err == nil {
		t.Fatal("no error")
	}
	s = newStub(t, sequence(respond(200, ok(`[]`)), respond(402, `{"success":false}`)))
	c, _ = newTestClient(t, s, nil)
	if _, err := c.Subscriptions.Ensure(context.Background(), "sms"); err == nil {
		t.Fatal("no error from create")
	}
}

func TestSubscriptionCreateOptions(t *testing.T) {
	t.Parallel()
	b, _ := json.Marshal(SubscriptionCreateRequest{Type: "sms", Channel: "hook", IsActive: Ptr(false)})
	if string(b) != `{"type":"sms","channel":"hook","is_active":false}` {
		t.Errorf("body = %s", b)
	}
}
