package flowsim

import (
	"context"
	"errors"
	"time"
)

// Sim simulates calls to one call flow. It is safe for concurrent use: each
// Call has its own state.
type Sim struct {
	src source
	s   *settings
}

// New returns a simulator for src, which is one of:
//
//   - a *verbs.Response, run as a hosted document;
//   - a Builder such as a *flow.Flow, built once;
//   - XML bytes ([]byte), parsed once;
//   - a HandlerSource (Handler), asked for the first document of each call
//     as the platform asks a call_flow_url;
//   - a URLSource (URL), the same over the network, with Client.
//
// A static document that does not build, parse or validate is not an error
// here: every call of it ends at once with the findings in its transcript,
// as the platform would refuse it. New fails only for a source it cannot
// use at all (nil, an unsupported type, a handler without a URL).
func New(src any, opts ...Option) (*Sim, error) {
	set := newSettings(opts)
	s, err := newSource(src, set.lenient)
	if err != nil {
		return nil, err
	}
	if s.remote && set.client == nil {
		return nil, errors.New("flowsim: New: a URL source needs the Client option (the simulator uses the network only when told to)")
	}
	return &Sim{src: s, s: set}, nil
}

// CallOption configures one call (Sim.Call, Sim.Run).
type CallOption func(*callSettings)

type callSettings struct {
	from, to string
	at       time.Time
	uuid     string
	script   []Action
	dials    []DialOutcome
	state    string
	county   string
	fields   map[string]string
	records  []string
	before   func(*Call, Wait) bool
}

func newCallSettings(opts []CallOption) *callSettings {
	c := &callSettings{
		from:   "15550100001",
		to:     "15550100002",
		at:     time.Date(2030, 1, 2, 10, 0, 0, 0, time.UTC),
		uuid:   "20000000-0000-4000-8000-000000000001",
		fields: map[string]string{},
	}
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	return c
}

// From sets the caller's number (default 15550100001).
func From(number string) CallOption { return func(c *callSettings) { c.from = number } }

// To sets the called number (default 15550100002).
func To(number string) CallOption { return func(c *callSettings) { c.to = number } }

// At sets when the call starts (default 2030-01-02 10:00 UTC, a Wednesday).
// <Schedule> is evaluated in t's location; the docs do not say which time
// zone the platform uses.
func At(t time.Time) CallOption { return func(c *callSettings) { c.at = t } }

// CallUUID sets the call's uuid (default 20000000-0000-4000-8000-000000000001).
func CallUUID(uuid string) CallOption { return func(c *callSettings) { c.uuid = uuid } }

// Script gives the caller's actions up front, used in order by the
// commands that wait for the caller.
func Script(actions ...Action) CallOption {
	return func(c *callSettings) { c.script = append(c.script, actions...) }
}

// Keys is Script with one Press per entry: Keys("1", "2") presses 1 at the
// first menu and 2 at the second.
func Keys(keys ...string) CallOption {
	return func(c *callSettings) {
		for _, k := range keys {
			c.script = append(c.script, Press(k))
		}
	}
}

// Dials scripts the outcomes of the call's Dials, in order; the last one
// repeats for any further Dial. Without it every Dial is answered by its
// first destination after 5 s and talks for 60 s.
func Dials(outcomes ...DialOutcome) CallOption {
	return func(c *callSettings) { c.dials = append(c.dials, outcomes...) }
}

// CallerLocation sets the caller's US state (a USPS code such as "NJ") and
// county (such as "ESSEX", "" when unknown), which <Geo> compares. Without
// it the location is unknown and only a <Geo> without attributes matches.
func CallerLocation(state, county string) CallOption {
	return func(c *callSettings) { c.state, c.county = state, county }
}

// CallField sets a property of the call that <Call field="name"> compares,
// besides to and from (which From and To set).
func CallField(name, value string) CallOption {
	return func(c *callSettings) { c.fields[name] = value }
}

// Recordings names the recordings of the <Record> and <RecordStart>
// commands that have no tag, in order (default recording-1, recording-2,
// …). A tagged recording is named by its tag.
func Recordings(names ...string) CallOption {
	return func(c *callSettings) { c.records = append(c.records, names...) }
}

// Run simulates a whole call: the caller follows the script (Script, Keys)
// and hangs up at the first command that waits for it after the script is
// used up. It returns when the call has ended or ctx is done.
func (sim *Sim) Run(ctx context.Context, opts ...CallOption) *Call {
	c := sim.newCall(ctx, opts, false)
	c.r.main()
	return c
}

// Call starts a call driven step by step: it runs until the flow waits for
// the caller beyond the script given (Script, Keys), or the call ends, and
// returns. Then Press, Silence and HangUp each answer the waiting command
// and run to the next wait. A call that is neither ended nor cancelled holds
// a goroutine: end it with HangUp or by cancelling ctx.
func (sim *Sim) Call(ctx context.Context, opts ...CallOption) *Call {
	c := sim.newCall(ctx, opts, true)
	go func() {
		defer close(c.done)
		c.r.main()
	}()
	c.wait()
	return c
}
