package flowgraph_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowgraph"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// ref names a node in an edge list: the XPath of a command of the root
// document, "url:URL" for a URL node, "end" for the root document's end.
func ref(g *flowgraph.Graph, id string) string {
	n, _ := g.Node(id)
	switch n.Kind {
	case flowgraph.URLNode:
		return "url:" + n.Label
	case flowgraph.EndNode:
		return "end" + n.Doc
	}
	if n.Doc != "" {
		return n.Doc + n.Path
	}
	return n.Path
}

// edges lists every edge as "FROM -kind(label)-> TO".
func edges(g *flowgraph.Graph) []string {
	var out []string
	for _, e := range g.Edges {
		out = append(out, fmt.Sprintf("%s -%s(%s)-> %s", ref(g, e.From), e.Kind, e.Label, ref(g, e.To)))
	}
	return out
}

func wantEdges(t *testing.T, g *flowgraph.Graph, want ...string) {
	t.Helper()
	got := edges(g)
	have := map[string]bool{}
	for _, e := range got {
		have[e] = true
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("missing edge %s; the graph has:\n%s", w, strings.Join(got, "\n"))
		}
	}
}

// TestGatherPageIVR draws the multi-level IVR of the Gather page and checks
// each way a call can go, as xml.md describes them.
func TestGatherPageIVR(t *testing.T) {
	d := parseFile(t, "gather-1.xml")
	g := flowgraph.New(d.Response)
	const (
		gather  = "/Response/Gather[1]"
		dtmf1   = gather + "/DTMF[1]"
		private = gather + "/DTMF[3]/Gather[1]"
	)
	wantEdges(t, g,
		"/Response/Say[1] -next()-> /Response/Say[2]",
		"/Response/Say[2] -next()-> "+gather,
		// one edge per key, then Default and Error
		gather+" -dtmf(1)-> "+dtmf1+"/Say[1]",
		gather+" -dtmf(2)-> "+gather+"/DTMF[2]/Say[1]",
		gather+" -dtmf(0)-> "+gather+"/DTMF[3]/Say[1]",
		gather+" -default(default)-> "+gather+"/Default[1]/Say[1]",
		gather+" -error(error)-> "+gather+"/Error[1]/Say[1]",
		// nobody answers: the Dial's Error; the call ends there
		dtmf1+"/Say[1] -next()-> "+dtmf1+"/Dial[1]",
		dtmf1+"/Dial[1] -error(no answer)-> "+dtmf1+"/Dial[1]/Error[1]/Say[1]",
		dtmf1+"/Dial[1]/Error[1]/Say[1] -next()-> "+dtmf1+"/Dial[1]/Error[1]/Hangup[1]",
		// the dialled party hangs up: the flow goes on after the Gather
		dtmf1+"/Dial[1] -next(after the call)-> /Response/Say[3]",
		// a branch without Hangup continues after the Gather
		gather+"/Default[1]/Say[1] -next()-> /Response/Say[3]",
		gather+"/Error[1]/Say[1] -next()-> /Response/Say[3]",
		// the private menu sends its digits to a URL
		gather+"/DTMF[3]/Say[1] -next()-> "+private,
		private+" -fetch(digits)-> url:http://private.domain.com/rest/private_menu?token=TOKEN",
		private+" -error(error)-> "+private+"/Error[1]/Say[1]",
		"/Response/Say[3] -next()-> /Response/Hangup[1]",
	)
	for _, e := range g.Edges {
		if from, _ := g.Node(e.From); from.Element == "Hangup" {
			t.Errorf("an edge leaves a Hangup: %s", ref(g, e.To))
		}
		if to, _ := g.Node(e.To); to.Kind == flowgraph.EndNode {
			t.Errorf("every path of this document hangs up, yet an edge reaches the end from %s", ref(g, e.From))
		}
	}
	if n, ok := g.NodeAt(dtmf1 + "/Dial[1]"); !ok || n.Label != "Dial support1@sip.opentact.org, support2@sip…" {
		t.Errorf("Dial label = %q", n.Label)
	}
	if g.Entry != "n1" {
		t.Errorf("Entry = %q", g.Entry)
	}
	if len(g.Reachable()) != len(g.Nodes) {
		t.Errorf("%d of %d nodes reachable; every node of this document is", len(g.Reachable()), len(g.Nodes))
	}
}

