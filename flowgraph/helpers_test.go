package flowgraph_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/opentact-go/opentact/internal/textdiff"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// parseFile parses a document of render's corpus, with positions.
func parseFile(t *testing.T, name string) *render.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "render", "testdata", "TestDocs", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := render.ParseDocument(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

func parse(t *testing.T, xml string) *render.Document {
	t.Helper()
	doc, err := render.ParseDocument([]byte(xml))
	if err != nil {
		t.Fatalf("%v\n%s", err, xml)
	}
	return doc
}

// golden compares got with testdata/name; OPENTACT_UPDATE_GOLDEN=1 rewrites
// the file instead (review the diff before committing it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if on, _ := strconv.ParseBool(os.Getenv("OPENTACT_UPDATE_GOLDEN")); on {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with OPENTACT_UPDATE_GOLDEN=1 go test ./flowgraph)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (-want +got):\n%s\nupdate with OPENTACT_UPDATE_GOLDEN=1 go test ./flowgraph", path,
			textdiff.Unified("want", "got", want, []byte(got)))
	}
}

func doc(cmds ...verbs.Command) *verbs.Response { return &verbs.Response{Commands: cmds} }
