package webhook_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/flowgraph"
	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/webhook"
)

// The prompts and replies of the test menu.
const (
	mainPrompt = "Main menu. Support 1, tech 2, voicemail 3."
	techPrompt = "Tech menu. Networking 1, back 0."
	sorry      = "Sorry, that is not a valid choice."
)

// testMenu is a two-level menu with three actions.
func testMenu() *webhook.Menu {
	say := func(text string) webhook.CallFlowFunc[*flow.Flow] {
		return func(context.Context, *webhook.CallFlowRequest) (*flow.Flow, error) {
			return flow.New().Say(text).Hangup(), nil
		}
	}
	return webhook.NewMenu("main").
		State("main", webhook.MenuState{Prompt: flow.New().Say(mainPrompt)}).
		State("tech", webhook.MenuState{Prompt: flow.New().Say(techPrompt), NoInput: flow.New().Say("No choice.").Hangup()}).
		Do("main", "1", "support", say("Support here.")).
		Go("main", "2", "tech").
		Do("main", "3", "voicemail", say("Voicemail here.")).
		Do("tech", "1", "networking", say("Networking here.")).
		Go("tech", "0", "main")
}

// forward sends every request the simulator makes over the network, so
// the menu is walked over a real loopback server.
func forward(c *http.Client) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := r.Clone(r.Context())
		req.RequestURI = ""
		resp, err := c.Do(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.WriteHeader(resp.StatusCode)
		_, _ = io.Copy(w, resp.Body)
	})
}

// TestMenuWalk walks every declared transition with the simulator over a
// loopback server: the keys that reach a transition's state are found from
// Transitions alone, and the call hears the state or the action the
// transition names.
func TestMenuWalk(t *testing.T) {
	t.Parallel()
	m := testMenu()
	var hookErrs []error
	var mu sync.Mutex
	h, err := m.Handler(webhook.WithErrorHook(func(_ *http.Request, err error) {
		mu.Lock()
		defer mu.Unlock()
		hookErrs = append(hookErrs, err)
	}))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/ivr", h)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	sim, err := flowsim.New(flowsim.Handler(forward(srv.Client()), srv.URL+"/ivr"))
	if err != nil {
		t.Fatal(err)
	}

	prompt := map[string]string{"main": mainPrompt, "tech": techPrompt}
	action := map[string]string{"support": "Support here.", "voicemail": "Voice" + "mail here.", "networking": "Networking here."}
	// The shortest key path to each state, read from the transitions.
	path := map[string][]string{m.Start(): nil}
	for queue := []string{m.Start()}; len(queue) > 0; queue = queue[1:] {
		for _, tr := range m.Transitions() {
			if _, seen := path[tr.To]; tr.From == queue[0] && tr.To != "" && !seen {
				path[tr.To] = append(slices.Clone(path[tr.From]), tr.Digits)
				queue = append(queue, tr.To)
			}
		}
	}
	if len(m.Transitions()) != 5 {
		t.Fatalf("Transitions = %v, want the 5 declared", m.Transitions())
	}
	for _, tr := range m.Transitions() {
		keys := append(slices.Clone(path[tr.From]), tr.Digits)
		c := sim.Run(t.Context(), flowsim.Keys(keys...))
		heard := c.Heard()
		want := prompt[tr.To]
		if tr.To == "" {
			want = action[tr.Action]
		}
		if len(heard) != len(keys)+1 || heard[len(heard)-1] != want || heard[len(heard)-2] != prompt[tr.From] {
			t.Errorf("%v (keys %v): heard %q, want %q last after %q\n%s", tr, keys, heard, want, prompt[tr.From], c.Transcript())
		}
	}

	// A digit without a transition apologises and repeats the state.
	c := sim.Run(t.Context(), flowsim.Keys("2", "7", "0"))
	if got, want := c.Heard(), []string{mainPrompt, techPrompt, sorry, techPrompt, mainPrompt}; !slices.Equal(got, want) {
		t.Errorf("heard %q, want %q\n%s", got, want, c.Transcript())
	}
	// Silence in tech runs its NoInput.
	c = sim.Run(t.Context(), flowsim.Script(flowsim.Press("2"), flowsim.Silence()), flowsim.Keys())
	if got := c.Heard(); got[len(got)-1] != "No choice." {
		t.Errorf("silence in tech: heard %q\n%s", got, c.Transcript())
	}
	if len(hookErrs) != 0 {
		t.Errorf("hook got %v", hookErrs)
	}
}

