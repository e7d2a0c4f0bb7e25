package flowtest

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Golden renders doc (a *verbs.Response or a Builder such as a *flow.Flow)
// with render.Marshal and compares the XML with the golden file at path.
// A value with a text form (encoding.TextMarshaler, such as a
// flowsim.Transcript) is compared as that text instead.
//
// On a mismatch it reports a (-want +got) diff of the lines and the command
// that rewrites the file, and marks the test failed. A missing file, a
// document that does not build or is invalid, and an unreadable file stop
// the test. With -update or OPENTACT_UPDATE_GOLDEN=1 it writes the rendered
// document to path instead, creating the directories it needs. Golden
// returns whether the document matched the file or was written to it.
func Golden(t TB, path string, doc any) bool {
	t.Helper()
	return golden(t, path, doc, updating())
}

// golden implements Golden with the update mode given.
func golden(t TB, path string, doc any, update bool) bool {
	t.Helper()
	got, err := marshal(doc)
	if err != nil {
		t.Fatalf("%v", err)
		return false
	}
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
