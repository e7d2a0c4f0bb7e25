package render

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Severity tells an error, which makes a document invalid, from a warning
// (lint), which is reported but never blocks rendering.
type Severity string

// The severities of a Diagnostic.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Diagnostic is one finding about a document.
type Diagnostic struct {
	// Path is the XPath-style location: 1-based positions among same-named
	// siblings and @attr for attributes, e.g. /Response/Pause[2]/@length.
	Path string
	// Line and Col are 1-based positions in the source of a parsed
	// document, 0 when unknown.
	Line, Col int
	Severity  Severity
	// Rule is a short stable identifier of the rule, e.g. "required".
	Rule    string
	Message string
}

// String formats d as "LINE:COL: SEVERITY: PATH: MESSAGE", leaving out the
// position when it is unknown and the path when it is empty.
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.Line > 0 {
		fmt.Fprintf(&b, "%d:%d: ", d.Line, d.Col)
	}
	b.WriteString(string(d.Severity))
	b.WriteString(": ")
	if d.Path != "" {
		b.WriteString(d.Path)
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	return b.String()
}

// Diagnostics is a list of findings. As an error it prints one finding per
// line; errors.As(err, &Diagnostics{}) recovers the list from an error
// returned by Parse, Validate, Marshal or the builder.
type Diagnostics []Diagnostic

// Error prints every finding, one per line.
func (ds Diagnostics) Error() string {
	switch len(ds) {
	case 0:
		return "render: no diagnostics"
	case 1:
		return ds[0].String()
	}
	var b strings.Builder
	for i, d := range ds {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// HasErrors reports whether any finding is an error.
func (ds Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return d.Severity == SeverityError })
}

// Errors returns the findings of severity error.
func (ds Diagnostics) Errors() Diagnostics { return ds.filter(SeverityError) }

// Warnings returns the findings of severity warning.
func (ds Diagnostics) Warnings() Diagnostics { return ds.filter(SeverityWarning) }

func (ds Diagnostics) filter(s Severity) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Err returns ds as an error when it holds at least one error, and nil
// otherwise (warnings alone are not an error).
func (ds Diagnostics) Err() error {
	if ds.HasErrors() {
		return ds
	}
	return nil
}

// WarningsOnly reports whether ds holds at least one finding and every one
// is a warning: the document is valid and can be rendered, but it has lint
// findings.
func (ds Diagnostics) WarningsOnly() bool { return len(ds) > 0 && !ds.HasErrors() }

// IsWarnings reports whether err is a Diagnostics holding only warnings, or
// wraps one through a chain of single Unwrap methods (an error joined with
// others is not only warnings). The flow builder's Build, XML, WriteTo and
// Render return such an error alongside their result for a valid document
// that has warnings, so a caller that accepts warnings writes
//
//	doc, err := f.Build()
//	if err != nil && !render.IsWarnings(err) {
//		return err
//	}
func IsWarnings(err error) bool {
	for err != nil {
		if ds, ok := err.(Diagnostics); ok {
			return ds.WarningsOnly()
		}
		err = errors.Unwrap(err)
	}
	return false
}

// Sort orders the findings by line, column and path, keeping the order of
// findings that compare equal.
// Findings that are in order already, as Check makes most of them, are
// only compared once each: comparing two paths costs their common prefix,
// which for the findings of a deep chain is the depth.
func (ds Diagnostics) Sort() {
	if !slices.IsSortedFunc(ds, compareDiagnostics) {
		slices.SortStableFunc(ds, compareDiagnostics)
	}
}

// compareDiagnostics orders findings by line, column and path.
func compareDiagnostics(a, b Diagnostic) int {
	return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), strings.Compare(a.Path, b.Path))
}
