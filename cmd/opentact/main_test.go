package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets a test run this binary's real main, so exit codes are
// checked through os.Exit (see TestProcessExitCodes).
func TestMain(m *testing.M) {
	if os.Getenv("OPENTACT_CLI_RUN_MAIN") == "1" {
		os.Args = append([]string{"opentact"}, strings.Fields(os.Getenv("OPENTACT_CLI_ARGS"))...)
		main()
	}
	os.Exit(m.Run())
}

const (
	validDoc = `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say>Hello</Say>
  <Hangup tag="CallEndedByUser"/>
</Response>
`
	// messyDoc is validDoc without the canonical layout.
	messyDoc = `<Response><Say>Hello</Say>
        <Hangup   tag="CallEndedByUser" /></Response>`
	unknownElementDoc = `<Response><Hangupp/></Response>`
	syntaxErrorDoc    = "<Response>\n  <Say>Hello</Sai>\n</Response>\n"
	// noDestinationDoc parses but is invalid: a Dial needs a destination.
	noDestinationDoc = "<Response>\n  <Dial/>\n</Response>\n"
	// legacyDoc is valid but uses the legacy dialect: warnings only.
	legacyDoc = "<Response>\n  <Dial>\n    <Sip>support@sip.opentact.org</Sip>\n  </Dial>\n</Response>\n"
	// keptUnknownsDoc has an unknown element and attribute but no other
	// finding: lenient parsing keeps both, with a warning each.
	keptUnknownsDoc = `<Response><Foo/><Say bogus="1">Hi</Say><Hangup/></Response>`
	// wrappedDoc has a known element inside an unknown one, which a lenient
	// parse keeps raw, content and all.
	wrappedDoc = `<Response><Foo><Say>Hi</Say></Foo><Hangup/></Response>`
)

// writeFiles writes name → content into a new directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o640); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type result struct {
	code           int
	stdout, stderr string
}

func runCLI(stdin string, args ...string) result {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{
		"valid.xml":   validDoc,
		"unknown.xml": unknownElementDoc,
		"syntax.xml":  syntaxErrorDoc,
		"nodest.xml":  noDestinationDoc,
		"legacy.xml":  legacyDoc,
		"kept.xml":    keptUnknownsDoc,
		"wrapped.xml": wrappedDoc,
	})
	p := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name       string
		stdin      string
		args       []string
		code       int
		stdoutHas  []string // each must appear, in order, one per line
		stdoutNone bool
		stderrHas  string
	}{
		{name: "valid", args: []string{p("valid.xml")}, code: 0, stdoutNone: true},
		{name: "unknown element", args: []string{p("unknown.xml")}, code: 1,
			stdoutHas: []string{p("unknown.xml") + ":1:11: error: /Response/Hangupp[1]: "}},
		{name: "syntax error has its line", args: []string{p("syntax.xml")}, code: 1,
			stdoutHas: []string{p("syntax.xml") + ":2:"}},
		{name: "invalid document", args: []string{p("nodest.xml")}, code: 1,
			stdoutHas: []string{p("nodest.xml") + ":2:3: error: /Response/Dial[1]: "}},
		{name: "warnings alone pass", args: []string{p("legacy.xml")}, code: 0,
			stdoutHas: []string{p("legacy.xml") + ":3:5: warning: /Response/Dial[1]/Sip[1]: "}},
		{name: "strict counts warnings", args: []string{"-strict", p("legacy.xml")}, code: 1,
			stdoutHas: []string{p("legacy.xml") + ":3:5: warning: /Response/Dial[1]/Sip[1]: "}},
		{name: "lenient keeps unknowns as warnings", args: []string{"-lenient", p("kept.xml")}, code: 0,
			stdoutHas: []string{p("kept.xml") + ":1:11: warning: /Response/Foo[1]: unknown element <Foo>; kept as written",
				p("kept.xml") + ":1:17: warning: /Response/Say[1]/@bogus: unknown attribute bogus on <Say>; kept as written"}},
		{name: "lenient keeps a known element inside an unknown one", args: []string{"-lenient", p("wrapped.xml")}, code: 0,
			stdoutHas: []string{p("wrapped.xml") + ":1:11: warning: /Response/Foo[1]: unknown element <Foo>; kept as written"}},
		{name: "lenient strict fails on kept unknowns", args: []string{"-lenient", "-strict", p("kept.xml")}, code: 1,
			stdoutHas: []string{p("kept.xml") + ":1:11: warning: /Response/Foo[1]: "}},
		{name: "stdin", stdin: unknownElementDoc, args: []string{"-"}, code: 1,
			stdoutHas: []string{"-:1:11: error: /Response/Hangupp[1]: "}},
		{name: "several files, one bad", args: []string{p("valid.xml"), p("unknown.xml"), p("valid.xml")}, code: 1,
			stdoutHas: []string{p("unknown.xml") + ":1:11: error: "}},
		{name: "missing file", args: []string{p("valid.xml"), p("missing.xml")}, code: 2,
			stdoutNone: true, stderrHas: "missing.xml"},
		{name: "missing file wins over a bad document", args: []string{p("unknown.xml"), p("missing.xml")}, code: 2},
		{name: "no files", args: nil, code: 2, stdoutNone: true, stderrHas: "usage:"},
		{name: "bad flag", args: []string{"-nope", p("valid.xml")}, code: 2, stdoutNone: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := runCLI(tt.stdin, append([]string{"check"}, tt.args...)...)
			if r.code != tt.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, tt.code, r.stdout, r.stderr)
			}
			if tt.stdoutNone && r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
			lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
			i := 0
			for _, want := range tt.stdoutHas {
				for i < len(lines) && !strings.HasPrefix(lines[i], want) {
					i++
				}
				if i == len(lines) {
					t.Errorf("stdout has no line starting %q:\n%s", want, r.stdout)
				}
			}
			if !strings.Contains(r.stderr, tt.stderrHas) {
				t.Errorf("stderr = %q, want it to mention %q", r.stderr, tt.stderrHas)
			}
		})
	}
}

