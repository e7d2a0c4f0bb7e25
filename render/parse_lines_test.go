package render

import (
	"strings"
	"testing"
)

// TestPositionsWithEveryLineEnd checks the line and column of a finding
// on line 5 whatever the documents' line ends are (issue 12: a CR-only file
// reported line 5 as 1:78), as XML 1.0 §2.11 counts them: LF, CRLF and a
// lone CR each end one line.
func TestPositionsWithEveryLineEnd(t *testing.T) {
	lines := []string{
		`<?xml version="1.0" encoding="UTF-8"?>`,
		`<Response>`,
		`  <Say>Hello</Say>`,
		`  <!-- next is wrong -->`,
		`  <Nope/>`,
		`</Response>`,
	}
	for name, end := range map[string]string{"LF": "\n", "CRLF": "\r\n", "CR": "\r", "mixed": ""} {
		t.Run(name, func(t *testing.T) {
			var doc string
			if end == "" {
				doc = lines[0] + "\r" + lines[1] + "\n" + lines[2] + "\r\n" + lines[3] + "\r" + lines[4] + "\n" + lines[5]
			} else {
				doc = strings.Join(lines, end)
			}
			_, err := Parse([]byte(doc))
			ds, ok := err.(Diagnostics)
			if !ok || len(ds) == 0 {
				t.Fatalf("Parse: %v, want a finding for <Nope>", err)
			}
			if d := ds[0]; d.Line != 5 || d.Col != 3 {
				t.Errorf("finding at %d:%d, want 5:3: %v", d.Line, d.Col, d)
			}
		})
	}
}
