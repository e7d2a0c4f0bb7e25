package render

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDiagnosticsHelpers(t *testing.T) {
	t.Parallel()
	warn := Diagnostic{Path: "/Response/Gather[1]", Line: 3, Col: 5, Severity: SeverityWarning, Rule: "legacy", Message: "<Gather> uses numDigits"}
	bad := Diagnostic{Path: "/Response/Say[1]/@lang", Severity: SeverityError, Rule: "lang", Message: "lang must be a language tag"}
	noPath := Diagnostic{Severity: SeverityError, Rule: "syntax", Message: "unexpected EOF"}
	ds := Diagnostics{warn, bad, noPath}

	if diff := cmp.Diff(Diagnostics{warn}, ds.Warnings()); diff != "" {
		t.Errorf("Warnings (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Diagnostics{bad, noPath}, ds.Errors()); diff != "" {
		t.Errorf("Errors (-want +got):\n%s", diff)
	}
	if !ds.HasErrors() || ds.Warnings().HasErrors() {
		t.Errorf("HasErrors: %v on all, %v on the warnings; want true, false", ds.HasErrors(), ds.Warnings().HasErrors())
	}
	if ds.Warnings().Err() != nil {
		t.Errorf("Err of warnings alone = %v, want nil", ds.Warnings().Err())
	}
	var got Diagnostics
	if err := ds.Err(); !errors.As(err, &got) || len(got) != 3 {
		t.Errorf("Err = %v, want the three findings as Diagnostics", err)
	}
	want := "3:5: warning: /Response/Gather[1]: <Gather> uses numDigits\n" +
		"error: /Response/Say[1]/@lang: lang must be a language tag\n" +
		"error: unexpected EOF"
	if ds.Error() != want {
		t.Errorf("Error() =\n%s\nwant\n%s", ds.Error(), want)
	}
	if got := (Diagnostics{}).Error(); got != "render: no diagnostics" {
		t.Errorf("empty Error() = %q", got)
	}

	sorted := Diagnostics{warn, bad, noPath}
	sorted.Sort()
	// Unknown positions (0) sort first, then by path; equal keys keep their order.
	if diff := cmp.Diff(Diagnostics{noPath, bad, warn}, sorted); diff != "" {
		t.Errorf("Sort (-want +got):\n%s", diff)
	}
}
