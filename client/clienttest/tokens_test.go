package clienttest_test

import (
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/opentact-go/opentact/client/clienttest"
)

func TestTokens(t *testing.T) {
	t.Parallel()
	clk := newClock()
	f := newFake(t, clienttest.WithClock(clk.now))
	withToken := func(tok string) int {
		req, _ := http.NewRequest("GET", f.URL()+"/token/list", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		return f.send(req).Code
	}

	var created struct {
		UUID      string `json:"uuid"`
		Token     string `json:"token"`
		Name      string `json:"name"`
		TTL       int    `json:"ttl"`
		ExpiredOn string `json:"expired_on"`
	}
	f.ok(201, "POST", "/token", object{"name": "ci", "ttl": 3600}, &created)
	if !regexp.MustCompile(`^[A-Za-z0-9]{48}$`).MatchString(created.Token) {
		t.Errorf("token = %q", created.Token)
	}
	if created.Name != "ci" || created.TTL != 3600 || created.ExpiredOn != "2026-03-01T13:00:00.000Z" {
		t.Errorf("created = %+v", created)
	}
	if withToken(created.Token) != 200 {
		t.Fatal("new token refused")
	}

	var list []object
	f.ok(200, "GET", "/token/list", nil, &list)
	if len(list) != 2 || list[0]["token"] != f.APIToken() || list[1]["uuid"] != created.UUID {
		t.Errorf("list = %v", list)
	}

	var updated object
	f.ok(200, "PATCH", "/token/"+created.UUID, object{"name": "renamed", "ttl": 60}, &updated)
	if updated["name"] != "renamed" || updated["expired_on"] != "2026-03-01T12:01:00.000Z" {
		t.Errorf("updated = %v", updated)
	}
	clk.add(61 * time.Second)
	if got := withToken(created.Token); got != 401 {
		t.Errorf("expired token: %d", got)
	}

	f.fail(404, "PATCH", "/token/00000000-0000-4000-8000-999999999999", object{"name": "x"})
	f.fail(400, "POST", "/token", object{"ttl": 3600})
	f.fail(400, "POST", "/token", object{"name": "short", "ttl": 59})
	f.fail(400, "PATCH", "/token/"+created.UUID, object{"ttl": "long"})

	var deleted object
	f.ok(200, "DELETE", "/token/"+created.Token, nil, &deleted)
	if deleted["uuid"] != created.UUID {
		t.Errorf("deleted = %v", deleted)
	}
	if r := f.fail(404, "DELETE", "/token/"+created.Token, nil); r.Message != "Token not found" {
		t.Errorf("message = %q", r.Message)
	}

	var other object
	f.ok(201, "POST", "/token", object{"name": "other"}, &other)
	if other["expired_on"] != nil {
		t.Errorf("token without ttl expires: %v", other)
	}
	var empty object
	f.ok(200, "DELETE", "/token/all", nil, &empty)
	if len(empty) != 0 {
		t.Errorf("DELETE /token/all payload = %v", empty)
	}
	// Deleting every token locks out the seeded token too.
	if got := withToken(f.APIToken()); got != 401 {
		t.Errorf("seeded token after DELETE /token/all: %d", got)
	}
	if got := withToken(other["token"].(string)); got != 401 {
		t.Errorf("other token after DELETE /token/all: %d", got)
	}
}
