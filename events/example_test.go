package events_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"os/signal"

	"github.com/opentact-go/opentact/client"
	"github.com/opentact-go/opentact/events"
)

// Print an account's call events until interrupted. The REST client is the
// token source: it logs in, and logs in again when the JWT nears its expiry
// or the websocket rejects it. Only subscribed event types arrive (see the
// client's Subscriptions service).
func Example() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	c, err := client.New(client.EmailPassword(os.Getenv("OPENTACT_EMAIL"), os.Getenv("OPENTACT_PASSWORD")))
	if err != nil {
		log.Fatal(err)
	}
	stream, err := events.NewStream(c)
	if err != nil {
		log.Fatal(err)
	}
	for ev, err := range stream.Events(ctx) {
		if err != nil {
			var de *events.DecodeError
			if errors.As(err, &de) {
				log.Printf("skipping a malformed frame: %v", err)
				continue
			}
			log.Fatal(err) // terminal: bad credentials, or no connection possible
		}
		switch ev.Kind {
		case events.KindGap:
			g, _ := ev.Gap()
			fmt.Printf("no connection from %s to %s: reconcile through the REST API\n", g.From, g.To)
		case events.KindCallState:
			s, _ := ev.CallState()
			fmt.Printf("call %s is %s\n", ev.RefID, s.State)
		case events.KindCallFlow:
			f, _ := ev.CallFlow()
			fmt.Printf("call %s ran %s: success=%t %s\n", ev.RefID, f.Name, f.Success, f.Reason)
		}
	}
}

// Decode an event from a file, a queue or a test fixture.
func ExampleDecode() {
	ev, err := events.Decode([]byte(`{"timestamp":"2030-01-02T03:05:00.400Z","type":"sms",
		"payload":{"uuid":"50000000-0000-4000-8000-000000000001","type":"smso","state":"success","delivered":true}}`))
	if err != nil {
		log.Fatal(err)
	}
	if s, ok := ev.SMS(); ok {
		fmt.Println(ev.RefID, s.Direction(), s.State, s.Delivered)
	}
	// Output: 50000000-0000-4000-8000-000000000001 out success true
}
