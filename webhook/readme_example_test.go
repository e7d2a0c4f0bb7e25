package webhook_test

// This file holds the Go code of the README's "Serving flows" section,
// block for block, which TestReadmeServingCode keeps identical to it; the
// other tests of readme_test.go run it. Only main is not run: it would
// listen on :8080 for good, so TestReadmeServer serves newServer on a
// loopback address instead.

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"time"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/events"
	"github.com/opentact-go/opentact/webhook"
)

// validPIN stands for the application's own PIN check, which the README
// leaves to the reader: the caller +15550100001 has the PIN 2468.
func validPIN(caller, digits string) bool {
	return caller == "+15550100001" && digits == "2468"
}

// menu answers the SIP control app's call_flow_url and, through the
// Gather's url, the digits the caller enters.
func menu(ctx context.Context, r *webhook.CallFlowRequest) (*flow.Flow, error) {
	switch r.DTMF {
	case "1":
		busy := flow.New().Say("Sales is busy. Please call again later.").Hangup()
		return flow.New().
			Say("Connecting you to sales.").
			Dial(flow.To("sales@sip.example.com"), flow.OnError(busy)), nil
	case "2":
		return flow.New().Say("Goodbye.").Hangup(), nil
	}
	self, err := webhook.CallbackURL(webhook.HTTPRequest(ctx), "/calls", nil)
	if err != nil {
		return nil, err
	}
	return flow.New().
		Say("For sales, press 1. To hang up, press 2.").
		Gather(flow.DTMFLength(1), flow.URL(self)), nil
}

// newServer serves menu at /calls on addr, with every timeout set.
func newServer(addr string) (*http.Server, error) {
	h, err := webhook.NewCallFlowHandler(menu, webhook.WithTimeout(5*time.Second))
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/calls", h)
	return webhook.Server(addr, mux), nil
}

func main() {
	srv, err := newServer(":8080")
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.ListenAndServe())
}

// newApp serves the call flows and the call events of an application
// behind a reverse proxy at 10.0.0.0/8, to requests that come from
// Opentact's address and carry secret in their token parameter; ended
// hears of every call that hangs up.
func newApp(secret string, ended func(callUUID string)) (http.Handler, error) {
	proxy := netip.MustParsePrefix("10.0.0.0/8")
	flows, err := webhook.NewCallFlowHandler(func(ctx context.Context, r *webhook.CallFlowRequest) (*flow.Flow, error) {
		self, err := webhook.CallbackURL(webhook.HTTPRequest(ctx), "/calls", url.Values{"token": {secret}},
			webhook.WithForwardedHeadersFrom(proxy))
		if err != nil {
			return nil, err
		}
		return flow.New().Say("For sales, press 1.").Gather(flow.DTMFLength(1), flow.URL(self)), nil
	})
	if err != nil {
		return nil, err
	}
	calls, err := webhook.NewCallEventHandler(func(ctx context.Context, ev events.Event) error {
		if s, ok := ev.CallState(); ok && s.State == events.CallStatusHangup {
			ended(ev.RefID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	fromOpentact, err := webhook.AllowSources(webhook.OpentactSources, webhook.WithTrustedProxies(proxy))
	if err != nil {
		return nil, err
	}
	withSecret, err := webhook.RequireQueryToken("token", secret)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/calls", flows)       // call_flow_url: https://ivr.example.com/calls?token=…
	mux.Handle("/hooks/calls", calls) // webhook_url: https://ivr.example.com/hooks/calls?token=…
	return fromOpentact(withSecret(mux)), nil
}

// pinState is what the PIN prompt remembers between the requests of a
// call: how many PINs the caller has entered.
type pinState struct {
	Tries int `json:"tries"`
}

// pin asks for a 4-digit PIN, three times at most; validPIN is your own
// check.
func pin(ctx context.Context, r *webhook.CallFlowRequest) (*flow.Flow, error) {
	st, err := webhook.State[pinState](r)
	if err != nil && !errors.Is(err, webhook.ErrNoState) {
		return nil, err
	}
	switch {
	case st.Tries > 0 && validPIN(r.From, r.DTMF):
		return flow.New().Say("Thank you, your PIN is correct.").Hangup(), nil
	case st.Tries == 3:
		return flow.New().Say("That was the last try. Goodbye.").Hangup(), nil
	}
	next, err := webhook.CallbackURL(webhook.HTTPRequest(ctx), "/pin", nil,
		webhook.WithState(pinState{Tries: st.Tries + 1}))
	if err != nil {
		return nil, err
	}
	return flow.New().Say("Please enter your PIN.").Gather(flow.DTMFLength(4), flow.URL(next)), nil
}

// newPINHandler signs states with the key in STATE_KEY (base64, 32 bytes
// or more, from `openssl rand -base64 32`) and, during a rotation, still
// accepts the tokens signed with STATE_KEY_OLD.
func newPINHandler() (*webhook.CallFlowHandler, error) {
	keys := webhook.StateKeys{MaxAge: 15 * time.Minute}
	var err error
	if keys.Current, err = base64.StdEncoding.DecodeString(os.Getenv("STATE_KEY")); err != nil {
		return nil, fmt.Errorf("STATE_KEY: %w", err)
	}
	if old := os.Getenv("STATE_KEY_OLD"); old != "" {
		if keys.Previous, err = base64.StdEncoding.DecodeString(old); err != nil {
			return nil, fmt.Errorf("STATE_KEY_OLD: %w", err)
		}
	}
	return webhook.NewCallFlowHandler(pin, webhook.WithStateKeys(keys))
}

// newMenu declares a two-level menu: in main, 1 rings sales and 2 opens
// support, where 1 rings billing and 0 goes back to main.
func newMenu() *webhook.Menu {
	ring := func(to string) webhook.CallFlowFunc[*flow.Flow] {
		return func(ctx context.Context, r *webhook.CallFlowRequest) (*flow.Flow, error) {
			busy := flow.New().Say("Nobody can take your call. Please call again later.").Hangup()
			return flow.New().Say("Connecting you.").Dial(flow.To(to), flow.OnError(busy)), nil
		}
	}
	return webhook.NewMenu("main").
		State("main", webhook.MenuState{Prompt: flow.New().Say("For sales, press 1. For support, press 2.")}).
		State("support", webhook.MenuState{
			Prompt:  flow.New().Say("For billing, press 1. To go back, press 0."),
			NoInput: flow.New().Say("Goodbye.").Hangup(),
		}).
		Do("main", "1", "sales", ring("sales@sip.example.com")).
		Go("main", "2", "support").
		Do("support", "1", "billing", ring("billing@sip.example.com")).
		Go("support", "0", "main")
}
