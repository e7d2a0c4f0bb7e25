package webhooktest_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/webhook"
	"github.com/opentact-go/opentact/webhook/webhooktest"
)

// Example tests a menu handler with the request a Gather sends when the
// caller presses 1.
func Example() {
	h, err := webhook.NewCallFlowHandler(func(ctx context.Context, r *webhook.CallFlowRequest) (*flow.Flow, error) {
		if r.DTMF == "1" {
			return flow.New().Say("Support, hello " + r.From + ".").Hangup(), nil
		}
		return flow.New().Say("Goodbye.").Hangup(), nil
	})
	if err != nil {
		panic(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, webhooktest.Gather("https://ivr.example.com/menu", "1", webhooktest.Call{From: "+15550100001"}))
	fmt.Println(rec.Code)
	fmt.Print(rec.Body.String())
	// Output:
	// 200
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Say>Support, hello +15550100001.</Say>
	//   <Hangup/>
	// </Response>
}
