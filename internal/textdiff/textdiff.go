// Package textdiff computes line diffs and prints them in the unified
// format of diff -u, for opentact fmt -d.
package textdiff

import (
	"fmt"
	"strings"
)

// op is one line of an edit script.
type op struct {
	kind byte // ' ', '-' or '+'
	text string
}

// Unified returns the unified diff that turns old into new, with labels
// oldName and newName and three lines of context, or "" when they are equal.
func Unified(oldName, newName string, old, new []byte) string {
	if string(old) == string(new) {
		return ""
	}
	a, b := splitLines(string(old)), splitLines(string(new))
	script := edits(a, b)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	const context = 3
	for i := 0; i < len(script); {
		if script[i].kind == ' ' {
			i++
			continue
		}
		// A hunk starts context lines before the first change and runs
		// until a stretch of more than 2*context unchanged lines.
		start := max(i-context, 0)
		end := i
		for end < len(script) {
			if script[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(script) && script[run].kind == ' ' {
				run++
			}
			if run == len(script) || run-end > 2*context {
				end = min(end+context, len(script))
				break
			}
			end = run
		}
		writeHunk(&out, script, start, end)
		i = end
	}
	return out.String()
}

func writeHunk(out *strings.Builder, script []op, start, end int) {
	oldLine, newLine := 1, 1
	for _, e := range script[:start] {
		if e.kind != '+' {
			oldLine++
		}
		if e.kind != '-' {
			newLine++
		}
	}
	var oldCount, newCount int
	for _, e := range script[start:end] {
		if e.kind != '+' {
			oldCount++
		}
		if e.kind != '-' {
			newCount++
		}
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", hunkRange(oldLine, oldCount), hunkRange(newLine, newCount))
	for _, e := range script[start:end] {
		out.WriteByte(e.kind)
		out.WriteString(e.text)
		if !strings.HasSuffix(e.text, "\n") {
			out.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange formats a hunk side as diff -u does: "l,n", "l" for one line,
// and "l-1,0" for none.
func hunkRange(line, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", line-1)
	case 1:
		return fmt.Sprint(line)
	}
	return fmt.Sprintf("%d,%d", line, count)
}

// splitLines splits s after each newline, keeping the newlines.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// maxEdits bounds the edit distance the search for a shortest script goes
// to: its trace grows with the square of the distance (about 16 MiB at
// this bound, whatever the length of the inputs).
const maxEdits = 2048

// edits returns an edit script from a to b: the lines equal at both ends
// kept, and between them a shortest script (Myers' algorithm), or, when
// that needs more than maxEdits edits, every line removed and added.
func edits(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var out []op
	for _, line := range a[:pre] {
		out = append(out, op{' ', line})
	}
	midA, midB := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if mid, ok := shortest(midA, midB); ok {
		out = append(out, mid...)
	} else {
		for _, line := range midA {
			out = append(out, op{'-', line})
		}
		for _, line := range midB {
			out = append(out, op{'+', line})
		}
	}
	for _, line := range a[len(a)-suf:] {
		out = append(out, op{' ', line})
	}
	return out
}

// shortest returns a shortest edit script from a to b, or false when it
// needs more than maxEdits edits. trace[d] keeps the furthest x of the
// diagonals k = -d-1 … d+1 before step d, at index k+d+1.
func shortest(a, b []string) ([]op, bool) {
	n, m := len(a), len(b)
	maxD := min(n+m, maxEdits)
	offset := maxD + 1
	v := make([]int32, 2*maxD+4)
	var trace [][]int32
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int32(nil), v[offset-d-1:offset+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
				x = int(v[offset+k+1])
			} else {
				x = int(v[offset+k-1]) + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[offset+k] = int32(x)
			if x >= n && y >= m {
				return backtrack(trace, a, b, d), true
			}
		}
	}
	return nil, false
}

func backtrack(trace [][]int32, a, b []string, d int) []op {
	x, y := len(a), len(b)
	var rev []op
	for ; d >= 0; d-- {
		v, at := trace[d], d+1 // v[at+k] is diagonal k
		k := x - y
		var prevK int
		if k == -d || (k != d && v[at+k-1] < v[at+k+1]) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := int(v[at+prevK])
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x--
			y--
			rev = append(rev, op{' ', a[x]})
		}
		if d > 0 {
			if x == prevX {
				y--
				rev = append(rev, op{'+', b[y]})
			} else {
				x--
				rev = append(rev, op{'-', a[x]})
			}
		}
	}
	out := make([]op, len(rev))
	for i, e := range rev {
		out[len(rev)-1-i] = e
	}
	return out
}
