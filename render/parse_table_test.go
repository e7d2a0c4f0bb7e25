package render

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseTable reads every document of the writer's table (verbTests)
// back to the value it was written from. A document the strict parser
// refuses must fail only for unknown elements or attributes, and then
// parse leniently.
func TestParseTable(t *testing.T) {
	t.Parallel()
	for _, tt := range verbTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse([]byte(tt.xml))
			if err != nil {
				var ds Diagnostics
				if !errors.As(err, &ds) {
					t.Fatalf("Parse: %v", err)
				}
				for _, d := range ds.Errors() {
					if d.Rule != "unknown-element" && d.Rule != "unknown-attribute" {
						t.Fatalf("Parse: %v", d)
					}
				}
				if got, err = Parse([]byte(tt.xml), Lenient()); err != nil {
					t.Fatalf("Parse(Lenient): %v", err)
				}
			}
			if diff := cmp.Diff(tt.doc, got); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
