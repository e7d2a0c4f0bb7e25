package opentact_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestReadmeNewModule takes the test file of the README's "Testing your
// code without fakes of your own" section, puts it in a new module that
// requires this one (replaced by the working tree, with no network) and
// runs its tests: an IVR handler, an SMS sender and an event consumer,
// tested with the SDK's own kits only.
func TestReadmeNewModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a module")
	}
	t.Parallel()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const start, end = "<!-- new-module-test -->\n```go\n", "```\n"
	s := string(readme)
	i := strings.Index(s, start)
	if i < 0 {
		t.Fatal("README.md has no new-module test block")
	}
	src := s[i+len(start):]
	src = src[:strings.Index(src, end)]

	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gomod := "module example.com/app\n\ngo 1.24.0\n\nrequire github.com/opentact-go/opentact v0.0.0\n\n" +
		"replace github.com/opentact-go/opentact => " + filepath.ToSlash(root) + "\n"
	for name, data := range map[string]string{"go.mod": gomod, "go.sum": string(sum), "app_test.go": src} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "test", "-count=1", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go test in the new module: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "ok  \texample.com/app") {
		t.Errorf("unexpected output:\n%s", out)
	}
}
