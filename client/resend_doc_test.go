package client

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sendsNonIdempotent matches the helpers through which a method sends a
// POST or PATCH.
var sendsNonIdempotent = regexp.MustCompile(`"POST"|patchAt\[|assignNumbers\(|s\.batch\(|flowRequest\(`)

// TestNonIdempotentMethodsSayWhenResent checks that the godoc of every
// service method that sends a POST or PATCH (searches excepted, they only
// read) says exactly when the client re-sends it.
func TestNonIdempotentMethodsSayWhenResent(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		src := readFile(t, name)
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || !fn.Name.IsExported() || fn.Body == nil {
				continue
			}
			recv := types(fn.Recv.List[0].Type)
			if !strings.HasSuffix(recv, "Service") {
				continue
			}
			body := src[fset.Position(fn.Body.Pos()).Offset:fset.Position(fn.Body.End()).Offset]
			if !sendsNonIdempotent.MatchString(body) {
				continue
			}
			checked++
			doc := fn.Doc.Text()
			for _, want := range []string{"Re-sending: this request is not idempotent", "429 or 503", "after a 401", "before the request was written", "RetryAmbiguous"} {
				if !strings.Contains(doc, want) {
					t.Errorf("%s.%s: the doc comment does not say when it is re-sent (lacks %q)", recv, fn.Name.Name, want)
					break
				}
			}
		}
	}
	if checked < 25 {
		t.Errorf("checked %d methods; the detection is broken", checked)
	}
}

// types names the receiver type of a method.
func types(e ast.Expr) string {
	if s, ok := e.(*ast.StarExpr); ok {
		e = s.X
	}
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// readFile returns the content of a source file.
func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
