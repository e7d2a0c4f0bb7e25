package devpage

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
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
	code   []string // the Go code of the call's options
	acts   []act
}

func (s *session) stop() { s.cancel() }

// callOptions turns the call's settings into flowsim options and, in
// the same order, the Go code of each for the generated test.
func callOptions(req request, at time.Time) ([]flowsim.CallOption, []string, error) {
	opts := []flowsim.CallOption{flowsim.At(at)}
	code := []string{"flowsim.At(" + timeCode(at) + ")"}
	add := func(o flowsim.CallOption, c string) {
		opts = append(opts, o)
		code = append(code, c)
	}
	if req.From != "" {
		add(flowsim.From(req.From), "flowsim.From("+strconv.Quote(req.From)+")")
	}
	if req.To != "" {
		add(flowsim.To(req.To), "flowsim.To("+strconv.Quote(req.To)+")")
	}
	if req.State != "" {
		add(flowsim.CallerLocation(req.State, req.County), "flowsim.CallerLocation("+strconv.Quote(req.State)+", "+strconv.Quote(req.County)+")")
	} else if req.County != "" {
		return nil, nil, fmt.Errorf("county %q: set the state too (Geo compares the county within a state)", req.County)
	}
	names := make([]string, 0, len(req.Fields))
	for k := range req.Fields {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if k == "" {
			return nil, nil, errors.New(`fields: a field needs a name`)
		}
		add(flowsim.CallField(k, req.Fields[k]), "flowsim.CallField("+strconv.Quote(k)+", "+strconv.Quote(req.Fields[k])+")")
	}
	var dials []flowsim.DialOutcome
	var dialCode []string
	for i, d := range req.Dials {
		o, c, err := dialOutcome(d)
		if err != nil {
			return nil, nil, fmt.Errorf("dials[%d] %q: %v", i, d, err)
		}
		dials, dialCode = append(dials, o), append(dialCode, c)
	}
	if len(dials) > 0 {
		add(flowsim.Dials(dials...), "flowsim.Dials("+strings.Join(dialCode, ", ")+")")
	}
	if len(req.Recordings) > 0 {
		add(flowsim.Recordings(req.Recordings...), "flowsim.Recordings("+quoteAll(req.Recordings)+")")
	}
	return opts, code, nil
}

// dialOutcome reads one scripted Dial outcome: answer (by the first
// destination), answer:DEST, busy, noanswer, failed or failed:REASON.
func dialOutcome(d string) (flowsim.DialOutcome, string, error) {
	kind, arg, _ := strings.Cut(d, ":")
	switch kind {
	case "answer":
		return flowsim.Answered(arg, 0, 0), "flowsim.Answered(" + strconv.Quote(arg) + ", 0, 0)", nil
	case "busy", "noanswer":
		if arg != "" {
			break
		}
		if kind == "busy" {
			return flowsim.Busy(), "flowsim.Busy()", nil
		}
		return flowsim.NoAnswer(), "flowsim.NoAnswer()", nil
	case "failed":
		return flowsim.DialFailed(arg), "flowsim.DialFailed(" + strconv.Quote(arg) + ")", nil
	}
	return flowsim.DialOutcome{}, "", errors.New("want answer, answer:DESTINATION, busy, noanswer, failed or failed:REASON")
}

// timeCode writes t as a time.Date expression, in its own zone.
func timeCode(t time.Time) string {
	loc := "time.UTC"
	if name, off := t.Zone(); t.Location() != time.UTC {
		loc = fmt.Sprintf("time.FixedZone(%q, %d)", name, off)
	}
	return fmt.Sprintf("time.Date(%d, %d, %d, %d, %d, %d, %d, %s)", t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
}

// badRequest is an error in the request's settings.
type badRequest struct{ error }

// defaultAt is when a call starts when the page does not say.
var defaultAt = time.Date(2030, 1, 2, 10, 0, 0, 0, time.UTC)

// startCall ends any running call and starts a new one.
func (s *Server) startCall(req request) error {
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
	sess := &session{cancel: cancel, req: req, at: at, code: code}
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
