package flow

import "io"

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
