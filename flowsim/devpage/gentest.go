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
// and compares the transcript with the one the page showed: the same
// source, the simulator options that have a Go form, the call's settings
// (clock, caller, Dial outcomes) and the caller's actions.
func (s *Server) generateTest() ([]byte, error) {
	if s.code.Expr == "" && s.url == nil {
		return nil, fmt.Errorf("save as test: the source has no Go form; give the server one with WithSourceCode")
	}
	sess := s.current()
	if sess == nil {
		return nil, fmt.Errorf("save as test: no call yet; make one first")
	}
	sess.mu.Lock()
	acts := append([]act(nil), sess.acts...)
	call, busy := sess.call, sess.busy
	sess.mu.Unlock()
	if call == nil {
		return nil, fmt.Errorf("save as test: the call has not started yet")
	}
	imports := []string{"strings", "testing", "time", "github.com/opentact-go/opentact/flowsim"}
	if s.url != nil {
		imports = append(imports, "net/http")
	}
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
	expr := s.code.Expr
	if expr == "" {
		expr = fmt.Sprintf("flowsim.Handler(newHandler(t), %q)", s.url.String())
	}
	if s.opaque > 0 {
		fmt.Fprintf(&b, "// The dev page's server had %d simulator option(s) given as functions\n"+
			"// (devpage.WithSimOptions), which have no Go form here: add them to\n"+
			"// flowsim.New below if the transcript depends on them.\n", s.opaque)
	}
	fmt.Fprintf(&b, "sim, err := flowsim.New(%s", expr)
	for _, c := range s.optCode {
		b.WriteString(",\n" + c)
	}
	b.WriteString(")\nif err != nil {\nt.Fatal(err)\n}\n")
	b.WriteString("opts := []flowsim.CallOption{\n")
	for _, c := range sess.code {
		b.WriteString(c + ",\n")
	}
	b.WriteString("}\n")
	var script []string
	ended := call.Ended() && !busy
	for _, a := range acts {
		switch a.kind {
		case actPress:
			script = append(script, "flowsim.Press("+strconv.Quote(a.keys)+")")
		case actSilence:
			script = append(script, "flowsim.Silence()")
		case actHangUp:
			script = append(script, "flowsim.HangUp()")
		case actHangUpBefore:
			fmt.Fprintf(&b, "// The caller hung up on the page while the call was paused before its command #%d.\n", a.n)
			fmt.Fprintf(&b, "ncmds := 0\nopts = append(opts, flowsim.BeforeCommand(func(*flowsim.Call, flowsim.Wait) bool {\nncmds++\nreturn ncmds < %d\n}))\n", a.n)
		}
	}
	if !ended {
		script = append(script, "flowsim.HangUp()")
	}
	if len(script) > 0 {
		fmt.Fprintf(&b, "opts = append(opts, flowsim.Script(%s))\n", strings.Join(script, ", "))
	}
	tr := call.Transcript()
	b.WriteString("c := sim.Run(t.Context(), opts...)\n")
	b.WriteString("want := strings.Join([]string{\n")
	for _, st := range tr {
		b.WriteString(strconv.Quote(st.String()) + ",\n")
	}
	b.WriteString("}, \"\\n\") + \"\\n\"\n")
	if ended {
		b.WriteString("if got := c.Transcript().String(); got != want {\nt.Errorf(\"transcript:\\n%s\\nwant:\\n%s\", got, want)\n}\n")
	} else {
		b.WriteString("// The call was still going on the page; the replay hangs up there.\n")
		b.WriteString("if got := c.Transcript().String(); !strings.HasPrefix(got, want) {\nt.Errorf(\"transcript:\\n%s\\nwant it to start with:\\n%s\", got, want)\n}\n")
	}
	b.WriteString("}\n")
	if s.url != nil {
		fmt.Fprintf(&b, "\n// newHandler returns the application's handler, the one that answered\n"+
			"// %s on the dev page; its requests go to it in process.\n"+
			"//\n// FILL IN: return your handler here (your mux or webhook.CallFlowHandler).\n"+
			"func newHandler(t *testing.T) http.Handler {\n"+
			"t.Fatal(%q)\n"+
			"return nil\n}\n", s.url.String(),
			"call_test.go: newHandler must return your application's http.Handler, the one that answered "+s.url.String()+" on the dev page")
	}
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
