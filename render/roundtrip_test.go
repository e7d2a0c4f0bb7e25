package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/opentact-go/opentact/verbs"
)

// goldenDirs are the directories of canonical documents written by the
// render tests.
var goldenDirs = []string{"TestDocs", "TestMarshal"}

// TestRoundTrip checks that every golden file is a fixed point: parsing it
// and rendering it again in its own layout gives the same bytes, and the
// indented and compact forms of one document parse to the same value.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	var paths []string
	for _, dir := range goldenDirs {
		found, err := filepath.Glob(filepath.Join("testdata", dir, "*.xml"))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, found...)
	}
	if len(paths) == 0 {
		t.Fatal("no golden files under testdata")
	}
	for _, path := range paths {
		name := filepath.Join(filepath.Base(filepath.Dir(path)), strings.TrimSuffix(filepath.Base(path), ".xml"))
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if strings.HasSuffix(path, ".compact.xml") {
				roundTripFile(t, path, Compact())
				return
			}
			indented := roundTripFile(t, path)
			compactPath := strings.TrimSuffix(path, ".xml") + ".compact.xml"
			if _, err := os.Stat(compactPath); err != nil {
				return // a golden in one layout only
			}
			compact, err := Parse(readGolden(t, compactPath), Lenient())
			if err != nil {
				t.Fatalf("Parse(%s): %v", compactPath, err)
			}
			if diff := cmp.Diff(indented, compact); diff != "" {
				t.Errorf("the two layouts parse to different values (-indented +compact):\n%s", diff)
			}
		})
	}
}

// readGolden returns the bytes of a golden file.
func readGolden(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// roundTripFile parses the file (leniently, as goldens may hold raw nodes),
// renders it with opts, expects the file's own bytes, and returns the
// parsed value.
func roundTripFile(t *testing.T, path string, opts ...Option) *verbs.Response {
	t.Helper()
	src := readGolden(t, path)
	r, err := Parse(src, Lenient())
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	out, err := Append(nil, r, opts...)
	if err != nil {
		t.Fatalf("Append(%s): %v", path, err)
	}
	if !bytes.Equal(src, out) {
		t.Errorf("%s is not a fixed point of parse → render (-file +rendered):\n%s", path, cmp.Diff(string(src), string(out)))
	}
	return r
}
