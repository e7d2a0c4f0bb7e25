//go:build unix

package devpage_test

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/opentact-go/opentact/flowsim/devpage"
)

// screenshotEnv, when set, makes TestBrowser save the page as
// testdata/devpage.png (the README's picture).
const screenshotEnv = "OPENTACT_SCREENSHOT"

// findBrowser returns the path of a Chromium-family browser, "" when none.
func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// devtools is a Chrome DevTools Protocol connection to one page.
type devtools struct {
	t    *testing.T
	conn *websocket.Conn
	id   int
}

// call sends a command and returns its result, passing over events.
func (d *devtools) call(ctx context.Context, method string, params any, result any) {
	d.t.Helper()
	d.id++
	msg, _ := json.Marshal(map[string]any{"id": d.id, "method": method, "params": params})
	if err := d.conn.Write(ctx, websocket.MessageText, msg); err != nil {
		d.t.Fatalf("%s: %v", method, err)
	}
	for {
		_, data, err := d.conn.Read(ctx)
		if err != nil {
			d.t.Fatalf("%s: %v", method, err)
		}
		var reply struct {
			ID     int             `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  *struct{ Message string }
		}
		if err := json.Unmarshal(data, &reply); err != nil {
			d.t.Fatal(err)
		}
		if reply.ID != d.id {
			continue
		}
		if reply.Error != nil {
			d.t.Fatalf("%s: %s", method, reply.Error.Message)
		}
		if result != nil {
			if err := json.Unmarshal(reply.Result, result); err != nil {
				d.t.Fatal(err)
			}
		}
		return
	}
}

// eval runs a JavaScript expression in the page and returns its string value.
func (d *devtools) eval(ctx context.Context, expr string) string {
	d.t.Helper()
	var r struct {
		Result struct {
			Value any `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct{ Text string } `json:"exceptionDetails"`
	}
	d.call(ctx, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &r)
	if r.ExceptionDetails != nil {
		d.t.Fatalf("%s: %s", expr, r.ExceptionDetails.Text)
	}
	return fmt.Sprint(r.Result.Value)
}

// waitFor evaluates expr until it is "true" or ctx is done.
func (d *devtools) waitFor(ctx context.Context, what, expr string) {
	d.t.Helper()
	for {
		if d.eval(ctx, expr) == "true" {
			return
		}
		select {
		case <-ctx.Done():
			d.t.Fatalf("the page never showed %s; transcript:\n%s", what, d.eval(context.Background(), `document.getElementById("transcript").textContent`))
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// TestBrowser opens the page in headless Chromium, steps through the first
// two commands, continues to the menu, clicks 1 and 9 on the keypad, and
// reads the prompts from the page's transcript and the Gather url's
// request from its HTTP exchanges.
func TestBrowser(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH; .ci/run installs Debian's chromium where it can")
	}
	ts, _ := start(t, []byte(mainMenu), devpage.Reply("https://app.example.com/", salesMenu))
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()

	profile, err := os.MkdirTemp("", "devpage-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--remote-debugging-port=0", "--user-data-dir="+profile, "--window-size=1200,900", "about:blank")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // its helper processes end with it
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
		_ = os.RemoveAll(profile)
	})
	var port string
	sc := bufio.NewScanner(stderr)
	re := regexp.MustCompile(`DevTools listening on ws://127\.0\.0\.1:(\d+)/`)
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			port = m[1]
			break
		}
	}
	if port == "" {
		t.Fatalf("%s printed no DevTools URL", browser)
	}
	go func() {
		for sc.Scan() {
		}
	}()

	req, _ := http.NewRequestWithContext(ctx, "GET", "http://127.0.0.1:"+port+"/json/list", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var targets []struct{ Type, WebSocketDebuggerURL string }
	err = json.NewDecoder(resp.Body).Decode(&targets)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	var wsURL string
	for _, tg := range targets {
		if tg.Type == "page" {
			wsURL = tg.WebSocketDebuggerURL
		}
	}
	if wsURL == "" {
		t.Fatalf("no page target: %+v", targets)
	}
	conn, _, err := websocket.Dial(ctx, wsURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	conn.SetReadLimit(64 << 20)
	defer conn.CloseNow()
	d := &devtools{t: t, conn: conn}

	d.call(ctx, "Emulation.setDeviceMetricsOverride", map[string]any{"width": 1200, "height": 900, "deviceScaleFactor": 1, "mobile": false}, nil)
	d.call(ctx, "Page.navigate", map[string]any{"url": ts.URL + "/"}, nil)
	d.waitFor(ctx, "the keypad", `document.readyState === "complete" && document.querySelector('#keypad [data-key="9"]') !== null`)
	status := `document.getElementById("status").textContent`
	d.eval(ctx, `document.getElementById("step").click(), "ok"`)
	d.waitFor(ctx, "the call paused before its first command", status+`.startsWith("paused before #1 /Response/Say[1]")`)
	if got := d.eval(ctx, `document.querySelector("#document .active").textContent.trim()`); got != "<Say>Main menu. Press 1 for sales.</Say>" {
		t.Errorf("active line before the first step: %q", got)
	}
	d.eval(ctx, `document.getElementById("step").click(), "ok"`)
	d.waitFor(ctx, "the call paused before the Gather", status+`.startsWith("paused before #1 /Response/Gather[1]")`)
	if got := d.eval(ctx, `[...document.querySelectorAll("#heard li")].map(li => li.textContent).join("|")`); got != "Main menu. Press 1 for sales." {
		t.Errorf("heard after one step: %q", got)
	}
	d.eval(ctx, `document.getElementById("continue").click(), "ok"`)
	d.waitFor(ctx, "the main menu", status+` === "waiting for keys"`)
	d.eval(ctx, `document.querySelector('#keypad [data-key="1"]').click(), "ok"`)
	d.waitFor(ctx, "the sales menu", `document.getElementById("transcript").textContent.includes("Sales. Press 9")`)
	d.eval(ctx, `document.querySelector('#keypad [data-key="9"]').click(), "ok"`)
	d.waitFor(ctx, "the end of the call", `document.getElementById("status").textContent.startsWith("call ended")`)

	transcript := d.eval(ctx, `document.getElementById("transcript").textContent`)
	heard := d.eval(ctx, `[...document.querySelectorAll("#heard li")].map(li => li.textContent).join("|")`)
	if want := "Main menu. Press 1 for sales.|Sales. Press 9 for our hours.|We are open nine to five."; heard != want {
		t.Errorf("heard list %q, want %q", heard, want)
	}
	for _, part := range []string{
		`/Response/Gather[1] Gather: caller pressed 1;`,
		`#2 /Response/Gather[1] Gather: caller pressed 9;`,
		`Say: "We are open nine to five."`,
		`end: hangup:`,
	} {
		if !strings.Contains(transcript, part) {
			t.Errorf("the page's transcript lacks %q:\n%s", part, transcript)
		}
	}
	if n := d.eval(ctx, `document.querySelectorAll("#graph g.visited").length`); n == "0" {
		t.Errorf("no graph node is marked visited")
	}
	exchanges := d.eval(ctx, `[...document.querySelectorAll("#exchanges details")].map(d => d.textContent).join("|")`)
	for _, part := range []string{"#1 /Response/Gather[1] GET https://app.example.com/sales?dtmf=1&from=15550100001", "→ 200", "became document #2", "render.Check: no findings"} {
		if !strings.Contains(exchanges, part) {
			t.Errorf("the page's HTTP exchanges lack %q: %q", part, exchanges)
		}
	}
	d.eval(ctx, `document.querySelector("#exchanges details").open = true, "ok"`)

	if os.Getenv(screenshotEnv) == "" {
		return
	}
	var shot struct{ Data string }
	d.call(ctx, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "devpage.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
