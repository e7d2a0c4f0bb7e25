package opentact_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestServingProgramLinksNoClientNorStream builds examples/ivr, a program
// that only serves flows with webhook, and reads its symbol table: no code
// of the REST client and none of the websocket library or of the event
// stream may be linked. webhook imports events for the event model, and
// events holds the stream (events.md §0.1), so `go list -deps` of webhook
// names the websocket library; the linker must drop all of it but the
// package's initialisation.
func TestServingProgramLinksNoClientNorStream(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	t.Parallel()
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	bin := filepath.Join(t.TempDir(), "ivr")
	if out, err := exec.Command(gobin, "build", "-o", bin, "./examples/ivr").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(gobin, "tool", "nm", bin).Output()
	if err != nil {
		t.Fatalf("go tool nm: %v", err)
	}
	stream := streamFuncs(t)
	if len(stream) < 10 {
		t.Fatalf("only %d stream functions found", len(stream))
	}
	var websocketSyms, eventSyms int
	for line := range strings.Lines(string(out)) {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		kind, name := f[1], f[2]
		switch {
		case strings.Contains(name, module+"client"):
			t.Errorf("REST client symbol linked: %s %s", kind, name)
		case strings.Contains(name, "github.com/coder/websocket"):
			websocketSyms++
			if kind == "T" && !isInitFunc(name) {
				t.Errorf("websocket code linked: %s", name)
			}
		case strings.Contains(name, module+"events."):
			eventSyms++
			if n, ok := linkedAny(name, stream); ok && kind == "T" {
				t.Errorf("event stream code linked: %s (declared as %s)", name, n)
			}
		}
	}
	if eventSyms == 0 {
		t.Fatal("no events symbols at all: the symbol table was not read as expected")
	}
	t.Logf("%d websocket symbols (package initialisation only), %d events symbols", websocketSyms, eventSyms)
}

// isInitFunc reports whether a text symbol is a package's initialisation.
func isInitFunc(name string) bool {
	return strings.HasSuffix(name, ".init") || strings.Contains(name, ".init.")
}

// streamFuncs returns the symbol names, as `go tool nm` prints them, of
// the functions and methods declared in events' stream files.
func streamFuncs(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("events/stream*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no stream files: %v", err)
	}
	var names []string
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			name := fd.Name.Name
			if fd.Recv != nil {
				switch r := fd.Recv.List[0].Type.(type) {
				case *ast.StarExpr:
					name = "(*" + r.X.(*ast.Ident).Name + ")." + name
				case *ast.Ident:
					name = r.Name + "." + name
				}
			}
			names = append(names, module+"events."+name)
		}
	}
	return names
}

// linkedAny returns the first of names that sym is, or is a closure of.
func linkedAny(sym string, names []string) (string, bool) {
	for _, n := range names {
		if sym == n || strings.HasPrefix(sym, n+".") {
			return n, true
		}
	}
	return "", false
}
