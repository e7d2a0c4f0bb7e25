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
	if st := event(); !st.Waiting || len(st.Heard) != 1 || st.Heard[0] != "Main menu. Press 1 for sales." {
		t.Fatalf("event after call: %+v", st)
	}
	srv.Close()
	if _, err := io.ReadAll(rd); err != nil {
		t.Fatalf("stream after Close: %v", err)
	}
}

// TestGeneratedTest saves the session as a test, and runs it with go test
// in a package inside the module.
func TestGeneratedTest(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test")
	}
	t.Parallel()
	ts, _ := start(t, []byte(nested))
	post(t, ts, "call", `{"from":"12125550100","dials":["busy"]}`)
	post(t, ts, "press", `{"keys":"1"}`)
	post(t, ts, "press", `{"keys":"9"}`)
	resp, err := http.Get(ts.URL + "/api/test")
	if err != nil {
		t.Fatal(err)
	}
	src, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(src, []byte(`flowsim.Press("9")`)) || !bytes.Contains(src, []byte(`We are open nine to five.`)) {
		t.Fatalf("generated test: %d\n%s", resp.StatusCode, src)
	}
	dir, err := os.MkdirTemp(".", "gentest-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.WriteFile(filepath.Join(dir, "call_test.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "test", "-count=1", "./"+dir).CombinedOutput()
	if err != nil {
		t.Fatalf("go test of the generated file: %v\n%s\n%s", err, out, src)
	}

	// A changed flow fails the saved test.
	bad := bytes.Replace(src, []byte("nine to five"), []byte("ten to six"), 1)
	if err := os.WriteFile(filepath.Join(dir, "call_test.go"), bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("go", "test", "-count=1", "./"+dir).CombinedOutput(); err == nil {
		t.Fatalf("the generated test passed against a changed flow:\n%s", out)
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
