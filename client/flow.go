package client

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/textproto"
	"strings"

	"github.com/opentact-go/opentact/render"
)

// Flow is anything that writes one complete call-flow XML document. The
// project's flow builder satisfies it; XML wraps a document rendered
// elsewhere. A flow whose Render fails (an invalid *flow.Flow) is refused
// before any I/O with an error that matches ErrInvalidArgument and wraps
// the render error (errors.As finds its render.Diagnostics). A flow that
// renders with warnings only (render.IsWarnings: a *flow.Flow with a
// command after Hangup, a legacy element, …) is valid and is sent; lint it
// in tests with flowtest, which fails on warnings.
type Flow interface {
	Render(w io.Writer) error
}

// XML wraps an already rendered call-flow document; it is sent unchanged.
func XML(doc []byte) Flow { return xmlDoc(doc) }

// xmlDoc is a rendered document.
type xmlDoc []byte

// Render writes the document.
func (d xmlDoc) Render(w io.Writer) error {
	_, err := w.Write(d)
	return err
}

// renderFlow renders f into memory before any I/O.
func renderFlow(op string, f Flow) ([]byte, error) {
	if f == nil {
		return nil, invalidArg(op, "nil call flow")
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil && !render.IsWarnings(err) {
		// An invalid flow is a bad argument: nothing was sent.
		return nil, &argError{op: op, msg: "rendering the call flow: " + err.Error(), err: err}
	}
	if len(bytes.TrimSpace(buf.Bytes())) == 0 {
		return nil, invalidArg(op, "the call flow rendered to an empty document")
	}
	return buf.Bytes(), nil
}

// File is a multipart body with a single file part, for Client.Do.
type File struct {
	Field       string // form name; "" means "file"
	Name        string // file name; "" means "callflow.xml"
	ContentType string // "" means "application/xml"
	Data        []byte
}

// multipartBody builds f in memory and returns it with its Content-Type.
func multipartBody(f File) ([]byte, string, error) {
	if f.Field == "" {
		f.Field = "file"
	}
	if f.Name == "" {
		f.Name = "callflow.xml"
	}
	if f.ContentType == "" {
		f.ContentType = "application/xml"
	}
	for _, v := range []string{f.Field, f.Name, f.ContentType} {
		// A part header holds its values as written: a line break
		// would start a header of the caller's text.
		if i := strings.IndexFunc(v, isControl); i >= 0 {
			return nil, "", fmt.Errorf("%q holds the control character %q", v, v[i])
		}
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, f.Field, f.Name))
	h.Set("Content-Type", f.ContentType)
	part, err := mw.CreatePart(h)
	if err != nil {
		return nil, "", err
	}
	if _, err := part.Write(f.Data); err != nil {
		return nil, "", err
	}
	if err := mw.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), mw.FormDataContentType(), nil
}

// isControl reports whether r is an ASCII control character.
func isControl(r rune) bool { return r < ' ' || r == 0x7f }

// flowRequest returns a multipart request carrying the rendered flow as part "file".
func flowRequest(op, path string, f Flow) (*request, error) {
	doc, err := renderFlow(op, f)
	if err != nil {
		return nil, err
	}
	body, ctype, err := multipartBody(File{Data: doc})
	if err != nil {
		return nil, invalidArg(op, "building the multipart body: %v", err)
	}
	return &request{op: op, method: "POST", path: path, body: body, contentType: ctype}, nil
}