// TestMenuDocuments checks the documents themselves: the Gather URL of
// each state is the request's path with only the state in its query, the
// digit length is the transitions', and an unknown state is the fallback.
func TestMenuDocuments(t *testing.T) {
	t.Parallel()
	var hooked []error
	h, err := testMenu().Handler(webhook.WithErrorHook(func(_ *http.Request, err error) { hooked = append(hooked, err) }))
	if err != nil {
		t.Fatal(err)
	}
	get := func(target string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		return rec.Body.String()
	}
	want := flow.New().Say(mainPrompt).Gather(flow.URL("https://ivr.example.com/ivr?ot_menu=main"), flow.DTMFLength(1)).Hangup().MustXML()
	if got := get("https://ivr.example.com/ivr?from=%2B15550100001&to=15550100002"); got != string(want) {
		t.Errorf("start:\n%s\nwant:\n%s", got, want)
	}
	want = flow.New().Say(techPrompt).Gather(flow.URL("https://ivr.example.com/ivr?ot_menu=tech"), flow.DTMFLength(1)).Say("No choice.").Hangup().MustXML()
	if got := get("https://ivr.example.com/ivr?ot_menu=main&dtmf=2&from=%2B15550100001&tn=15550100002&call=c1"); got != string(want) {
		t.Errorf("tech:\n%s\nwant:\n%s", got, want)
	}
	if got := get("https://ivr.example.com/ivr?ot_menu=nowhere&dtmf=2"); !strings.Contains(got, "Sorry, we cannot take your call") || len(hooked) != 1 || !strings.Contains(hooked[0].Error(), `ot_menu="nowhere"`) {
		t.Errorf("unknown state: %s, hook %v", got, hooked)
	}

	// Concurrent requests share the declared flows (go test -race).
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := url.Values{"ot_menu": {"main"}, "dtmf": {[]string{"1", "2", "3", "9"}[i%4]}, "call": {"c"}}
			if body := get("https://ivr.example.com/ivr?" + q.Encode()); !strings.Contains(body, "<Response>") {
				t.Errorf("concurrent request: %s", body)
			}
		}()
	}
	wg.Wait()
}

// TestMenuDeclarationErrors reports every declaration problem at once.
func TestMenuDeclarationErrors(t *testing.T) {
	t.Parallel()
	nop := func(context.Context, *webhook.CallFlowRequest) (*flow.Flow, error) { return nil, nil }
	m := webhook.NewMenu("start").
		State("main", webhook.MenuState{Prompt: flow.New().Say("Hi.")}).
		State("main", webhook.MenuState{Prompt: flow.New().Say("Again.")}).
		State("empty", webhook.MenuState{}).
		Go("main", "1", "nowhere").
		Go("ghost", "1", "main").
		Go("main", "x", "main").
		Go("main", "2", "main").
		Go("main", "2", "main").
		Go("main", "22", "main").
		Do("main", "3", "", nop).
		Do("main", "4", "four", nil).
		CallbackQuery(url.Values{webhook.MenuParam: {"main"}, webhook.StateParam: {"x"}})
	_, err := m.Handler()
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`the start state "start" is not declared`,
		`State "main": declared twice`,
		`State "empty": nil Prompt`,
		`no state "nowhere"`,
		`no state "ghost"`,
		`digits "x" are not DTMF keys`,
		`transition from "main" on "2": declared twice`,
		`digits "22" differ in length`,
		`Do("main", "3"): empty label`,
		`Do("main", "4"): nil function`,
		`CallbackQuery: "ot_menu" is the Menu's own parameter`,
		`CallbackQuery: "ot_state" is the Menu's own parameter`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q:\n%v", want, err)
		}
	}
	var joined interface{ Unwrap() []error }
	if !errors.As(err, &joined) || len(joined.Unwrap()) != 12 {
		t.Errorf("want 12 joined errors, got %v", err)
	}
}

// TestMenuBehindQueryToken walks the menu behind RequireQueryToken over a
// loopback server: CallbackQuery puts the token into every Gather URL, so
// each request of the call passes the check; without it, the first Gather
// request is refused and the call never reaches the tech menu.
func TestMenuBehindQueryToken(t *testing.T) {
	t.Parallel()
	const secret = "a shared secret for the menu"
	guard, err := webhook.RequireQueryToken("token", secret)
	if err != nil {
		t.Fatal(err)
	}
	for _, withQuery := range []bool{true, false} {
		m := testMenu()
		if withQuery {
			m.CallbackQuery(url.Values{"token": {secret}})
		}
		h, err := m.Handler()
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(guard(h))
		t.Cleanup(srv.Close)
		sim, err := flowsim.New(flowsim.Handler(forward(srv.Client()), srv.URL+"/ivr?token="+url.QueryEscape(secret)))
		if err != nil {
			t.Fatal(err)
		}
		c := sim.Run(t.Context(), flowsim.Keys("2", "1"))
		heard := c.Heard()
		reached := slices.Equal(heard, []string{mainPrompt, techPrompt, "Networking here."})
		if reached != withQuery {
			t.Errorf("CallbackQuery %v: heard %q\n%s", withQuery, heard, c.Transcript())
		}
		if withQuery && !strings.Contains(fmt.Sprint(c.Transcript()), "/ivr?ot_menu=tech&token=a+shared+secret+for+the+menu&dtmf=1") {
			t.Errorf("the tech menu's Gather request does not carry the token:\n%s", c.Transcript())
		}
	}
}

