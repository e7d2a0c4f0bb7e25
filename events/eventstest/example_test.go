package eventstest_test

import (
	"context"
	"fmt"
	"log"
	"log/slog"

	"github.com/opentact-go/opentact/events"
	"github.com/opentact-go/opentact/events/eventstest"
)

// Test an event consumer against the fake: the stream authenticates, the
// test sends scripted events, the consumer sees them in order.
func Example() {
	srv := eventstest.NewServer()
	defer srv.Close()
	stream, err := events.NewStream(events.StaticToken(srv.Token()),
		events.WithURL(srv.URL()), events.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	go func() {
		conn, err := srv.NextConn(ctx) // returns once the stream is authenticated
		if err != nil {
			return
		}
		conn.Send(eventstest.CallStateEvent("10000000-0000-4000-8000-000000000002", "20000000-0000-4000-8000-000000000001", "ringing"))
		conn.Send(eventstest.BalanceEvent(873.0604, "voice_charge_in"))
	}()

	for ev, err := range stream.Events(ctx) {
		if err != nil {
			log.Fatal(err)
		}
		switch ev.Kind {
		case events.KindAuth:
			a, _ := ev.Auth()
			fmt.Println("connected:", a.ConnectionID)
		case events.KindCallState:
			s, _ := ev.CallState()
			fmt.Println("call", ev.RefID, s.State)
		case events.KindBalance:
			b, _ := ev.Balance()
			fmt.Println("balance", *b.Balance, "after", b.SourceAction)
			return
		}
	}
	// Output:
	// connected: 70000000-0000-4000-8000-000000000001
	// call 20000000-0000-4000-8000-000000000001 ringing
	// balance 873.0604 after voice_charge_in
}
