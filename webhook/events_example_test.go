package webhook_test

import (
	"context"
	"log"
	"net/http"
	"net/netip"
	"os"

	"github.com/opentact-go/opentact/events"
	"github.com/opentact-go/opentact/webhook"
)

// Receive call and SMS events, accepting only requests that come from
// Opentact's documented address (through a proxy at 10.0.0.0/8) and carry
// the shared secret the application put into its webhook URLs.
func ExampleNewCallEventHandler() {
	calls, err := webhook.NewCallEventHandler(func(ctx context.Context, ev events.Event) error {
		if s, ok := ev.CallState(); ok {
			log.Printf("call %s: %s", ev.RefID, s.State)
		}
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	sms, err := webhook.NewSMSEventHandler(func(ctx context.Context, ev events.Event) error {
		if s, ok := ev.SMS(); ok && s.Direction() == "in" {
			log.Printf("SMS from %s: %s", s.From, s.Text)
		}
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}

	fromOpentact, err := webhook.AllowSources(webhook.OpentactSources,
		webhook.WithTrustedProxies(netip.MustParsePrefix("10.0.0.0/8")))
	if err != nil {
		log.Fatal(err)
	}
	withSecret, err := webhook.RequireQueryToken("token", os.Getenv("WEBHOOK_SECRET"))
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/hooks/calls", calls) // webhook_url: https://app.example.com/hooks/calls?token=…
	mux.Handle("/hooks/sms", sms)     // callback_url: https://app.example.com/hooks/sms?token=…
	log.Fatal(http.ListenAndServe(":8080", fromOpentact(withSecret(mux))))
}
