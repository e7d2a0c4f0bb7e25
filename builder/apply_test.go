package flow

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// allOptions holds a zero value of every hand-written option type. The
// attribute options (TagAttr, LoopAttr, …) are generated with their case
// in applyAttrOption (options_gen.go), and some of them stand here to
// check that applyOption reaches that switch.
var allOptions = []option{
	RawAttr{}, Destination{}, Branch{}, DefaultBlock{}, ErrorBlock{}, MetaItem{}, CommentItem{}, RawItem{},
	PromptList{}, SwitchBlock{}, CaseBranch{},
}

// TestEveryOptionIsApplied checks that applyOption has a case for every
// type with an apply method: allOptions lists every such type of the
// hand-written package source, each generated one has a case in
// applyAttrOption, and none of them reaches the default case.
func TestEveryOptionIsApplied(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var declared, generated []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, "_gen.go") {
			generated = append(generated, attrCases(file)...)
		}
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Name.Name != "apply" {
				continue
			}
			typ := fd.Recv.List[0].Type
			if star, ok := typ.(*ast.StarExpr); ok {
				typ = star.X
			}
			if id, ok := typ.(*ast.Ident); ok {
				declared = append(declared, id.Name)
			}
		}
	}
	var listed []string
	for _, o := range allOptions {
		listed = append(listed, reflect.TypeOf(o).Name())
	}
	listed = append(listed, generated...)
	slices.Sort(declared)
	slices.Sort(listed)
	if !slices.Equal(declared, listed) {
		t.Errorf("types with an apply method:\n%v\nallOptions and the cases of applyAttrOption:\n%v", declared, listed)
	}
	for _, o := range append(allOptions, TagAttr{}, LoopAttr{}, GatherMethodAttr{}, HzAttr{}) {
		var s settings
		applyOption(&s, 0, o)
		for _, is := range s.own {
			if is.rule == "option" {
				t.Errorf("applyOption has no case for %T", o)
			}
		}
	}
}

// attrCases returns the types of the case clauses of applyAttrOption in
// file.
func attrCases(file *ast.File) []string {
	var out []string
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != "applyAttrOption" {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if cc, ok := n.(*ast.CaseClause); ok {
				for _, e := range cc.List {
					if id, ok := e.(*ast.Ident); ok {
						out = append(out, id.Name)
					}
				}
			}
			return true
		})
	}
	return out
}

// TestOptionsDoNotAllocate checks that option values given to an element
// stay on the caller's stack (applyOption calls every apply method
// statically): a Say with options takes one allocation, the copy of its
// attribute values its record keeps.
func TestOptionsDoNotAllocate(t *testing.T) {
	f := New()
	text := strings.Repeat("x", 3)
	allocs := testing.AllocsPerRun(100, func() {
		f.n = 0
		f.Say(text, Tag(text), Lang(text), Code(text), Loop(1000), Type("WaveNet"))
	})
	if allocs != 1 {
		t.Errorf("Say with options: %v allocations, want 1", allocs)
	}
}
