package place

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// naive is the path of n written step by step from the root.
func naive(n *Node) string {
	var steps []string
	for ; n != nil; n = n.parent {
		switch n.kind {
		case attr:
			steps = append(steps, "/@"+n.name)
		case root:
			steps = append(steps, "/"+n.name)
		default:
			steps = append(steps, "/"+n.name+"["+strconv.Itoa(n.index)+"]")
		}
	}
	var b strings.Builder
	for i := len(steps) - 1; i >= 0; i-- {
		b.WriteString(steps[i])
	}
	return b.String()
}

func TestResolveChain(t *testing.T) {
	var tr Tree
	root := tr.Root("Response")
	var spine, leaves []*Node
	p := root
	for i := range 300 {
		p = tr.Element(p, "Gather", i%3+1)
		spine = append(spine, p)
		leaves = append(leaves, tr.Attr(p, "timeout"), tr.Element(p, "Say", 12))
	}
	all := append(append([]*Node{root}, spine...), leaves...)
	Resolve(all)
	for _, n := range all {
		if w := naive(n); n.Path() != w {
			t.Fatalf("Path() = %q, want %q", n.Path(), w)
		}
		if len(n.Path()) != n.size {
			t.Fatalf("size %d, path of %d bytes", n.size, len(n.Path()))
		}
	}
	// The spine is one string: each path a prefix of the deepest.
	deepest := spine[len(spine)-1].Path()
	for _, n := range spine {
		if n.Path() != deepest[:len(n.Path())] {
			t.Fatalf("spine path %q is not a prefix of the deepest", n.Path())
		}
	}
	// Resolving again, with new nodes below resolved ones, keeps the old
	// paths and writes the new.
	extra := tr.Attr(spine[10], "action")
	Resolve([]*Node{extra, spine[5]})
	if w := naive(extra); extra.Path() != w {
		t.Fatalf("Path() = %q, want %q", extra.Path(), w)
	}
}

// TestResolveOneString checks the paths of leaves that share no prefix
// are written one after the other into a single string.
func TestResolveOneString(t *testing.T) {
	var tr Tree
	root := tr.Root("Response")
	var ns []*Node
	for i := range 50 {
		ns = append(ns, tr.Attr(tr.Element(root, "Say", i+1), "loop"))
	}
	Resolve(ns)
	lo, hi, total := uintptr(0), uintptr(0), 0
	for i, n := range ns {
		if w := naive(n); n.Path() != w {
			t.Fatalf("Path() = %q, want %q", n.Path(), w)
		}
		p := uintptr(unsafe.Pointer(unsafe.StringData(n.Path())))
		if i == 0 || p < lo {
			lo = p
		}
		hi = max(hi, p+uintptr(len(n.Path())))
		total += len(n.Path())
	}
	if hi-lo != uintptr(total) {
		t.Fatalf("paths of %d bytes in all span %d bytes of memory, want one string", total, hi-lo)
	}
}

// names holds element names that are prefixes of one another, hold
// bytes sorting before and after / and [, and are empty.
var names = []string{"Say", "Sa", "Say[1]", "Say[1]-", "Say[1]~", "a/b", "", "*", "@x", "Gather", "comment()", "text()", "Z", "a", "a]"}

// TestCompare checks Compare against strings.Compare of the written paths
// on random trees with awkward names.
func TestCompare(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var tr Tree
		roots := []*Node{tr.Root("Response")}
		if round%10 == 0 {
			roots = append(roots, tr.Root("Respons"))
		}
		ns := append([]*Node(nil), roots...)
		for range 60 {
			p := ns[rng.IntN(len(ns))]
			if rng.IntN(5) == 0 && p.parent != nil {
				// A twin: the same step below the same parent, as a walker
				// makes for an element it met twice.
				if p.kind == attr {
					ns = append(ns, tr.Attr(p.parent, p.name))
				} else {
					ns = append(ns, tr.Element(p.parent, p.name, p.index))
				}
				continue
			}
			if p.kind == attr {
				continue
			}
			name := names[rng.IntN(len(names))]
			if rng.IntN(4) == 0 {
				ns = append(ns, tr.Attr(p, name))
			} else {
				ns = append(ns, tr.Element(p, name, rng.IntN(12)))
			}
		}
		want := make([]string, len(ns))
		for i, n := range ns {
			want[i] = naive(n)
		}
		Resolve(ns)
		for i, a := range ns {
			if a.Path() != want[i] {
				t.Fatalf("Path() = %q, want %q", a.Path(), want[i])
			}
			for j, b := range ns {
				if got, w := Compare(a, b), strings.Compare(want[i], want[j]); got != w {
					t.Fatalf("Compare(%q, %q) = %d, want %d", want[i], want[j], got, w)
				}
			}
		}
	}
}

// TestCompareUnwritten checks Compare works before Resolve.
func TestCompareUnwritten(t *testing.T) {
	var tr Tree
	root := tr.Root("Response")
	a := tr.Attr(tr.Element(root, "Say", 1), "loop")
	b := tr.Element(tr.Element(root, "Say", 1), "Say", 10)
	if got := Compare(a, b); got != strings.Compare(naive(a), naive(b)) {
		t.Fatalf("Compare = %d", got)
	}
	if got := Compare(b, b); got != 0 {
		t.Fatalf("Compare(b, b) = %d", got)
	}
}
