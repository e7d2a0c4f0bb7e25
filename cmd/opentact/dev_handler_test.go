//go:build unix

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// handlerProgram is a tiny call-flow application: it listens on
// $OPENTACT_ADDR, says so on stdout, logs each request on stderr and
// answers every call with one prompt.
const handlerProgram = `package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	addr := os.Getenv("OPENTACT_ADDR")
	http.HandleFunc("/calls", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(os.Stderr, "request", r.URL.RequestURI())
		w.Write([]byte("<Response><Say>Hello from the handler.</Say><Hangup/></Response>"))
	})
	fmt.Println("handler listening on", addr, "port", os.Getenv("PORT"))
	if err := http.ListenAndServe(addr, nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
`

// devState is the part of the page's state these tests read.
type devState struct {
	Heard    []string
	Notice   string
	Problems []string
	Log      []struct{ Stream, Text string }
}

// startDev runs opentact dev with args and returns the page's base URL and
// a function that interrupts it and waits for it to exit.
func startDev(t *testing.T, args ...string) (string, func()) {
	t.Helper()
	cmd := exec.Command(binary(t), append([]string{"dev", "-addr", "127.0.0.1:0"}, args...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("opentact dev's standard error:\n%s", stderr.String())
		}
	})
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("no line from opentact dev: %v", err)
	}
	m := regexp.MustCompile(` on (http://127\.0\.0\.1:\d+/) \(loopback only`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("opentact dev printed %q", line)
	}
	base := m[1]
	go io.Copy(io.Discard, out)
	return base, func() {
		t.Helper()
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Wait(); err != nil {
			t.Errorf("opentact dev after an interrupt: %v", err)
		}
	}
}

// pageState reads the page's state.
func pageState(t *testing.T, base string) devState {
	t.Helper()
	resp, err := http.Get(base + "api/state")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var st devState
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
		t.Fatal(err)
	}
	return st
}

// waitState polls the page until ok holds for its state.
func waitState(t *testing.T, ctx context.Context, base, what string, ok func(devState) bool) devState {
	t.Helper()
	for {
		st := pageState(t, base)
		if ok(st) {
			return st
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the page never showed %s: %+v", what, st)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func logHas(st devState, stream, part string) bool {
	for _, l := range st.Log {
		if l.Stream == stream && strings.Contains(l.Text, part) {
			return true
		}
	}
	return false
}

// callDev makes a call through the page and returns its state.
func callDev(t *testing.T, base string) devState {
	t.Helper()
	resp, err := http.Post(base+"api/call", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var st devState
	if err := json.NewDecoder(resp.Body).Decode(&st); err != nil || resp.StatusCode != 200 {
		t.Fatalf("POST /api/call: %d %v", resp.StatusCode, err)
	}
	return st
}

// TestDevHandlerCmd builds a tiny handler program, lets opentact dev start
// it, calls it through the page, reads its output on the page, and checks
// that it is stopped when dev exits; a handler that exits or never listens
// is a notice on the page, and the page keeps serving.
func TestDevHandlerCmd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	t.Parallel()
	dir := writeFiles(t, map[string]string{"main.go": handlerProgram})
	bin := filepath.Join(dir, "handler")
	build := exec.Command("go", "build", "-o", bin, "main.go")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build of the handler: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)

	t.Run("listens", func(t *testing.T) {
		t.Parallel()
		base, stop := startDev(t, "-handler-cmd", "'"+bin+"' --unused-arg", "/calls")
		st := waitState(t, ctx, base, "the handler listening", func(st devState) bool {
			return st.Notice == "" && logHas(st, "dev", "the handler listens on") && logHas(st, "stdout", "handler listening on 127.0.0.1:")
		})
		m := regexp.MustCompile(`handler listening on (127\.0\.0\.1:(\d+)) port (\d+)`).FindStringSubmatch(joinLog(st))
		if m == nil || m[2] != m[3] {
			t.Fatalf("the handler's line does not give its address and the same PORT: %q", joinLog(st))
		}
		addr := m[1]
		if st := callDev(t, base); strings.Join(st.Heard, "|") != "Hello from the handler." {
			t.Fatalf("call: heard %q, problems %q", st.Heard, st.Problems)
		}
		waitState(t, ctx, base, "the handler's request on stderr", func(st devState) bool {
			return logHas(st, "stderr", "request /calls?from=15550100001&to=15550100002")
		})
		stop()
		// The handler's process group is stopped with dev.
		for {
			c, err := net.DialTimeout("tcp", addr, time.Second)
			if err != nil {
				break
			}
			c.Close()
			select {
			case <-ctx.Done():
				t.Fatalf("the handler still listens on %s after dev exited", addr)
			case <-time.After(100 * time.Millisecond):
			}
		}
	})

	t.Run("exits", func(t *testing.T) {
		t.Parallel()
		base, stop := startDev(t, "-handler-cmd", "echo broken config; exit 3", "/calls")
		st := waitState(t, ctx, base, "the handler's exit", func(st devState) bool {
			return strings.Contains(st.Notice, "the handler exited before it listened") && strings.Contains(st.Notice, "exit status 3")
		})
		if !logHas(st, "stdout", "broken config") {
			t.Errorf("the handler's output is not on the page: %q", joinLog(st))
		}
		if st := callDev(t, base); len(st.Problems) == 0 || !strings.Contains(st.Problems[0], "connection refused") {
			t.Errorf("a call with no handler: problems %q", st.Problems)
		}
		stop()
	})

	t.Run("never listens", func(t *testing.T) {
		t.Parallel()
		base, stop := startDev(t, "-handler-wait", "300ms", "-handler-cmd", "sleep 120")
		waitState(t, ctx, base, "that the handler does not listen", func(st devState) bool {
			return strings.Contains(st.Notice, "did not listen on 127.0.0.1:") && strings.Contains(st.Notice, "$OPENTACT_ADDR")
		})
		callDev(t, base)
		stop()
	})
}

func joinLog(st devState) string {
	var b strings.Builder
	for _, l := range st.Log {
		b.WriteString(l.Stream + ": " + l.Text + "\n")
	}
	return b.String()
}
