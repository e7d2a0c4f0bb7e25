package clienttest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/opentact-go/opentact/client/clienttest"
)

// FuzzBodies sends arbitrary bodies to every route that reads one and
// requires a well-formed envelope and no server error in reply.
func FuzzBodies(f *testing.F) {
	for _, seed := range []string{
		``, `{}`, `null`, `[]`, `{"items":[{"tn":"+1","features":["sms"],"autorenew":true}]}`,
		`{"from":12025550100,"to":"12025550199","message":"hi"}`, `{"take":1e300,"skip":-0}`,
		`{"order":{"created_on":"DESC","tn":5}}`, `{"phones":[1,"2",null],"xml":"<Response/>"}`,
		`{"add":["a",1],"remove":null}`, `{"tn":"*%x"}`, `{"expired_on":"2031-02-30T00:00:00Z"}`,
		`{"port":65536,"product":"1"}`, "{\"name\":\"\\u0000\"}", `{"pattern":"(((","line":"x"}`,
	} {
		f.Add([]byte(seed))
	}
	srv := clienttest.NewServer()
	f.Cleanup(srv.Close)
	srv.AddAvailableNumbers(12025550100)
	routes := []struct{ method, path string }{
		{"POST", "/token"}, {"PATCH", "/token/x"}, {"POST", "/tn/search"}, {"POST", "/order"},
		{"POST", "/order/search"}, {"POST", "/lease/tn/search?take=3"}, {"PATCH", "/lease/tn/x"},
		{"POST", "/lease/tn/12025550100/subscription/sms"}, {"POST", "/sip/connection"},
		{"POST", "/sip/app"}, {"POST", "/profile/messaging"}, {"POST", "/sms"}, {"POST", "/sms/search"},
		{"POST", "/batch"}, {"POST", "/call/search"}, {"POST", "/profile/outbound_voice"},
		{"POST", "/sip/domain"}, {"POST", "/event/subscription"}, {"POST", "/sip/app/call/flow/x"},
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, rt := range routes {
			req, err := http.NewRequest(rt.method, srv.URL()+rt.path, bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+srv.APIToken())
			req.Header.Set("Content-Type", "application/json")
			resp, err := srv.HTTPClient().Do(req)
			if err != nil {
				t.Fatalf("%s %s: %v", rt.method, rt.path, err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			var env struct {
				Success *bool `json:"success"`
			}
			if resp.StatusCode >= 500 || json.Unmarshal(raw, &env) != nil || env.Success == nil {
				t.Fatalf("%s %s with %q: %d %s", rt.method, rt.path, body, resp.StatusCode, raw)
			}
		}
	})
}
