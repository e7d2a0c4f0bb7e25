package devpage_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/flowsim/devpage"
)

// mainMenu is a two-level flow: key 1 fetches the sales menu from the
// Gather url, where key 9 tells the hours.
const mainMenu = `<Response>
  <Say>Main menu. Press 1 for sales.</Say>
  <Gather dtmf_length="1" url="https://app.example.com/sales"/>
  <Say>Goodbye.</Say>
  <Hangup/>
</Response>
`

const salesMenu = `<Response>
  <Say>Sales. Press 9 for our hours.</Say>
  <Gather dtmf_length="1">
    <DTMF value="9"><Say>We are open nine to five.</Say><Hangup/></DTMF>
  </Gather>
  <Hangup/>
</Response>
`

// nested is the same menus in one document, for the generated test.
const nested = `<Response>
  <Say>Main menu. Press 1 for sales.</Say>
  <Gather dtmf_length="1">
    <DTMF value="1">
      <Say>Sales. Press 9 for our hours.</Say>
      <Gather dtmf_length="1">
        <DTMF value="9"><Say>We are open nine to five.</Say><Hangup/></DTMF>
      </Gather>
    </DTMF>
  </Gather>
  <Hangup/>
</Response>
`

func start(t *testing.T, src any, opts ...devpage.Option) (*httptest.Server, *devpage.Server) {
	t.Helper()
	srv, err := devpage.New(src, opts...)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(func() { srv.Close(); ts.Close() })
	return ts, srv
}

func post(t *testing.T, ts *httptest.Server, name, body string) (int, devpage.State, string) {
	t.Helper()
	resp, err := http.Post(ts.URL+"/api/"+name, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var st devpage.State
	if resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(b, &st); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, b)
		}
	}
	return resp.StatusCode, st, string(b)
}

// TestCallThroughMenus calls, presses 1 and 9 through a flow whose second
// menu comes from a Gather url, and checks what the page is sent.
func TestCallThroughMenus(t *testing.T) {
	t.Parallel()
	ts, _ := start(t, []byte(mainMenu), devpage.WithSimOptions(flowsim.Reply("https://app.example.com/", salesMenu)))

	code, st, body := post(t, ts, "call", `{"from":"12125550100"}`)
	if code != 200 || !st.Waiting || st.ActiveDoc != 1 || st.ActivePath != "/Response/Gather[1]" {
		t.Fatalf("call: %d %s", code, body)
	}
	if got := st.Documents[0].Lines["/Response/Gather[1]"]; got != 3 {
		t.Errorf("line of the Gather = %d, want 3", got)
	}
	if _, st, body = post(t, ts, "press", `{"keys":"1"}`); st.ActiveDoc != 2 || st.ActivePath != "/Response/Gather[1]" || len(st.Documents) != 2 {
		t.Fatalf("press 1: %s", body)
	}
	if st.Documents[1].XML != salesMenu || st.Documents[1].Lines["/Response/Gather[1]/DTMF[1]"] != 4 {
		t.Errorf("document 2 = %q, lines %v", st.Documents[1].XML, st.Documents[1].Lines)
	}
	_, st, body = post(t, ts, "press", `{"keys":"9"}`)
	want := []string{"Main menu. Press 1 for sales.", "Sales. Press 9 for our hours.", "We are open nine to five."}
	if strings.Join(st.Heard, "|") != strings.Join(want, "|") || !st.Ended || st.End != string(flowsim.EndHangup) || st.Waiting {
		t.Fatalf("press 9: heard %q, ended %v %q\n%s", st.Heard, st.Ended, st.End, body)
	}
	var text []string
	for _, s := range st.Transcript {
		text = append(text, s.Text)
	}
	tr := strings.Join(text, "\n")
	for _, part := range []string{
		`#1 /Response/Gather[1] Gather: caller pressed 1;`,
		`GET https://app.example.com/sales?dtmf=1&from=12125550100`,
		`#2 /Response/Gather[1]/DTMF[1]/Say[1] Say: "We are open nine to five."`,
	} {
		if !strings.Contains(tr, part) {
			t.Errorf("transcript lacks %q:\n%s", part, tr)
		}
	}

	resp, err := http.Get(ts.URL + "/api/graph?doc=2")
	if err != nil {
		t.Fatal(err)
	}
	svg, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(svg), "<title>/Response/Gather[1]/DTMF[1]/Say[1]</title>") {
		t.Errorf("graph of document 2: %d\n%s", resp.StatusCode, svg)
	}
	if code, _, _ := post(t, ts, "press", `{"keys":"1"}`); code != http.StatusConflict {
		t.Errorf("press after the end: %d, want 409", code)
	}
}

