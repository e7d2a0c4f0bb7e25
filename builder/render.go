package flow

import (
	"io"

	"github.com/opentact-go/opentact/render"
)

// Render builds and validates f and writes its canonical XML to w, with
// nothing written when f has an error. A document with warnings only is
// written and its warnings are returned, as by WriteTo; render.IsWarnings
// tells them from errors. It makes a *Flow satisfy the Flow interfaces of
// packages client and webhook, so a flow can be passed straight to
// client.SIPControlApps.PutCallFlow and the like.
func (f *Flow) Render(w io.Writer) error {
	_, err := f.WriteTo(w)
	return err
}

// AppendXML builds and validates f once and appends its canonical XML
// (render.Marshal's layout, or the layouts opts choose) to dst, returning
// the extended buffer. When f has an error, dst comes back unchanged with
// the error, as Build returns it. A document with warnings only is
// appended and its warnings are returned (render.IsWarnings). The document
// is neither copied nor rendered into a buffer of its own, so a server can
// render every reply into a reused buffer.
func (f *Flow) AppendXML(dst []byte, opts ...render.Option) ([]byte, error) {
	b, ds, err := f.render(dst, opts...)
	if err != nil {
		return dst, err
	}
	return b, warnings(ds)
}
