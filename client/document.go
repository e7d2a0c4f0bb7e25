package client

import (
	"errors"
	"io"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// Document returns a Flow that validates r and renders it with
// render.Marshal (the canonical, indented layout) when a call sends it. A
// document that fails validation is returned as the call's error, wrapping
// render's diagnostics, and nothing is sent.
//
// Use it with the flow builder's result:
//
//	doc, err := flow.New().Say("Hello").Hangup().Build()
//	…
//	c.SIPControlApps.PutCallFlow(ctx, appUUID, client.Document(doc))
func Document(r *verbs.Response) Flow { return document{r} }

// document renders a *verbs.Response.
type document struct{ r *verbs.Response }

// Render validates and writes the document.
func (d document) Render(w io.Writer) error {
	if d.r == nil {
		return errors.New("nil *verbs.Response")
	}
	b, err := render.Marshal(d.r)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
