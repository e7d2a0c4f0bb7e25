package events_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"os/signal"

	"github.com/opentact-go/opentact/events"
)

// Print the call events of an account until interrupted. In an application
// the token source is usually the REST client, which logs in and refreshes
// the JWT: events.NewStream(c) with c a *client.Client.
func Example() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	stream, err := events.NewStream(events.StaticToken(os.Getenv("OPENTACT_JWT")))
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
			log.Fatal(err)
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
