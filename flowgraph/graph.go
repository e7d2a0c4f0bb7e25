package flowgraph

// EdgeKind says why a call can go from one node to another.
type EdgeKind string

// The kinds of edges; see the package documentation.
const (
	Next     EdgeKind = "next"
	DTMF     EdgeKind = "dtmf"
	Default  EdgeKind = "default"
	Error    EdgeKind = "error"
	Match    EdgeKind = "match"
	Record   EdgeKind = "record"
	Fetch    EdgeKind = "fetch"
	Document EdgeKind = "document"
)

// NodeKind says what a node stands for.
type NodeKind string

// The kinds of nodes.
const (
	// CommandNode is a command of a document.
	CommandNode NodeKind = "command"
	// URLNode is a URL the flow requests (Gather url, Callback, Curl).
	URLNode NodeKind = "url"
	// EndNode is the end of a document's command list: the call ends there.
	EndNode NodeKind = "end"
)

// Node is a box of the graph.
type Node struct {
	// ID is n1, n2, … in document order.
	ID   string
	Kind NodeKind
	// Doc is the URL of the document the node belongs to, "" for the
	// document the graph was made from and for URL nodes.
	Doc string
	// Path is the XPath of the command in its document, as render.Check
	// reports it (/Response/Gather[1]/DTMF[2]/Say[1]); "" for URL and end
	// nodes.
	Path string
	// Element is the command's element name, "" for URL and end nodes.
	Element string
	// Label is the element and its key content (the first words of a Say,
	// the destinations of a Dial, the URL of a URL node).
	Label string
}

// Edge is an arrow of the graph.
type Edge struct {
	From, To string
	Kind     EdgeKind
	// Label is what is written on the arrow: the keys of a DTMF branch,
	// "default", "no answer", "otherwise", …; "" for a plain next.
	Label string
}

// FetchError is a document that -follow could not fetch or parse.
type FetchError struct {
	URL string
	Err error
}

// Error returns the URL and the reason.
func (e *FetchError) Error() string { return "flowgraph: fetch " + e.URL + ": " + e.Err.Error() }

// Unwrap returns the reason.
func (e *FetchError) Unwrap() error { return e.Err }

// Graph is a call flow drawn as nodes and edges, in document order.
type Graph struct {
	Nodes []Node
	Edges []Edge
	// Entry is the ID of the node a call reaches first ("" for an empty
	// graph).
	Entry string
	// FetchErrors are the documents Follow could not get; their URL nodes
	// stay in the graph without a document behind them.
	FetchErrors []*FetchError
}

// NodeAt returns the command node of the root document at an XPath.
func (g *Graph) NodeAt(path string) (Node, bool) {
	return g.NodeIn("", path)
}

// NodeIn returns the command node at an XPath of the document fetched from
// url ("" for the root document).
func (g *Graph) NodeIn(url, path string) (Node, bool) {
	for _, n := range g.Nodes {
		if n.Kind == CommandNode && n.Doc == url && n.Path == path {
			return n, true
		}
	}
	return Node{}, false
}

// Node returns the node with an ID.
func (g *Graph) Node(id string) (Node, bool) {
	for _, n := range g.Nodes {
		if n.ID == id {
			return n, true
		}
	}
	return Node{}, false
}

// Out returns the edges leaving the node with an ID, in the order drawn.
func (g *Graph) Out(id string) []Edge {
	var out []Edge
	for _, e := range g.Edges {
		if e.From == id {
			out = append(out, e)
		}
	}
	return out
}

// In returns the edges arriving at the node with an ID.
func (g *Graph) In(id string) []Edge {
	var in []Edge
	for _, e := range g.Edges {
		if e.To == id {
			in = append(in, e)
		}
	}
	return in
}

// Reachable returns the IDs of the nodes a call can reach from Entry.
func (g *Graph) Reachable() map[string]bool {
	seen := map[string]bool{}
	if g.Entry == "" {
		return seen
	}
	out := map[string][]string{}
	for _, e := range g.Edges {
		out[e.From] = append(out[e.From], e.To)
	}
	queue := []string{g.Entry}
	seen[g.Entry] = true
	for len(queue) > 0 {
		id := queue[0]
		queue = queue[1:]
		for _, to := range out[id] {
			if !seen[to] {
				seen[to] = true
				queue = append(queue, to)
			}
		}
	}
	return seen
}
