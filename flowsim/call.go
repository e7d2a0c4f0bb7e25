package flowsim

import (
	"context"
	"errors"
	"sync"

	"github.com/opentact-go/opentact/events"
)

// ErrEnded is returned by Press, Silence and HangUp on a call that has
// already ended.
var ErrEnded = errors.New("flowsim: the call has ended")

// Call is one simulated call. Its methods are safe for concurrent use.
type Call struct {
	r *runner

	interactive bool
	toSim       chan Action   // the caller's next action
	toUser      chan struct{} // the flow waits for the caller
	done        chan struct{} // closed when the call's goroutine is over

	mu      sync.Mutex
	steps   Transcript
	events  []events.Event
	end     End
	ended   bool
	err     error
	waiting *Wait // where the call waits for the caller, nil when it does not
}

func (sim *Sim) newCall(ctx context.Context, opts []CallOption, interactive bool) *Call {
	if ctx == nil {
		ctx = context.Background()
	}
	c := &Call{
		interactive: interactive,
		toSim:       make(chan Action),
		toUser:      make(chan struct{}),
		done:        make(chan struct{}),
	}
	c.r = newRunner(ctx, sim, newCallSettings(opts), c)
	return c
}

// wait returns when the flow waits for the caller or the call is over.
func (c *Call) wait() {
	select {
	case <-c.toUser:
	case <-c.done:
	}
}

// act hands the caller's action to the waiting command and runs the call
// to its next wait.
func (c *Call) act(a Action) error {
	if !c.interactive {
		return ErrEnded
	}
	select {
	case c.toSim <- a:
	case <-c.done:
		if err := c.Err(); err != nil {
			return err
		}
		return ErrEnded
	}
	c.wait()
	return nil
}

// Press answers the waiting command with keys (see the package-level Press)
// and runs the call until it waits again or ends. Keys that are not those
// of a phone keypad are refused with an error naming the key, and the call
// goes on waiting.
func (c *Call) Press(keys string) error {
	if err := checkKeys(keys); err != nil {
		return err
	}
	return c.act(Press(keys))
}

// Silence lets the waiting command time out and runs the call until it
// waits again or ends.
func (c *Call) Silence() error { return c.act(Silence()) }

// HangUp hangs up at the waiting command; the call ends.
func (c *Call) HangUp() error { return c.act(HangUp()) }

// Transcript returns a copy of the steps so far.
func (c *Call) Transcript() Transcript {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append(Transcript(nil), c.steps...)
}

// Heard returns what the caller heard so far, in order (Transcript.Heard).
func (c *Call) Heard() []string { return c.Transcript().Heard() }

// Events returns the websocket events the platform would have sent for the
// call so far: call_state at each state change, call_flow for each command
// run. Each was encoded as the documented JSON frame and decoded with
// events.Decode, so it is what an event handler receives (Raw holds the
// frame).
func (c *Call) Events() []events.Event {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]events.Event(nil), c.events...)
}

// Ended reports whether the call is over.
func (c *Call) Ended() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ended
}

// End returns how the call ended, "" while it runs.
func (c *Call) End() End {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.end
}

// Err returns ctx's error when the call was cancelled, the error naming the
// key when the script pressed one no phone keypad has, else nil.
func (c *Call) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// End says how a call ended.
type End string

// The ends of a call.
const (
	// EndHangup: a <Hangup> ended the call.
	EndHangup End = "hangup"
	// EndCaller: the caller hung up.
	EndCaller End = "caller-hangup"
	// EndAfterDial: the flow ran out of commands after a <Dial>, so the
	// platform hung up once the dialled party had: a normal end.
	EndAfterDial End = "after-dial"
	// EndDeadEnd: the flow ran out of commands without a <Hangup> or a
	// <Dial>: the platform hangs up, but the flow forgot to.
	EndDeadEnd End = "dead-end"
	// EndInvalid: the call's first document could not run (it did not
	// parse or validate, or the call_flow_url request failed), or the
	// caller's script pressed a key no phone keypad has.
	EndInvalid End = "invalid"
	// EndStepLimit: the StepLimit was reached, the flow probably loops.
	EndStepLimit End = "step-limit"
	// EndCancelled: the context was done.
	EndCancelled End = "cancelled"
)

// Normal reports whether the call ended as a call should: by a <Hangup>,
// the caller hanging up, or the flow ending after a <Dial>.
func (e End) Normal() bool {
	return e == EndHangup || e == EndCaller || e == EndAfterDial
}
