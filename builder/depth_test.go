package flow_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
)

// nested returns a flow depth Gathers deep, each level holding a Say with a
// nil option: one builder problem per level.
func nested(depth int) *flow.Flow {
	var inner *flow.Flow
	for range depth {
		inner = flow.New().Say("x", nil).Gather(flow.Digit("1", inner))
	}
	return inner
}

// TestDeepProblems checks every level's problem of a deep flow is reported
// once, at its own path.
func TestDeepProblems(t *testing.T) {
	const depth = 300
	_, err := nested(depth).Build()
	var ds render.Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("Build: %v, want Diagnostics", err)
	}
	paths := map[string]int{}
	for _, d := range ds {
		if d.Rule == "nil-option" {
			paths[d.Path]++
		}
	}
	if len(paths) != depth {
		t.Fatalf("%d distinct nil-option findings, want %d", len(paths), depth)
	}
	p := "/Response"
	for i := range depth {
		if paths[p+"/Say[1]"] != 1 {
			t.Fatalf("level %d: %d findings at %s/Say[1], want 1", i+1, paths[p+"/Say[1]"], p)
		}
		p += "/Gather[1]/DTMF[1]"
	}
	if strings.Count(p, "Gather") != depth {
		t.Fatal("path built wrong")
	}
}

// TestDeepProblemsPastCheck checks a flow twice as deep as render.Check
// descends (2000 levels, 4000 elements deep): every level's problem is
// reported at its exact path, sorted, and the validator adds one finding,
// the depth of the first Gather past its limit; the Say beside it, which
// the builder reported, is not reported twice.
func TestDeepProblemsPastCheck(t *testing.T) {
	const depth = 2000
	_, err := nested(depth).Build()
	var ds render.Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("Build: %v, want Diagnostics", err)
	}
	if len(ds) != depth+1 {
		t.Fatalf("%d findings, want %d", len(ds), depth+1)
	}
	level := func(k int) string { return "/Response" + strings.Repeat("/Gather[1]/DTMF[1]", k) }
	// The Gather of level 501 is element 1001 down; a level's Gather sorts
	// before its Say, and a path before those it is a prefix of.
	if d := ds[0]; d.Rule != "depth" || d.Path != level(500)+"/Gather[1]" {
		t.Fatalf("first finding: %s at a path of %d bytes, want depth at %d", d.Rule, len(d.Path), len(level(500)+"/Gather[1]"))
	}
	for i, d := range ds[1:] {
		want := level(depth-1-i) + "/Say[1]"
		if d.Rule != "nil-option" || d.Path != want || d.Message != "flow: option 1 is nil" {
			t.Fatalf("finding %d: %s %q at a path of %d bytes, want nil-option at %d", i+1, d.Rule, d.Message, len(d.Path), len(want))
		}
	}
}

// BenchmarkBuildDepth builds flows with one problem per level at growing
// depths, three elements (Say, Gather, DTMF) a level; the time per element
// stays flat (issue 12: it grew from 506 to 39,968 ns per element from
// depth 10 to 2000). Making the flow is part of the time, as it is of a
// caller's.
func BenchmarkBuildDepth(b *testing.B) { benchmarkBuildDepth(b, nested) }

// nestedSpine returns a flow depth Gathers deep, each Gather with a nil
// option: one builder problem per level, about an element of the chain,
// so that the path of each is a prefix of the next and all of them take
// one path's bytes. In nested the problems are about the Say beside each
// Gather: their paths share no bytes, and they alone are quadratic in the
// depth (9 MB of paths at depth 1000).
func nestedSpine(depth int) *flow.Flow {
	var inner *flow.Flow
	for range depth {
		inner = flow.New().Say("x").Gather(nil, flow.Digit("1", inner))
	}
	return inner
}

// BenchmarkBuildDepthSpine is BenchmarkBuildDepth with the problems about
// the elements of the chain (nestedSpine).
func BenchmarkBuildDepthSpine(b *testing.B) { benchmarkBuildDepth(b, nestedSpine) }

// benchmarkBuildDepth builds newFlow(depth), three elements a level, at
// growing depths, wants exactly one nil-option problem a level and
// reports the time and the path bytes per element.
func benchmarkBuildDepth(b *testing.B, newFlow func(depth int) *flow.Flow) {
	for _, depth := range []int{10, 100, 1000} {
		b.Run(strconv.Itoa(depth), func(b *testing.B) {
			b.ReportAllocs()
			var ds render.Diagnostics
			for b.Loop() {
				_, err := newFlow(depth).Build()
				if !errors.As(err, &ds) {
					b.Fatalf("Build: %v, want Diagnostics", err)
				}
				if n := countRule(ds, "nil-option"); n != depth {
					b.Fatalf("%d nil-option findings, want %d", n, depth)
				}
			}
			elems := 3*depth + 1 // and the Response
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(elems), "ns/elem")
			b.ReportMetric(float64(pathBytes(ds))/float64(elems), "pathB/elem")
		})
	}
}

// pathBytes is the number of bytes of the paths of ds, those of paths
// that start at one byte counted once.
func pathBytes(ds render.Diagnostics) int {
	longest := map[*byte]int{}
	for _, d := range ds {
		if d.Path != "" {
			k := unsafe.StringData(d.Path)
			longest[k] = max(longest[k], len(d.Path))
		}
	}
	n := 0
	for _, l := range longest {
		n += l
	}
	return n
}

// countRule returns the number of findings of ds with the rule rule.
func countRule(ds render.Diagnostics, rule string) int {
	n := 0
	for _, d := range ds {
		if d.Rule == rule {
			n++
		}
	}
	return n
}
