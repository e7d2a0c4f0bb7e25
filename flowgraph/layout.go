package flowgraph

import (
	"math"
	"sort"
	"unicode/utf8"
)

// Layout sizes, in SVG user units (px). Text is monospace so that a label's
// width follows from its length without measuring fonts.
const (
	charWidth  = 7.2
	fontSize   = 12
	boxHeight  = 30
	boxPadding = 10
	rankGap    = 56
	nodeGap    = 24
	margin     = 20
)

// box is a placed node: its center and size.
type box struct{ x, y, w, h float64 }

// layout places the nodes in layers, top to bottom: each node sits one layer
// below the lowest of the nodes with an edge to it, leaving out edges that
// close a cycle (drawn as back edges). Inside a layer nodes keep the order in
// which a depth-first walk from the first node meets them; below the top
// layer each node sits under the mean x of its predecessors as far as the
// nodes to its left allow.
func (g *Graph) layout() (boxes []box, back []bool, width, height float64) {
	n := len(g.Nodes)
	index := make(map[string]int, n)
	for i, nd := range g.Nodes {
		index[nd.ID] = i
	}
	out := make([][]int, n) // edge indexes by source
	for i, e := range g.Edges {
		out[index[e.From]] = append(out[index[e.From]], i)
	}

	// Depth-first walk from every node not yet seen, in ID order: back edges
	// and discovery order.
	back = make([]bool, len(g.Edges))
	order := make([]int, n)
	state := make([]byte, n) // 0 unseen, 1 on stack, 2 done
	seq := 0
	type frame struct{ v, next int }
	for root := range n {
		if state[root] != 0 {
			continue
		}
		stack := []frame{{v: root}}
		state[root], order[root] = 1, seq
		seq++
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next == len(out[top.v]) {
				state[top.v] = 2
				stack = stack[:len(stack)-1]
				continue
			}
			ei := out[top.v][top.next]
			top.next++
			w := index[g.Edges[ei].To]
			switch state[w] {
			case 1:
				back[ei] = true
			case 0:
				state[w], order[w] = 1, seq
				seq++
				stack = append(stack, frame{v: w})
			}
		}
	}

	// Longest-path layers over the edges that are not back edges.
	indeg := make([]int, n)
	for i, e := range g.Edges {
		if !back[i] {
			indeg[index[e.To]]++
		}
	}
	rank := make([]int, n)
	ready := []int{}
	for v := range n {
		if indeg[v] == 0 {
			ready = append(ready, v)
		}
	}
	for len(ready) > 0 {
		v := ready[0]
		ready = ready[1:]
		for _, ei := range out[v] {
			if back[ei] {
				continue
			}
			w := index[g.Edges[ei].To]
			rank[w] = max(rank[w], rank[v]+1)
			if indeg[w]--; indeg[w] == 0 {
				ready = append(ready, w)
			}
		}
	}

	layers := map[int][]int{}
	maxRank := 0
	for v := range n {
		layers[rank[v]] = append(layers[rank[v]], v)
		maxRank = max(maxRank, rank[v])
	}
	for r := 0; r <= maxRank; r++ {
		layer := layers[r]
		sort.SliceStable(layer, func(a, b int) bool { return order[layer[a]] < order[layer[b]] })
	}
	preds := make([][]int, n)
	for i, e := range g.Edges {
		if !back[i] {
			preds[index[e.To]] = append(preds[index[e.To]], index[e.From])
		}
	}
	boxes = make([]box, n)
	for v := range n {
		boxes[v].w = float64(utf8.RuneCountInString(g.Nodes[v].Label))*charWidth + 2*boxPadding
		boxes[v].h = boxHeight
	}
	// Top layer side by side; every lower layer wants each node under the
	// mean x of the nodes that lead into it, in that order, then pushes
	// nodes right until none overlap.
	for r := 0; r <= maxRank; r++ {
		layer := layers[r]
		want := make(map[int]float64, len(layer))
		x := 0.0
		for _, v := range layer {
			want[v] = x + boxes[v].w/2
			x += boxes[v].w + nodeGap
			if r == 0 || len(preds[v]) == 0 {
				continue
			}
			sum := 0.0
			for _, p := range preds[v] {
				sum += boxes[p].x
			}
			want[v] = sum / float64(len(preds[v]))
		}
		sort.SliceStable(layer, func(a, b int) bool { return want[layer[a]] < want[layer[b]] })
		right := math.Inf(-1)
		for _, v := range layer {
			boxes[v].x = max(want[v], right+nodeGap+boxes[v].w/2)
			right = boxes[v].x + boxes[v].w/2
			boxes[v].y = margin + float64(r)*(boxHeight+rankGap) + boxHeight/2
		}
	}
	left, right := math.Inf(1), math.Inf(-1)
	for _, b := range boxes {
		left, right = min(left, b.x-b.w/2), max(right, b.x+b.w/2)
	}
	for v := range boxes {
		boxes[v].x += margin - left
	}
	width = right - left
	width += 2 * margin
	height = 2*margin + float64(maxRank+1)*boxHeight + float64(maxRank)*rankGap
	if n == 0 {
		width, height = 2*margin, 2*margin
	}
	return boxes, back, width, height
}
