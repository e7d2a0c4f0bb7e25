package opentact_test

import (
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/opentact-go/opentact/"

// allowedImports lists, for each package directory, exactly the module
// packages and third-party modules its non-test files import. The standard
// library is always allowed. The list must match the code in both
// directions: an import not listed fails, and so does a listed edge the
// code no longer has, so the table is the true graph. A new package must be
// added here on purpose.
var allowedImports = map[string][]string{
	"verbs":                {},
	"render":               {"verbs", "internal/spec", "internal/renderhook", "internal/place"},
	"builder":              {"verbs", "render", "internal/renderhook", "internal/place"},
	"flowtest":             {"verbs", "render", "github.com/google/go-cmp"},
	"client":               {"verbs", "render", "internal/autherr", "internal/jsondepth", "internal/printable"},
	"client/clienttest":    {"client"},
	"events":               {"internal/autherr", "internal/eventwire", "internal/jsondepth", "internal/printable", "github.com/coder/websocket"},
	"events/eventstest":    {"github.com/coder/websocket"},
	"webhook":              {"verbs", "render", "builder", "events", "internal/eventwire"},
	"webhook/webhooktest":  {},
	"flowsim":              {"verbs", "render", "events"},
	"flowgraph":            {"verbs", "render"},
	"flowsim/devpage":      {"verbs", "render", "flowsim", "flowgraph"},
	"internal/legacy":      {"verbs", "render"},
	"internal/autherr":     {},
	"internal/eventwire":   {},
	"internal/jsondepth":   {},
	"internal/printable":   {},
	"internal/textdiff":    {},
	"internal/compiletest": {},
	"internal/gen":         {"verbs"},
	"internal/spec":        {"verbs"},
	"internal/renderhook":  {},
	"internal/place":       {"verbs"},
	"internal/elemgen":     {},
	"cmd/opentact":         {"verbs", "render", "flowgraph", "flowsim", "flowsim/devpage", "internal/legacy", "internal/textdiff", "internal/gen"},
	"examples/ivr":         {"verbs", "builder", "webhook"},
	".":                    {},
}

// forbiddenDeps lists, for a package, module packages and third-party
// modules that must not be among its transitive dependencies.
var forbiddenDeps = map[string][]string{
	// A program that serves flows links neither the REST client nor the
	// event stream's REST token source. The websocket library is among
	// webhook's dependencies (events holds the stream, events.md §0.1), but
	// none of its code is linked: TestServingProgramLinksNoClientNorStream.
	"webhook": {"client"},
	"events":  {"client"},
	// The fake event server cannot import events, whose own tests use it.
	"events/eventstest": {"events", "client"},
	"builder":           {"client", "events", "webhook", "github.com/coder/websocket"},
	"render":            {"client", "events", "webhook", "builder", "github.com/coder/websocket"},
	// Drawing a flow needs nothing beyond the document model.
	"flowgraph": {"client", "events", "webhook", "builder", "github.com/coder/websocket"},
}

// testOnlyImports may appear in any _test.go file.
var testOnlyImports = []string{"github.com/google/go-cmp/cmp", "github.com/google/go-cmp/cmp/cmpopts",
	"github.com/go-playground/validator/v10"}

// testImportsOf lists third-party packages the tests of one package may
// import beyond testOnlyImports: the dev page's browser test speaks the
// DevTools protocol over a websocket.
var testImportsOf = map[string][]string{
	"flowsim/devpage": {"github.com/coder/websocket"},
}

// listedPackage is the part of `go list -json` output the test reads.
type listedPackage struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// goList returns the packages of the module (bench, a module of its own,
// is not among them), by directory relative to the root.
func goList(t *testing.T) map[string]listedPackage {
	t.Helper()
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports,Deps", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	pkgs := map[string]listedPackage{}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p listedPackage
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("go list output: %v", err)
		}
		pkgs[dirOf(p.ImportPath)] = p
	}
	return pkgs
}

// dirOf is the directory of a module package ("." for the root), or path
// itself for any other package.
func dirOf(path string) string {
	if path == strings.TrimSuffix(module, "/") {
		return "."
	}
	return strings.TrimPrefix(path, module)
}

