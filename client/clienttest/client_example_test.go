package clienttest_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/opentact-go/opentact/client"
	"github.com/opentact-go/opentact/client/clienttest"
)

// The SDK's client against the fake: a number that is not SMS-enabled is
// refused as on Opentact, an SMS-enabled one sends, and the fake shows what
// was sent. In a test, srv.Client(t) does the same as NewClient and fails
// the test on error.
func ExampleServer_NewClient() {
	srv := clienttest.NewServer()
	defer srv.Close()
	c, err := srv.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	// A number bought through the API is not yet SMS-enabled.
	order, err := c.Orders.Create(ctx, &client.OrderCreateRequest{Items: []client.OrderItem{{TN: 12025550100, Features: []client.Feature{client.FeatureSMS}}}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("order:", order.State)
	_, err = c.Messages.Send(ctx, &client.SendSMSRequest{From: 12025550100, To: 12025550199, Text: "Hi"})
	fmt.Println("not enabled:", errors.Is(err, client.ErrValidation))

	srv.AddSMSNumber(12025550100) // the messaging profile and the enablement
	msg, err := c.Messages.Send(ctx, &client.SendSMSRequest{From: 12025550100, To: 12025550199, Text: "Hi"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("sent:", msg.State, msg.Text)
	sent := srv.SentMessages()
	fmt.Println("recorded:", len(sent), sent[0].From, sent[0].To, sent[0].Text)
	// Output:
	// order: success
	// not enabled: true
	// sent: created Hi
	// recorded: 1 12025550100 12025550199 Hi
}