// TestRefusals covers a foreign Host, a form POST, bad keys, a press with
// no call, an unknown field and a bad time.
func TestRefusals(t *testing.T) {
	t.Parallel()
	ts, _ := start(t, []byte(nested))
	req, _ := http.NewRequest("GET", ts.URL+"/api/state", nil)
	req.Host = "evil.example.com:8080"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("foreign Host: %d, want 403", resp.StatusCode)
	}
	resp, err = http.Post(ts.URL+"/api/call", "application/x-www-form-urlencoded", strings.NewReader("a=b"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("form POST: %d, want 415", resp.StatusCode)
	}
	if code, _, body := post(t, ts, "press", `{"keys":"1"}`); code != http.StatusConflict || !strings.Contains(body, "no call") {
		t.Errorf("press without a call: %d %s", code, body)
	}
	for _, c := range []struct{ name, body, want string }{
		{"call", `{"at":"tomorrow"}`, "RFC 3339"},
		{"call", `{"dials":["maybe"]}`, `dials[0] \"maybe\"`},
		{"call", `{"color":"red"}`, "unknown field"},
		{"call", `[1]`, "not a JSON object"},
	} {
		if code, _, body := post(t, ts, c.name, c.body); code/100 != 4 || !strings.Contains(body, c.want) {
			t.Errorf("%s %s: %d %s, want an error with %q", c.name, c.body, code, body, c.want)
		}
	}
	post(t, ts, "call", `{}`)
	for _, keys := range []string{`""`, `"1a"`, `"<b>"`} {
		if code, _, body := post(t, ts, "press", `{"keys":`+keys+`}`); code != http.StatusBadRequest || !strings.Contains(body, "0-9 * #") {
			t.Errorf("press %s: %d %s", keys, code, body)
		}
	}
	resp, err = http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !bytes.Contains(page, []byte(`data-key="9"`)) {
		t.Errorf("page: CSP %q\n%s", csp, page)
	}
}

// TestStream reads the first state event and the one a call sends.
func TestStream(t *testing.T) {
	t.Parallel()
	ts, srv := start(t, []byte(nested))
	resp, err := http.Get(ts.URL + "/api/stream")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	rd := bufio.NewReader(resp.Body)
	event := func() devpage.State {
		t.Helper()
		var name, data string
		for {
			line, err := rd.ReadString('\n')
			if err != nil {
				t.Fatalf("stream: %v", err)
			}
			line = strings.TrimSuffix(line, "\n")
			switch {
			case strings.HasPrefix(line, "event: "):
				name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				data = line[len("data: "):]
			case line == "" && data != "":
				if name != "state" {
					t.Fatalf("event %q", name)
				}
				var st devpage.State
				if err := json.Unmarshal([]byte(data), &st); err != nil {
					t.Fatal(err)
				}
				return st
			}
		}
	}
	if st := event(); st.Calling {
		t.Fatalf("first event: %+v, want no call", st)
	}
	post(t, ts, "call", `{}`)
	st := event()
	for st.Running { // the call runs, then settles
		st = event()
	}
	if !st.Waiting || len(st.Heard) != 1 || st.Heard[0] != "Main menu. Press 1 for sales." {
		t.Fatalf("event after call: %+v", st)
	}
	srv.Close()
	if _, err := io.ReadAll(rd); err != nil {
		t.Fatalf("stream after Close: %v", err)
	}
}