// edgeOf names an import as the table does: a module package by its
// directory, a third-party package by the listed module it belongs to, and
// the standard library as "".
func edgeOf(path string, listed []string) string {
	if strings.HasPrefix(path, module) || path == strings.TrimSuffix(module, "/") {
		return dirOf(path)
	}
	if !strings.Contains(strings.Split(path, "/")[0], ".") {
		return ""
	}
	for _, a := range listed {
		if strings.Contains(a, ".") && (path == a || strings.HasPrefix(path, a+"/")) {
			return a
		}
	}
	return path
}

// TestImportGraph keeps imports pointing one way (verbs ← render ← flow ←
// {flowtest, webhook, cmd, examples}; client and events beside them),
// checks the table against the code in both directions, and checks the
// transitive dependencies that `go list -deps` reports.
func TestImportGraph(t *testing.T) {
	t.Parallel()
	pkgs := goList(t)
	if len(pkgs) < 5 {
		t.Fatalf("go list found %d packages", len(pkgs))
	}
	for _, problem := range graphProblems(pkgs, allowedImports) {
		t.Error(problem)
	}
}

// TestGraphProblemsBothDirections proves that the graph check fails on an
// import the table lacks, on a table edge the code lacks and on a
// forbidden transitive dependency.
func TestGraphProblemsBothDirections(t *testing.T) {
	t.Parallel()
	table := map[string][]string{"verbs": {}, "events": {"internal/autherr"}}
	pkgs := map[string]listedPackage{
		"verbs":  {Imports: []string{"fmt", module + "render"}},
		"events": {Imports: []string{"context"}, Deps: []string{module + "client"}},
	}
	got := strings.Join(graphProblems(pkgs, table), "\n")
	for _, want := range []string{
		"verbs imports github.com/opentact-go/opentact/render, which it may not",
		`allowedImports["events"] lists internal/autherr, which the code does not import`,
		"events depends on github.com/opentact-go/opentact/client",
		"verbs depends on more than the standard library",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q; got:\n%s", want, got)
		}
	}
}

// graphProblems compares the packages go list found with table.
func graphProblems(pkgs map[string]listedPackage, table map[string][]string) []string {
	var problems []string
	errorf := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	for dir, p := range pkgs {
		allowed, known := table[dir]
		if !known {
			errorf("package directory %s is not listed in allowedImports", dir)
			continue
		}
		have := map[string]bool{}
		for _, imp := range p.Imports {
			if e := edgeOf(imp, allowed); e != "" {
				have[e] = true
				if !slices.Contains(allowed, e) {
					errorf("%s imports %s, which it may not", dir, imp)
				}
			}
		}
		for _, a := range allowed {
			if !have[a] {
				errorf("allowedImports[%q] lists %s, which the code does not import; remove it", dir, a)
			}
		}
		for _, bad := range forbiddenDeps[dir] {
			for _, d := range p.Deps {
				if edgeOf(d, []string{bad}) == bad {
					errorf("%s depends on %s (through go list -deps), which it must not", dir, d)
				}
			}
		}
	}
	for dir := range table {
		if _, ok := pkgs[dir]; !ok {
			errorf("allowedImports lists %s, which is not a package of the module", dir)
		}
	}
	verbs := pkgs["verbs"]
	if slices.ContainsFunc(append(verbs.Deps, verbs.Imports...), func(d string) bool { return edgeOf(d, nil) != "" }) {
		errorf("verbs depends on more than the standard library: %v", pkgs["verbs"].Deps)
	}
	slices.Sort(problems)
	return problems
}

// TestTestImports keeps third-party imports of tests to the package's own
// and go-cmp, and keeps tests away from cmd and examples.
func TestTestImports(t *testing.T) {
	t.Parallel()
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
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		if testImports[dir] == nil {
			testImports[dir] = map[string]bool{}
		}
		for _, spec := range f.Imports {
			p, _ := strconv.Unquote(spec.Path.Value)
			testImports[dir][p] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(testImports) == 0 {
		t.Fatal("walked no test files")
	}
	for dir, set := range testImports {
		own := module + dir
		for p := range set {
			if p == own || slices.Contains(testOnlyImports, p) || slices.Contains(testImportsOf[dir], p) || slices.Contains(allowedImports[dir], edgeOf(p, allowedImports[dir])) {
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
