package main

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

var (
	binaryOnce sync.Once
	binaryPath string
	binaryErr  error
)

// binary builds the opentact command once per test run, as a user gets it
// from go build, and returns its path.
func binary(t *testing.T) string {
	t.Helper()
	binaryOnce.Do(func() {
		dir, err := os.MkdirTemp("", "opentact-e2e")
		if err != nil {
			binaryErr = err
			return
		}
		binaryPath = filepath.Join(dir, "opentact")
		out, err := exec.Command("go", "build", "-o", binaryPath, ".").CombinedOutput()
		if err != nil {
			binaryErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binaryErr != nil {
		t.Fatal(binaryErr)
	}
	return binaryPath
}

// exec runs the built binary with args in dir and returns its result.
func runBinary(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errOut.String()}
}

const (
	menuDoc = `<Response>
  <Say>Press 1 for sales</Say>
  <Gather dtmf_length="1">
    <DTMF value="1"><Dial><To>12125550100</To><Error><Hangup/></Error></Dial></DTMF>
    <Default><Hangup/></Default>
  </Gather>
  <Hangup/>
</Response>
`
	legacyMenuDoc = `<Response>
  <Gather numDigits="1" finishOnKey="#">
    <Say>Press 1</Say>
    <Switch><Case dtmf="1"><Dial><Number>12223334455</Number></Dial></Case></Switch>
  </Gather>
</Response>
`
)

// TestBinary runs every subcommand through the real binary and checks the
// exit code and the output the usage documents.
func TestBinary(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("paths below are POSIX")
	}
	t.Parallel()
	dir := writeFiles(t, map[string]string{
		"ok.xml": validDoc, "bad.xml": unknownElementDoc, "invalid.xml": noDestinationDoc,
		"menu.xml": menuDoc, "legacy.xml": legacyMenuDoc, "syntax.xml": syntaxErrorDoc,
	})
	var base string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/root":
			fmt.Fprintf(w, `<Response><Gather url="%s/next"><Error><Hangup/></Error></Gather></Response>`, base)
		case "/next":
			w.Write([]byte(`<Response><Say>Next menu</Say><Hangup/></Response>`))
		case "/dangling":
			fmt.Fprintf(w, `<Response><Callback url="%s/missing"><Error><Hangup/></Error></Callback></Response>`, base)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	base = srv.URL

	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout []string // each must appear
		stderr []string
	}{
		{"check ok", "", []string{"check", "ok.xml"}, 0, nil, nil},
		{"check bad", "", []string{"check", "bad.xml"}, 1, []string{"bad.xml:1:11: error: /Response/Hangupp[1]: "}, nil},
		{"check a directory", "", []string{"check", "."}, 1, []string{"bad.xml:1:11: error:", "invalid.xml:2:3: error:"}, nil},
		{"check ./...", "", []string{"check", "./..."}, 1, []string{"bad.xml:1:11: error:"}, nil},
		{"check lints", "", []string{"check", "-strict", "legacy.xml"}, 1, []string{"legacy.xml:4:28: warning: /Response/Gather[1]/Switch[1]/Case[1]/Dial[1]: <Dial> has no <Error>"}, nil},
		{"check no files", "", []string{"check"}, 2, nil, []string{"no files"}},
		{"check -h", "", []string{"check", "-h"}, 0, nil, []string{"usage: opentact check", "-strict"}},
		{"fmt", "", []string{"fmt", "ok.xml"}, 0, []string{"<Hangup tag=\"CallEndedByUser\"/>"}, nil},
		{"fmt does not parse", "", []string{"fmt", "syntax.xml"}, 1, nil, []string{"syntax.xml:2:"}},
		{"fmt -modernize", "", []string{"fmt", "-modernize", "legacy.xml"}, 0,
			[]string{"  <Say>Press 1</Say>\n  <Gather dtmf_length=\"1\" dtmf_stop=\"#\">\n    <DTMF value=\"1\">", "<To>12223334455</To>"}, nil},
		{"gen", "", []string{"gen", "menu.xml"}, 0, []string{"func Flow() *flow.Flow"}, nil},
		{"gen invalid", "", []string{"gen", "invalid.xml"}, 1, []string{"flow.New().Dial()"}, []string{"invalid.xml:2:3: error:"}},
		{"gen -o", "", []string{"gen", "-o", "menu_flow.go", "menu.xml"}, 0, nil, nil},
		{"gen -o invalid writes nothing", "", []string{"gen", "-o", "invalid_flow.go", "invalid.xml"}, 1, nil, []string{"invalid.xml:2:3: error:"}},
		{"graph", "", []string{"graph", "menu.xml"}, 0, []string{"flowchart TD", `n2 -->|"1"| n3`}, nil},
		{"graph dot", "", []string{"graph", "-format", "dot", "menu.xml"}, 0, []string{"digraph flow {"}, nil},
		{"graph svg", "", []string{"graph", "-format", "svg", "menu.xml"}, 0, []string{"<svg xmlns=\"http://www.w3.org/2000/svg\""}, nil},
		{"graph stdin", menuDoc, []string{"graph", "-"}, 0, []string{"flowchart TD"}, nil},
		{"graph URL -follow", "", []string{"graph", "-follow", base + "/root"}, 0, []string{`[/"` + base + `/next"/]`, "Say: Next menu"}, nil},
		{"graph follow failure", "", []string{"graph", "-follow", base + "/dangling"}, 1, []string{"flowchart TD"}, []string{"/missing: status 404"}},
		{"graph bad format", "", []string{"graph", "-format", "png", "menu.xml"}, 2, nil, []string{`unknown format "png"`}},
		{"graph does not parse", "", []string{"graph", "syntax.xml"}, 1, nil, []string{"syntax.xml:2:"}},
		{"graph missing file", "", []string{"graph", "nope.xml"}, 2, nil, []string{"nope.xml"}},
		{"doc", "", []string{"doc", "menu.xml"}, 0, []string{"# menu.xml", "  - Press **1**:\n    - Dial 12125550100", "|  | Press 1 for sales |"}, nil},
		{"doc URL", "", []string{"doc", base + "/next"}, 0, []string{"- Say “Next menu”"}, nil},
		{"doc no file", "", []string{"doc"}, 2, nil, []string{"exactly one FILE or URL"}},
		{"dev -h", "", []string{"dev", "-h"}, 0, nil, []string{"usage: opentact dev", "-addr"}},
		{"dev on every interface", "", []string{"dev", "-addr", "0.0.0.0:0", "menu.xml"}, 2, nil, []string{"want a loopback host:port"}},
		{"dev remote URL", "", []string{"dev", "-addr", "127.0.0.1:0", "https://ivr.example.com/calls"}, 2, nil, []string{"must be on this machine"}},
		{"dev missing file", "", []string{"dev", "-addr", "127.0.0.1:0", "nope.xml"}, 2, nil, []string{"nope.xml"}},
		{"version", "", []string{"version"}, 0, []string{"opentact ", runtime.Version()}, nil},
		{"version extra", "", []string{"version", "x"}, 2, nil, nil},
		{"help", "", []string{"help"}, 0, []string{"opentact graph", "opentact doc"}, nil},
		{"help graph", "", []string{"help", "graph"}, 0, []string{"usage: opentact graph", "-follow", "-format"}, nil},
		{"help unknown", "", []string{"help", "nope"}, 2, nil, []string{`unknown command "nope"`}},
		{"unknown command", "", []string{"nope"}, 2, nil, []string{"usage:"}},
	}
	for _, tt := range tests {
		r := runBinary(t, dir, tt.stdin, tt.args...)
		if r.code != tt.code {
			t.Errorf("%s: opentact %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.name, strings.Join(tt.args, " "), r.code, tt.code, r.stdout, r.stderr)
			continue
		}
		for _, want := range tt.stdout {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%s: stdout has no %q:\n%s", tt.name, want, r.stdout)
			}
		}
		for _, want := range tt.stderr {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("%s: stderr has no %q:\n%s", tt.name, want, r.stderr)
			}
		}
	}
	if src, err := os.ReadFile(filepath.Join(dir, "menu_flow.go")); err != nil || !bytes.Contains(src, []byte("package flows")) {
		t.Errorf("gen -o: %v\n%s", err, src)
	}
	if _, err := os.Stat(filepath.Join(dir, "invalid_flow.go")); !os.IsNotExist(err) {
		t.Errorf("gen -o wrote a file for an invalid document: %v", err)
	}
}

