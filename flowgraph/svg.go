package flowgraph

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// SVG returns the graph as a standalone SVG 1.1 picture: no script, no
// external font or stylesheet, so a browser, an image viewer or a pull
// request shows it as it is. Each node's <title> holds its XPath (or URL),
// shown as a tooltip.
func (g *Graph) SVG() string {
	boxes, back, width, height := g.layout()
	bulge := 0.0
	for _, b := range back {
		if b {
			bulge = 60
		}
	}
	var s strings.Builder
	s.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	s.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="` + num(width+bulge) + `" height="` + num(height) +
		`" viewBox="0 0 ` + num(width+bulge) + " " + num(height) + `" font-family="monospace" font-size="` + strconv.Itoa(fontSize) + `">` + "\n")
	s.WriteString(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>` + "\n")
	s.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")

	index := make(map[string]int, len(g.Nodes))
	for i, n := range g.Nodes {
		index[n.ID] = i
	}
	var labels strings.Builder
	s.WriteString(`<g fill="none" stroke="#555" stroke-width="1.2">` + "\n")
	for i, e := range g.Edges {
		from, to := boxes[index[e.From]], boxes[index[e.To]]
		var d string
		var lx, ly float64
		if !back[i] && to.y > from.y {
			x1, y1, x2, y2 := from.x, from.y+from.h/2, to.x, to.y-to.h/2
			d = "M" + num(x1) + "," + num(y1) + " L" + num(x2) + "," + num(y2)
			lx, ly = (x1+x2)/2, (y1+y2)/2
		} else {
			// A back edge or one inside a layer: out of the right side of the
			// source, round the right, into the right side of the target.
			x1, y1 := from.x+from.w/2, from.y
			x2, y2 := to.x+to.w/2, to.y
			cx := max(x1, x2) + 50
			d = "M" + num(x1) + "," + num(y1) + " C" + num(cx) + "," + num(y1) + " " + num(cx) + "," + num(y2) + " " + num(x2) + "," + num(y2)
			lx, ly = (x1+x2)/8+cx*3/4, (y1+y2)/2
		}
		s.WriteString(`<path d="` + d + `" marker-end="url(#arrow)"`)
		switch e.Kind {
		case Error:
			s.WriteString(` stroke-dasharray="5 3" stroke="#b03030"`)
		case Fetch, Document:
			s.WriteString(` stroke-width="2.4" stroke="#2a5db0"`)
		}
		s.WriteString("/>\n")
		if e.Label != "" {
			w := float64(utf8.RuneCountInString(e.Label))*charWidth + 6
			labels.WriteString(`<rect x="` + num(lx-w/2) + `" y="` + num(ly-9) + `" width="` + num(w) + `" height="18" fill="#ffffff" opacity="0.9"/>`)
			labels.WriteString(`<text x="` + num(lx) + `" y="` + num(ly+4) + `" text-anchor="middle" fill="#333">` + xmlText(e.Label) + "</text>\n")
		}
	}
	s.WriteString("</g>\n<g>\n" + labels.String() + "</g>\n<g>\n")
	for i, n := range g.Nodes {
		b := boxes[i]
		fill, stroke, rx := "#eef3fb", "#2a5db0", "4"
		switch n.Kind {
		case URLNode:
			fill, stroke, rx = "#fff7e0", "#b07d10", "0"
		case EndNode:
			fill, stroke, rx = "#f2f2f2", "#555555", "15"
		}
		title := n.Path
		if n.Doc != "" {
			title = n.Doc + " " + n.Path
		}
		if title == "" {
			title = n.Label
		}
		s.WriteString(`<g id="` + n.ID + `"><title>` + xmlText(title) + `</title>`)
		s.WriteString(`<rect x="` + num(b.x-b.w/2) + `" y="` + num(b.y-b.h/2) + `" width="` + num(b.w) + `" height="` + num(b.h) +
			`" rx="` + rx + `" fill="` + fill + `" stroke="` + stroke + `"/>`)
		s.WriteString(`<text x="` + num(b.x) + `" y="` + num(b.y+4) + `" text-anchor="middle" fill="#111">` + xmlText(n.Label) + "</text></g>\n")
	}
	s.WriteString("</g>\n</svg>\n")
	return s.String()
}

// num formats a coordinate with one decimal, the same on every machine.
func num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// xmlText escapes s for SVG text and attribute values; characters XML 1.0
// cannot hold are shown as U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
