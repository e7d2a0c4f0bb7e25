package main

import (
	"context"
	"errors"
	"fmt"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/verbs"
	"github.com/opentact-go/opentact/webhook"
)

// pinState is what the IVR remembers between the requests of one call
// while the caller enters the account PIN. It travels signed in the PIN
// Gather's URL (webhook.WithState), so the server keeps nothing and any
// instance behind a load balancer can take the next request. The state
// cannot be changed or moved to another call, but within its call and
// lifetime an earlier token can be sent again, with its smaller count: a
// real deployment lets only Opentact reach the PIN path
// (webhook.AllowSources), so that nobody else can try PINs with it.
type pinState struct {
	// Attempts is how many wrong PINs the caller has entered so far.
	Attempts int `json:"attempts"`
}

// maxPINAttempts is how many wrong PINs end the call.
const maxPINAttempts = 3

// errNoPIN is a request to the PIN path that carries no signed state: the
// PIN Gather always sends one, so the request did not come from it. The
// handler answers with the fallback flow.
var errNoPIN = errors.New("ivr: PIN request without signed state")

// askPIN is the PIN menu for a caller who has entered attempts wrong PINs.
func (s *server) askPIN(ctx context.Context, attempts int) (*flow.Flow, error) {
	u, err := s.url(ctx, pinPath, webhook.WithState(pinState{Attempts: attempts}))
	if err != nil {
		return nil, err
	}
	return pinMenu(u), nil
}

// pin answers the digits entered in the PIN menu.
func (s *server) pin(ctx context.Context, r *webhook.CallFlowRequest) (*verbs.Response, error) {
	st, err := webhook.State[pinState](r)
	if errors.Is(err, webhook.ErrNoState) {
		return nil, errNoPIN
	}
	if err != nil {
		return nil, err
	}
	if r.DTMF == s.accountPIN {
		return flow.New().Say("Thank you. Your account balance is 42 dollars. Goodbye.").Hangup().Build()
	}
	st.Attempts++
	left := maxPINAttempts - st.Attempts
	if left <= 0 {
		return flow.New().Say("That PIN is not right, and there are no attempts left. Goodbye.").Hangup().Build()
	}
	again, err := s.askPIN(ctx, st.Attempts)
	if err != nil {
		return nil, err
	}
	return flow.New().Say(wrongPIN(left)).Append(again).Build()
}

// wrongPIN tells the caller the PIN was wrong and how many attempts are
// left.
func wrongPIN(left int) string {
	if left == 1 {
		return "That PIN is not right. You have 1 attempt left."
	}
	return fmt.Sprintf("That PIN is not right. You have %d attempts left.", left)
}

// pinMenu asks for the four-digit account PIN and sends it to url.
func pinMenu(url string) *flow.Flow {
	unavailable := flow.New().Say("Sorry, your account is not available right now. Goodbye.").Hangup()
	return flow.New().
		Say("Please enter your four digit PIN.").
		Gather(flow.DTMFLength(4), flow.URL(url), flow.OnError(unavailable)).
		Say("We did not get your PIN. Goodbye.").
		Hangup()
}
