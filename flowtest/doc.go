// Package flowtest checks call-flow documents in tests: Golden compares the
// rendered document with a golden file, Equivalent compares it with
// expected XML by meaning, ignoring layout.
//
// Both take the document as a *verbs.Response or as anything with a
// Build() (*verbs.Response, error) method, such as a *flow.Flow of package
// flow (directory builder), and render it with render.Marshal, so an
// invalid document fails the test with its diagnostics.
//
// A mismatch is reported as a go-cmp (-want +got) diff of the lines, with
// the command that rewrites the golden file:
//
//	go test ./ivr -run '^TestMenu$' -update
//
// Golden files are rewritten when the test binary runs with -update (a flag
// this package defines unless another package already has) or with the
// environment variable OPENTACT_UPDATE_GOLDEN=1. Because this package is
// initialised before the test package that imports it, a test package that
// wants its own -update flag must reuse this one (flag.Lookup("update"))
// rather than define it again.
//
// A missing golden file fails the test; it is created only when updating.
// Golden files checked out with CRLF line endings compare equal to the
// rendered LF text.
package flowtest
