package flowtest_test

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

// TestMisusesDoNotCompile compiles calls that pass something other than a
// document and expects the compiler to refuse each one: Golden and
// Equivalent take a Builder, not any.
func TestMisusesDoNotCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the compiler")
	}
	t.Parallel()
	misuses := []string{
		`flowtest.Golden(t, "testdata/menu.xml", "<Response/>")`,
		`flowtest.Golden(t, "testdata/menu.xml", []byte("<Response/>"))`,
		`flowtest.Equivalent(t, "<Response/>", "<Response/>")`,
		`flowtest.GoldenText(t, "testdata/call.txt", "0:00.000 Say: Hi")`,
		`flowtest.Golden(t, "testdata/menu.xml", flow.New(), flowtest.Response(nil))`,
	}
	var src strings.Builder
	src.WriteString("package misuse\n\nimport (\n\t\"testing\"\n\n\tflow \"github.com/opentact-go/opentact/builder\"\n\t\"github.com/opentact-go/opentact/flowtest\"\n)\n\n")
	src.WriteString("var _ = flow.New\n\nfunc misuse(t *testing.T) {\n")
	first := strings.Count(src.String(), "\n") + 1 // the line of the first misuse
	for _, m := range misuses {
		fmt.Fprintf(&src, "\t%s\n", m)
	}
	src.WriteString("}\n")
	// A correct call next to them compiles, so the errors are the misuses'.
	ok := "package misuse\n\nimport (\n\t\"testing\"\n\n\tflow \"github.com/opentact-go/opentact/builder\"\n\t\"github.com/opentact-go/opentact/flowtest\"\n)\n\n" +
		"func fine(t *testing.T) {\n\tflowtest.Golden(t, \"testdata/menu.xml\", flow.New().Hangup(), flowtest.AllowWarnings())\n" +
		"\tflowtest.Equivalent(t, \"<Response/>\", flowtest.Response(nil))\n}\n"

	if err := os.MkdirAll("testdata", 0o755); err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("testdata", "misuse")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.WriteFile(filepath.Join(dir, "misuse.go"), []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "fine.go"), []byte(ok), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-gcflags=-e", "-o", os.DevNull, "./"+filepath.ToSlash(dir))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err == nil {
		t.Fatalf("the misuses compiled:\n%s", src.String())
	}
	if strings.Contains(out.String(), "fine.go") {
		t.Fatalf("the correct calls did not compile:\n%s", out.String())
	}
	lineErr := regexp.MustCompile(`misuse\.go:(\d+):\d+: `)
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
