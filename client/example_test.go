package client_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/client"
)

// Buy a local number, give it to a SIP control app and host the app's call
// flow on Opentact.
func Example_buyAndRoute() {
	ctx := context.Background()
	c, err := client.New(client.APIToken(os.Getenv("OPENTACT_API_TOKEN")))
	if err != nil {
		log.Fatal(err)
	}

	// Find a number in Washington, DC and buy it.
	page, err := c.Numbers.Search(ctx, &client.NumberSearchOptions{Take: 1, Type: client.NumberTypeLongCode, State: "DC"})
	if err != nil {
		log.Fatal(err)
	}
	if len(page.Items) == 0 {
		log.Fatal("no number available")
	}
	tn := page.Items[0].TN
	order, err := c.Orders.Create(ctx, &client.OrderCreateRequest{Items: []client.OrderItem{
		{TN: tn, Features: []client.Feature{client.FeatureVoice}, Autorenew: true},
	}})
	if err != nil {
		log.Fatal(err)
	}
	for !order.Done() {
		time.Sleep(2 * time.Second)
		if order, err = c.Orders.Get(ctx, order.UUID); err != nil {
			log.Fatal(err)
		}
	}
	lease, err := c.Leases.GetByTN(ctx, tn)
	if err != nil {
		log.Fatal(err)
	}

	// A SIP control app whose call flow Opentact hosts.
	products, err := c.Dictionaries.SIPProducts(ctx)
	if err != nil || len(products) == 0 {
		log.Fatal("no SIP product: ", err)
	}
	app, err := c.SIPControlApps.Create(ctx, &client.SIPControlAppCreateRequest{Name: "front desk", Product: products[0].ID})
	if err != nil {
		log.Fatal(err)
	}
	// A *flow.Flow is a client.Flow: it is validated and rendered before
	// anything is sent.
	greeting := flow.New().
		Say("Thanks for calling. Nobody is here right now.").
		Hangup(flow.Tag("CallEndedByUser"))
	hosted, err := c.SIPControlApps.PutCallFlow(ctx, app.UUID, greeting)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.SIPControlApps.AssignNumbers(ctx, app.UUID, []string{lease.UUID}); err != nil {
		log.Fatal(err)
	}
	fmt.Println(tn.E164(), "answers with", hosted.URL)
}

// Send an SMS. A failure after the request may have reached Opentact is not
// retried, so the message is never sent twice.
func Example_sendSMS() {
	ctx := context.Background()
	c, err := client.New(client.EmailPassword(os.Getenv("OPENTACT_EMAIL"), os.Getenv("OPENTACT_PASSWORD")))
	if err != nil {
		log.Fatal(err)
	}
	from, err := client.ParseTN("+1 (202) 555-0100")
	if err != nil {
		log.Fatal(err)
	}
	msg, err := c.Messages.Send(ctx, &client.SendSMSRequest{From: from, To: 12025550199, Text: "Your table is ready."})
	switch {
	case errors.Is(err, client.ErrInsufficientBalance):
		log.Fatal("top up the account first")
	case err != nil:
		log.Fatal(err)
	}
	fmt.Println("sent", msg.UUID, msg.State)
}

// Iterate over yesterday's inbound calls; pages are fetched as needed.
func Example_callLog() {
	ctx := context.Background()
	c, err := client.New(client.APIToken(os.Getenv("OPENTACT_API_TOKEN")))
	if err != nil {
		log.Fatal(err)
	}
	since := time.Now().Add(-24 * time.Hour)
	opts := &client.CallSearchOptions{
		SearchOptions: client.SearchOptions{CreatedFrom: &since, Order: map[string]client.SortDirection{"created_on": client.Desc}},
		Direction:     client.DirectionIn,
	}
	for call, err := range c.Calls.All(ctx, opts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(call.CreatedOn.Format(time.Kitchen), call.From, "→", call.To, call.Duration, "s")
	}
}