func TestLegacyGather(t *testing.T) {
	g := flowgraph.New(parseFile(t, "inbound-call-control-1.xml").Response)
	const gather = "/Response/Gather[1]"
	wantEdges(t, g,
		"/Response/Record[1] -next()-> "+gather,
		gather+" -dtmf(1)-> "+gather+"/Switch[1]/Case[1]/Say[1]",
		gather+" -dtmf(2)-> "+gather+"/Switch[1]/Case[2]/Say[1]",
		gather+" -default(default)-> "+gather+"/Switch[1]/Default[1]/Say[1]",
		gather+" -error(error)-> "+gather+"/Switch[1]/Error[1]/Say[1]",
		gather+"/Switch[1]/Case[1]/Callback[1] -fetch(callback)-> url:https://webhook.site/8b27856b-b16b-4933-8be2-befcd24932f6",
		gather+"/Switch[1]/Error[1]/Say[1] -next()-> /Response/Hangup[1]",
	)
	n, _ := g.NodeAt(gather)
	// the legacy prompt, cut to 40 characters of content with an ellipsis
	if n.Label != "Gather 1 digit (stop *): Now please enter a 1 for man, 2 for wom…" {
		t.Errorf("legacy Gather label = %q", n.Label)
	}
	// Both Callbacks name the same URL: one node.
	urls := 0
	for _, n := range g.Nodes {
		if n.Kind == flowgraph.URLNode {
			urls++
		}
	}
	if urls != 1 {
		t.Errorf("%d URL nodes, want 1", urls)
	}
	// A Callback hands the call over: nothing after it is reached from it.
	cb, _ := g.NodeAt(gather + "/Switch[1]/Case[1]/Callback[1]")
	for _, e := range g.Out(cb.ID) {
		if e.Kind != flowgraph.Fetch {
			t.Errorf("Callback has a %s edge to %s", e.Kind, ref(g, e.To))
		}
	}
}

func TestCommandEdges(t *testing.T) {
	d := parse(t, `<Response>
  <Call field="to" value="12125550100"><Say>for you</Say></Call>
  <Geo states="NJ,NY" county="ESSEX"><Say>east</Say></Geo>
  <Schedule dow="mon,tue" time="09:00:00-17:00:00"><Say>open</Say></Schedule>
  <Record tag="msg"><Pause length="5000" dtmf_stop="#"/></Record>
  <Play>https://example.com/a.mp3</Play>
  <Error><Say>could not play</Say></Error>
  <Curl url="https://example.com/hook"><Error/></Curl>
  <Gather dtmf_length="1"><DTMF value="1"/></Gather>
  <!-- a comment is not a step -->
  <Meta name="k" value="v"/>
  <Hangup/>
  <Say>never</Say>
</Response>`)
	g := flowgraph.New(d.Response)
	wantEdges(t, g,
		"/Response/Call[1] -match(if to = 12125550100)-> /Response/Call[1]/Say[1]",
		"/Response/Call[1]/Say[1] -next()-> /Response/Geo[1]",
		"/Response/Call[1] -next(otherwise)-> /Response/Geo[1]",
		"/Response/Geo[1] -match(if caller in NJ,NY / ESSEX)-> /Response/Geo[1]/Say[1]",
		"/Response/Schedule[1] -match(if mon,tue 09:00:00-17:00:00)-> /Response/Schedule[1]/Say[1]",
		"/Response/Schedule[1] -next(otherwise)-> /Response/Record[1]",
		"/Response/Record[1] -record(while recording)-> /Response/Record[1]/Pause[1]",
		"/Response/Record[1]/Pause[1] -next()-> /Response/Play[1]",
		// the Error item handles the Play before it and is skipped otherwise
		"/Response/Play[1] -error(error)-> /Response/Error[1]/Say[1]",
		"/Response/Play[1] -next()-> /Response/Curl[1]",
		"/Response/Error[1]/Say[1] -next()-> /Response/Curl[1]",
		"/Response/Curl[1] -fetch(curl)-> url:https://example.com/hook",
		// an empty Error continues at once
		"/Response/Curl[1] -error(error)-> /Response/Gather[1]",
		"/Response/Curl[1] -next()-> /Response/Gather[1]",
		// an empty branch continues at once; no Default: no match goes on
		"/Response/Gather[1] -dtmf(1)-> /Response/Hangup[1]",
		"/Response/Gather[1] -next(no match)-> /Response/Hangup[1]",
	)
	if n, ok := g.NodeAt("/Response/Say[1]"); !ok || g.Reachable()[n.ID] {
		t.Errorf("the Say after Hangup: found %v, reachable %v; want a node no call reaches", ok, g.Reachable()[n.ID])
	}
	for _, n := range g.Nodes {
		if n.Element == "Meta" || n.Element == "" && n.Kind == flowgraph.CommandNode {
			t.Errorf("node %+v is not a step of the call", n)
		}
	}
}

