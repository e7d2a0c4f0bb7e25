package flowgraph

import (
	"strconv"
	"strings"
)

// Mermaid returns the graph as a Mermaid flowchart, top to bottom, which
// GitHub renders inside a ```mermaid block of Markdown. Commands are boxes,
// URLs are parallelograms and the end of a call is a circle; error edges are
// dotted and fetches are thick.
func (g *Graph) Mermaid() string {
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	for _, n := range g.Nodes {
		b.WriteString("  " + n.ID)
		label := mermaidText(n.Label)
		switch n.Kind {
		case URLNode:
			b.WriteString(`[/"` + label + `"/]`)
		case EndNode:
			b.WriteString(`(("` + label + `"))`)
		default:
			b.WriteString(`["` + label + `"]`)
		}
		b.WriteByte('\n')
	}
	for _, e := range g.Edges {
		arrow := "-->"
		switch e.Kind {
		case Error:
			arrow = "-.->"
		case Fetch, Document:
			arrow = "==>"
		}
		b.WriteString("  " + e.From + " " + arrow)
		if e.Label != "" {
			b.WriteString(`|"` + mermaidText(e.Label) + `"|`)
		}
		b.WriteString(" " + e.To + "\n")
	}
	return b.String()
}

// mermaidText escapes a label for a quoted Mermaid string: quotes and the
// characters Mermaid or its HTML labels treat specially become entity
// codes (#quot; #35; #lt; …), which Mermaid turns back into the character.
func mermaidText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString("#quot;")
		case '#':
			b.WriteString("#35;")
		case '<':
			b.WriteString("#lt;")
		case '>':
			b.WriteString("#gt;")
		case '&':
			b.WriteString("#amp;")
		case '|', '`', '[', ']', '{', '}', '(', ')', ';':
			b.WriteString("#" + strconv.Itoa(int(r)) + ";")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
