package webhook

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	flow "github.com/opentact-go/opentact/builder"
)

// MenuParam is the query parameter that names the menu state in the Gather
// URLs a Menu writes. It is not signed: a menu position is no secret and
// no gate (check a PIN in an action, with signed state, WithState).
const MenuParam = "ot_menu"

// Menu routes the digits of a DTMF menu: declare its states (State) and
// the digits that lead between them (Go) or to an action (Do), then serve
// them all with one handler (Handler). Each state's document is its prompt
// followed by a Gather whose URL the Menu builds, pointing back at the
// path the request came to with MenuParam naming the state; a digit
// without a transition repeats the state after an apology. Transitions
// returns the declarations as data, for the simulator, and Digits names
// each state's keys for the graph (flowgraph's GatherDigits).
//
// Declaration problems (an unknown state, a repeated or invalid digit
// string) are recorded and returned by Handler, as the builder does. A
// Menu is not safe for concurrent declaration; the handler it returns is
// safe for concurrent use and does not change when the Menu does.
type Menu struct {
	start  string
	states map[string]MenuState
	order  []string // state names in declaration order
	trans  []MenuTransition
	funcs  map[[2]string]CallFlowFunc[*flow.Flow]
	urlOpt []URLOption
	query  url.Values
	errs   []error
}

// MenuState is what a menu state plays.
type MenuState struct {
	// Prompt runs before the Gather; it says what each digit does.
	Prompt *flow.Flow
	// NoInput runs after the Gather, when the caller pressed nothing. Nil
	// ends the call with a Hangup.
	NoInput *flow.Flow
	// OnError is the Gather's Error block, run when its URL does not
	// answer with a document. Nil: no Error block.
	OnError *flow.Flow
	// Invalid runs before the state repeats after digits with no
	// transition. Nil: "Sorry, that is not a valid choice."
	Invalid *flow.Flow
}

// MenuTransition is one declared transition of a Menu.
type MenuTransition struct {
	From   string // the state the digits are pressed in
	Digits string // the digits, such as "1" or "*"
	To     string // the state they lead to; "" for an action
	Action string // the action's label (Do); "" for a state
}

// NewMenu returns a Menu whose calls start in the state named start.
func NewMenu(start string) *Menu {
	return &Menu{start: start, states: map[string]MenuState{}, funcs: map[[2]string]CallFlowFunc[*flow.Flow]{}}
}

// State declares the state name.
func (m *Menu) State(name string, st MenuState) *Menu {
	switch {
	case name == "":
		m.errorf("State: empty name")
	case st.Prompt == nil:
		m.errorf("State %q: nil Prompt", name)
	default:
		if _, dup := m.states[name]; dup {
			m.errorf("State %q: declared twice", name)
			break
		}
		m.states[name] = st
		m.order = append(m.order, name)
	}
	return m
}

// Go declares that digits pressed in state from lead to state to.
func (m *Menu) Go(from, digits, to string) *Menu {
	if to == "" {
		m.errorf("Go(%q, %q): empty target state", from, digits)
		return m
	}
	m.add(MenuTransition{From: from, Digits: digits, To: to}, nil)
	return m
}

// Do declares that digits pressed in state from run fn, whose document
// continues the call; label names the action in Transitions.
func (m *Menu) Do(from, digits, label string, fn CallFlowFunc[*flow.Flow]) *Menu {
	switch {
	case fn == nil:
		m.errorf("Do(%q, %q): nil function", from, digits)
	case label == "":
		m.errorf("Do(%q, %q): empty label", from, digits)
	default:
		m.add(MenuTransition{From: from, Digits: digits, Action: label}, fn)
	}
	return m
}

