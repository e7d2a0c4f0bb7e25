package render

import (
	"fmt"
	"strings"
	"testing"
)

// TestLenientWarnsOfWhatItKeeps: lenient parsing keeps unknown elements and
// attributes, and says so with one warning each at its place; an unknown
// element's own content is kept with it and not reported again. An
// attribute's finding is at its element, as in strict parsing.
func TestLenientWarnsOfWhatItKeeps(t *testing.T) {
	src := "<Response>\n  <Foo x=\"1\"><Baz/></Foo>\n  <Say bogus=\"1\" lang=\"en-US\">Hi</Say>\n  <Hangup/>\n</Response>"
	doc, err := ParseDocument([]byte(src), Lenient())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2:3 warning /Response/Foo[1] unknown-element unknown element <Foo>",
		"3:3 warning /Response/Say[1]/@bogus unknown-attribute unknown attribute bogus on <Say>",
	}
	if len(doc.Warnings) != len(want) {
		t.Fatalf("%d warnings, want %d: %v", len(doc.Warnings), len(want), doc.Warnings)
	}
	for i, d := range doc.Warnings {
		got := fmt.Sprintf("%d:%d %s %s %s %s", d.Line, d.Col, d.Severity, d.Path, d.Rule, d.Message)
		if !strings.HasPrefix(got, want[i]) || !strings.Contains(d.Message, "kept as written") {
			t.Errorf("warning %d = %s, want %s…; kept as written", i, got, want[i])
		}
	}
	// The strict reading of the same document has the same places as errors.
	if _, err := ParseDocument([]byte(src)); err == nil || !strings.Contains(err.Error(), "unknown element <Foo>") {
		t.Errorf("strict parse: %v", err)
	}
}
