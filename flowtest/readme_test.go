package flowtest_test

import (
	"os"
	"strings"
	"testing"
)

// readmeSnippets returns the Go code blocks of a section of the README and
// the file they came from.
func readmeSnippets(t *testing.T, heading string) ([]string, string) {
	t.Helper()
	for _, path := range []string{"../README.md"} {
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		_, section, ok := strings.Cut("\n"+string(b), "\n"+heading+"\n")
		if !ok {
			continue
		}
		if i := strings.Index(section, "\n## "); i >= 0 {
			section = section[:i]
		}
		var blocks []string
		for {
			_, rest, ok := strings.Cut(section, "```go\n")
			if !ok {
				break
			}
			block, after, _ := strings.Cut(rest, "```\n")
			blocks = append(blocks, block)
			section = after
		}
		return blocks, path
	}
	t.Fatalf("README.md has no section %q", heading)
	return nil, ""
}

// TestReadmeGoldenTests keeps the README's "Golden tests" code identical to
// example_test.go, which compiles and runs it.
func TestReadmeGoldenTests(t *testing.T) {
	t.Parallel()
	blocks, path := readmeSnippets(t, "## Golden tests")
	src, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) == 0 {
		t.Fatalf("%s: the section has no Go code", path)
	}
	for _, b := range blocks {
		if !strings.Contains(string(src), b) {
			t.Errorf("%s: this snippet is not in example_test.go:\n%s", path, b)
		}
	}
}
