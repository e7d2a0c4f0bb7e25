package render

import (
	"flag"
	"runtime"
	"strconv"
	"testing"
	"unsafe"

	"github.com/opentact-go/opentact/verbs"
)

// benchDoc is an IVR of n menus, each a Gather with three branches.
func benchDoc(n int) *verbs.Response {
	r := vDoc(&verbs.Answer{Delay: verbs.Some[verbs.Millis](500)})
	for i := range n {
		g := &verbs.Gather{DTMFLength: verbs.Some(1), DTMFStop: "#", Tag: "menu" + strconv.Itoa(i)}
		for d := range 3 {
			g.Children = append(g.Children, &verbs.DTMF{Value: strconv.Itoa(d), Commands: []verbs.Command{
				&verbs.Say{Text: "Connecting you", Lang: "en-US"},
				&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "sip:team@example.com"}, &verbs.Error{}}},
			}})
		}
		g.Children = append(g.Children, &verbs.Default{Commands: []verbs.Command{&verbs.Hangup{}}})
		r.Commands = append(r.Commands, &verbs.Say{Text: "Menu " + strconv.Itoa(i)}, g)
	}
	return r
}

func BenchmarkCheck(b *testing.B) {
	r := benchDoc(100)
	b.ReportAllocs()
	for b.Loop() {
		if ds := Check(r); len(ds) != 0 {
			b.Fatal(ds)
		}
	}
}

// deepDoc returns a document depth <Geo> elements deep, each with an
// invalid state and a <Hangup> after its nested <Geo>: one finding per
// level, two elements a level.
func deepDoc(depth int) *verbs.Response {
	var inner []verbs.Command
	for range depth {
		inner = []verbs.Command{&verbs.Geo{States: []string{"ZZ"}, Commands: append(inner, &verbs.Hangup{})}}
	}
	return vDoc(inner...)
}

// BenchmarkCheckDepth checks documents with one finding per level at
// growing depths; the time per element must stay flat (issue 12). At
// depth 1000 the innermost <Hangup> is past maxCheckDepth: one more
// finding, about the depth.
func BenchmarkCheckDepth(b *testing.B) { benchmarkCheckDepth(b, deepDoc, "state") }

// spineDoc returns a document depth <Geo> elements deep, each after a
// <Hangup>, which makes it unreachable: one finding per level, about the
// <Geo> itself, so that the path of each is a prefix of the next and all
// of them take one path's bytes. In deepDoc the findings are about an
// attribute: their paths share no bytes, and they alone are quadratic in
// the depth (3.5 MB of paths at depth 1000).
func spineDoc(depth int) *verbs.Response {
	var inner []verbs.Command
	for range depth {
		inner = []verbs.Command{&verbs.Hangup{}, &verbs.Geo{States: []string{"NY"}, Commands: inner}}
	}
	return vDoc(inner...)
}

// BenchmarkCheckDepthSpine is BenchmarkCheckDepth with the findings about
// the elements of the chain (spineDoc).
func BenchmarkCheckDepthSpine(b *testing.B) { benchmarkCheckDepth(b, spineDoc, "unreachable") }

// liveHeap is the memory, in MiB, that benchmarkCheckDepth keeps live
// while it runs, as a server's heap would be. With none, the heap of the
// test binary is a few MiB, and the paths of BenchmarkCheckDepth at depth
// 1000 (3.5 MB a Check) are collected, returned to the system and faulted
// back in at every Check.
var liveHeap = flag.Int("bench.liveheap", 0, "MiB of live heap held during the depth benchmarks")

// benchmarkCheckDepth checks doc(depth), two elements a level, at growing
// depths, wants exactly one finding of rule a level and reports the time
// and the path bytes per element.
func benchmarkCheckDepth(b *testing.B, doc func(depth int) *verbs.Response, rule string) {
	ballast := make([][]byte, *liveHeap)
	for i := range ballast {
		ballast[i] = make([]byte, 1<<20)
	}
	defer runtime.KeepAlive(ballast)
	for _, depth := range []int{10, 100, 1000} {
		b.Run(strconv.Itoa(depth), func(b *testing.B) {
			r := doc(depth)
			b.ReportAllocs()
			var ds Diagnostics
			for b.Loop() {
				ds = Check(r)
				n := 0
				for _, d := range ds {
					if d.Rule == rule {
						n++
					}
				}
				if n != depth {
					b.Fatalf("%d %s findings, want %d", n, rule, depth)
				}
			}
			elems := 2*depth + 1 // and the Response
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(elems), "ns/elem")
			b.ReportMetric(float64(pathBytes(ds))/float64(elems), "pathB/elem")
		})
	}
}

// pathBytes is the number of bytes of the paths of ds, those of paths
// that start at one byte counted once.
func pathBytes(ds Diagnostics) int {
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

// BenchmarkCheckIVR checks the IVR of the docs' Gather page (ivrDoc), a
// clean document: no findings and no allocations (issue 11).
func BenchmarkCheckIVR(b *testing.B) {
	r := ivrDoc()
	b.ReportAllocs()
	for b.Loop() {
		if ds := Check(r); len(ds) != 0 {
			b.Fatal(ds)
		}
	}
}
