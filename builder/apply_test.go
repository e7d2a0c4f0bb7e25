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

// allOptions holds a zero value of every option type.
var allOptions = []option{
	TagAttr{}, RawAttr{}, DelayAttr{}, LengthAttr{}, DTMFStopAttr{}, TypeAttr{}, GenderAttr{},
	CodeAttr{}, LangAttr{}, LoopAttr{}, LegAttr{}, ASRAttr{}, TimeoutAttr{}, MethodAttr{}, BodyAttr{},
	PlayAttr{}, DTMFLengthAttr{}, URLAttr{}, HzAttr{}, OnAttr{}, OffAttr{}, VolumeAttr{}, StatesAttr{},
	CountyAttr{}, DaysAttr{}, TimeAttr{},
	Destination{}, Branch{}, DefaultBlock{}, ErrorBlock{}, MetaItem{}, CommentItem{}, RawItem{},
	NumDigitsAttr{}, AttemptsAttr{}, GatherTimeoutAttr{}, FinishOnKeyAttr{}, GatherCallbackAttr{},
	GatherMethodAttr{}, DialTimeoutAttr{}, DialRecordAttr{}, PromptList{}, SwitchBlock{}, CaseBranch{},
}

// TestEveryOptionIsApplied checks that applyOption has a case for every
// type with an apply method: allOptions lists every such type of the
// package source, and none of them reaches the default case.
func TestEveryOptionIsApplied(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var declared []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
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
	slices.Sort(declared)
	slices.Sort(listed)
	if !slices.Equal(declared, listed) {
		t.Errorf("types with an apply method:\n%v\nallOptions:\n%v", declared, listed)
	}
	for _, o := range allOptions {
		var s settings
		applyOption(&s, 0, o)
		for _, is := range s.own {
			if is.rule == "option" {
				t.Errorf("applyOption has no case for %T", o)
			}
		}
	}
}

// TestOptionsDoNotAllocate checks that option values given to an element
// stay on the caller's stack (applyOption calls every apply method
// statically): a Say with options takes one allocation, the copy of its
// attribute values its record keeps.
func TestOptionsDoNotAllocate(t *testing.T) {
	f := New()
	text := strings.Repeat("x", 3)
	allocs := testing.AllocsPerRun(100, func() {
		f.items = f.items[:0]
		f.Say(text, Tag(text), Lang(text), Code(text), Loop(1000), Type("WaveNet"))
	})
	if allocs != 1 {
		t.Errorf("Say with options: %v allocations, want 1", allocs)
	}
}