func TestNodesInDocumentOrder(t *testing.T) {
	g := flowgraph.New(parseFile(t, "gather-1.xml").Response)
	var paths []string
	for i, n := range g.Nodes {
		if n.ID != fmt.Sprintf("n%d", i+1) {
			t.Fatalf("node %d has ID %s", i, n.ID)
		}
		if n.Kind == flowgraph.CommandNode {
			paths = append(paths, n.Path)
		}
	}
	// Document order is the order of the start tags; the corpus file has
	// one command per line, so positions sort the same way.
	d := parseFile(t, "gather-1.xml")
	line := map[string]int{}
	for n, p := range render.Paths(d.Response) {
		line[p] = d.Positions[n].Line
	}
	sorted := append([]string(nil), paths...)
	sort.SliceStable(sorted, func(i, j int) bool { return line[sorted[i]] < line[sorted[j]] })
	if strings.Join(sorted, "\n") != strings.Join(paths, "\n") {
		t.Errorf("nodes are not in document order:\n%s", strings.Join(paths, "\n"))
	}
	// Edges are listed by their source node.
	last := 0
	for _, e := range g.Edges {
		var n int
		fmt.Sscanf(e.From, "n%d", &n)
		if n < last {
			t.Fatalf("edge from %s listed after one from n%d", e.From, last)
		}
		last = n
	}
}

func TestEmptyAndNil(t *testing.T) {
	if g := flowgraph.New(nil); len(g.Nodes) != 0 || g.Entry != "" {
		t.Errorf("nil document: %+v", g)
	}
	g := flowgraph.New(doc())
	if len(g.Nodes) != 1 || g.Nodes[0].Kind != flowgraph.EndNode || g.Entry != g.Nodes[0].ID {
		t.Errorf("empty document: %+v", g)
	}
	// nil entries, typed nils and nil children are skipped, never followed.
	g = flowgraph.New(doc(nil, (*verbs.Say)(nil), &verbs.Gather{Children: []verbs.GatherChild{nil, (*verbs.DTMF)(nil)}},
		&verbs.Dial{Children: []verbs.DialChild{nil, (*verbs.Error)(nil)}}, &verbs.Hangup{}))
	if len(g.Nodes) != 3 {
		t.Errorf("nodes %+v", g.Nodes)
	}
}

// TestDeepDocument: a flow nested far deeper than any parser accepts is
// drawn without running out of stack, in every format.
func TestDeepDocument(t *testing.T) {
	var inner verbs.Command = &verbs.Hangup{}
	for range 5000 {
		inner = &verbs.Geo{Commands: []verbs.Command{&verbs.Say{Text: "level"}, inner}}
	}
	g := flowgraph.New(doc(inner))
	if len(g.Nodes) < 5000 {
		t.Fatalf("%d nodes", len(g.Nodes))
	}
	for _, out := range []string{g.Mermaid(), g.DOT(), g.SVG()} {
		if len(out) == 0 {
			t.Error("empty output")
		}
	}
	_ = flowgraph.Markdown(doc(inner), "deep")
	_ = flowgraph.Lint(doc(inner), nil)
}
