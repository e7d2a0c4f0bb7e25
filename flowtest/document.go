package flowtest

import (
	"errors"
	"fmt"
	"strings"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// Builder is a document under test: a value that builds a call-flow
// document, such as a *flow.Flow. Golden and Equivalent take a Builder, so
// a string or another stray value does not compile; Response wraps a
// *verbs.Response built or parsed without the builder.
type Builder interface {
	Build() (*verbs.Response, error)
}

// Response returns a Builder for r, for documents made without the flow
// builder (parsed with render.Parse, built as verbs values, or fetched from
// a handler).
func Response(r *verbs.Response) Builder { return response{r} }

// response is the Builder of a ready document.
type response struct{ r *verbs.Response }

func (d response) Build() (*verbs.Response, error) {
	if d.r == nil {
		return nil, errors.New("flowtest: nil *verbs.Response")
	}
	return d.r, nil
}

// marshal builds, validates and renders doc in the default layout and
// returns its warnings. A document with an error is refused with its
// findings.
func marshal(doc Builder) ([]byte, render.Diagnostics, error) {
	if doc == nil {
		return nil, nil, errors.New("flowtest: nil document")
	}
	r, err := doc.Build()
	if err != nil && !render.IsWarnings(err) {
		return nil, nil, fmt.Errorf("flowtest: building the document:\n%w", err)
	}
	if r == nil {
		return nil, nil, errors.New("flowtest: Build returned no document")
	}
	ds := render.Check(r)
	if ds.HasErrors() {
		return nil, nil, fmt.Errorf("flowtest: the document is invalid:\n%w", ds)
	}
	out, err := render.Marshal(r)
	if err != nil {
		return nil, nil, fmt.Errorf("flowtest: the document is invalid:\n%w", err)
	}
	return out, ds.Warnings(), nil
}

// warningsOK reports whether the warnings w are acceptable under s, and
// fails the test through t.Errorf, listing them, when they are not.
func warningsOK(t TB, w render.Diagnostics, s settings) bool {
	t.Helper()
	if len(w) == 0 || s.allowWarnings {
		return true
	}
	t.Errorf("flowtest: the document has warnings (pass flowtest.AllowWarnings() to accept them):\n%s", indent(w.Error()))
	return false
}

// indent indents every line of s by a tab.
func indent(s string) string {
	return "\t" + strings.ReplaceAll(s, "\n", "\n\t")
}
