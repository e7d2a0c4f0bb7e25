package flowgraph_test

import (
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowgraph"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

const (
	menuURL   = "https://ivr.test/menu?token=a%20b#top"
	legacyURL = "https://ivr.test/legacy"
)

// digitsServer answers every request with a document that says which
// digits it got (dtmf, else legacy code), and records the queries.
func digitsServer(queries *[]string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		*queries = append(*queries, r.URL.Path+"?"+r.URL.RawQuery)
		q := r.URL.Query()
		got := "nothing"
		if vs, ok := q["dtmf"]; ok {
			got = "dtmf " + vs[0]
		} else if vs, ok := q["code"]; ok {
			got = "code " + vs[0]
		}
		w.Write([]byte("<Response><Say>got " + got + "</Say><Hangup/></Response>"))
	})
}

// digitsRoot has two Gathers sending their digits to one URL and a legacy
// Gather with a callback.
func digitsRoot(t *testing.T) *verbs.Response {
	return parse(t, `<Response><Gather dtmf_length="1" url="`+menuURL+`"><Error><Hangup/></Error></Gather>`+
		`<Gather url="`+menuURL+`"/><Gather callback="`+legacyURL+`"/></Response>`).Response
}

func TestGatherDigits(t *testing.T) {
	var queries, asked []string
	digits := func(u string) []string {
		asked = append(asked, u)
		switch u {
		case menuURL:
			return []string{"1", "*", "#", "1", ""} // the repeat and the empty one are skipped
		case legacyURL:
			return []string{"9"}
		}
		return nil
	}
	h := digitsServer(&queries)
	g := flowgraph.New(digitsRoot(t), flowgraph.Follow(flowgraph.HandlerFetcher(h)), flowgraph.GatherDigits(digits))
	if len(g.FetchErrors) != 0 {
		t.Fatalf("FetchErrors = %v", g.FetchErrors)
	}
	// Asked once per Gather URL, though two Gathers share one; lists are
	// wired from their end, so the last Gather's URL comes first.
	if want := []string{legacyURL, menuURL}; !slices.Equal(asked, want) {
		t.Errorf("digits asked for %q, want %q", asked, want)
	}
	// The digits are appended after the URL's own query, escaped; the URL
	// is also fetched as it is; every fetch happens once.
	if want := []string{
		"/legacy?code=9", "/legacy?",
		"/menu?token=a%20b&dtmf=1", "/menu?token=a%20b&dtmf=%2A", "/menu?token=a%20b&dtmf=%23", "/menu?token=a%20b",
	}; !slices.Equal(queries, want) {
		t.Errorf("requests %q, want %q", queries, want)
	}

	withDigits := func(d string) string { return strings.Replace(menuURL, "#", "&dtmf="+d+"#", 1) }
	wantEdges(t, g,
		"/Response/Gather[1] -fetch(digits)-> url:"+menuURL,
		"/Response/Gather[2] -fetch(digits)-> url:"+menuURL,
		"/Response/Gather[3] -fetch(digits)-> url:"+legacyURL,
		"url:"+legacyURL+" -dtmf(9)-> "+legacyURL+"?code=9/Response/Say[1]",
		"url:"+legacyURL+" -document(other digits)-> "+legacyURL+"/Response/Say[1]",
	)
	// The URL node's edges, exactly and in the order the digits came.
	menu := ""
	for _, n := range g.Nodes {
		if n.Kind == flowgraph.URLNode && n.Label == menuURL {
			menu = n.ID
		}
	}
	var out []string
	for _, e := range g.Out(menu) {
		out = append(out, string(e.Kind)+"("+e.Label+") "+ref(g, e.To))
	}
	if want := []string{
		"dtmf(1) " + withDigits("1") + "/Response/Say[1]",
		"dtmf(*) " + withDigits("%2A") + "/Response/Say[1]",
		"dtmf(#) " + withDigits("%23") + "/Response/Say[1]",
		"document(other digits) " + menuURL + "/Response/Say[1]",
	}; !slices.Equal(out, want) {
		t.Errorf("edges from the menu URL:\n%s\nwant:\n%s", strings.Join(out, "\n"), strings.Join(want, "\n"))
	}
	for doc, say := range map[string]string{withDigits("%2A"): "got dtmf *", withDigits("%23"): "got dtmf #", menuURL: "got nothing", legacyURL + "?code=9": "got code 9"} {
		if n, ok := g.NodeIn(doc, "/Response/Say[1]"); !ok || !strings.Contains(n.Label, say) {
			t.Errorf("document %s: Say %+v, want %q", doc, n, say)
		}
	}

	// The same input draws the same graph.
	queries = nil
	again := flowgraph.New(digitsRoot(t), flowgraph.Follow(flowgraph.HandlerFetcher(h)), flowgraph.GatherDigits(digits))
	if again.Mermaid() != g.Mermaid() {
		t.Errorf("two runs differ:\n%s\n%s", g.Mermaid(), again.Mermaid())
	}
}

