package flowtest

import (
	"strings"

	"github.com/google/go-cmp/cmp"
)

// lineDiff returns a go-cmp (-want +got) diff of two texts, line by line.
func lineDiff(want, got string) string {
	return cmp.Diff(strings.Split(want, "\n"), strings.Split(got, "\n"))
}

// normalizeNewlines turns CRLF line endings into LF, as a golden file
// checked out on Windows may have them.
func normalizeNewlines(b []byte) string {
	return strings.ReplaceAll(string(b), "\r\n", "\n")
}
