package devpage

import (
	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/render"
)

// ExchangeView is one HTTP request the call made (the call_flow_url, a
// Gather url, a Callback, a Curl) with its reply and the findings of
// render.Check about the document it returned.
type ExchangeView struct {
	// Step is the index of the step in the transcript.
	Step int `json:"step"`
	// Element is the command that made the request (Gather, Callback,
	// Curl), or "fetch" for the call_flow_url.
	Element string `json:"element"`
	Doc     int    `json:"doc"`
	Path    string `json:"path"`
	Method  string `json:"method"`
	URL     string `json:"url"`
	// RequestBody is the body sent, "" when none.
	RequestBody string `json:"requestBody,omitempty"`
	// Status is the reply's status, 0 when there was none.
	Status int `json:"status"`
	// Error says why the request failed, "" when it did not.
	Error string `json:"error,omitempty"`
	// Reply is the reply's body (at most maxShown bytes).
	Reply string `json:"reply"`
	// Produced is the number of the document the reply became, 0 when it
	// did not become one.
	Produced int `json:"produced,omitempty"`
	// Checked is false for a reply that is not a call-flow document (a
	// Curl's) or that was not received.
	Checked  bool      `json:"checked"`
	Findings []Finding `json:"findings"`
}

// Finding is one render.Check finding, an error or a warning.
type Finding struct {
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	// Text is the finding as one line, as `opentact check` prints it.
	Text string `json:"text"`
}

// maxShown bounds a reply body sent to the page.
const maxShown = 64 << 10

// findings checks an XML document as the page shows it: parse errors, or
// every error and warning of render.Check with its line and column.
func (s *Server) findings(data []byte) []Finding {
	var opts []render.ParseOption
	if s.lenient {
		opts = append(opts, render.Lenient())
	}
	var ds render.Diagnostics
	doc, err := render.ParseDocument(data, opts...)
	if err != nil {
		ds = diagnostics(err)
	} else {
		ds = doc.Check()
	}
	out := []Finding{}
	for _, d := range ds {
		out = append(out, Finding{Severity: string(d.Severity), Path: d.Path, Line: d.Line, Col: d.Col, Rule: d.Rule, Message: d.Message, Text: d.String()})
	}
	return out
}

// diagnostics returns the findings held by err, or err as one finding.
func diagnostics(err error) render.Diagnostics {
	if ds, ok := err.(render.Diagnostics); ok {
		return ds
	}
	return render.Diagnostics{{Path: "/", Severity: render.SeverityError, Rule: "parse", Message: err.Error()}}
}

// exchanges lists the HTTP exchanges of a transcript, each with the number
// of the document it produced.
func (s *Server) exchanges(tr flowsim.Transcript, static int) []ExchangeView {
	out := []ExchangeView{}
	ndocs := static
	pending := -1
	for i, st := range tr {
		if pending >= 0 && st.Document == ndocs+1 {
			ndocs++
			out[pending].Produced = ndocs
			pending = -1
		}
		x := st.Exchange
		if x == nil {
			continue
		}
		v := ExchangeView{Step: i, Element: st.Element, Doc: st.Document, Path: st.Path, Method: x.Method, URL: x.URL,
			RequestBody: string(x.RequestBody), Status: x.Status, Error: x.Err, Findings: []Finding{}}
		v.Reply = string(x.Body)
		if len(v.Reply) > maxShown {
			v.Reply = v.Reply[:maxShown] + "\n… (cut at 64 KiB)"
		}
		if st.Element != "Curl" && x.Status/100 == 2 {
			v.Checked = true
			v.Findings = s.findings(x.Body)
			if st.Outcome == flowsim.OK || st.Outcome == flowsim.FellBack {
				pending = len(out)
			}
		}
		out = append(out, v)
	}
	return out
}
