package flow

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/opentact-go/opentact/render"
)

// TestMergeIsSort checks that merging two sorted lists of findings gives
// what render.Diagnostics.Sort gives for the first followed by the second,
// ties included, and that dedupe drops exactly the findings about a node
// or an attribute of a node the builder reported.
func TestMergeIsSort(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	paths := []string{"/Response", "/Response/Say[1]", "/Response/Say[1]/@loop", "/Response/Say[10]",
		"/Response/Say[2]", "/Response/Gather[1]/DTMF[1]", "/Response/Gather[1]/@url", "/Response/*[1]"}
	list := func(n int, rule string) render.Diagnostics {
		var ds render.Diagnostics
		for range n {
			ds = append(ds, render.Diagnostic{Line: rng.IntN(3), Col: rng.IntN(2), Path: paths[rng.IntN(len(paths))], Rule: rule})
		}
		ds.Sort()
		return ds
	}
	for range 200 {
		a, b := list(rng.IntN(6), "a"), list(rng.IntN(6), "b")
		want := append(slices.Clone(a), b...)
		want.Sort()
		if got := merge(slices.Clone(a), slices.Clone(b)); !slices.Equal(got, want) {
			t.Fatalf("merge(%v, %v) = %v, want %v", a, b, got, want)
		}
	}
	own := render.Diagnostics{{Path: "/Response/Say[1]"}, {Path: "/Response/Gather[1]/@url"}}
	found := render.Diagnostics{{Path: "/Response/Say[1]"}, {Path: "/Response/Say[1]/@loop"}, {Path: "/Response/Say[10]/@loop"},
		{Path: "/Response/Gather[1]/@url"}, {Path: "/Response/Gather[1]/@dtmf_stop"}, {Path: "/Response/Gather[1]"}}
	var kept []string
	for _, d := range dedupe(found, own) {
		kept = append(kept, d.Path)
	}
	if want := []string{"/Response/Say[10]/@loop", "/Response/Gather[1]/@dtmf_stop", "/Response/Gather[1]"}; !slices.Equal(kept, want) {
		t.Errorf("dedupe kept %q, want %q", kept, want)
	}
}
