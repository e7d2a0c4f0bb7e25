package render

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// docExamples returns the example documents of Opentact's XML pages,
// collected under testdata/docs, by name. A file named *.broken.xml is an
// example as printed (not a whole document) and is left out.
func docExamples(t *testing.T) map[string]string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "docs", "*.xml"))
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]string)
	for _, p := range paths {
		base := filepath.Base(p)
		if strings.HasSuffix(base, ".broken.xml") {
			continue
		}
		out[strings.TrimSuffix(base, ".xml")] = p
	}
	if len(out) == 0 {
		t.Fatal("no example documents under testdata/docs")
	}
	return out
}

// TestDocs parses every example document of the docs, checks it and
// compares its canonical form, in both layouts, with the goldens under
// testdata/TestDocs.
func TestDocs(t *testing.T) {
	t.Parallel()
	for name, path := range docExamples(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d, err := ParseDocument(src)
			if err != nil {
				t.Fatalf("ParseDocument(%s):\n%v", path, err)
			}
			checkPositions(t, d, bytes.Count(src, []byte("\n"))+1)
			if errs := d.Check().Errors(); len(errs) > 0 {
				t.Errorf("Check(%s) found errors:\n%v", path, errs)
			}
			for _, layout := range docLayouts {
				got, err := Append(nil, d.Response, layout.opts...)
				if err != nil {
					t.Fatalf("Append(%s): %v", layout.suffix, err)
				}
				compareDocGolden(t, filepath.Join("testdata", "TestDocs", name+layout.suffix), got)
			}
		})
	}
}

// TestDocsGoldensHaveSources checks that every golden under
// testdata/TestDocs belongs to an example that still exists.
func TestDocsGoldensHaveSources(t *testing.T) {
	t.Parallel()
	examples := docExamples(t)
	goldens, err := filepath.Glob(filepath.Join("testdata", "TestDocs", "*.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens {
		name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(g), ".xml"), ".compact")
		if _, ok := examples[name]; !ok {
			t.Errorf("%s is the golden of no example under testdata/docs; delete it", g)
		}
	}
}

// TestDocsBroken checks that every example the docs print as ill-formed
// XML (kept verbatim as *.broken.xml) is refused with positioned findings,
// and that its repair sits next to it.
func TestDocsBroken(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob(filepath.Join("testdata", "docs", "*.broken.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d, err := ParseDocument(src)
			var ds Diagnostics
			if d != nil || !errors.As(err, &ds) || !ds.HasErrors() {
				t.Fatalf("ParseDocument(%s) = %v, %v; want a Diagnostics error", path, d, err)
			}
			for _, f := range ds {
				if f.Line < 1 || f.Col < 1 {
					t.Errorf("finding without a position: %v", f)
				}
			}
			if _, err := os.Stat(strings.TrimSuffix(path, ".broken.xml") + ".xml"); err != nil {
				t.Errorf("no repaired example next to %s: %v", path, err)
			}
		})
	}
}

// docLayouts are the two layouts of the goldens: the file suffix and the
// writer's options.
var docLayouts = []struct {
	suffix string
	opts   []Option
}{
	{".xml", nil},
	{".compact.xml", []Option{Compact()}},
}

// TestDocsGatherIVR pins the multi-level IVR of the Gather page: the
// example every other SDK feature is measured against.
func TestDocsGatherIVR(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join("testdata", "docs", "gather-1.xml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Append(nil, r)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  <Gather dtmf_length=\"1\" dtmf_stop=\"#\">\n",
		"    <!-- SUPPORT TEAM -->\n",
		"        <To>support1@sip.opentact.org</To>\n",
		// The nested Gather's length alias and the Say text attribute come
		// out in their canonical form.
		"      <Say>Now please enter a 4-digit code or # to stop entering a pin</Say>\n",
		"      <Gather dtmf_length=\"4\" dtmf_stop=\"#\" url=\"http://private.domain.com/rest/private_menu?token=TOKEN\">\n",
		"        <!-- call URL will be transformed to: http://private.domain.com/rest/private_menu?token=TOKEN&dtmf=<DTMF>&from=<FROM>&tn=<TO>&state=live&sca=<SIP CONTROL APP UUID>&call=<CALL UUID> -->\n",
		"    <Default>\n      <Say>No DTMF code entered. Please call again</Say>\n    </Default>\n",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("rendered IVR lacks %q; got:\n%s", want, out)
		}
	}
}

// compareDocGolden compares got with the golden file at path, or rewrites the
// file when the -update flag is set.
func compareDocGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v\nrun `go test ./render -run %s -update` to create it", err, t.Name())
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s\nrun `go test ./render -run %s -update` if the change is intended",
			path, diff, strings.SplitN(t.Name(), "/", 2)[0])
	}
}