func TestGatherDigitsLimits(t *testing.T) {
	var queries []string
	digits := func(u string) []string { return []string{"1", "2"} }
	g := flowgraph.New(digitsRoot(t), flowgraph.Follow(flowgraph.HandlerFetcher(digitsServer(&queries))),
		flowgraph.GatherDigits(digits), flowgraph.MaxDocuments(2))
	if len(queries) != 2 {
		t.Errorf("%d requests %q, want MaxDocuments (2)", len(queries), queries)
	}
	var refused []string
	for _, fe := range g.FetchErrors {
		if !strings.Contains(fe.Error(), "more than 2 documents") {
			t.Errorf("FetchError %v", fe)
		}
		refused = append(refused, fe.URL)
	}
	// Fetched: the legacy URL's code=1 and code=2; refused: the rest.
	if want := []string{legacyURL, strings.Replace(menuURL, "#", "&dtmf=1#", 1), strings.Replace(menuURL, "#", "&dtmf=2#", 1), menuURL}; !slices.Equal(refused, want) {
		t.Errorf("refused %q, want %q", refused, want)
	}

	// A digit fetch that fails is reported once and draws no edge.
	g = flowgraph.New(digitsRoot(t), flowgraph.GatherDigits(digits), flowgraph.Follow(func(u string) (*verbs.Response, error) {
		if strings.Contains(u, "dtmf=2") {
			return nil, nil
		}
		return doc(&verbs.Hangup{}), nil
	}))
	if len(g.FetchErrors) != 1 || !strings.Contains(g.FetchErrors[0].URL, "dtmf=2") {
		t.Errorf("FetchErrors = %v", g.FetchErrors)
	}
	twos := 0 // the legacy URL's code=2 only
	for _, e := range g.Edges {
		if e.Label == "2" {
			twos++
		}
	}
	if twos != 1 {
		t.Errorf("%d edges labelled 2, want the legacy one only:\n%s", twos, strings.Join(edges(g), "\n"))
	}

	// Without Follow nothing is fetched and nothing is asked.
	called := false
	plain := flowgraph.New(digitsRoot(t), flowgraph.GatherDigits(func(string) []string { called = true; return []string{"1"} }))
	if called || !reflect.DeepEqual(plain, flowgraph.New(digitsRoot(t))) {
		t.Errorf("GatherDigits without Follow changed the graph (asked: %v)", called)
	}
}

func TestGatherDigitsQuery(t *testing.T) {
	for gatherURL, want := range map[string]string{
		"https://ivr.test/a":         "https://ivr.test/a?dtmf=12",
		"https://ivr.test/a?":        "https://ivr.test/a?dtmf=12",
		"https://ivr.test/a?x=1&":    "https://ivr.test/a?x=1&dtmf=12",
		"https://ivr.test/a?x=1":     "https://ivr.test/a?x=1&dtmf=12",
		"https://ivr.test/a#f?g":     "https://ivr.test/a?dtmf=12#f?g",
		"https://ivr.test/a?dtmf=9":  "https://ivr.test/a?dtmf=9&dtmf=12",
		"/relative/path?state=s%20t": "/relative/path?state=s%20t&dtmf=12",
	} {
		var fetched []string
		flowgraph.New(parse(t, `<Response><Gather url="`+strings.ReplaceAll(gatherURL, "&", "&amp;")+`"/></Response>`).Response,
			flowgraph.GatherDigits(func(string) []string { return []string{"12"} }),
			flowgraph.Follow(func(u string) (*verbs.Response, error) { fetched = append(fetched, u); return doc(), nil }))
		if len(fetched) != 2 || fetched[0] != want || fetched[1] != gatherURL {
			t.Errorf("%s: fetched %q, want %q then the URL", gatherURL, fetched, want)
		}
	}
}