// TestCheckTree: check ./... on a tree of 200 documents reports every
// finding with its file path, and fmt -w reaches every file.
func TestCheckTree(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	want := 0
	for i := range 200 {
		sub := filepath.Join(root, fmt.Sprintf("team%02d", i%10), fmt.Sprintf("menu%d", i%3))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		content := validDoc
		if i%4 == 0 {
			content, want = noDestinationDoc, want+1
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("flow%03d.xml", i)), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Not documents: skipped.
	os.WriteFile(filepath.Join(root, "README.md"), []byte("# not XML"), 0o644)
	os.MkdirAll(filepath.Join(root, ".git"), 0o755)
	os.WriteFile(filepath.Join(root, ".git", "hidden.xml"), []byte(unknownElementDoc), 0o644)

	r := runBinary(t, root, "", "check", "./...")
	if r.code != 1 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	errorsSeen := 0
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if strings.Contains(line, ": error: /Response/Dial[1]: ") {
			errorsSeen++
			path, _, _ := strings.Cut(line, ":")
			if _, err := os.Stat(filepath.Join(root, path)); err != nil {
				t.Errorf("finding names no file: %s", line)
			}
		}
		if strings.Contains(line, "hidden.xml") || strings.Contains(line, "README") {
			t.Errorf("checked a file it should skip: %s", line)
		}
	}
	if errorsSeen != want {
		t.Errorf("%d errors reported, want %d:\n%s", errorsSeen, want, r.stdout)
	}
	if r := runBinary(t, root, "", "check", "-json", "team04"); r.code != 1 || !strings.Contains(r.stdout, `"file": "team04/menu1/flow004.xml"`) {
		t.Errorf("check -json DIR: exit %d\n%s", r.code, r.stdout)
	}
}
