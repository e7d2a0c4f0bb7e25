package flowsim_test

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeSimulate keeps the Go code of the README's "Simulate a call"
// section identical to readme_example_test.go, which compiles and runs it.
func TestReadmeSimulate(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## Simulate a call\n")
	if !ok {
		t.Fatal("README.md has no section Simulate a call")
	}
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	src, err := os.ReadFile("readme_example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	blocks := 0
	for {
		_, rest, ok := strings.Cut(section, "```go\n")
		if !ok {
			break
		}
		block, after, _ := strings.Cut(rest, "```\n")
		blocks++
		if !strings.Contains(string(src), block) {
			t.Errorf("README.md: this snippet is not in readme_example_test.go:\n%s", block)
		}
		section = after
	}
	if blocks == 0 {
		t.Error("README.md: the Simulate a call section has no Go code")
	}
}

// TestReadmeTranscript keeps the transcript the README shows identical to
// the golden file the README's test compares.
func TestReadmeTranscript(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile("testdata/support_busy.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "The transcript reads, for this call:\n\n```\n"+string(golden)+"```\n") {
		t.Errorf("README.md does not show testdata/support_busy.txt after \"The transcript reads\"")
	}
}
