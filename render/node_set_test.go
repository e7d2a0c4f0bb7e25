package render

import (
	"math/rand/v2"
	"testing"

	"github.com/opentact-go/opentact/verbs"
)

// TestNodeSetMatchesMap runs random adds and removes, in stack order and
// out of it, against a map of the same nodes, through several growths and
// with many identities sharing home slots, and wants the same answers.
func TestNodeSetMatchesMap(t *testing.T) {
	nodes := make([]verbs.Node, 3000)
	for i := range nodes {
		if i%2 == 0 {
			nodes[i] = &verbs.Say{}
		} else {
			nodes[i] = &verbs.Hangup{}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var s nodeSet
	want := map[verbs.Node]bool{}
	if s.on() || s.has(idOf(nodes[0])) {
		t.Fatal("the zero nodeSet is not empty")
	}
	for step := range 200000 {
		n := nodes[rng.IntN(len(nodes))]
		if rng.IntN(3) == 0 {
			s.remove(idOf(n))
			delete(want, n)
		} else {
			s.add(idOf(n))
			want[n] = true
		}
		if s.n != len(want) {
			t.Fatalf("step %d: %d identities, want %d", step, s.n, len(want))
		}
		if step%1000 == 0 {
			for _, m := range nodes {
				if s.has(idOf(m)) != want[m] {
					t.Fatalf("step %d: has(%p) = %v, want %v", step, m, !want[m], want[m])
				}
			}
		}
	}
}

// TestNodeIDIsIdentity checks that two equal values of one element type
// are two nodes, and one node in two interface types is one.
func TestNodeIDIsIdentity(t *testing.T) {
	a, b := &verbs.Say{Text: "x"}, &verbs.Say{Text: "x"}
	if idOf(a) == idOf(b) {
		t.Error("two elements have one identity")
	}
	var c verbs.Command = a
	if idOf(c) != idOf(a) {
		t.Error("one element has two identities")
	}
}
