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

// replay returns the two texts an edit script turns one into the other.
func replay(script []op) (a, b string) {
	var ga, gb strings.Builder
	for _, e := range script {
		if e.kind != '+' {
			ga.WriteString(e.text)
		}
		if e.kind != '-' {
			gb.WriteString(e.text)
		}
	}
	return ga.String(), gb.String()
}

// TestEditsShortest compares the number of edits of the script with the
// edit distance a longest common subsequence gives, on small inputs of few
// distinct lines (many ties).
func TestEditsShortest(t *testing.T) {
	t.Parallel()
	seed := uint32(1)
	next := func(n uint32) uint32 {
		seed = seed*1664525 + 1013904223
		return (seed >> 16) % n
	}
	lines := func() []string {
		out := make([]string, next(12))
		for i := range out {
			out[i] = string(rune('a'+next(3))) + "\n"
		}
		return out
	}
	for range 2000 {
		a, b := lines(), lines()
		script := edits(a, b)
		if ga, gb := replay(script); ga != strings.Join(a, "") || gb != strings.Join(b, "") {
			t.Fatalf("edits(%q, %q) does not reproduce its inputs", a, b)
		}
		lcs := make([][]int, len(a)+1)
		for i := range lcs {
			lcs[i] = make([]int, len(b)+1)
		}
		for i := len(a) - 1; i >= 0; i-- {
			for j := len(b) - 1; j >= 0; j-- {
				if a[i] == b[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		changed := 0
		for _, e := range script {
			if e.kind != ' ' {
				changed++
			}
		}
		if want := len(a) + len(b) - 2*lcs[0][0]; changed != want {
			t.Fatalf("edits(%q, %q) has %d edits, want %d", a, b, changed, want)
		}
	}
}

// TestEditsBeyondTheBound: inputs further apart than maxEdits get a
// script that still turns one into the other, keeping the lines equal at
// both ends.
func TestEditsBeyondTheBound(t *testing.T) {
	t.Parallel()
	a, b := []string{"head\n"}, []string{"head\n"}
	for i := range maxEdits {
		a = append(a, "\t"+strings.Repeat("x", i%7)+"\n")
		b = append(b, "  "+strings.Repeat("y", i%5)+"\n")
	}
	a, b = append(a, "tail\n"), append(b, "tail\n")
	script := edits(a, b)
	if ga, gb := replay(script); ga != strings.Join(a, "") || gb != strings.Join(b, "") {
		t.Fatal("the script does not reproduce its inputs")
	}
	if first, last := script[0], script[len(script)-1]; first != (op{' ', "head\n"}) || last != (op{' ', "tail\n"}) {
		t.Errorf("the script starts with %q and ends with %q, want the equal lines kept", first, last)
	}
}
