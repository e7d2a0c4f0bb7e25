package devpage

import (
	"fmt"
	"strconv"

	"github.com/opentact-go/opentact/flowgraph"
	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// State is what the page shows, as /api/state and the stream send it.
type State struct {
	Calling bool `json:"calling"`
	// Waiting: the call waits for the caller at ActivePath.
	Waiting bool `json:"waiting"`
	// Paused: the call is paused before the command at ActivePath (step
	// mode); Step runs it, Continue runs to the next wait.
	Paused bool `json:"paused"`
	// Stepping: the call pauses before each command.
	Stepping bool `json:"stepping"`
	// Running: the call is between two settled states (a slow request).
	Running    bool             `json:"running"`
	Ended      bool             `json:"ended"`
	End        string           `json:"end,omitempty"`
	Transcript []StepView       `json:"transcript"`
	Heard      []string         `json:"heard"`
	Documents  []DocumentView   `json:"documents"`
	ActiveDoc  int              `json:"activeDoc"`
	ActivePath string           `json:"activePath"`
	Visited    map[int][]string `json:"visited"`
	Exchanges  []ExchangeView   `json:"exchanges"`
	// Problems say in words what went wrong in the call: a document that
	// cannot run, a request that failed. Empty when nothing did.
	Problems []string `json:"problems"`
	// Notice is the dev server's message about the application (it is
	// starting, it exited), "" when none.
	Notice string `json:"notice,omitempty"`
	// Log is the application's output and the dev server's words about it.
	Log []LogLine `json:"log"`
	// Destinations are the destinations of the documents' Dials, for the
	// answer:DESTINATION outcome.
	Destinations []string `json:"destinations"`
}

// StepView is one transcript step.
type StepView struct {
	Text     string   `json:"text"`
	Doc      int      `json:"doc"`
	Path     string   `json:"path"`
	Element  string   `json:"element"`
	Outcome  string   `json:"outcome"`
	Heard    string   `json:"heard,omitempty"`
	Caller   string   `json:"caller,omitempty"`
	Findings []string `json:"findings,omitempty"`
}

// DocumentView is one document of the call: its XML and the line of each
// element path.
type DocumentView struct {
	N     int            `json:"n"`
	XML   string         `json:"xml"`
	Lines map[string]int `json:"lines"`
	// URL is where the document came from, "" for the page's own source.
	URL string `json:"url,omitempty"`
	// Findings are render.Check's errors and warnings about it.
	Findings []Finding `json:"findings"`
}

// state builds the current view.
func (s *Server) state() State {
	st := State{Transcript: []StepView{}, Heard: []string{}, Documents: []DocumentView{}, Visited: map[int][]string{},
		Exchanges: []ExchangeView{}, Problems: []string{}}
	s.logState(&st)
	s.mu.Lock()
	sess := s.sess
	s.mu.Unlock()
	if sess == nil {
		docs, _ := s.documents(nil)
		st.Destinations = destinations(docs)
		return st
	}
	sess.mu.Lock()
	c, paused, busy := sess.call, sess.paused, sess.busy
	st.Stepping = sess.stepping
	sess.mu.Unlock()
	st.Calling = true
	var tr flowsim.Transcript
	if c != nil {
		tr = c.Transcript()
		st.Ended = c.Ended() && !busy
		st.End = string(c.End())
		if w, ok := c.Waiting(); ok && !busy {
			st.Waiting, st.ActiveDoc, st.ActivePath = true, w.Document, w.Path
		}
	}
	switch {
	case paused != nil:
		st.Paused, st.ActiveDoc, st.ActivePath = true, paused.Document, paused.Path
	case busy:
		st.Running = true
	}
	if !st.Ended {
		st.End = ""
	}
	for _, step := range tr {
		v := StepView{Text: step.String(), Doc: step.Document, Path: step.Path, Element: step.Element,
			Outcome: string(step.Outcome), Heard: step.Heard, Caller: step.Caller}
		for _, f := range step.Findings {
			v.Findings = append(v.Findings, f.String())
		}
		st.Transcript = append(st.Transcript, v)
		if step.Heard != "" {
			st.Heard = append(st.Heard, step.Heard)
		}
		if step.Path != "" {
			st.Visited[step.Document] = append(st.Visited[step.Document], step.Path)
		}
	}
	docs, xs := s.documents(tr)
	for _, d := range docs {
		st.Documents = append(st.Documents, DocumentView{N: d.n, XML: d.xml, URL: d.url, Lines: lineMap([]byte(d.xml)), Findings: s.findings([]byte(d.xml))})
	}
	st.Exchanges = xs
	st.Destinations = destinations(docs)
	st.Problems = problems(tr, xs)
	return st
}

// doc is one document of the call.
type doc struct {
	n   int
	xml string
	url string
}

// documents returns the documents of the call in number order, the static
// source first, then each reply that became a document, and the call's
// exchanges.
func (s *Server) documents(tr flowsim.Transcript) ([]doc, []ExchangeView) {
	var out []doc
	if b, ok := s.src.([]byte); ok {
		out = append(out, doc{n: 1, xml: string(b)})
	} else if r, ok := s.src.(*verbs.Response); ok {
		if b, err := render.Marshal(r); err == nil {
			out = append(out, doc{n: 1, xml: string(b)})
		}
	}
	xs := s.exchanges(tr, len(out))
	for _, x := range xs {
		if x.Produced > 0 {
			out = append(out, doc{n: x.Produced, xml: string(tr[x.Step].Exchange.Body), url: x.URL})
		}
	}
	return out, xs
}

// problems says what went wrong in the call, in words: a document that
// cannot run, each failed request, each reply that is not a valid
// document.
func problems(tr flowsim.Transcript, xs []ExchangeView) []string {
	out := []string{}
	for _, step := range tr {
		if step.Element == "check" && step.Outcome == flowsim.Invalid {
			msg := "the document cannot run"
			if len(step.Findings) > 0 {
				msg += ": " + step.Findings[0].String()
				if n := len(step.Findings) - 1; n > 0 {
					msg += fmt.Sprintf(" (and %d more)", n)
				}
			}
			out = append(out, msg)
		}
	}
	for _, x := range xs {
		what := x.Element
		if what == "fetch" {
			what = "the call_flow_url"
		}
		req := x.Method + " " + x.URL
		switch {
		case x.Error != "" && x.Status == 0:
			out = append(out, fmt.Sprintf("%s request %s got no reply: %s", what, req, x.Error))
		case x.Error != "":
			out = append(out, fmt.Sprintf("%s request %s failed: %s", what, req, x.Error))
		case x.Checked && hasError(x.Findings):
			out = append(out, fmt.Sprintf("%s request %s returned a document that cannot run: %s", what, req, firstError(x.Findings)))
		}
	}
	return out
}

func hasError(fs []Finding) bool { return firstError(fs) != "" }

func firstError(fs []Finding) string {
	for _, f := range fs {
		if f.Severity == string(render.SeverityError) {
			return f.Text
		}
	}
	return ""
}

// lineMap maps each element path of an XML document to its line; empty
// when it does not parse.
func lineMap(data []byte) map[string]int {
	out := map[string]int{}
	doc, err := render.ParseDocument(data, render.Lenient())
	if err != nil {
		return out
	}
	var walk func(n verbs.Node, path string)
	walk = func(n verbs.Node, path string) {
		out[path] = doc.Positions[n].Line
		counts := map[string]int{}
		verbs.EachChild(n, func(c verbs.Node) {
			name := c.ElementName()
			if name == "" {
				return
			}
			counts[name]++
			walk(c, path+"/"+name+"["+strconv.Itoa(counts[name])+"]")
		})
	}
	walk(doc.Response, "/Response")
	return out
}

// graphSVG draws document n of the current call.
func (s *Server) graphSVG(n int) (string, bool) {
	var tr flowsim.Transcript
	s.mu.Lock()
	sess := s.sess
	s.mu.Unlock()
	if sess != nil {
		sess.mu.Lock()
		if sess.call != nil {
			tr = sess.call.Transcript()
		}
		sess.mu.Unlock()
	}
	docs, _ := s.documents(tr)
	if n > len(docs) {
		return "", false
	}
	r, err := render.Parse([]byte(docs[n-1].xml), render.Lenient())
	if err != nil {
		return "", false
	}
	return flowgraph.New(r).SVG(), true
}
