package flowgraph

import (
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// Option changes how New draws a flow.
type Option func(*settings)

type settings struct {
	fetch   Fetcher
	maxDocs int
	digits  func(gatherURL string) []string
}

// Follow makes New fetch the documents behind Gather and Callback URLs with
// fetch and draw them too; a URL met again is drawn once, so cycles close.
// A Gather URL is fetched without digits unless GatherDigits names some.
func Follow(fetch Fetcher) Option { return func(s *settings) { s.fetch = fetch } }

// MaxDocuments bounds how many documents Follow fetches (default 32); URLs
// past the bound stay URL nodes with a FetchError.
func MaxDocuments(n int) Option { return func(s *settings) { s.maxDocs = n } }

// GatherDigits makes Follow fetch the url of a Gather once more for each
// digit string digits returns for that URL, in the order returned, with the
// digits appended to the URL's query as Opentact appends them (dtmf=…, or
// code=… for a legacy Gather callback); each reply is drawn under a dtmf
// edge from the URL's node labelled by the digits. The URL is still fetched
// once as it is, as Follow alone does; when digits names any, that
// document's edge is labelled "other digits", since it stands for the keys
// the list leaves out. Empty and repeated digit strings are skipped; a nil
// or empty list keeps Follow's single fetch. Without Follow, GatherDigits
// changes nothing. Each fetch counts towards MaxDocuments.
//
// webhook.Menu's Digits method is such a function: it names the digits its
// states declare, so the graph of a Menu's handler shows every transition.
func GatherDigits(digits func(gatherURL string) []string) Option {
	return func(s *settings) { s.digits = digits }
}

// builder draws one graph.
type builder struct {
	s     settings
	g     *Graph
	ids   map[verbs.Node]string // command → node ID, per document being drawn
	urls  map[string]string     // URL → URL node ID
	queue []pending             // documents to fetch, in the order met
	keyed map[string]bool       // Gather URLs whose digit fetches are queued
	docs  map[string]string     // fetched URL → entry node ID of its document
	tried map[string]bool       // URLs whose fetch was tried or refused
}

// pending is a document Follow is to get: the reply to url, drawn under an
// edge of kind and label from the URL node from.
type pending struct {
	url, from string
	kind      EdgeKind
	label     string
}

// New draws the graph of a document. A nil document gives an empty graph.
// New never fails: a document Follow could not get is listed in
// Graph.FetchErrors.
func New(doc *verbs.Response, opts ...Option) *Graph {
	b := &builder{s: settings{maxDocs: 32}, g: &Graph{}, urls: map[string]string{},
		keyed: map[string]bool{}, docs: map[string]string{}, tried: map[string]bool{}}
	for _, o := range opts {
		o(&b.s)
	}
	if doc == nil {
		return b.g
	}
	b.g.Entry = b.document("", doc)
	for fetched := 0; len(b.queue) > 0; {
		f := b.queue[0]
		b.queue = b.queue[1:]
		// A URL reached again (the same digits through two Gather URLs) is
		// drawn once; one that failed is reported once.
		if entry, ok := b.docs[f.url]; ok {
			b.edge(f.from, entry, f.kind, f.label)
			continue
		}
		if b.tried[f.url] {
			continue
		}
		b.tried[f.url] = true
		if fetched >= b.s.maxDocs {
			b.g.FetchErrors = append(b.g.FetchErrors, &FetchError{URL: f.url, Err: errTooMany(b.s.maxDocs)})
			continue
		}
		fetched++
		next, err := b.s.fetch(f.url)
		if err == nil && next == nil {
			err = errNoDocument
		}
		if err != nil {
			b.g.FetchErrors = append(b.g.FetchErrors, &FetchError{URL: f.url, Err: err})
			continue
		}
		entry := b.document(f.url, next)
		b.docs[f.url] = entry
		b.edge(f.from, entry, f.kind, f.label)
	}
	// Lists are wired from their end; draw the edges in document order of
	// their source, each node's own edges in the order they were added.
	sort.SliceStable(b.g.Edges, func(i, j int) bool {
		return nodeNumber(b.g.Edges[i].From) < nodeNumber(b.g.Edges[j].From)
	})
	return b.g
}

// document adds the nodes and edges of one document and returns the ID of
// the node a call entering it reaches first.
func (b *builder) document(url string, doc *verbs.Response) string {
	paths := render.Paths(doc)
	b.ids = map[verbs.Node]string{}
	var parents []verbs.Node
	verbs.Inspect(doc, func(n verbs.Node) bool {
		if n == nil {
			parents = parents[:len(parents)-1]
			return false
		}
		if len(parents) > 0 && holdsCommands(parents[len(parents)-1]) {
			if label, ok := commandLabel(n); ok {
				if _, seen := b.ids[n]; !seen {
					b.ids[n] = b.node(Node{Kind: CommandNode, Doc: url, Path: paths[n], Element: n.ElementName(), Label: label})
				}
			}
		}
		parents = append(parents, n)
		return true
	})
	end := ""
	endOf := func() string {
		if end == "" {
			end = b.node(Node{Kind: EndNode, Doc: url, Label: "end of call"})
		}
		return end
	}
	return b.list(doc.Commands, endOf, 0)
}

// continuation is where a call goes after a command list ends; it adds the
// target node on first use, so unreached ends are not drawn.
type continuation func() string

// maxListDepth bounds the nesting New follows, as render.Check does.
const maxListDepth = 1000

// list wires a command list whose end continues at cont and returns the ID
// of its first command (or cont's target for a list with none).
func (b *builder) list(cmds []verbs.Command, cont continuation, depth int) string {
	if depth > maxListDepth {
		return cont()
	}
	next := cont
	var pendingError string // the entry of an <Error> item after the command being wired
	for i := len(cmds) - 1; i >= 0; i-- {
		c := cmds[i]
		if e, isError := c.(*verbs.Error); isError && e != nil {
			pendingError = b.list(e.Commands, next, depth+1)
			continue
		}
		id, ok := b.ids[c]
		if !ok {
			continue // a comment, Meta or nil entry: not a step of the call
		}
		b.command(c, id, next, depth)
		if pendingError != "" {
			b.edge(id, pendingError, Error, "error")
			pendingError = ""
		}
		next = fixed(id)
	}
	return next()
}

func fixed(id string) continuation { return func() string { return id } }

// command adds the edges leaving one command.
func (b *builder) command(c verbs.Command, id string, next continuation, depth int) {
	switch v := c.(type) {
	case *verbs.Hangup:
		// the call ends here
	case *verbs.Gather:
		b.gather(v, id, next, depth)
	case *verbs.Dial:
		for _, ch := range v.Children {
			if e, ok := ch.(*verbs.Error); ok && e != nil {
				b.edge(id, b.list(e.Commands, next, depth+1), Error, "no answer")
			}
		}
		b.edge(id, next(), Next, "after the call")
	case *verbs.Callback:
		b.edge(id, b.url(v.URL), Fetch, "callback")
		for _, ch := range v.Children {
			if e, ok := ch.(*verbs.Error); ok && e != nil {
				b.edge(id, b.list(e.Commands, next, depth+1), Error, "error")
			}
		}
	case *verbs.Curl:
		b.edge(id, b.urlNode("curl "+v.URL), Fetch, "curl")
		for _, ch := range v.Children {
			if e, ok := ch.(*verbs.Error); ok && e != nil {
				b.edge(id, b.list(e.Commands, next, depth+1), Error, "error")
			}
		}
		b.edge(id, next(), Next, "")
	case *verbs.Call:
		b.edge(id, b.list(v.Commands, next, depth+1), Match, "if "+v.Field+" = "+v.Value.Val)
		b.edge(id, next(), Next, "otherwise")
	case *verbs.Geo:
		b.edge(id, b.list(v.Commands, next, depth+1), Match, "if caller in "+geoWhere(v))
		b.edge(id, next(), Next, "otherwise")
	case *verbs.Schedule:
		b.edge(id, b.list(v.Commands, next, depth+1), Match, "if "+scheduleWhen(v))
		b.edge(id, next(), Next, "otherwise")
	case *verbs.Record:
		if len(v.Commands) > 0 {
			b.edge(id, b.list(v.Commands, next, depth+1), Record, "while recording")
			return
		}
		b.edge(id, next(), Next, "")
	default:
		b.edge(id, next(), Next, "")
	}
}

// gather adds the branches of a Gather, current and legacy dialect alike.
func (b *builder) gather(g *verbs.Gather, id string, next continuation, depth int) {
	hasDefault := false
	branch := func(ch verbs.Node) {
		if isNil(ch) {
			return
		}
		switch v := ch.(type) {
		case *verbs.DTMF:
			b.edge(id, b.list(v.Commands, next, depth+1), DTMF, v.Value)
		case *verbs.Case:
			b.edge(id, b.list(v.Commands, next, depth+1), DTMF, v.DTMF)
		case *verbs.Default:
			hasDefault = true
			b.edge(id, b.list(v.Commands, next, depth+1), Default, "default")
		case *verbs.Error:
			b.edge(id, b.list(v.Commands, next, depth+1), Error, "error")
		}
	}
	for _, ch := range g.Children {
		if sw, ok := ch.(*verbs.Switch); ok && sw != nil {
			for _, c := range sw.Children {
				branch(c)
			}
			continue
		}
		branch(ch)
	}
	if u := g.URL; u != "" {
		b.edge(id, b.gatherURL(u, "dtmf"), Fetch, "digits")
	} else if u := g.Callback; u != "" {
		b.edge(id, b.gatherURL(u, "code"), Fetch, "digits")
	} else if !hasDefault {
		b.edge(id, next(), Next, "no match")
	}
}

// url returns the node of a URL whose reply is a call-flow document, and
// queues it for Follow.
func (b *builder) url(u string) string {
	if id, ok := b.urls[u]; ok {
		return id
	}
	id := b.urlNode(u)
	if b.s.fetch != nil {
		b.queue = append(b.queue, pending{url: u, from: id, kind: Document})
	}
	return id
}

// gatherURL returns the node of the URL a Gather sends its digits to. The
// first time the URL is met as a Gather's, it queues a fetch for each digit
// string GatherDigits names, the digits appended as param, before the
// fetch of the URL as it is.
func (b *builder) gatherURL(u, param string) string {
	if b.s.fetch == nil || b.s.digits == nil || b.keyed[u] {
		return b.url(u)
	}
	b.keyed[u] = true
	id, known := b.urls[u]
	if !known {
		id = b.urlNode(u)
	}
	seen := map[string]bool{}
	for _, d := range b.s.digits(u) {
		if d == "" || seen[d] {
			continue
		}
		seen[d] = true
		b.queue = append(b.queue, pending{url: withQuery(u, param, d), from: id, kind: DTMF, label: d})
	}
	if !known {
		label := ""
		if len(seen) > 0 {
			label = "other digits"
		}
		b.queue = append(b.queue, pending{url: u, from: id, kind: Document, label: label})
	}
	return id
}

// withQuery appends key=value to the query of URL u, after its own
// parameters and before a fragment.
func withQuery(u, key, value string) string {
	base, frag := u, ""
	if i := strings.IndexByte(u, '#'); i >= 0 {
		base, frag = u[:i], u[i:]
	}
	sep := "&"
	switch {
	case !strings.Contains(base, "?"):
		sep = "?"
	case strings.HasSuffix(base, "?"), strings.HasSuffix(base, "&"):
		sep = ""
	}
	return base + sep + url.QueryEscape(key) + "=" + url.QueryEscape(value) + frag
}

// urlNode returns the node of a URL, adding it once; a key of "curl URL"
// is a Curl target, whose reply is not a document.
func (b *builder) urlNode(key string) string {
	if id, ok := b.urls[key]; ok {
		return id
	}
	id := b.node(Node{Kind: URLNode, Label: strings.TrimPrefix(key, "curl ")})
	b.urls[key] = id
	return id
}

// nodeNumber returns the number of a node ID (n12 → 12).
func nodeNumber(id string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(id, "n"))
	return n
}

func (b *builder) node(n Node) string {
	n.ID = "n" + strconv.Itoa(len(b.g.Nodes)+1)
	b.g.Nodes = append(b.g.Nodes, n)
	return n.ID
}

func (b *builder) edge(from, to string, kind EdgeKind, label string) {
	b.g.Edges = append(b.g.Edges, Edge{From: from, To: to, Kind: kind, Label: label})
}

// isNil reports a nil child or a typed nil one: no node is drawn for it.
func isNil(n verbs.Node) bool {
	return n == nil || reflect.ValueOf(n).IsNil()
}
