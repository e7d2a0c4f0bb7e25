// Package compiletest checks, from a test, that calls of the SDK do not
// compile: each misuse is a statement in a package written under the
// test's testdata directory (inside the module, so it can import the SDK)
// and built with every error reported. TempDir is the place such a
// package is written, for tests that build and run programs too.
package compiletest

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

// Program is a package with misuses to build.
type Program struct {
	// Header is the start of the misuses' file: package clause, imports
	// and whatever declarations keep the imports used.
	Header string
	// Func opens the function whose body holds the misuses, e.g.
	// "func main() {\n".
	Func string
	// Misuses are the statements that must not compile, one per line.
	Misuses []string
	// Fine holds other files of the package, by name, that must compile:
	// correct calls next to the misuses show that the errors are theirs.
	Fine map[string]string
}

// misuseFile is the name of the file that holds the misuses.
const misuseFile = "misuse.go"

// Refuses builds p in the current directory's testdata and fails t unless
// the compiler reports an error on the line of every misuse and none in
// the Fine files. It skips in short mode.
func Refuses(t *testing.T, p Program) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the compiler")
	}
	var src strings.Builder
	src.WriteString(p.Header)
	src.WriteString(p.Func)
	first := strings.Count(src.String(), "\n") + 1 // the line of the first misuse
	for _, m := range p.Misuses {
		fmt.Fprintf(&src, "\t%s\n", m)
	}
	src.WriteString("}\n")

	dir := TempDir(t, "misuse")
	files := map[string]string{misuseFile: src.String()}
	for name, s := range p.Fine {
		files[name] = s
	}
	for name, s := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-gcflags=-e", "-o", os.DevNull, "./"+filepath.ToSlash(dir))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err == nil {
		t.Fatalf("the misuses compiled:\n%s", src.String())
	}
	for name := range p.Fine {
		if strings.Contains(out.String(), name+":") {
			t.Fatalf("%s, which must compile, did not:\n%s", name, out.String())
		}
	}
	lineErr := regexp.MustCompile(regexp.QuoteMeta(misuseFile) + `:(\d+):\d+: `)
	failed := map[string]bool{}
	for _, m := range lineErr.FindAllStringSubmatch(out.String(), -1) {
		failed[m[1]] = true
	}
	for i, m := range p.Misuses {
		if line := fmt.Sprint(first + i); !failed[line] {
			t.Errorf("line %s compiled: %s\ncompiler output:\n%s", line, m, out.String())
		}
	}
}

// TempDir makes a directory named after prefix under the current
// directory's testdata, inside the module so that a program written there
// can import it and out of reach of ./..., and removes it, and testdata
// when it is left empty, at the end of the test.
func TempDir(t *testing.T, prefix string) string {
	t.Helper()
	// Another test removing the empty testdata directory between the two
	// calls makes MkdirTemp fail: try again.
	var dir string
	var err error
	for range 3 {
		if err = os.MkdirAll("testdata", 0o755); err != nil {
			continue
		}
		if dir, err = os.MkdirTemp("testdata", prefix); err == nil {
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
	return dir
}
