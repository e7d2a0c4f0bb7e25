package flow

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/opentact-go/opentact/internal/place"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// locateSlow is locate written plainly: the path of every element built
// while walking in document order, each problem's path copied out, and
// the findings sorted by render.Diagnostics.Sort.
func locateSlow(r *verbs.Response, is map[verbs.Node][]issue) render.Diagnostics {
	var ds render.Diagnostics
	var walk func(parent verbs.Node, path string)
	walk = func(parent verbs.Node, path string) {
		counts := map[string]int{}
		verbs.EachChild(parent, func(n verbs.Node) {
			step := place.StepName(n)
			counts[step]++
			p := path + "/" + step + "[" + strconv.Itoa(counts[step]) + "]"
			for _, x := range is[n] {
				d := render.Diagnostic{Path: p, Severity: render.SeverityError, Rule: x.rule, Message: "flow: " + x.msg}
				if x.attr != "" {
					d.Path += "/@" + x.attr
				}
				ds = append(ds, d)
			}
			walk(n, p)
		})
	}
	walk(r, "/Response")
	ds.Sort()
	return ds
}

// rawNames are names of raw elements and attributes that are prefixes of
// one another, sort before and after @, / and [, hold a / or are empty.
var rawNames = []string{"Say", "Sa", "Say[1]", "Say[1]-", "a[2].", "a/b", "", "*", "@x", "Z", "a", "ab", "a]", "~"}

// randomTree returns a random document of about size nodes, raw elements
// with awkward names among them, and random problems for its nodes, some
// nodes standing at two places.
func randomTree(rng *rand.Rand, size int) (*verbs.Response, map[verbs.Node][]issue) {
	is := map[verbs.Node][]issue{}
	var all []verbs.Node
	mark := func(n verbs.Node) {
		all = append(all, n)
		for range rng.IntN(3) {
			x := issue{rule: "r" + strconv.Itoa(rng.IntN(3)), msg: "m" + strconv.Itoa(len(is[n]))}
			if rng.IntN(2) == 0 {
				x.attr = rawNames[rng.IntN(len(rawNames))]
			}
			is[n] = append(is[n], x)
		}
	}
	var raw func(budget int) []verbs.RawChild
	raw = func(budget int) []verbs.RawChild {
		var out []verbs.RawChild
		for budget > 0 {
			var n verbs.RawChild
			switch rng.IntN(5) {
			case 0:
				n = &verbs.Comment{Text: "c"}
				budget--
			case 1:
				n = &verbs.RawText{Text: "t"}
				budget--
			default:
				k := rng.IntN(budget) + 1
				n = &verbs.RawElement{Name: rawNames[rng.IntN(len(rawNames))], Children: raw(k - 1)}
				budget -= k
			}
			mark(n)
			out = append(out, n)
		}
		return out
	}
	var commands func(budget int) []verbs.Command
	commands = func(budget int) []verbs.Command {
		var out []verbs.Command
		for budget > 0 {
			var n verbs.Command
			switch rng.IntN(6) {
			case 0:
				n = &verbs.Say{Text: "x"}
				budget--
			case 1:
				n = &verbs.Hangup{}
				budget--
			case 2:
				if len(all) > 0 {
					if c, ok := all[rng.IntN(len(all))].(verbs.Command); ok {
						// A node met again: reported at each place.
						out = append(out, c)
						budget--
						continue
					}
				}
				n = &verbs.Comment{Text: "c"}
				budget--
			case 3:
				k := rng.IntN(budget) + 1
				n = &verbs.RawElement{Name: rawNames[rng.IntN(len(rawNames))], Children: raw(k - 1)}
				budget -= k
			default:
				k := rng.IntN(budget) + 1
				g := &verbs.Gather{}
				for d := 0; d < 1+rng.IntN(3); d++ {
					dt := &verbs.DTMF{Value: strconv.Itoa(d), Commands: commands((k - 1) / 2)}
					mark(dt)
					g.Children = append(g.Children, dt)
				}
				n = g
				budget -= k
			}
			mark(n)
			out = append(out, n)
		}
		return out
	}
	r := &verbs.Response{Commands: commands(size)}
	return r, is
}

// TestLocateMatchesSlow checks locate gives the paths, and the order, of
// the plain walk followed by a sort, on random documents.
func TestLocateMatchesSlow(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for round := range 300 {
		size := 5 + rng.IntN(60)
		if round%50 == 0 {
			size = 400 // long sibling lists, counted with a map
		}
		r, is := randomTree(rng, size)
		want, got := locateSlow(r, is), locate(r, is)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("round %d: locate (-slow +fast):\n%s", round, diff)
		}
	}
}

// TestLocateManySiblings checks sibling positions past ten sort as their
// paths do: Say[10] before Say[2].
func TestLocateManySiblings(t *testing.T) {
	r := &verbs.Response{}
	is := map[verbs.Node][]issue{}
	for i := range 25 {
		s := &verbs.Say{Text: "x"}
		r.Commands = append(r.Commands, s)
		if i%4 == 1 {
			is[s] = []issue{{rule: "nil-option", msg: "m"}, {attr: "loop", rule: "range", msg: "m"}}
		}
	}
	var got []string
	for _, d := range locate(r, is) {
		got = append(got, d.Path)
	}
	want := []string{
		"/Response/Say[10]", "/Response/Say[10]/@loop",
		"/Response/Say[14]", "/Response/Say[14]/@loop",
		"/Response/Say[18]", "/Response/Say[18]/@loop",
		"/Response/Say[22]", "/Response/Say[22]/@loop",
		"/Response/Say[2]", "/Response/Say[2]/@loop",
		"/Response/Say[6]", "/Response/Say[6]/@loop",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
}

// TestIssuesSet checks a set of problems past fewIssues nodes, where it
// finds a node's entry in a map: problems given twice for one node are
// one entry, a frozen copy never shows what was added after it, and byNode
// keeps the first entry of a node met in two sets.
func TestIssuesSet(t *testing.T) {
	var nodes []verbs.Node
	for range 3 * fewIssues {
		nodes = append(nodes, &verbs.Say{Text: "x"})
	}
	var m issues
	for i, n := range nodes {
		m.add(n, issue{rule: "a", msg: strconv.Itoa(i)})
	}
	frozen := m.freeze()
	for i, n := range nodes {
		if i%2 == 0 {
			m.add(n, issue{rule: "b", msg: strconv.Itoa(i)})
		}
	}
	if len(m.own) != len(nodes) {
		t.Fatalf("%d entries, want one a node, %d", len(m.own), len(nodes))
	}
	for i, n := range nodes {
		want := 1
		if i%2 == 0 {
			want = 2
		}
		if got := len(m.own[m.find(n)].is); got != want {
			t.Fatalf("node %d: %d problems, want %d", i, got, want)
		}
		if got := len(frozen.own[frozen.find(n)].is); got != 1 {
			t.Fatalf("node %d: the frozen set shows %d problems, want 1", i, got)
		}
	}
	if m.has(&verbs.Say{}) {
		t.Fatal("has reports a node never added")
	}
	// A set that holds the frozen one and a problem of its own for the
	// first node: byNode keeps the first entry met, its own.
	var top issues
	top.add(nodes[0], issue{rule: "c", msg: "top"})
	top.merge(frozen)
	all := top.byNode()
	if len(all) != len(nodes) || all[nodes[0]][0].rule != "c" || all[nodes[1]][0].msg != "1" {
		t.Fatalf("byNode: %d nodes, first %v, second %v", len(all), all[nodes[0]], all[nodes[1]])
	}
}
