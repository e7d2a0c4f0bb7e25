package flowsim

import (
	"strconv"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// document is one call-flow document the call runs: the first one, or one
// fetched by a Gather url, a Callback or the call_flow_url.
type document struct {
	resp *verbs.Response
	pos  render.Positions // nil unless parsed from XML
	url  string           // where it came from; "" for a static source
	key  string           // its canonical compact form, which identifies it
}

func newDocument(r *verbs.Response, pos render.Positions, url string) *document {
	d := &document{resp: r, pos: pos, url: url}
	if b, err := render.Marshal(r, render.Compact()); err == nil {
		d.key = string(b)
	}
	return d
}

// position returns the line and column of n, 0, 0 when unknown.
func (d *document) position(n verbs.Node) (int, int) {
	if d == nil || d.pos == nil {
		return 0, 0
	}
	p := d.pos[n]
	return p.Line, p.Col
}

// childList returns the non-nil children of n and their paths under path:
// 1-based positions among same-named siblings, as render reports them.
// Comments are left out.
func childList(n verbs.Node, path string) ([]verbs.Node, []string) {
	var kids []verbs.Node
	var paths []string
	counts := map[string]int{}
	verbs.EachChild(n, func(c verbs.Node) {
		name := c.ElementName()
		if name == "" {
			return // a comment
		}
		counts[name]++
		kids = append(kids, c)
		paths = append(paths, path+"/"+name+"["+strconv.Itoa(counts[name])+"]")
	})
	return kids, paths
}

// errorChild returns the <Error> child of n and its path, nil when none.
func errorChild(n verbs.Node, path string) (*verbs.Error, string) {
	kids, paths := childList(n, path)
	for i, k := range kids {
		if e, ok := k.(*verbs.Error); ok {
			return e, paths[i]
		}
	}
	return nil, ""
}
