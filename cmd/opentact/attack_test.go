//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckSymlinkedDirectory: a directory named through a symbolic link,
// as DIR or DIR/..., is walked like the directory itself, rather than
// checked as nothing with exit 0.
func TestCheckSymlinkedDirectory(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{"bad.xml": unknownElementDoc})
	link := filepath.Join(t.TempDir(), "flows")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{link, link + "/..."} {
		r := runCLI("", "check", arg)
		want := filepath.Join(link, "bad.xml") + ":1:11: error: /Response/Hangupp[1]: "
		if r.code != exitProblem || !strings.HasPrefix(r.stdout, want) {
			t.Errorf("check %s: exit %d, stdout %q, stderr %q; want exit 1 and a line starting %q", arg, r.code, r.stdout, r.stderr, want)
		}
	}
}
