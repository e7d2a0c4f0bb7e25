package flowtest

import "github.com/opentact-go/opentact/render"

// Equivalent reports whether doc (a *flow.Flow, another Builder, or a
// *verbs.Response wrapped by Response) means the same document as the XML
// want, ignoring layout: indentation, line breaks, the XML declaration and
// the parse aliases of the language (<Say text="…">, lowercase methods, …)
// do not matter.
//
// want is parsed strictly with render.Parse; doc is rendered with
// render.Marshal, so it must be valid. Both are compared in the canonical
// layout, and a difference is reported as a (-want +got) diff of those
// lines, marking the test failed. A document with warnings fails the test
// too, unless AllowWarnings is given. A want that does not parse and a doc
// that does not build or is invalid stop the test. Equivalent returns
// whether the documents matched and doc had no warnings that were not
// allowed.
func Equivalent(t TB, want string, doc Builder, opts ...Option) bool {
	t.Helper()
	parsed, err := render.Parse([]byte(want))
	if err != nil {
		t.Fatalf("flowtest: parsing the expected XML:\n%v", err)
		return false
	}
	canonical, err := render.Append(nil, parsed)
	if err != nil {
		t.Fatalf("flowtest: writing the expected XML: %v", err)
		return false
	}
	got, warn, err := marshal(doc)
	if err != nil {
		t.Fatalf("%v", err)
		return false
	}
	ok := warningsOK(t, warn, settingsOf(opts))
	if string(canonical) == string(got) {
		return ok
	}
	t.Errorf("flowtest: the document differs from the expected XML (-want +got):\n%s", lineDiff(string(canonical), string(got)))
	return false
}
