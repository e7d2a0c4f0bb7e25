package flowtest

import (
	"encoding"
	"errors"
	"fmt"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// Builder is a value that builds a document, such as a *flow.Flow.
type Builder interface {
	Build() (*verbs.Response, error)
}

// response returns the document that doc is or builds.
func response(doc any) (*verbs.Response, error) {
	switch d := doc.(type) {
	case *verbs.Response:
		if d == nil {
			return nil, errors.New("flowtest: nil *verbs.Response")
		}
		return d, nil
	case Builder:
		r, err := d.Build()
		if err != nil {
			return nil, fmt.Errorf("flowtest: building the document:\n%w", err)
		}
		if r == nil {
			return nil, errors.New("flowtest: Build returned no document")
		}
		return r, nil
	case nil:
		return nil, errors.New("flowtest: nil document")
	}
	return nil, fmt.Errorf("flowtest: unsupported document type %T (want *verbs.Response or a Builder)", doc)
}

// marshal builds, validates and renders doc in the default layout. A
// value with a text form of its own (encoding.TextMarshaler, such as a
// flowsim.Transcript) is compared as that text.
func marshal(doc any) ([]byte, error) {
	if tm, ok := doc.(encoding.TextMarshaler); ok {
		return tm.MarshalText()
	}
	r, err := response(doc)
	if err != nil {
		return nil, err
	}
	out, err := render.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("flowtest: the document is invalid:\n%w", err)
	}
	return out, nil
}