func (m *Menu) add(t MenuTransition, fn CallFlowFunc[*flow.Flow]) {
	if !validDigits(t.Digits) {
		m.errorf("transition from %q: digits %q are not DTMF keys (0-9, *, #)", t.From, t.Digits)
		return
	}
	key := [2]string{t.From, t.Digits}
	for _, x := range m.trans {
		if x.From == t.From && x.Digits == t.Digits {
			m.errorf("transition from %q on %q: declared twice", t.From, t.Digits)
			return
		}
	}
	m.trans = append(m.trans, t)
	if fn != nil {
		m.funcs[key] = fn
	}
}

func (m *Menu) errorf(format string, args ...any) {
	m.errs = append(m.errs, fmt.Errorf("webhook: Menu: "+format, args...))
}

// validDigits reports whether s is one or more DTMF keys.
func validDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || c == '*' || c == '#') {
			return false
		}
	}
	return true
}

// Transitions returns the declared transitions in declaration order.
func (m *Menu) Transitions() []MenuTransition {
	return append([]MenuTransition(nil), m.trans...)
}

// States returns the declared state names in declaration order, the start
// state being the one NewMenu named.
func (m *Menu) States() []string {
	return append([]string(nil), m.order...)
}

// Start returns the name of the start state.
func (m *Menu) Start() string { return m.start }

// Digits returns the digit strings declared (Go or Do) from the state that
// the MenuParam of gatherURL names, in declaration order: the keys a caller
// can press at that state's Gather. It returns nil for a URL that names no
// declared state or does not parse; the rest of the URL is not looked at.
// Passed to flowgraph's GatherDigits, it lets the graph of the Menu's
// handler draw every declared transition.
func (m *Menu) Digits(gatherURL string) []string {
	u, err := url.Parse(gatherURL)
	if err != nil {
		return nil
	}
	vs := u.Query()[MenuParam]
	if len(vs) == 0 {
		return nil
	}
	state := vs[len(vs)-1] // the one the handler reads
	if _, ok := m.states[state]; !ok {
		return nil
	}
	var ds []string
	for _, t := range m.trans {
		if t.From == state {
			ds = append(ds, t.Digits)
		}
	}
	return ds
}

// menuRouter is a frozen copy of a Menu.
type menuRouter struct {
	start  string
	states map[string]MenuState
	next   map[[2]string]MenuTransition
	funcs  map[[2]string]CallFlowFunc[*flow.Flow]
	length map[string]int // the digit count of each state's Gather
	urlOpt []URLOption
	query  url.Values // added to every Gather URL, beside MenuParam
}

// defaultInvalid is said before a state repeats.
var defaultInvalid = flow.New().Say("Sorry, that is not a valid choice.")

// CallbackURLOptions sets the options of the Gather URLs the Menu builds
// with CallbackURL (WithForwardedHeadersFrom behind a reverse proxy).
func (m *Menu) CallbackURLOptions(opts ...URLOption) *Menu {
	m.urlOpt = append(m.urlOpt, opts...)
	return m
}

// CallbackQuery adds q to the query of every Gather URL the Menu builds,
// beside MenuParam: behind RequireQueryToken, which takes its parameter
// out of each request, it puts the token back so that the next request of
// the call passes the check too. q may not hold MenuParam or StateParam.
func (m *Menu) CallbackQuery(q url.Values) *Menu {
	for _, name := range []string{MenuParam, StateParam} {
		if _, ok := q[name]; ok {
			m.errorf("CallbackQuery: %q is the Menu's own parameter", name)
		}
	}
	if m.query == nil {
		m.query = url.Values{}
	}
	for k, vs := range q {
		m.query[k] = append(m.query[k], vs...)
	}
	return m
}

