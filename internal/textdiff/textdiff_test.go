package textdiff

import (
	"strings"
	"testing"
)

func TestUnified(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, old, new, want string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"change middle", "a\nb\nc\n", "a\nB\nc\n",
			"--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"append", "a\n", "a\nb\n",
			"--- x\n+++ y\n@@ -1 +1,2 @@\n a\n+b\n"},
		{"from empty", "", "a\n",
			"--- x\n+++ y\n@@ -0,0 +1 @@\n+a\n"},
		{"no final newline", "a", "a\n",
			"--- x\n+++ y\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n"},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "1\nX\n3\n4\n5\n6\n7\n8\n9\n10\nY\n12\n",
			"--- x\n+++ y\n@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n@@ -8,5 +8,5 @@\n 8\n 9\n 10\n-11\n+Y\n 12\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Unified("x", "y", []byte(tt.old), []byte(tt.new)); got != tt.want {
				t.Errorf("Unified:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestEditsApply checks that applying the script to a gives b, on inputs
// with many repeated lines.
func TestEditsApply(t *testing.T) {
	t.Parallel()
	a := strings.SplitAfter("x\ny\nx\nz\nx\ny\n", "\n")
	b := strings.SplitAfter("y\nx\nx\nz\ny\ny\nx\n", "\n")
	var gotA, gotB []string
	for _, e := range edits(a, b) {
		if e.kind != '+' {
			gotA = append(gotA, e.text)
		}
		if e.kind != '-' {
			gotB = append(gotB, e.text)
		}
	}
	if strings.Join(gotA, "") != strings.Join(a, "") || strings.Join(gotB, "") != strings.Join(b, "") {
		t.Errorf("script does not reproduce its inputs: %q / %q", gotA, gotB)
	}
}