// TestGatherDigitsNoGatherURL: GatherDigits changes nothing in the graph
// of a document without a Gather url, and nothing where it names no
// digits, across render's corpus.
func TestGatherDigitsNoGatherURL(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("..", "render", "testdata", "TestDocs", "*.xml"))
	if err != nil || len(names) == 0 {
		t.Fatalf("corpus: %v %v", names, err)
	}
	fetched := parse(t, `<Response><Say>fetched</Say><Callback url="https://ivr.test/next"/></Response>`).Response
	fetch := flowgraph.Follow(func(string) (*verbs.Response, error) { return fetched, nil })
	var without, with int
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		d, err := render.ParseDocument(data)
		if err != nil {
			continue // a corpus document only the lenient reader takes
		}
		hasURL := false
		verbs.Inspect(d.Response, func(n verbs.Node) bool {
			if g, ok := n.(*verbs.Gather); ok && g != nil && (g.URL != "" || g.Callback != "") {
				hasURL = true
			}
			return n != nil
		})
		base := flowgraph.New(d.Response, fetch)
		if !hasURL {
			without++
			asked := false
			g := flowgraph.New(d.Response, fetch, flowgraph.GatherDigits(func(string) []string { asked = true; return []string{"1"} }))
			if asked || !reflect.DeepEqual(g, base) {
				t.Errorf("%s: GatherDigits changed a graph without Gather urls (asked: %v)", filepath.Base(name), asked)
			}
			continue
		}
		with++
		g := flowgraph.New(d.Response, fetch, flowgraph.GatherDigits(func(string) []string { return nil }))
		if !reflect.DeepEqual(g, base) || g.Mermaid() != base.Mermaid() {
			t.Errorf("%s: GatherDigits naming no digits changed the graph", filepath.Base(name))
		}
	}
	if without == 0 || with == 0 {
		t.Errorf("corpus has %d documents without Gather urls and %d with: both kinds are needed", without, with)
	}
}

// TestGatherDigitsSameDocument: a URL reached both as a Gather url and as
// another Gather url with digits is fetched and drawn once, and a failing
// one is reported once.
func TestGatherDigitsSameDocument(t *testing.T) {
	for _, fail := range []bool{false, true} {
		var fetched []string
		root := parse(t, `<Response><Gather url="https://ivr.test/a"/><Gather url="https://ivr.test/a?dtmf=1"/></Response>`).Response
		g := flowgraph.New(root,
			flowgraph.GatherDigits(func(u string) []string {
				if u == "https://ivr.test/a" {
					return []string{"1"}
				}
				return nil
			}),
			flowgraph.Follow(func(u string) (*verbs.Response, error) {
				fetched = append(fetched, u)
				if fail && strings.HasSuffix(u, "dtmf=1") {
					return nil, nil
				}
				return doc(&verbs.Say{Text: "at " + u}), nil
			}))
		if want := []string{"https://ivr.test/a?dtmf=1", "https://ivr.test/a"}; !slices.Equal(fetched, want) {
			t.Errorf("fail=%v: fetched %q, want %q", fail, fetched, want)
		}
		if fail {
			if len(g.FetchErrors) != 1 {
				t.Errorf("FetchErrors = %v, want the one URL once", g.FetchErrors)
			}
			continue
		}
		wantEdges(t, g,
			"url:https://ivr.test/a -dtmf(1)-> https://ivr.test/a?dtmf=1/Response/Say[1]",
			"url:https://ivr.test/a?dtmf=1 -document()-> https://ivr.test/a?dtmf=1/Response/Say[1]",
			"url:https://ivr.test/a -document(other digits)-> https://ivr.test/a/Response/Say[1]",
		)
		says := 0
		for _, n := range g.Nodes {
			if n.Element == "Say" {
				says++
			}
		}
		if says != 2 {
			t.Errorf("%d Say nodes, want the two documents once each:\n%s", says, g.Mermaid())
		}
	}
}
