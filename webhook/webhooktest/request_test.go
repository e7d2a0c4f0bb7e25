package webhooktest_test

import (
	"net/http"
	"testing"

	"github.com/opentact-go/opentact/webhook"
	"github.com/opentact-go/opentact/webhook/webhooktest"
)

var call = webhooktest.Call{UUID: "c-1", From: "+15550100001", To: "15550100002", SCA: "sca-1"}

// TestGatherParses reads a built Gather request back with the package that
// serves it: every platform parameter arrives, after the URL's own query.
func TestGatherParses(t *testing.T) {
	r := webhooktest.Gather("https://ivr.example.com/menu?level=2&dtmf=9", "1", call)
	if got, want := r.URL.RawQuery, "level=2&dtmf=9&dtmf=1&from=%2B15550100001&tn=15550100002&state=live&sca=sca-1&call=c-1"; got != want {
		t.Errorf("query = %s, want %s", got, want)
	}
	req, err := webhook.ParseCallFlowRequest(r)
	if err != nil {
		t.Fatal(err)
	}
	if req.Origin != webhook.OriginGather || req.Method != http.MethodGet || req.DTMF != "1" ||
		req.From != "+15550100001" || req.TN != "15550100002" || req.To != "15550100002" ||
		req.State != "live" || req.SCA != "sca-1" || req.CallUUID != "c-1" || req.Call != nil ||
		req.Query.Get("level") != "2" {
		t.Errorf("parsed %+v", req)
	}
}

// TestCallFlowParses checks both methods of a call_flow_url request: GET
// with the numbers in the query, POST with the call object as the body.
func TestCallFlowParses(t *testing.T) {
	get, err := webhook.ParseCallFlowRequest(webhooktest.CallFlow(http.MethodGet, "http://127.0.0.1:8080/", call))
	if err != nil {
		t.Fatal(err)
	}
	if get.Origin != webhook.OriginCallFlow || get.From != "+15550100001" || get.To != "15550100002" || get.Call != nil || get.Body != nil {
		t.Errorf("GET parsed %+v", get)
	}
	post, err := webhook.ParseCallFlowRequest(webhooktest.CallFlow(http.MethodPost, "/", webhooktest.Call{UUID: "c-2", From: "15550100003", State: "ring"}))
	if err != nil {
		t.Fatal(err)
	}
	if post.Call == nil || post.Call.UUID != "c-2" || post.CallUUID != "c-2" || post.Call.Direction != "in" ||
		post.State != "ring" || post.From != "15550100003" {
		t.Errorf("POST parsed %+v (call %+v)", post, post.Call)
	}
}

// TestCallbackParses checks a Callback with and without its body, and that
// a PATCH needs the endpoint to accept it.
func TestCallbackParses(t *testing.T) {
	r := webhooktest.Callback(http.MethodPatch, "https://ivr.example.com/cb?tag=after-pin", call, true)
	if _, err := webhook.ParseCallFlowRequest(r); err == nil {
		t.Error("a PATCH was accepted by an endpoint that allows only GET and POST")
	}
	r = webhooktest.Callback(http.MethodPatch, "https://ivr.example.com/cb?tag=after-pin", call, true)
	req, err := webhook.ParseCallFlowRequest(r, webhook.WithMethods("GET", "POST", "PATCH"))
	if err != nil {
		t.Fatal(err)
	}
	if req.Tag != "after-pin" || req.Call == nil || req.Call.UUID != "c-1" || req.SCA != "sca-1" || req.From != "+15550100001" {
		t.Errorf("parsed %+v", req)
	}
	bare, err := webhook.ParseCallFlowRequest(webhooktest.Callback(http.MethodPost, "/cb", call, false))
	if err != nil {
		t.Fatal(err)
	}
	if bare.Call != nil || bare.Body != nil || bare.Query.Encode() != "" {
		t.Errorf("a Callback without body parsed %+v", bare)
	}
}

// TestBadTarget is the builders' one refusal: a target that is no URL.
func TestBadTarget(t *testing.T) {
	for _, target := range []string{"ivr.example.com/menu", "http://[::1", ""} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Gather(%q) did not panic", target)
				}
			}()
			webhooktest.Gather(target, "1", call)
		}()
	}
}
