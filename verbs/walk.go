package verbs

// Visitor is called by Walk for each node: Visit(n) returns the visitor for
// the children of n (nil to skip them); after the children, Walk calls
// Visit(nil) on that returned visitor, as go/ast does.
type Visitor interface {
	Visit(n Node) (w Visitor)
}

// Walk traverses a document depth-first in document order: it calls
// v.Visit(n); if that returns a non-nil visitor w, Walk visits each child of
// n with w, then calls w.Visit(nil). Nil nodes (a nil *Say in a list, a nil
// interface) are skipped, never visited, so a visitor may dereference every
// node it gets.
func Walk(v Visitor, n Node) {
	if IsNil(n) {
		return
	}
	if v = v.Visit(n); v == nil {
		return
	}
	EachChild(n, func(c Node) { Walk(v, c) })
	v.Visit(nil)
}

type inspector func(Node) bool

func (f inspector) Visit(n Node) Visitor {
	if f(n) {
		return f
	}
	return nil
}

// Inspect traverses a document depth-first in document order: it calls f(n)
// for each non-nil node; if f returns true, Inspect visits the children of n,
// then calls f(nil).
func Inspect(n Node, f func(Node) bool) {
	Walk(inspector(f), n)
}

// EachChild calls f for each non-nil direct child of n in document order:
// the commands of a command list, the children of Dial, Gather, Tone, Curl,
// Callback, Switch and raw elements. A leaf (Say, To, Comment, …) has none.
func EachChild(n Node, f func(Node)) {
	EachEntry(n, func(_ int, c Node) {
		if !IsNil(c) {
			f(c)
		}
	})
}
