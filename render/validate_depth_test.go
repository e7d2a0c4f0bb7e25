package render

import (
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/opentact-go/opentact/verbs"
)

// TestCheckDeepChain checks a document with one finding per level, twice
// as deep as Check descends: every level it checks has its finding at its
// exact path, in order, and the two elements past the limit (the next
// <Geo> and the <Hangup> after it) have the depth finding.
func TestCheckDeepChain(t *testing.T) {
	t.Parallel()
	const depth = 2000
	ds := Check(deepDoc(depth))
	if len(ds) != maxCheckDepth+2 {
		t.Fatalf("%d findings, want %d: one per level checked and two of depth", len(ds), maxCheckDepth+2)
	}
	// Sorted by path, a level's attribute (/@states) comes before the
	// level below it (/Geo[1]).
	p := "/Response"
	for i := range maxCheckDepth {
		p += "/Geo[1]"
		if d := ds[i]; d.Path != p+"/@states" || d.Rule != "state" {
			t.Fatalf("finding %d: %s %s, want state at %s/@states", i, d.Rule, d.Path, p)
		}
	}
	for i, step := range []string{"/Geo[1]", "/Hangup[1]"} {
		d := ds[maxCheckDepth+i]
		if want := p + step; d.Path != want || d.Rule != "depth" {
			t.Fatalf("finding %d: %s at a path of %d bytes, want depth at %d bytes, ending %s", maxCheckDepth+i, d.Rule, len(d.Path), len(want), step)
		}
	}
	if !slices.IsSortedFunc(ds, compareDiagnostics) {
		t.Fatal("findings out of order")
	}
}

// TestCheckDeepCycle checks cycles and shared nodes past shallowDepth,
// where the nodes being checked are looked up in a nodeSet: a node that
// contains itself is found however deep, a node standing at two places is
// checked at each, and once the walk has come back up, a node on the
// stack is still found.
func TestCheckDeepCycle(t *testing.T) {
	t.Parallel()
	shared := &verbs.Say{Text: "x", Loop: verbs.Some(-1)}
	// top holds a chain 3*shallowDepth deep whose innermost element holds
	// chain[shallowDepth] again; shared stands near the top and at the
	// bottom.
	var chain []*verbs.Record
	for range 3 * shallowDepth {
		chain = append(chain, &verbs.Record{})
	}
	for i := range len(chain) - 1 {
		chain[i].Commands = []verbs.Command{chain[i+1]}
	}
	chain[1].Commands = append(chain[1].Commands, shared)
	chain[len(chain)-1].Commands = []verbs.Command{shared, chain[shallowDepth]}
	// A second branch at the root, checked after the deep one, that holds
	// itself right below the root.
	g := &verbs.Gather{}
	g.Children = []verbs.GatherChild{&verbs.DTMF{Value: "1", Commands: []verbs.Command{g}}}
	ds := Check(vDoc(chain[0], g))
	at := func(levels int) string { return "/Response" + strings.Repeat("/Record[1]", levels) }
	var got []string
	for _, d := range ds {
		if d.Rule == "cycle" || d.Rule == "range" {
			got = append(got, d.Rule+" "+d.Path)
		}
	}
	want := []string{
		"cycle /Response/Gather[1]/DTMF[1]/Gather[1]",
		"range " + at(2) + "/Say[1]/@loop",
		"range " + at(len(chain)) + "/Say[1]/@loop",
		"cycle " + at(len(chain)) + "/Record[1]",
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCheckSpineSharesPaths checks the findings of a chain, one about
// each element of it, take one string: the path of each is a prefix of
// the deepest's, in its memory (a finding about a child made before the
// child's own frame gives that frame its place).
func TestCheckSpineSharesPaths(t *testing.T) {
	t.Parallel()
	const depth = 50
	ds := Check(spineDoc(depth))
	if len(ds) != depth {
		t.Fatalf("%d findings, want %d", len(ds), depth)
	}
	deepest := ds[len(ds)-1].Path
	if want := "/Response" + strings.Repeat("/Geo[1]", depth); deepest != want {
		t.Fatalf("deepest path %q, want %q", deepest, want)
	}
	for _, d := range ds {
		if d.Rule != "unreachable" || !strings.HasPrefix(deepest, d.Path) {
			t.Fatalf("%s at %q, want unreachable at a prefix of the deepest path", d.Rule, d.Path)
		}
		if unsafe.StringData(d.Path) != unsafe.StringData(deepest) {
			t.Fatalf("the path %q has memory of its own", d.Path)
		}
	}
}

// TestCheckStartsInCycle checks that collecting the <RecordStart> tags of
// a document whose <Geo> contains itself twice over ends (a walk that did
// not stop at the cycle would take 2^250 steps before the depth limit),
// and finds the tag inside the cycle.
func TestCheckStartsInCycle(t *testing.T) {
	t.Parallel()
	top := &verbs.Geo{States: []string{"NY"}}
	inner := top
	for range 3 {
		g := &verbs.Geo{States: []string{"NY"}}
		inner.Commands = []verbs.Command{g}
		inner = g
	}
	inner.Commands = []verbs.Command{&verbs.RecordStart{Tag: "a"}, top, top}
	ds := Check(&verbs.Response{Commands: []verbs.Command{top, &verbs.RecordStop{Tag: "a"}}})
	for _, d := range ds {
		if d.Rule == "record-ref" {
			t.Errorf("the tag inside the cycle was not found: %v", d)
		}
	}
	if n := countRule(ds, "cycle"); n != 2 {
		t.Errorf("%d cycle findings, want 2:\n%v", n, ds)
	}
}

func countRule(ds Diagnostics, rule string) int {
	n := 0
	for _, d := range ds {
		if d.Rule == rule {
			n++
		}
	}
	return n
}
