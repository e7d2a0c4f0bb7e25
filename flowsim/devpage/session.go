package devpage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/opentact-go/opentact/flowsim"
)

// actKind is one thing the caller did.
type actKind int

const (
	actPress actKind = iota
	actSilence
	actHangUp
)

// act is one recorded caller action, replayed by the generated test.
type act struct {
	kind actKind
	keys string
}

// session is the one call the page runs, with what started it and what
// the caller did, in order.
type session struct {
	call   *flowsim.Call
	cancel context.CancelFunc
	req    request
	at     time.Time
	acts   []act
}

func (s *session) stop() { s.cancel() }

// callOptions turns the call's settings into flowsim options.
func callOptions(req request, at time.Time) ([]flowsim.CallOption, error) {
	opts := []flowsim.CallOption{flowsim.At(at)}
	if req.From != "" {
		opts = append(opts, flowsim.From(req.From))
	}
	if req.To != "" {
		opts = append(opts, flowsim.To(req.To))
	}
	if req.State != "" {
		opts = append(opts, flowsim.CallerLocation(req.State, req.County))
	}
	var dials []flowsim.DialOutcome
	for i, d := range req.Dials {
		switch d {
		case "answer":
			dials = append(dials, flowsim.Answered("", 0, 0))
		case "busy":
			dials = append(dials, flowsim.Busy())
		case "noanswer":
			dials = append(dials, flowsim.NoAnswer())
		default:
			return nil, fmt.Errorf("dials[%d] %q: want answer, busy or noanswer", i, d)
		}
	}
	if len(dials) > 0 {
		opts = append(opts, flowsim.Dials(dials...))
	}
	if len(req.Recordings) > 0 {
		opts = append(opts, flowsim.Recordings(req.Recordings...))
	}
	return opts, nil
}

// defaultAt is when a call starts when the page does not say.
var defaultAt = time.Date(2030, 1, 2, 10, 0, 0, 0, time.UTC)

// startCall ends any running call and starts a new one.
func (s *Server) startCall(req request) error {
	at := defaultAt
	if req.At != "" {
		t, err := time.Parse(time.RFC3339, req.At)
		if err != nil {
			return fmt.Errorf("at %q: want an RFC 3339 time such as 2030-01-02T10:00:00Z", req.At)
		}
		at = t
	}
	opts, err := callOptions(req, at)
	if err != nil {
		return err
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
	sess := &session{cancel: cancel, req: req, at: at}
	sess.call = s.sim.Call(ctx, opts...)
	s.mu.Lock()
	s.sess = sess
	s.mu.Unlock()
	return nil
}

// act hands a caller action to the running call.
func (s *Server) act(kind actKind, keys string) error {
	s.mu.Lock()
	sess := s.sess
	s.mu.Unlock()
	if sess == nil {
		return errors.New("no call: press Call first")
	}
	if _, ok := sess.call.Waiting(); !ok {
		return errors.New("the call is not waiting for the caller: start a new call")
	}
	var err error
	switch kind {
	case actPress:
		err = sess.call.Press(keys)
	case actSilence:
		err = sess.call.Silence()
	case actHangUp:
		err = sess.call.HangUp()
	}
	if err != nil {
		return err
	}
	s.mu.Lock()
	sess.acts = append(sess.acts, act{kind: kind, keys: keys})
	s.mu.Unlock()
	return nil
}