// TestCheckLineFormat checks every printed line has the exact shape
// FILE:LINE:COL: error|warning: PATH: message.
func TestCheckLineFormat(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{"a.xml": unknownElementDoc, "b.xml": noDestinationDoc, "c.xml": legacyDoc, "d.xml": syntaxErrorDoc})
	r := runCLI("", "check", filepath.Join(dir, "a.xml"), filepath.Join(dir, "b.xml"), filepath.Join(dir, "c.xml"), filepath.Join(dir, "d.xml"))
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) < 4 {
		t.Fatalf("want a finding per file, got:\n%s", r.stdout)
	}
	for _, line := range lines {
		file, rest, ok := strings.Cut(line, ".xml:")
		parts := strings.SplitN(rest, ": ", 4)
		if !ok || !strings.HasPrefix(file, dir) || len(parts) != 4 {
			t.Errorf("malformed line %q", line)
			continue
		}
		var ln, col int
		if n, err := fmtSscanf(parts[0], &ln, &col); n != 2 || err != nil || ln < 1 || col < 1 {
			t.Errorf("line %q: position %q is not LINE:COL", line, parts[0])
		}
		if parts[1] != "error" && parts[1] != "warning" {
			t.Errorf("line %q: severity %q", line, parts[1])
		}
		if !strings.HasPrefix(parts[2], "/") {
			t.Errorf("line %q: path %q does not start with /", line, parts[2])
		}
		if parts[3] == "" {
			t.Errorf("line %q: empty message", line)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{"a.xml": unknownElementDoc, "ok.xml": validDoc})
	r := runCLI("", "check", "-json", filepath.Join(dir, "a.xml"), filepath.Join(dir, "ok.xml"))
	if r.code != 1 {
		t.Fatalf("exit code %d, want 1", r.code)
	}
	var got []finding
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("stdout is not a JSON array of findings: %v\n%s", err, r.stdout)
	}
	if len(got) != 1 {
		t.Fatalf("got %d findings, want 1: %+v", len(got), got)
	}
	// Element names in messages stay readable, not \u003c-escaped.
	if !strings.Contains(r.stdout, "<Hangup>") {
		t.Errorf("stdout escapes the angle brackets of element names:\n%s", r.stdout)
	}
	f := got[0]
	if f.File != filepath.Join(dir, "a.xml") || f.Line != 1 || f.Col != 11 || f.Severity != "error" ||
		f.Path != "/Response/Hangupp[1]" || !strings.Contains(f.Message, "<Hangup>") || f.Rule == "" {
		t.Errorf("finding = %+v", f)
	}
	// No findings is an empty array, not null.
	r = runCLI("", "check", "-json", filepath.Join(dir, "ok.xml"))
	if r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("clean file: code %d, stdout %q", r.code, r.stdout)
	}
}

