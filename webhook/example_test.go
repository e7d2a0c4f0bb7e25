package webhook_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"time"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/verbs"
	"github.com/opentact-go/opentact/webhook"
)

func ExampleNewCallFlowHandler() {
	// menu answers the SIP control app's call_flow_url and, through the
	// Gather's url, the digits the caller enters.
	menu := func(ctx context.Context, r *webhook.CallFlowRequest) (*verbs.Response, error) {
		switch r.DTMF {
		case "1":
			return flow.New().
				Say("Connecting you to sales.").
				Dial(flow.To("sales@sip.example.com")).
				Build()
		case "2":
			return flow.New().Say("Goodbye.").Hangup().Build()
		}
		self, err := webhook.CallbackURL(webhook.HTTPRequest(ctx), "/calls", nil)
		if err != nil {
			return nil, err
		}
		return flow.New().
			Say("For sales, press 1. To hang up, press 2.").
			Gather(flow.DTMFLength(1), flow.URL(self)).
			Build()
	}
	h, err := webhook.NewCallFlowHandler(menu, webhook.WithTimeout(5*time.Second))
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/calls", h)
	// In main: log.Fatal(webhook.Server(":8080", mux).ListenAndServe())

	// What Opentact gets for a new call, then after the caller pressed 1:
	for _, target := range []string{
		"https://app.example.com/calls?from=%2B15550100001&to=15550100002",
		"https://app.example.com/calls?dtmf=1&from=%2B15550100001&tn=15550100002",
	} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		fmt.Print(rec.Body.String())
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Say>For sales, press 1. To hang up, press 2.</Say>
	//   <Gather dtmf_length="1" url="https://app.example.com/calls"/>
	// </Response>
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Say>Connecting you to sales.</Say>
	//   <Dial>
	//     <To>sales@sip.example.com</To>
	//   </Dial>
	// </Response>
}

func ExampleParseCallFlowRequest() {
	// The request of a <Gather url="https://app.example.com/ivr/pin?token=s3cr3t">
	// after the caller entered 1234.
	r := httptest.NewRequest(http.MethodGet, "https://app.example.com/ivr/pin?token=s3cr3t"+
		"&dtmf=1234&from=%2B15550100001&tn=15550100002&state=live"+
		"&sca=30000000-0000-4000-8000-000000000001&call=20000000-0000-4000-8000-000000000001", nil)
	req, err := webhook.ParseCallFlowRequest(r)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(req.Origin, req.DTMF, req.From, req.To, req.State, req.CallUUID)
	// Output:
	// gather 1234 +15550100001 15550100002 live 20000000-0000-4000-8000-000000000001
}

func ExampleCallbackURL() {
	// Behind a reverse proxy at 10.0.0.0/8 that terminates TLS for
	// ivr.example.com.
	r := httptest.NewRequest(http.MethodGet, "http://10.1.2.3:8080/ivr/menu", nil)
	r.RemoteAddr = "10.0.0.7:53211"
	r.Header.Set("X-Forwarded-Proto", "https")
	r.Header.Set("X-Forwarded-Host", "ivr.example.com")
	u, err := webhook.CallbackURL(r, "support", url.Values{"lang": {"en"}},
		webhook.WithForwardedHeadersFrom(netip.MustParsePrefix("10.0.0.0/8")))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(u)
	// Output:
	// https://ivr.example.com/ivr/support?lang=en
}
