package flowgraph

import "strings"

// DOT returns the graph in Graphviz's DOT language, top to bottom, with the
// same shapes and edge styles as Mermaid.
func (g *Graph) DOT() string {
	var b strings.Builder
	b.WriteString("digraph flow {\n  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n")
	for _, n := range g.Nodes {
		b.WriteString("  " + n.ID + " [label=" + dotString(n.Label))
		switch n.Kind {
		case URLNode:
			b.WriteString(", shape=parallelogram")
		case EndNode:
			b.WriteString(", shape=doublecircle")
		}
		b.WriteString("];\n")
	}
	for _, e := range g.Edges {
		b.WriteString("  " + e.From + " -> " + e.To)
		var attrs []string
		if e.Label != "" {
			attrs = append(attrs, "label="+dotString(e.Label))
		}
		switch e.Kind {
		case Error:
			attrs = append(attrs, "style=dashed")
		case Fetch, Document:
			attrs = append(attrs, "style=bold")
		}
		if len(attrs) > 0 {
			b.WriteString(" [" + strings.Join(attrs, ", ") + "]")
		}
		b.WriteString(";\n")
	}
	b.WriteString("}\n")
	return b.String()
}

// dotString quotes s as a DOT string.
func dotString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
