package devpage

import (
	"bytes"
	"fmt"
	"go/format"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// test writes the generated test of the current session as a download.
func (s *Server) test(w http.ResponseWriter) {
	src, err := s.generateTest()
	if err != nil {
		writeError(w, http.StatusConflict, err.Error())
		return
	}
	w.Header().Set("Content-Type", "text/x-go; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="call_test.go"`)
	_, _ = w.Write(src)
}

// generateTest writes a Go test that replays the session through flowsim
// and compares the transcript with the one the page showed.
func (s *Server) generateTest() ([]byte, error) {
	if s.code.Expr == "" {
		return nil, fmt.Errorf("save as test: the source has no Go form; give the server one with WithSourceCode")
	}
	s.mu.Lock()
	sess := s.sess
	var acts []act
	if sess != nil {
		acts = append(acts, sess.acts...)
	}
	s.mu.Unlock()
	if sess == nil {
		return nil, fmt.Errorf("save as test: no call yet; make one first")
	}
	imports := []string{"strings", "testing", "time", "github.com/opentact-go/opentact/flowsim"}
	for _, im := range s.code.Imports {
		if !slices.Contains(imports, im) {
			imports = append(imports, im)
		}
	}
	var b bytes.Buffer
	b.WriteString("package call_test\n\nimport (\n")
	for _, im := range imports {
		b.WriteString(strconv.Quote(im) + "\n")
	}
	b.WriteString(")\n\n// TestCall replays a call made on the opentact dev page.\nfunc TestCall(t *testing.T) {\n")
	fmt.Fprintf(&b, "sim, err := flowsim.New(%s)\nif err != nil {\nt.Fatal(err)\n}\n", s.code.Expr)
	r := sess.req
	fmt.Fprintf(&b, "opts := []flowsim.CallOption{flowsim.At(time.Date(%d, %d, %d, %d, %d, %d, 0, time.UTC))}\n",
		sess.at.UTC().Year(), sess.at.UTC().Month(), sess.at.UTC().Day(), sess.at.UTC().Hour(), sess.at.UTC().Minute(), sess.at.UTC().Second())
	if r.From != "" {
		fmt.Fprintf(&b, "opts = append(opts, flowsim.From(%q))\n", r.From)
	}
	if r.To != "" {
		fmt.Fprintf(&b, "opts = append(opts, flowsim.To(%q))\n", r.To)
	}
	if r.State != "" {
		fmt.Fprintf(&b, "opts = append(opts, flowsim.CallerLocation(%q, %q))\n", r.State, r.County)
	}
	for _, d := range r.Dials {
		fn := map[string]string{"answer": `flowsim.Answered("", 0, 0)`, "busy": "flowsim.Busy()", "noanswer": "flowsim.NoAnswer()"}[d]
		fmt.Fprintf(&b, "opts = append(opts, flowsim.Dials(%s))\n", fn)
	}
	if len(r.Recordings) > 0 {
		fmt.Fprintf(&b, "opts = append(opts, flowsim.Recordings(%s))\n", quoteAll(r.Recordings))
	}
	var script []string
	ended := false
	for _, a := range acts {
		switch a.kind {
		case actPress:
			script = append(script, "flowsim.Press("+strconv.Quote(a.keys)+")")
		case actSilence:
			script = append(script, "flowsim.Silence()")
		case actHangUp:
			script = append(script, "flowsim.HangUp()")
			ended = true
		}
	}
	if !ended && !sess.call.Ended() {
		script = append(script, "flowsim.HangUp()")
	}
	if len(script) > 0 {
		fmt.Fprintf(&b, "opts = append(opts, flowsim.Script(%s))\n", strings.Join(script, ", "))
	}
	tr := sess.call.Transcript()
	b.WriteString("c := sim.Run(t.Context(), opts...)\n")
	b.WriteString("want := strings.Join([]string{\n")
	for _, st := range tr {
		b.WriteString(strconv.Quote(st.String()) + ",\n")
	}
	b.WriteString("}, \"\\n\") + \"\\n\"\n")
	if sess.call.Ended() {
		b.WriteString("if got := c.Transcript().String(); got != want {\nt.Errorf(\"transcript:\\n%s\\nwant:\\n%s\", got, want)\n}\n")
	} else {
		b.WriteString("// The call was still going on the page; the replay hangs up there.\n")
		b.WriteString("if got := c.Transcript().String(); !strings.HasPrefix(got, want) {\nt.Errorf(\"transcript:\\n%s\\nwant it to start with:\\n%s\", got, want)\n}\n")
	}
	b.WriteString("}\n")
	out, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("save as test: the generated code does not format (%v); is the WithSourceCode expression Go?", err)
	}
	return out, nil
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// goString writes s as a Go string literal, raw when it can be.
func goString(s string) string {
	if !strings.Contains(s, "`") && !strings.Contains(s, "\r") {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}
