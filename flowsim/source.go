package flowsim

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// Builder is a value that builds a document, such as a *flow.Flow.
type Builder interface {
	Build() (*verbs.Response, error)
}

// HandlerSource is a source of New: an application's HTTP handler that
// answers the SIP control app's call_flow_url. Make one with Handler.
type HandlerSource struct {
	handler http.Handler
	url     *url.URL
}

// defaultBase is the origin of a call_flow_url given as a path only; it is
// httptest's default host.
const defaultBase = "http://example.com"

// Handler returns a source that asks h for the first document of each
// call, as the platform asks a SIP control app's call_flow_url. The URL may
// be absolute (https://ivr.example.com/calls) or a path (/calls, served as
// http://example.com/calls). Every later request of the call (Gather url,
// Callback, Curl) to the same scheme and host also goes to h, in process.
func Handler(h http.Handler, callFlowURL string) HandlerSource {
	return HandlerSource{handler: h, url: parseCallFlowURL(callFlowURL)}
}

// URLSource is a source of New: an application's call_flow_url reached
// over the network. Make one with URL.
type URLSource struct {
	url *url.URL
	raw string
}

// URL returns a source that asks the application at callFlowURL (http or
// https) for the first document of each call over the network, with the
// http.Client of the Client option, which New requires with it. The
// call's other requests go where their URLs say, through the same client
// unless a Route serves them. Tests should prefer Handler, which needs no
// running server.
func URL(callFlowURL string) URLSource {
	u, err := url.Parse(callFlowURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		u = nil
	}
	return URLSource{url: u, raw: callFlowURL}
}

// parseCallFlowURL resolves a call_flow_url; nil when it is not usable.
func parseCallFlowURL(s string) *url.URL {
	if strings.HasPrefix(s, "/") {
		s = defaultBase + s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

// source is what New keeps of its source: a document, its parse or build
// failure, or a handler.
type source struct {
	doc      *document          // a static document, parsed and checked once
	findings render.Diagnostics // why the static document cannot run
	handler  HandlerSource
	remote   bool // a URL: handler holds only the URL
}

// newSource reads the source of New; lenient parses XML as Lenient says.
func newSource(src any, lenient bool) (source, error) {
	switch s := src.(type) {
	case nil:
		return source{}, errors.New("flowsim: New: nil source")
	case *verbs.Response:
		if s == nil {
			return source{}, errors.New("flowsim: New: nil *verbs.Response")
		}
		return staticSource(s, nil, nil), nil
	case []byte:
		var opts []render.ParseOption
		if lenient {
			opts = append(opts, render.Lenient())
		}
		doc, err := render.ParseDocument(s, opts...)
		if err != nil {
			return source{findings: diagnosticsOf(err)}, nil
		}
		return staticSource(doc.Response, doc.Positions, doc.Warnings), nil
	case HandlerSource:
		if s.handler == nil {
			return source{}, errors.New("flowsim: New: Handler with a nil http.Handler")
		}
		if s.url == nil {
			return source{}, errors.New("flowsim: New: Handler needs an http or https call_flow_url or a path starting with /")
		}
		return source{handler: s}, nil
	case URLSource:
		if s.url == nil {
			return source{}, fmt.Errorf("flowsim: New: URL %q: want an absolute http or https URL", s.raw)
		}
		return source{handler: HandlerSource{url: s.url}, remote: true}, nil
	case Builder:
		r, err := s.Build()
		if err != nil && !render.IsWarnings(err) { // staticSource reports the warnings
			return source{findings: diagnosticsOf(err)}, nil
		}
		if r == nil {
			return source{findings: render.Diagnostics{{Path: "/", Severity: render.SeverityError, Rule: "nil", Message: "Build returned no document"}}}, nil
		}
		return staticSource(r, nil, nil), nil
	}
	return source{}, fmt.Errorf("flowsim: New: unsupported source %T (want *verbs.Response, a Builder such as *flow.Flow, XML []byte, flowsim.Handler or flowsim.URL)", src)
}

// staticSource checks a document given to New.
func staticSource(r *verbs.Response, pos render.Positions, warnings render.Diagnostics) source {
	ds := append(render.Diagnostics(nil), warnings...)
	ds = append(ds, render.Check(r, render.At(pos))...)
	if ds.HasErrors() {
		return source{findings: ds.Errors()}
	}
	return source{doc: newDocument(r, pos, "")}
}

// diagnosticsOf returns the findings held by err, or err as one finding.
func diagnosticsOf(err error) render.Diagnostics {
	var ds render.Diagnostics
	if errors.As(err, &ds) {
		return ds.Errors()
	}
	return render.Diagnostics{{Path: "/", Severity: render.SeverityError, Rule: "parse", Message: err.Error()}}
}
