package render

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseTable reads every document of the writer's table (verbTests),
// in both layouts, back to the value it was written from. A document the
// strict parser refuses must fail only for unknown elements or attributes,
// and then parse leniently.
func TestParseTable(t *testing.T) {
	t.Parallel()
	for _, tt := range verbTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, layout := range []struct{ name, xml string }{
				{"indented", tt.xml},
				{"compact", compactForm(tt.xml)},
			} {
				got, err := Parse([]byte(layout.xml))
				if err != nil {
					var ds Diagnostics
					if !errors.As(err, &ds) {
						t.Fatalf("%s: Parse: %v", layout.name, err)
					}
					for _, d := range ds.Errors() {
						if d.Rule != "unknown-element" && d.Rule != "unknown-attribute" {
							t.Fatalf("%s: Parse: %v", layout.name, d)
						}
					}
					if got, err = Parse([]byte(layout.xml), Lenient()); err != nil {
						t.Fatalf("%s: Parse(Lenient): %v", layout.name, err)
					}
				}
				if diff := cmp.Diff(tt.doc, got); diff != "" {
					t.Errorf("%s: Parse mismatch (-want +got):\n%s", layout.name, diff)
				}
			}
		})
	}
}
