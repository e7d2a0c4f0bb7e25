package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestDevBinary starts opentact dev on a free loopback port, reads the URL
// it prints, makes a call through its API, and stops it with an interrupt.
func TestDevBinary(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("stops the server with an interrupt")
	}
	t.Parallel()
	dir := writeFiles(t, map[string]string{"menu.xml": menuDoc})
	cmd := exec.Command(binary(t), "dev", "-addr", "127.0.0.1:0", "menu.xml")
	cmd.Dir = dir
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("no line from opentact dev: %v\n%s", err, stderr.String())
	}
	base := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(line)
	if base == "" || !strings.Contains(line, "loopback only") {
		t.Fatalf("opentact dev printed %q", line)
	}
	resp, err := http.Get(base + "api/state")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET /api/state: %d", resp.StatusCode)
	}
	resp, err = http.Post(base+"api/call", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	var st struct{ Heard []string }
	err = json.NewDecoder(resp.Body).Decode(&st)
	resp.Body.Close()
	if err != nil || len(st.Heard) != 1 || st.Heard[0] != "Press 1 for sales" {
		t.Fatalf("POST /api/call: %v, heard %q", err, st.Heard)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("opentact dev after an interrupt: %v\n%s", err, stderr.String())
	}
}
