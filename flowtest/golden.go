package flowtest

import (
	"bytes"
	"encoding"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Golden renders doc (a *flow.Flow, another Builder, or a *verbs.Response
// wrapped by Response) with render.Marshal and compares the XML with the
// golden file at path.
//
// On a mismatch it reports a (-want +got) diff of the lines and the command
// that rewrites the file, and marks the test failed. A document with
// warnings fails the test too, unless AllowWarnings is given. A missing
// file, a document that does not build or is invalid, and an unreadable
// file stop the test. With OPENTACT_UPDATE_GOLDEN=1 (see UpdateEnv) it
// writes the rendered document to path instead, creating the directories it
// needs. Golden returns whether the document matched the file (or was
// written to it) and had no warnings that were not allowed.
func Golden(t TB, path string, doc Builder, opts ...Option) bool {
	t.Helper()
	return goldenDoc(t, path, doc, settingsOf(opts), updating())
}

// GoldenText compares the text form of v, such as a flowsim.Transcript,
// with the golden file at path, exactly as Golden compares a document.
func GoldenText(t TB, path string, v encoding.TextMarshaler, opts ...Option) bool {
	t.Helper()
	if v == nil {
		t.Fatalf("flowtest: nil text")
		return false
	}
	got, err := v.MarshalText()
	if err != nil {
		t.Fatalf("flowtest: the text form of %T: %v", v, err)
		return false
	}
	return golden(t, path, got, updating())
}

// goldenDoc implements Golden with the update mode given.
func goldenDoc(t TB, path string, doc Builder, s settings, update bool) bool {
	t.Helper()
	got, warn, err := marshal(doc)
	if err != nil {
		t.Fatalf("%v", err)
		return false
	}
	ok := warningsOK(t, warn, s)
	return golden(t, path, got, update) && ok
}

// golden compares got with the file at path, or writes it there when
// update is set.
func golden(t TB, path string, got []byte, update bool) bool {
	t.Helper()
	old, err := os.ReadFile(path)
	missing := errors.Is(err, fs.ErrNotExist)
	if err != nil && !missing {
		t.Fatalf("flowtest: reading the golden file: %v", err)
		return false
	}
	if update {
		if !missing && bytes.Equal(old, got) {
			return true
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("flowtest: updating the golden file: %v", err)
			return false
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("flowtest: updating the golden file: %v", err)
			return false
		}
		t.Logf("flowtest: wrote %s", path)
		return true
	}
	if missing {
		t.Fatalf("flowtest: golden file %s does not exist; create it with:\n\t%s", path, updateCommand(t.Name()))
		return false
	}
	want := normalizeNewlines(old)
	if want == string(got) {
		return true
	}
	t.Errorf("flowtest: %s: the document differs from the golden file (-want +got):\n%s\nTo accept the new document, run:\n\t%s",
		path, lineDiff(want, string(got)), updateCommand(t.Name()))
	return false
}