// saveTest fetches the generated test of the server's last call.
func saveTest(t *testing.T, ts *httptest.Server) []byte {
	t.Helper()
	resp, err := http.Get(ts.URL + "/api/test")
	if err != nil {
		t.Fatal(err)
	}
	src, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("save as test: %d\n%s", resp.StatusCode, src)
	}
	return src
}

// goTest writes each generated file into its own package inside the
// module, under testdata so that no ./... pattern (such as the root
// import-graph test's go list, running at the same time) sees it, and
// runs go test on them all; it returns go test's output and whether it
// passed.
func goTest(t *testing.T, files ...[]byte) (string, bool) {
	t.Helper()
	args := []string{"test", "-count=1"}
	for _, src := range files {
		dir, err := os.MkdirTemp("testdata", "gentest-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
		if err := os.WriteFile(filepath.Join(dir, "call_test.go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, "./"+dir)
	}
	out, err := exec.Command("go", args...).CombinedOutput()
	return string(out), err == nil
}

// TestGeneratedTest saves sessions as tests (a document, a document with
// every call setting, a document with Reply routes, an application's URL)
// and runs them with go test in packages inside the module.
func TestGeneratedTest(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	t.Parallel()

	// A document, keys 1 and 9.
	ts, _ := start(t, []byte(nested))
	post(t, ts, "call", `{"from":"12125550100","dials":["busy"]}`)
	post(t, ts, "press", `{"keys":"1"}`)
	post(t, ts, "press", `{"keys":"9"}`)
	plain := saveTest(t, ts)
	if !bytes.Contains(plain, []byte(`flowsim.Press("9")`)) || !bytes.Contains(plain, []byte(`We are open nine to five.`)) {
		t.Fatalf("generated test:\n%s", plain)
	}

	// Stepping, then hanging up between two commands.
	ts, _ = start(t, []byte(nested))
	post(t, ts, "call", `{}`)
	post(t, ts, "step", `{}`)
	post(t, ts, "press", `{"keys":"1"}`)
	post(t, ts, "step", `{}`)
	post(t, ts, "hangup", `{}`)
	stepped := saveTest(t, ts)
	if !bytes.Contains(stepped, []byte(`return ncmds < 4`)) || !bytes.Contains(stepped, []byte(`the caller hung up before /Response/Gather[1]/DTMF[1]/Gather[1]`)) {
		t.Errorf("the generated test of a call hung up while paused:\n%s", stepped)
	}

	// Every setting: clock in a zone, caller, location, field, Dial outcomes.
	ts, _ = start(t, []byte(officeFlow))
	post(t, ts, "call", `{"at":"2030-01-07T09:30:00-05:00","from":"12125550100","state":"NJ","county":"ESSEX",`+
		`"fields":{"vip":"yes"},"dials":["answer:sip:bob@example.com","busy","failed:unreachable"]}`)
	settings := saveTest(t, ts)
	for _, part := range []string{
		`flowsim.At(time.Date(2030, 1, 7, 9, 30, 0, 0, time.FixedZone("", -18000)))`,
		`flowsim.CallerLocation("NJ", "ESSEX")`,
		`flowsim.CallField("vip", "yes")`,
		`flowsim.Dials(flowsim.Answered("sip:bob@example.com", 0, 0), flowsim.Busy(), flowsim.DialFailed("unreachable"))`,
		`Carol failed.`,
	} {
		if !bytes.Contains(settings, []byte(part)) {
			t.Errorf("the generated test lacks %s:\n%s", part, settings)
		}
	}

	// Reply routes and Lenient are repeated in flowsim.New.
	ts, _ = start(t, []byte(mainMenu), devpage.Reply("https://app.example.com/", salesMenu), devpage.Lenient())
	post(t, ts, "call", `{}`)
	post(t, ts, "press", `{"keys":"1"}`)
	routes := saveTest(t, ts)
	if !bytes.Contains(routes, []byte(`flowsim.Reply("https://app.example.com/", `)) || !bytes.Contains(routes, []byte(`flowsim.Lenient()`)) ||
		!bytes.Contains(routes, []byte(`want it to start with`)) {
		t.Errorf("the generated test lacks the Reply route, Lenient or the prefix check:\n%s", routes)
	}

	// An application's URL: the test says what to fill in, and fails
	// saying so until it is.
	mux := http.NewServeMux()
	var app *httptest.Server
	mux.HandleFunc("/calls", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<Response><Gather dtmf_length="1" url="` + app.URL + `/next"/></Response>`))
	})
	mux.HandleFunc("/next", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<Response><Say>You pressed ` + r.URL.Query().Get("dtmf") + `.</Say><Hangup/></Response>`))
	})
	app = httptest.NewServer(mux)
	defer app.Close()
	ts, _ = start(t, devpage.URL(app.URL+"/calls"))
	post(t, ts, "call", `{}`)
	post(t, ts, "press", `{"keys":"4"}`)
	unfilled := saveTest(t, ts)
	if !bytes.Contains(unfilled, []byte("FILL IN")) || !bytes.Contains(unfilled, []byte(`flowsim.Handler(newHandler(t), "`+app.URL+`/calls")`)) {
		t.Fatalf("generated test of a URL source:\n%s", unfilled)
	}
	fill := regexp.MustCompile(`(?s)func newHandler\(t \*testing.T\) http.Handler \{.*?\n\}`)
	filled := fill.ReplaceAll(unfilled, []byte(`func newHandler(t *testing.T) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/calls", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`+"`"+`<Response><Gather dtmf_length="1" url="`+app.URL+`/next"/></Response>`+"`"+`))
	})
	mux.HandleFunc("/next", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<Response><Say>You pressed " + r.URL.Query().Get("dtmf") + ".</Say><Hangup/></Response>"))
	})
	return mux
}`))
	if bytes.Equal(filled, unfilled) {
		t.Fatalf("no newHandler to fill in:\n%s", unfilled)
	}

	if out, ok := goTest(t, plain, stepped, settings, routes, filled); !ok {
		t.Fatalf("go test of the generated files: %s", out)
	}

	// A changed flow fails the saved test; so does the unfilled handler,
	// with its message.
	changed := bytes.Replace(plain, []byte("nine to five"), []byte("ten to six"), 1)
	out, ok := goTest(t, changed)
	if ok || !strings.Contains(out, "ten to six") {
		t.Errorf("the generated test against a changed flow: passed %v\n%s", ok, out)
	}
	out, ok = goTest(t, unfilled)
	if ok || !strings.Contains(out, "newHandler must return your application's http.Handler") {
		t.Errorf("the unfilled generated test: passed %v\n%s", ok, out)
	}
}

// TestInvalidDocument: a document that does not parse ends the call with
// its findings in the transcript, and the server goes on serving.
func TestInvalidDocument(t *testing.T) {
	t.Parallel()
	ts, _ := start(t, []byte(`<Response><Say>unclosed</Response>`))
	code, st, body := post(t, ts, "call", `{}`)
	if code != 200 || !st.Ended || st.End != string(flowsim.EndInvalid) || len(st.Transcript) == 0 {
		t.Fatalf("call: %d %s", code, body)
	}
	if !strings.Contains(body, "check invalid") {
		t.Errorf("the transcript does not say the document is invalid:\n%s", body)
	}
	if code, st, _ := post(t, ts, "call", `{}`); code != 200 || !st.Calling {
		t.Errorf("a second call: %d", code)
	}
}
