package flow

import (
	"bytes"
	"cmp"
	"io"
	"strings"
	"sync"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// Check returns every finding about the document f makes: the problems
// the builder recorded, each with the path of its element, and the errors
// and warnings of render.Check. A nil or empty result means a clean
// document.
func (f *Flow) Check() render.Diagnostics {
	_, ds := f.build()
	return ds
}

// build returns the document, sharing the nodes of f's node items, and
// its findings.
func (f *Flow) build() (*verbs.Response, render.Diagnostics) {
	r := &verbs.Response{}
	var is map[verbs.Node][]issue
	if f.Len() > 0 {
		// Neither locate nor render changes the nodes or the problems.
		r.Commands, is = commandNodes(f.items()), f.issues.byNode()
	}
	// Both lists come sorted (locate sorts its own): merging keeps the
	// order a stable sort of own followed by render.Check's findings would
	// give, in time linear in the findings.
	own := locate(r, is)
	return r, merge(own, dedupe(render.Check(r), own))
}

// Build returns the document f makes. It shares no memory with f: later
// calls on f never change it. When the builder recorded a problem or
// render.Check finds an error, Build returns nil and every finding
// (warnings included) as a render.Diagnostics; each names the path of its
// element, such as /Response/Gather[1]/DTMF[2].
//
// Warnings are not silent: a valid document with warnings (a command after
// Hangup that never runs, a legacy element, …) comes back together with
// its warnings as a render.Diagnostics error that render.IsWarnings
// recognises (Diagnostics.WarningsOnly is true). A caller that accepts
// warnings writes
//
//	doc, err := f.Build()
//	if err != nil && !render.IsWarnings(err) {
//		return err
//	}
func (f *Flow) Build() (*verbs.Response, error) {
	r, ds := f.build()
	if ds.HasErrors() {
		return nil, ds
	}
	return verbs.Clone(r), warnings(ds)
}

// warnings returns ds as an error when it holds findings (only warnings,
// by the time it is called), and nil for a clean document.
func warnings(ds render.Diagnostics) error {
	if len(ds) == 0 {
		return nil
	}
	return ds
}

// MustBuild is like Build but panics if the flow has an error; warnings
// alone do not panic (Check and flowtest report them). It is meant for
// flows defined at package level, whose errors are programming errors.
func (f *Flow) MustBuild() *verbs.Response {
	r, err := f.Build()
	if err != nil && !render.IsWarnings(err) {
		panic("flow: " + err.Error())
	}
	return r
}

// XML builds and validates f and returns its canonical XML, indented by
// two spaces (see render.Marshal). Errors are returned as by Build: with
// an error nothing is rendered, and a document with warnings only is
// rendered and returned together with them (render.IsWarnings).
func (f *Flow) XML() ([]byte, error) {
	return f.marshal()
}

// CompactXML is like XML but writes no white space between elements.
func (f *Flow) CompactXML() ([]byte, error) {
	return f.marshal(render.Compact())
}

// MustXML is like XML but panics if the flow has an error; warnings alone
// do not panic. It is meant for flows defined at package level, whose
// errors are programming errors.
func (f *Flow) MustXML() []byte {
	b, err := f.XML()
	if err != nil && !render.IsWarnings(err) {
		panic("flow: " + err.Error())
	}
	return b
}

// WriteTo builds and validates f and writes its canonical XML to w. It
// implements io.WriterTo. When f has an error nothing is written; a
// document with warnings only is written and its warnings are returned as
// by Build (render.IsWarnings), unless the write itself fails.
func (f *Flow) WriteTo(w io.Writer) (int64, error) {
	bp := bufPool.Get().(*[]byte)
	defer putBuf(bp)
	b, ds, err := f.render((*bp)[:0])
	if err != nil {
		return 0, err
	}
	*bp = b
	n, err := w.Write(b)
	if err != nil {
		return int64(n), err
	}
	return int64(n), warnings(ds)
}

// marshal renders f into a pooled buffer and returns a copy of exactly
// its length, so that a document takes one allocation however it grew.
func (f *Flow) marshal(opts ...render.Option) ([]byte, error) {
	bp := bufPool.Get().(*[]byte)
	defer putBuf(bp)
	b, ds, err := f.render((*bp)[:0], opts...)
	if err != nil {
		return nil, err
	}
	*bp = b
	return bytes.Clone(b), warnings(ds)
}

// maxPooled is the capacity above which a buffer is not kept for reuse, so
// that one huge document does not pin its memory.
const maxPooled = 1 << 20

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

func putBuf(bp *[]byte) {
	if cap(*bp) <= maxPooled {
		bufPool.Put(bp)
	}
}

// render appends the XML of f to dst and returns the document's warnings.
// An error means the document is invalid and nothing was appended.
func (f *Flow) render(dst []byte, opts ...render.Option) ([]byte, render.Diagnostics, error) {
	if f.fast() {
		if b, ds, ok := appendFast(dst, f, opts); ok {
			return b, ds, nil
		}
	}
	r, ds := f.build()
	if ds.HasErrors() {
		return nil, nil, ds
	}
	// The nodes are not copied: rendering only reads them.
	b, err := render.Append(dst, r, opts...)
	return b, ds, err
}

// dedupe drops the findings of the validator about an element (or one of
// its attributes) the builder already reported, whose message is closer
// to the call the user made.
//
// The builder's paths are looked up in a set, so that a deep flow with a
// problem at every level costs time linear in the findings (comparing
// every finding with every problem was quadratic in the depth).
func dedupe(found, own render.Diagnostics) render.Diagnostics {
	if len(own) == 0 || len(found) == 0 {
		return found
	}
	// Only a path of the length of a path found, or of the element of an
	// attribute found, can cover one: the others, long in a deep flow, are
	// not hashed.
	lengths := make(map[int]bool, len(found))
	for _, d := range found {
		for p := d.Path; ; {
			lengths[len(p)] = true
			i := strings.LastIndexByte(p, '/')
			if i < 0 || !strings.HasPrefix(p[i:], "/@") {
				break
			}
			p = p[:i]
		}
	}
	paths := make(map[string]bool)    // every path of own that may cover one
	elements := make(map[string]bool) // those of elements, not attributes
	for _, o := range own {
		if !lengths[len(o.Path)] {
			continue
		}
		paths[o.Path] = true
		if i := strings.LastIndexByte(o.Path, '/'); i < 0 || !strings.HasPrefix(o.Path[i:], "/@") {
			elements[o.Path] = true
		}
	}
	out := found[:0:0]
	for _, d := range found {
		if !coveredBy(d.Path, paths, elements) {
			out = append(out, d)
		}
	}
	return out
}

// coveredBy reports whether the builder reported the node of path: path
// is one of paths, or the path of an attribute of one of elements. Only
// the last steps are read, from the end: an attribute is always the last.
func coveredBy(path string, paths, elements map[string]bool) bool {
	if paths[path] {
		return true
	}
	for end := len(path); ; {
		i := strings.LastIndexByte(path[:end], '/')
		if i < 0 || !strings.HasPrefix(path[i:], "/@") {
			return false
		}
		if elements[path[:i]] {
			return true
		}
		end = i
	}
}

// merge returns the findings of a and b, both sorted as
// render.Diagnostics.Sort sorts, in that order; of two that compare equal,
// those of a come first, as a stable sort of a followed by b would put
// them.
func merge(a, b render.Diagnostics) render.Diagnostics {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	out := make(render.Diagnostics, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if compareFindings(b[0], a[0]) < 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// compareFindings is the order of render.Diagnostics.Sort: line, column,
// path.
func compareFindings(a, b render.Diagnostic) int {
	return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), strings.Compare(a.Path, b.Path))
}