// TestMenuGraph draws a two-level menu through its own handler with
// flowgraph, GatherDigits reading the Menu's declared digits: every
// declared transition is an edge labelled by its digits from the state's
// Gather URL to the document the handler answers.
func TestMenuGraph(t *testing.T) {
	t.Parallel()
	const (
		mainSay    = "Main menu. Tech 1, support 2."
		techSay    = "Tech menu. Back 0."
		supportSay = "Support here."
	)
	m := webhook.NewMenu("main").
		State("main", webhook.MenuState{Prompt: flow.New().Say(mainSay)}).
		State("tech", webhook.MenuState{Prompt: flow.New().Say(techSay)}).
		Go("main", "1", "tech").
		Do("main", "2", "support", func(context.Context, *webhook.CallFlowRequest) (*flow.Flow, error) {
			return flow.New().Say(supportSay).Hangup(), nil
		}).
		Go("tech", "0", "main")
	h, err := m.Handler()
	if err != nil {
		t.Fatal(err)
	}
	const base = "http://ivr.example.com/ivr"
	stateURL := func(state string) string { return base + "?" + webhook.MenuParam + "=" + state }

	// Digits names each state's keys, in declaration order, and nothing
	// for other URLs.
	for u, want := range map[string][]string{
		stateURL("main"):                    {"1", "2"},
		stateURL("tech"):                    {"0"},
		base + "?ot_menu=tech&ot_menu=main": {"1", "2"}, // the last one counts, as for the handler
		base:                                nil,
		stateURL("nowhere"):                 nil,
		"%zz":                               nil,
	} {
		if got := m.Digits(u); !slices.Equal(got, want) {
			t.Errorf("Digits(%q) = %q, want %q", u, got, want)
		}
	}

	fetch := flowgraph.HandlerFetcher(h)
	root, err := fetch(base)
	if err != nil {
		t.Fatal(err)
	}
	g := flowgraph.New(root, flowgraph.Follow(fetch), flowgraph.GatherDigits(m.Digits))
	if len(g.FetchErrors) != 0 {
		t.Fatalf("FetchErrors: %v", g.FetchErrors)
	}
	// name is a node as the edge lists below write it: a URL node's URL,
	// or a command's label after the document it is in ("" for the root).
	name := func(id string) string {
		n, _ := g.Node(id)
		if n.Kind == flowgraph.URLNode {
			return n.Label
		}
		return strings.TrimPrefix(n.Doc, base) + " " + n.Label
	}

	// What the menu declares, read from Transitions: from the state's
	// Gather URL, the digits lead to the target state's prompt or to the
	// action's reply.
	say := map[string]string{"main": mainSay, "tech": techSay, "support": supportSay}
	for _, tr := range m.Transitions() {
		target := say[tr.To]
		if tr.To == "" {
			target = say[tr.Action]
		}
		found := false
		for _, e := range g.Edges {
			from, _ := g.Node(e.From)
			to, _ := g.Node(e.To)
			if e.Kind == flowgraph.DTMF && e.Label == tr.Digits && from.Label == stateURL(tr.From) && to.Label == "Say: "+target {
				found = true
			}
		}
		if !found {
			t.Errorf("%v: no dtmf edge from %s labelled %q to %q", tr, stateURL(tr.From), tr.Digits, target)
		}
	}

	// Every edge, exactly.
	var got []string
	for _, e := range g.Edges {
		got = append(got, name(e.From)+" -"+string(e.Kind)+"("+e.Label+")-> "+name(e.To))
	}
	main, tech := stateURL("main"), stateURL("tech")
	want := []string{
		" Say: " + mainSay + " -next()-> " + " Gather 1 digit",
		" Gather 1 digit -fetch(digits)-> " + main,
		main + " -dtmf(1)-> ?ot_menu=main&dtmf=1 Say: " + techSay,
		main + " -dtmf(2)-> ?ot_menu=main&dtmf=2 Say: " + supportSay,
		main + " -document(other digits)-> ?ot_menu=main Say: " + sorry,
		"?ot_menu=main&dtmf=1 Say: " + techSay + " -next()-> ?ot_menu=main&dtmf=1 Gather 1 digit",
		"?ot_menu=main&dtmf=1 Gather 1 digit -fetch(digits)-> " + tech,
		tech + " -dtmf(0)-> ?ot_menu=tech&dtmf=0 Say: " + mainSay,
		tech + " -document(other digits)-> ?ot_menu=tech Say: " + sorry,
		"?ot_menu=main&dtmf=2 Say: " + supportSay + " -next()-> ?ot_menu=main&dtmf=2 Hangup",
		"?ot_menu=main Say: " + sorry + " -next()-> ?ot_menu=main Say: " + mainSay,
		"?ot_menu=main Say: " + mainSay + " -next()-> ?ot_menu=main Gather 1 digit",
		"?ot_menu=main Gather 1 digit -fetch(digits)-> " + main, // the cycle closes on the state's URL
		"?ot_menu=tech&dtmf=0 Say: " + mainSay + " -next()-> ?ot_menu=tech&dtmf=0 Gather 1 digit",
		"?ot_menu=tech&dtmf=0 Gather 1 digit -fetch(digits)-> " + main,
		"?ot_menu=tech Say: " + sorry + " -next()-> ?ot_menu=tech Say: " + techSay,
		"?ot_menu=tech Say: " + techSay + " -next()-> ?ot_menu=tech Gather 1 digit",
		"?ot_menu=tech Gather 1 digit -fetch(digits)-> " + tech,
	}
	if !slices.Equal(got, want) {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	wantMermaid := `flowchart TD
  n1["Say: Main menu. Tech 1, support 2."]
  n2["Gather 1 digit"]
  n3["Hangup"]
  n4[/"http://ivr.example.com/ivr?ot_menu=main"/]
  n5["Say: Tech menu. Back 0."]
  n6["Gather 1 digit"]
  n7["Hangup"]
  n8[/"http://ivr.example.com/ivr?ot_menu=tech"/]
  n9["Say: Support here."]
  n10["Hangup"]
  n11["Say: Sorry, that is not a valid choice."]
  n12["Say: Main menu. Tech 1, support 2."]
  n13["Gather 1 digit"]
  n14["Hangup"]
  n15["Say: Main menu. Tech 1, support 2."]
  n16["Gather 1 digit"]
  n17["Hangup"]
  n18["Say: Sorry, that is not a valid choice."]
  n19["Say: Tech menu. Back 0."]
  n20["Gather 1 digit"]
  n21["Hangup"]
  n1 --> n2
  n2 ==>|"digits"| n4
  n4 -->|"1"| n5
  n4 -->|"2"| n9
  n4 ==>|"other digits"| n11
  n5 --> n6
  n6 ==>|"digits"| n8
  n8 -->|"0"| n15
  n8 ==>|"other digits"| n18
  n9 --> n10
  n11 --> n12
  n12 --> n13
  n13 ==>|"digits"| n4
  n15 --> n16
  n16 ==>|"digits"| n4
  n18 --> n19
  n19 --> n20
  n20 ==>|"digits"| n8
`
	if got := g.Mermaid(); got != wantMermaid {
		t.Errorf("Mermaid:\n%s\nwant:\n%s", got, wantMermaid)
	}

	// Without GatherDigits the Gather URLs are fetched once each, without
	// digits: no transition is drawn.
	plain := flowgraph.New(root, flowgraph.Follow(fetch))
	for _, e := range plain.Edges {
		if e.Kind == flowgraph.DTMF {
			t.Errorf("a dtmf edge without GatherDigits: %+v", e)
		}
	}
}

// ExampleMenu_Digits draws a Menu with flowgraph: its handler answers the
// fetches in process, and Digits tells the graph which keys each state's
// Gather URL takes.
func ExampleMenu_Digits() {
	m := webhook.NewMenu("main").
		State("main", webhook.MenuState{Prompt: flow.New().Say("Press 1 for sales.")}).
		State("sales", webhook.MenuState{Prompt: flow.New().Say("Sales. Press 0 to go back.")}).
		Go("main", "1", "sales").
		Go("sales", "0", "main")
	h, err := m.Handler()
	if err != nil {
		fmt.Println(err)
		return
	}
	fetch := flowgraph.HandlerFetcher(h)
	root, err := fetch("http://ivr.example.com/ivr")
	if err != nil {
		fmt.Println(err)
		return
	}
	g := flowgraph.New(root, flowgraph.Follow(fetch), flowgraph.GatherDigits(m.Digits))
	for _, e := range g.Edges {
		if e.Kind == flowgraph.DTMF {
			from, _ := g.Node(e.From)
			to, _ := g.Node(e.To)
			fmt.Printf("%s: %s -> %s\n", from.Label, e.Label, to.Label)
		}
	}
	// Output:
	// http://ivr.example.com/ivr?ot_menu=main: 1 -> Say: Sales. Press 0 to go back.
	// http://ivr.example.com/ivr?ot_menu=sales: 0 -> Say: Press 1 for sales.
}
