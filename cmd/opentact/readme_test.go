package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeCheckExample runs check on the document shown in the README's
// CLI section and compares its output with the output the README shows.
func TestReadmeCheckExample(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n## The CLI\n")
	if !ok {
		t.Fatal("README.md has no section The CLI")
	}
	_, rest, ok := strings.Cut(section, "```xml\n")
	if !ok {
		t.Fatal("the CLI section has no XML example")
	}
	doc, rest, _ := strings.Cut(rest, "```\n")
	_, rest, ok = strings.Cut(rest, "```\n")
	if !ok {
		t.Fatal("the CLI section shows no check output after its XML example")
	}
	want, _, _ := strings.Cut(rest, "```\n")

	t.Chdir(t.TempDir()) // the README names the file flow.xml
	if err := os.WriteFile("flow.xml", []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI("", "check", "flow.xml")
	if r.stdout != want || r.code != 1 {
		t.Errorf("check flow.xml: exit %d, output:\n%s\nthe README shows (exit 1):\n%s", r.code, r.stdout, want)
	}
}