func TestFmt(t *testing.T) {
	t.Parallel()
	t.Run("prints the canonical form", func(t *testing.T) {
		t.Parallel()
		dir := writeFiles(t, map[string]string{"m.xml": messyDoc})
		r := runCLI("", "fmt", filepath.Join(dir, "m.xml"))
		if r.code != 0 || r.stdout != validDoc {
			t.Errorf("code %d, stdout:\n%s\nwant:\n%s\nstderr: %s", r.code, r.stdout, validDoc, r.stderr)
		}
	})
	t.Run("stdin and idempotence", func(t *testing.T) {
		t.Parallel()
		once := runCLI(messyDoc, "fmt", "-")
		twice := runCLI(once.stdout, "fmt", "-")
		if once.code != 0 || twice.code != 0 || twice.stdout != once.stdout {
			t.Errorf("fmt is not idempotent:\n%s\n---\n%s", once.stdout, twice.stdout)
		}
	})
	t.Run("compact", func(t *testing.T) {
		t.Parallel()
		r := runCLI(messyDoc, "fmt", "-compact", "-")
		want := `<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello</Say><Hangup tag="CallEndedByUser"/></Response>`
		if r.code != 0 || r.stdout != want {
			t.Errorf("code %d, stdout %q, want %q", r.code, r.stdout, want)
		}
	})
	t.Run("invalid but parseable", func(t *testing.T) {
		t.Parallel()
		r := runCLI(noDestinationDoc, "fmt", "-")
		want := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Dial/>\n</Response>\n"
		if r.code != 0 || r.stdout != want {
			t.Errorf("code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("parse error", func(t *testing.T) {
		t.Parallel()
		r := runCLI(unknownElementDoc, "fmt", "-")
		if r.code != 1 || r.stdout != "" || !strings.HasPrefix(r.stderr, "-:1:11: error: /Response/Hangupp[1]: ") {
			t.Errorf("code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("diff", func(t *testing.T) {
		t.Parallel()
		dir := writeFiles(t, map[string]string{"m.xml": messyDoc, "ok.xml": validDoc})
		r := runCLI("", "fmt", "-d", filepath.Join(dir, "m.xml"), filepath.Join(dir, "ok.xml"))
		name := filepath.Join(dir, "m.xml")
		wantHead := "--- " + name + ".orig\n+++ " + name + "\n@@ -1,2 +1,5 @@\n-<Response><Say>Hello</Say>\n"
		if r.code != 0 || !strings.HasPrefix(r.stdout, wantHead) || strings.Contains(r.stdout, "ok.xml") {
			t.Errorf("code %d, stdout:\n%s", r.code, r.stdout)
		}
		if !strings.Contains(r.stdout, "+  <Hangup tag=\"CallEndedByUser\"/>\n") {
			t.Errorf("diff lacks the formatted line:\n%s", r.stdout)
		}
	})
	t.Run("write", func(t *testing.T) {
		t.Parallel()
		dir := writeFiles(t, map[string]string{"m.xml": messyDoc, "ok.xml": validDoc})
		old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
		ok := filepath.Join(dir, "ok.xml")
		if err := os.Chtimes(ok, old, old); err != nil {
			t.Fatal(err)
		}
		r := runCLI("", "fmt", "-w", filepath.Join(dir, "m.xml"), ok)
		if r.code != 0 || r.stdout != "" {
			t.Fatalf("code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
		got, _ := os.ReadFile(filepath.Join(dir, "m.xml"))
		if string(got) != validDoc {
			t.Errorf("rewritten file:\n%s", got)
		}
		info, _ := os.Stat(filepath.Join(dir, "m.xml"))
		if info.Mode().Perm() != 0o640 {
			t.Errorf("rewritten file mode %v, want 0640 kept", info.Mode().Perm())
		}
		if info, _ := os.Stat(ok); !info.ModTime().Equal(old) {
			t.Error("an already formatted file was rewritten")
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 2 {
			t.Errorf("temporary files left behind: %v", entries)
		}
	})
	t.Run("write refuses stdin", func(t *testing.T) {
		t.Parallel()
		if r := runCLI(validDoc, "fmt", "-w", "-"); r.code != 2 {
			t.Errorf("code %d, want 2", r.code)
		}
	})
	t.Run("write keeps a file that does not parse", func(t *testing.T) {
		t.Parallel()
		dir := writeFiles(t, map[string]string{"bad.xml": unknownElementDoc})
		r := runCLI("", "fmt", "-w", filepath.Join(dir, "bad.xml"))
		got, _ := os.ReadFile(filepath.Join(dir, "bad.xml"))
		if r.code != 1 || string(got) != unknownElementDoc {
			t.Errorf("code %d, file now %q", r.code, got)
		}
	})
	t.Run("usage", func(t *testing.T) {
		t.Parallel()
		if r := runCLI("", "fmt"); r.code != 2 {
			t.Errorf("no files: code %d, want 2", r.code)
		}
		if r := runCLI("", "fmt", filepath.Join(t.TempDir(), "missing.xml")); r.code != 2 {
			t.Errorf("missing file: code %d, want 2", r.code)
		}
	})
}

func TestUsage(t *testing.T) {
	t.Parallel()
	if r := runCLI(""); r.code != 2 || !strings.Contains(r.stderr, "usage:") {
		t.Errorf("no command: %+v", r)
	}
	if r := runCLI("", "frobnicate"); r.code != 2 || !strings.Contains(r.stderr, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %+v", r)
	}
	if r := runCLI("", "help"); r.code != 0 || !strings.Contains(r.stdout, "opentact check") {
		t.Errorf("help: %+v", r)
	}
}

// TestProcessExitCodes runs the real main in a child process.
func TestProcessExitCodes(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{"ok.xml": validDoc, "bad.xml": unknownElementDoc})
	for _, tt := range []struct {
		args string
		code int
	}{
		{"check " + filepath.Join(dir, "ok.xml"), 0},
		{"check " + filepath.Join(dir, "bad.xml"), 1},
		{"check", 2},
		{"fmt " + filepath.Join(dir, "ok.xml"), 0},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "OPENTACT_CLI_RUN_MAIN=1", "OPENTACT_CLI_ARGS="+tt.args)
		err := cmd.Run()
		code := 0
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			code = exitErr.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != tt.code {
			t.Errorf("opentact %s: exit %d, want %d", tt.args, code, tt.code)
		}
	}
}
