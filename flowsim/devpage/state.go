package devpage

import (
	"strconv"

	"github.com/opentact-go/opentact/flowgraph"
	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// State is what the page shows, as /api/state and the stream send it.
type State struct {
	Calling    bool             `json:"calling"`
	Waiting    bool             `json:"waiting"`
	Ended      bool             `json:"ended"`
	End        string           `json:"end,omitempty"`
	Transcript []StepView       `json:"transcript"`
	Heard      []string         `json:"heard"`
	Documents  []DocumentView   `json:"documents"`
	ActiveDoc  int              `json:"activeDoc"`
	ActivePath string           `json:"activePath"`
	Visited    map[int][]string `json:"visited"`
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
}

// state builds the current view.
func (s *Server) state() State {
	st := State{Transcript: []StepView{}, Heard: []string{}, Documents: []DocumentView{}, Visited: map[int][]string{}}
	s.mu.Lock()
	sess := s.sess
	s.mu.Unlock()
	if sess == nil {
		return st
	}
	c := sess.call
	tr := c.Transcript()
	st.Calling = true
	st.Ended = c.Ended()
	st.End = string(c.End())
	if w, ok := c.Waiting(); ok {
		st.Waiting, st.ActiveDoc, st.ActivePath = true, w.Document, w.Path
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
	for n, x := range s.documents(tr) {
		st.Documents = append(st.Documents, DocumentView{N: n + 1, XML: x, Lines: lineMap([]byte(x))})
	}
	return st
}

// documents returns the XML of each document of the call, in number
// order: the static source, or the reply of the request that fetched it
// (the latest exchange before the document's first step).
func (s *Server) documents(tr flowsim.Transcript) []string {
	var out []string
	if b, ok := s.src.([]byte); ok {
		out = append(out, string(b))
	} else if r, ok := s.src.(*verbs.Response); ok {
		b, err := render.Marshal(r)
		if err == nil {
			out = append(out, string(b))
		}
	}
	var last []byte
	for _, step := range tr {
		if step.Document == len(out)+1 && last != nil {
			out = append(out, string(last))
			last = nil
		}
		if x := step.Exchange; x != nil && x.Status/100 == 2 && len(x.Body) > 0 {
			last = x.Body
		}
	}
	return out
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
		tr = sess.call.Transcript()
	}
	docs := s.documents(tr)
	if n > len(docs) {
		return "", false
	}
	r, err := render.Parse([]byte(docs[n-1]), render.Lenient())
	if err != nil {
		return "", false
	}
	return flowgraph.New(r).SVG(), true
}
