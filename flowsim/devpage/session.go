package devpage

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/opentact-go/opentact/flowsim"
)

// actKind is one thing the caller did.
type actKind int

const (
	actPress actKind = iota
	actSilence
	actHangUp
	actHangUpBefore // hung up while the call was paused before a command
)

// act is one recorded caller action, replayed by the generated test.
type act struct {
	kind actKind
	keys string
	n    int // for actHangUpBefore: the number of the command, from 1
}

// session is the one call the page runs, with what started it and what
// the caller did, in order.
//
// The call runs in its own goroutine: sim.Call, then each Press, Silence
// or HangUp. In step mode the call's BeforeCommand function blocks before
// each command until the page says step (run it), continue (run to the
// next input) or hang up. An action returns to the page once the call has
// settled: paused before a command, waiting for the caller, or ended.
type session struct {
	ctx    context.Context
	cancel context.CancelFunc
	req    request
	at     time.Time
	code   []string // the Go code of the call's options
	notify func()   // wakes the page's event streams

	mu       sync.Mutex
	call     *flowsim.Call
	acts     []act
	busy     bool          // the call's goroutine is running
	stepping bool          // pause before each command
	paused   *flowsim.Wait // the command the call is paused before
	ncmds    int           // BeforeCommand calls so far
	gate     chan bool     // the paused call's answer: true go on, false hang up
	wake     chan struct{} // the call paused or its goroutine ended
}

func (s *session) stop() { s.cancel() }

// badRequest is an error in the request's settings.
type badRequest struct{ error }

// defaultAt is when a call starts when the page does not say.
var defaultAt = time.Date(2030, 1, 2, 10, 0, 0, 0, time.UTC)

// startCall ends any running call and starts a new one, paused before its
// first command when stepping.
func (s *Server) startCall(req request, stepping bool) error {
	at := defaultAt
	if req.At != "" {
		t, err := time.Parse(time.RFC3339, req.At)
		if err != nil {
			return badRequest{fmt.Errorf("at %q: want an RFC 3339 time such as 2030-01-02T10:00:00Z", req.At)}
		}
		at = t
	}
	opts, code, err := callOptions(req, at)
	if err != nil {
		return badRequest{err}
	}
	select {
	case <-s.closed:
		return errors.New("the server is closed")
	default:
	}
	s.mu.Lock()
	old := s.sess
	s.sess = nil
	s.mu.Unlock()
	if old != nil {
		old.stop()
	}
	ctx, cancel := context.WithCancel(context.Background())
	sess := &session{ctx: ctx, cancel: cancel, req: req, at: at, code: code, stepping: stepping, notify: s.notify,
		gate: make(chan bool), wake: make(chan struct{}, 1)}
	opts = append(opts, flowsim.BeforeCommand(sess.before))
	s.mu.Lock()
	s.sess = sess
	s.mu.Unlock()
	sess.run(func() {
		c := s.sim.Call(ctx, opts...)
		sess.mu.Lock()
		sess.call = c
		sess.mu.Unlock()
	})
	return nil
}

// before is the call's BeforeCommand: in step mode it pauses the call
// until the page answers.
func (sess *session) before(c *flowsim.Call, next flowsim.Wait) bool {
	sess.mu.Lock()
	sess.call = c
	sess.ncmds++
	if !sess.stepping {
		sess.mu.Unlock()
		return true
	}
	sess.paused = &next
	sess.mu.Unlock()
	sess.signal()
	select {
	case goOn := <-sess.gate:
		return goOn
	case <-sess.ctx.Done():
		sess.mu.Lock()
		sess.paused = nil
		sess.mu.Unlock()
		return true // the call ends as cancelled
	}
}

// run runs f in the call's goroutine and returns once the call settled.
func (sess *session) run(f func()) {
	sess.mu.Lock()
	sess.busy = true
	sess.mu.Unlock()
	sess.notify() // the page shows the call running until it settles
	go func() {
		f()
		sess.mu.Lock()
		sess.busy = false
		sess.mu.Unlock()
		sess.signal()
	}()
	sess.settle()
}

// signal wakes settle.
func (sess *session) signal() {
	select {
	case sess.wake <- struct{}{}:
	default:
	}
}

// settle returns when the call is paused before a command or its
// goroutine has returned (the call waits for the caller or has ended).
func (sess *session) settle() {
	for {
		sess.mu.Lock()
		done := sess.paused != nil || !sess.busy
		sess.mu.Unlock()
		if done {
			return
		}
		<-sess.wake
	}
}

// release answers the paused call and waits until it settles again.
func (sess *session) release(goOn bool) {
	sess.mu.Lock()
	sess.paused = nil
	sess.mu.Unlock()
	select {
	case sess.gate <- goOn:
		sess.settle()
	case <-sess.ctx.Done(): // the call was cancelled (the server closed)
	}
}

// current returns the running session, nil when none.
func (s *Server) current() *session {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sess
}

// errNoCall is the answer to an action without a call.
var errNoCall = errors.New("no call: press Call (or Step) first")

// act hands a caller action (press, silence, hang up) to the call. A hang
// up also ends a call paused before a command.
func (s *Server) act(kind actKind, keys string) error {
	sess := s.current()
	if sess == nil {
		return errNoCall
	}
	sess.mu.Lock()
	paused, call, busy := sess.paused, sess.call, sess.busy
	n := sess.ncmds
	sess.mu.Unlock()
	if paused != nil {
		if kind != actHangUp {
			return fmt.Errorf("the call is paused before %s (#%d %s): press Step or Continue first", paused.Element, paused.Document, paused.Path)
		}
		sess.release(false)
		sess.record(act{kind: actHangUpBefore, n: n})
		return nil
	}
	if call == nil || busy {
		return errors.New("the call is running: wait for it")
	}
	if _, ok := call.Waiting(); !ok {
		return errors.New("the call is not waiting for the caller: start a new call")
	}
	var err error
	sess.run(func() {
		switch kind {
		case actPress:
			err = call.Press(keys)
		case actSilence:
			err = call.Silence()
		case actHangUp:
			err = call.HangUp()
		}
	})
	if err != nil {
		return err
	}
	sess.record(act{kind: kind, keys: keys})
	return nil
}

// record appends a caller action.
func (sess *session) record(a act) {
	sess.mu.Lock()
	sess.acts = append(sess.acts, a)
	sess.mu.Unlock()
}

// step runs the paused command and pauses before the next one. With no
// call, or an ended one, it starts a call paused before its first
// command; at a wait for the caller, it makes the call pause before the
// command after the caller's action.
func (s *Server) step(req request) error {
	sess := s.current()
	if sess == nil || sess.ended() {
		return s.startCall(req, true)
	}
	sess.mu.Lock()
	sess.stepping = true
	paused := sess.paused != nil
	sess.mu.Unlock()
	if paused {
		sess.release(true)
	}
	return nil
}

// resume runs the call to its next wait for the caller (or its end), and
// leaves step mode. With no call, or an ended one, it starts one.
func (s *Server) resume(req request) error {
	sess := s.current()
	if sess == nil || sess.ended() {
		return s.startCall(req, false)
	}
	sess.mu.Lock()
	sess.stepping = false
	paused := sess.paused != nil
	sess.mu.Unlock()
	if paused {
		sess.release(true)
	}
	return nil
}

// ended reports a call that is over.
func (sess *session) ended() bool {
	sess.mu.Lock()
	c, busy := sess.call, sess.busy
	sess.mu.Unlock()
	return !busy && c != nil && c.Ended()
}
