package flow_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestOptionsDoNotApply checks that an option given to an element without
// its attribute or child is a compile error, by compiling a program that
// misuses each kind of option once.
func TestOptionsDoNotApply(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the compiler")
	}
	t.Parallel()
	misuses := []string{
		`flow.New().Say("Hi", flow.Leg(verbs.LegA))`,
		`flow.New().Hangup(flow.Loop(2))`,
		`flow.New().Pause(flow.Timeout(time.Second))`,
		`flow.New().Play("https://example.com/a.mp3", flow.Lang("es"))`,
		`flow.New().Dial(flow.Digit("1", nil))`,
		`flow.New().Gather(flow.To("12223334455"))`,
		`flow.New().Gather(flow.Meta("a", "b"))`,
		`flow.New().Tone(flow.OnError(nil))`,
		`flow.New().Geo(nil, flow.Days(verbs.Monday))`,
		`flow.New().Schedule(nil, flow.States("NJ"))`,
		`flow.New().Callback("https://example.com", flow.Meta("a", "b"))`,
		`flow.New().Record(flow.DTMFStop("#"))`,
		`flow.New().Gather(flow.Case("1", nil))`,
		`flow.Switch(flow.Digit("1", nil))`,
		`flow.OnError(nil, flow.Loop(1))`,
		`flow.Default(nil, flow.Play(true))`,
		`flow.New().Answer(flow.Length(time.Second))`,
		`flow.New().Hold(flow.Delay(time.Second))`,
	}
	var src strings.Builder
	src.WriteString("package main\n\nimport (\n\t\"time\"\n\n\tflow \"github.com/opentact-go/opentact/builder\"\n\t\"github.com/opentact-go/opentact/verbs\"\n)\n\n")
	src.WriteString("var _ = time.Second\nvar _ = verbs.LegA\n\nfunc main() {\n")
	first := strings.Count(src.String(), "\n") + 1 // the line of the first misuse
	for _, m := range misuses {
		fmt.Fprintf(&src, "\t_ = %s\n", m)
	}
	src.WriteString("}\n")

	// Another test removing the empty testdata directory between the two
	// calls makes MkdirTemp fail: try again.
	var dir string
	var err error
	for range 3 {
		if err = os.MkdirAll("testdata", 0o755); err != nil {
			continue
		}
		if dir, err = os.MkdirTemp("testdata", "misuse"); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		os.RemoveAll(dir)
		os.Remove("testdata") // only when empty
	})
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-gcflags=-e", "-o", os.DevNull, "./"+filepath.ToSlash(dir))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err == nil {
		t.Fatalf("the misuses compiled:\n%s", src.String())
	}
	// Every misuse line must have its own error.
	lineErr := regexp.MustCompile(`main\.go:(\d+):\d+: `)
	failed := map[string]bool{}
	for _, m := range lineErr.FindAllStringSubmatch(out.String(), -1) {
		failed[m[1]] = true
	}
	for i, m := range misuses {
		if line := fmt.Sprint(first + i); !failed[line] {
			t.Errorf("line %s compiled: %s\ncompiler output:\n%s", line, m, out.String())
		}
	}
}
