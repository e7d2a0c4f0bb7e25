package opentact_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/opentact-go/opentact/"

// allowedImports lists, for each package directory, the module packages and
// third-party modules its non-test files may import. The standard library
// is always allowed. Directories not listed may import nothing outside the
// standard library, so a new package must be added here on purpose.
var allowedImports = map[string][]string{
	"verbs":             {},
	"render":            {"verbs", "internal/spec"},
	"builder":           {"verbs", "render"},
	"flowtest":          {"verbs", "render", "builder", "github.com/google/go-cmp"},
	"client":            {"verbs", "render"},
	"client/clienttest": {},
	"events":            {"client", "github.com/coder/websocket"},
	"webhook":           {"verbs", "render", "builder", "events"},
	"internal/textdiff": {},
	"internal/gen":      {"verbs", "render", "builder"},
	"internal/spec":     {"verbs"},
	"internal/elemgen":  {},
	"cmd/opentact":      {"verbs", "render", "builder", "internal/textdiff", "internal/gen"},
	"examples/ivr":      {"verbs", "render", "builder", "webhook"},
	".":                 {},
}

// testOnlyImports may appear in any _test.go file.
var testOnlyImports = []string{"github.com/google/go-cmp/cmp", "github.com/google/go-cmp/cmp/cmpopts",
	"github.com/go-playground/validator/v10"}

// TestImportGraph keeps imports pointing one way (verbs ← render ← flow ←
// {flowtest, webhook, cmd, examples}; client and events beside them),
// keeps verbs on the standard library alone, and keeps every third-party
// dependency in the package that needs it.
func TestImportGraph(t *testing.T) {
	t.Parallel()
	imports := map[string]map[string]bool{} // dir → non-test imports
	testImports := map[string]map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "bench") {
				return filepath.SkipDir // bench is a module of its own
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		set := imports
		if strings.HasSuffix(path, "_test.go") {
			set = testImports
		}
		if set[dir] == nil {
			set[dir] = map[string]bool{}
		}
		for _, spec := range f.Imports {
			p, _ := strconv.Unquote(spec.Path.Value)
			set[dir][p] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(imports["verbs"]) == 0 || len(imports["render"]) == 0 {
		t.Fatalf("walked no package sources (found %d directories)", len(imports))
	}
	for dir, set := range imports {
		allowed, known := allowedImports[dir]
		if !known {
			t.Errorf("package directory %s is not listed in allowedImports", dir)
			continue
		}
		for p := range set {
			if !importAllowed(p, allowed) {
				t.Errorf("%s imports %s, which it may not", dir, p)
			}
		}
	}
	for dir, set := range testImports {
		own := module + dir
		for p := range set {
			if p == own || slices.Contains(testOnlyImports, p) || importAllowed(p, allowedImports[dir]) {
				continue
			}
			if strings.HasPrefix(p, module) && !strings.Contains(p, "/cmd/") && !strings.Contains(p, "/examples/") {
				continue // tests may use any library package of the module
			}
			if !strings.Contains(strings.Split(p, "/")[0], ".") {
				continue
			}
			t.Errorf("tests of %s import %s", dir, p)
		}
	}
}

func importAllowed(path string, allowed []string) bool {
	first := strings.Split(path, "/")[0]
	if !strings.Contains(first, ".") {
		return true // standard library
	}
	for _, a := range allowed {
		if path == module+a || path == a || strings.HasPrefix(path, a+"/") && strings.Contains(a, ".") {
			return true
		}
	}
	return false
}
