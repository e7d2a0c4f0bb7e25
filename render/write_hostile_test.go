package render

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	table "github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/verbs"
)

// writeHostileValues are values XML cannot carry as they are, or only
// escaped.
var writeHostileValues = []string{
	"\xff", "a\x00b", "\x01", "x\x1f", "\x7f", "\uFFFE", "a\uFFFF", "\xed\xa0\x80", "\xc0\x80", "é\xc3",
	"]]>", "a--b", "trail-", "-->", "<!--", "\r", "a\r\nb", "a\rb", "a\tb\nc", " \n ", "\u0085\u2028",
	"&#x41;", "&amp;", "'\"<>&", "x\U0001F600y", strings.Repeat("long & <value> ", 3000),
}

// setHostile sets the field of n that f names to value v, by its kind.
func setHostile(n verbs.Node, f table.Field, v string) {
	fv := reflect.ValueOf(n).Elem().FieldByName(f.Go)
	if !fv.IsValid() || !fv.CanSet() {
		return
	}
	switch fv.Kind() {
	case reflect.String:
		fv.SetString(v)
	case reflect.Slice:
		if fv.Type().Elem().Kind() == reflect.String {
			s := reflect.MakeSlice(fv.Type(), 2, 2)
			s.Index(0).SetString("NY")
			s.Index(1).SetString(v)
			fv.Set(s)
		}
	case reflect.Struct: // an Opt
		if val := fv.FieldByName("Val"); val.IsValid() && val.Kind() == reflect.String {
			val.SetString(v)
			fv.FieldByName("Set").SetBool(true)
		}
	}
}

// TestMarshalHostileTrees puts hostile values into the string fields
// (texts, attributes, lists, comments, extra attributes) of the nodes of
// every document under testdata, at random. Each tree is either refused
// with an error naming a path under /Response, or written as a document
// expat finds well formed that parses back to the same tree: no value is
// changed on the way.
func TestMarshalHostileTrees(t *testing.T) {
	e := expatParser(t)
	var bases []*verbs.Response
	files, _ := filepath.Glob("testdata/*/*.xml")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if r, err := Parse(b, Lenient()); err == nil || IsWarnings(err) {
			bases = append(bases, r)
		}
	}
	if len(bases) < 10 {
		t.Fatalf("only %d documents to start from", len(bases))
	}
	rng := rand.New(rand.NewPCG(7, 2026))
	pick := func() string { return writeHostileValues[rng.IntN(len(writeHostileValues))] }
	refused, written := 0, 0
	n := 400
	if testing.Short() {
		n = 100
	}
	for i := range n {
		r := verbs.Clone(bases[rng.IntN(len(bases))])
		changed := 0
		verbs.Inspect(r, func(n verbs.Node) bool {
			if rng.IntN(3) != 0 {
				return true
			}
			switch v := n.(type) {
			case *verbs.Comment:
				v.Text, changed = pick(), changed+1
			case *verbs.RawText:
				v.Text, changed = pick(), changed+1
			case *verbs.RawElement:
				v.Attrs, changed = append(v.Attrs, verbs.Attr{Name: "x-h", Value: pick()}), changed+1
			default:
				el, ok := table.Of(n)
				if !ok || len(el.Fields) == 0 {
					return true
				}
				setHostile(n, el.Fields[rng.IntN(len(el.Fields))], pick())
				changed++
			}
			return true
		})
		if changed == 0 {
			continue
		}
		for _, opts := range [][]Option{nil, {Compact()}} {
			b, err := Marshal(r, opts...)
			if err != nil && !IsWarnings(err) {
				refused++
				var we *WriteError
				var ds Diagnostics
				switch {
				case errors.As(err, &ds):
					for _, d := range ds {
						if !strings.HasPrefix(d.Path, "/Response") {
							t.Errorf("tree %d: a finding without a path: %v", i, d)
						}
					}
				case errors.As(err, &we):
					if !strings.HasPrefix(we.Path, "/Response") {
						t.Errorf("tree %d: a write error without a path: %v", i, we)
					}
				default:
					t.Errorf("tree %d: an error of type %T: %v", i, err, err)
				}
				continue
			}
			written++
			if v, err := e.verdict(b); err != nil || v != "ok" {
				t.Errorf("tree %d: expat: %s %v\n%q", i, v, err, b)
			}
			got, err := Parse(b, Lenient(), MaxBytes(1<<30))
			if err != nil && !IsWarnings(err) {
				t.Errorf("tree %d: parsing back: %v\n%q", i, err, b)
				continue
			}
			if diff := cmp.Diff(r, got); diff != "" {
				t.Errorf("tree %d: the round trip changed the tree (-written +parsed):\n%s", i, diff)
			}
		}
	}
	t.Logf("%d refused, %d written", refused, written)
	if refused < 50 || written < 20 {
		t.Errorf("too few of a kind: %d refused, %d written", refused, written)
	}
}
