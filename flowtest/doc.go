// Package flowtest checks call-flow documents in tests: Golden compares the
// rendered document with a golden file, Equivalent compares it with
// expected XML by meaning, ignoring layout, and GoldenText compares any
// text form (such as a flowsim.Transcript) with a golden file.
//
// Golden and Equivalent take a Builder: a *flow.Flow of package flow
// (directory builder), any other value with a
// Build() (*verbs.Response, error) method, or a *verbs.Response wrapped by
// Response. They render it with render.Marshal, so an invalid document
// fails the test with its diagnostics.
//
// Strict by default: a document whose render.Check findings include
// warnings (a command after <Hangup/> that never runs, a legacy element,
// an audio URL that is neither .mp3 nor .wav, …) fails the test with every
// warning listed, although it is still compared. Pass AllowWarnings() to
// accept them.
//
// A mismatch is reported as a go-cmp (-want +got) diff of the lines, with
// the command that rewrites the golden file:
//
//	OPENTACT_UPDATE_GOLDEN=1 go test ./ivr -run '^TestMenu$'
//
// Golden files are rewritten when the environment variable
// OPENTACT_UPDATE_GOLDEN is 1 (UpdateEnv), which works for
// "go test ./..." as a whole. The package registers no command-line flag;
// a test package that defines its own boolean -update flag gets it
// honoured, and then the failure message names that flag instead.
//
// A missing golden file fails the test; it is created only when updating.
// Golden files checked out with CRLF line endings compare equal to the
// rendered LF text.
package flowtest