// Handler returns the one handler serving every state of m: a request
// without MenuParam (the call_flow_url, or any first request) gets the
// start state; a Gather url request gets what its digits lead to. The
// Gather URLs point at the path of the request they answer, with
// MenuParam and CallbackQuery's parameters as their query. opts are those of NewCallFlowHandler. It
// returns every declaration problem at once.
func (m *Menu) Handler(opts ...Option) (*CallFlowHandler, error) {
	errs := append([]error(nil), m.errs...)
	if _, ok := m.states[m.start]; !ok {
		errs = append(errs, fmt.Errorf("webhook: Menu: the start state %q is not declared", m.start))
	}
	rt := &menuRouter{
		start:  m.start,
		states: make(map[string]MenuState, len(m.states)),
		next:   make(map[[2]string]MenuTransition, len(m.trans)),
		funcs:  make(map[[2]string]CallFlowFunc[*flow.Flow], len(m.funcs)),
		length: map[string]int{},
		urlOpt: append([]URLOption(nil), m.urlOpt...),
		query:  make(url.Values, len(m.query)+1),
	}
	for k, vs := range m.query {
		rt.query[k] = slices.Clone(vs)
	}
	for name, st := range m.states {
		rt.states[name] = st
	}
	for _, t := range m.trans {
		if _, ok := m.states[t.From]; !ok {
			errs = append(errs, fmt.Errorf("webhook: Menu: transition from %q on %q: no state %q", t.From, t.Digits, t.From))
			continue
		}
		if _, ok := m.states[t.To]; t.To != "" && !ok {
			errs = append(errs, fmt.Errorf("webhook: Menu: transition from %q on %q: no state %q", t.From, t.Digits, t.To))
			continue
		}
		if n := rt.length[t.From]; n != 0 && n != len(t.Digits) {
			errs = append(errs, fmt.Errorf("webhook: Menu: state %q: digits %q differ in length from its other transitions (one Gather collects one length)", t.From, t.Digits))
			continue
		}
		key := [2]string{t.From, t.Digits}
		rt.length[t.From] = len(t.Digits)
		rt.next[key] = t
		if fn := m.funcs[key]; fn != nil {
			rt.funcs[key] = fn
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return NewCallFlowHandler(rt.serve, opts...)
}

// serve is the CallFlowFunc of the router.
func (rt *menuRouter) serve(ctx context.Context, r *CallFlowRequest) (*flow.Flow, error) {
	vs, ok := r.Query[MenuParam]
	if !ok {
		return rt.document(ctx, rt.start, nil)
	}
	delete(r.Query, MenuParam)
	from := vs[len(vs)-1]
	if _, ok := rt.states[from]; !ok {
		return nil, fmt.Errorf("webhook: Menu: the request names no declared state (%s=%q)", MenuParam, from)
	}
	key := [2]string{from, r.DTMF}
	t, ok := rt.next[key]
	switch {
	case !ok:
		inv := rt.states[from].Invalid
		if inv == nil {
			inv = defaultInvalid
		}
		return rt.document(ctx, from, inv)
	case t.To != "":
		return rt.document(ctx, t.To, nil)
	}
	return rt.funcs[key](ctx, r)
}

// document is the document of state name, after before.
func (rt *menuRouter) document(ctx context.Context, name string, before *flow.Flow) (*flow.Flow, error) {
	st := rt.states[name]
	q := maps.Clone(rt.query)
	q[MenuParam] = []string{name}
	u, err := CallbackURL(HTTPRequest(ctx), "", q, rt.urlOpt...)
	if err != nil {
		return nil, err
	}
	opts := []flow.GatherOption{flow.URL(u)}
	if n := rt.length[name]; n > 0 {
		opts = append(opts, flow.DTMFLength(n))
	}
	if st.OnError != nil {
		opts = append(opts, flow.OnError(st.OnError))
	}
	f := flow.New().Append(before, st.Prompt).Gather(opts...)
	if st.NoInput != nil {
		return f.Append(st.NoInput), nil
	}
	return f.Hangup(), nil
}

// String describes a transition: "main 2 -> tech", "main 1 -> do support".
func (t MenuTransition) String() string {
	if t.To != "" {
		return t.From + " " + t.Digits + " -> " + t.To
	}
	return t.From + " " + t.Digits + " -> do " + strings.TrimSpace(t.Action)
}
