package render

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/go-playground/validator/v10"

	table "github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/verbs"
)

// fieldValidator is the one validator of the package, with the custom
// rules and the Opt types registered once.
var fieldValidator = newFieldValidator()

func newFieldValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	registerOpt[int](v)
	registerOpt[verbs.Millis](v)
	registerOpt[bool](v)
	registerOpt[string](v)
	for name, r := range customRules {
		ok := r.ok
		// RegisterValidation fails only for an empty name or a built-in
		// one, which none of ours is.
		_ = v.RegisterValidation(name, func(fl validator.FieldLevel) bool {
			f := fl.Field()
			return f.Kind() == reflect.String && ok(f.String())
		})
	}
	return v
}

// optTypes are the Opt types registerOpt registers with the validator.
var optTypes = map[reflect.Type]struct{}{
	reflect.TypeFor[verbs.Opt[int]]():          {},
	reflect.TypeFor[verbs.Opt[verbs.Millis]](): {},
	reflect.TypeFor[verbs.Opt[bool]]():         {},
	reflect.TypeFor[verbs.Opt[string]]():       {},
}

// registerOpt makes the validator see a set Opt[T] as a pointer to its
// value and an unset one as a nil pointer, so that a tag starting with
// omitnil applies its rules only to a present attribute. The field of a
// node the validator walks is addressable, so the pointer is one into the
// node and nothing is copied.
func registerOpt[T any](v *validator.Validate) {
	v.RegisterCustomTypeFunc(func(f reflect.Value) any {
		var o *verbs.Opt[T]
		if f.CanAddr() {
			o, _ = f.Addr().Interface().(*verbs.Opt[T])
		} else if c, ok := f.Interface().(verbs.Opt[T]); ok {
			o = &c
		}
		if o == nil || !o.Set {
			return (*T)(nil)
		}
		return &o.Val
	}, verbs.Opt[T]{})
}

// skipChildLists keeps the validator to a node's own fields: children are
// checked one by one by the walk, with their own paths.
func skipChildLists(ns []byte) bool {
	return bytes.HasSuffix(ns, []byte(".Commands")) || bytes.HasSuffix(ns, []byte(".Children")) || bytes.HasSuffix(ns, []byte(".Extra"))
}

// validatorFindings runs go-playground/validator on the fields of n and
// describes each failure as the generated checks do.
func validatorFindings(t *testing.T, n verbs.Node) []string {
	t.Helper()
	err := fieldValidator.StructFiltered(n, skipChildLists)
	if err == nil {
		return nil
	}
	var errs validator.ValidationErrors
	if !errors.As(err, &errs) {
		t.Fatalf("%T: %v", n, err)
	}
	el, _ := table.Of(n)
	var out []string
	for _, fe := range errs {
		field, _, _ := strings.Cut(fe.StructField(), "[")
		var f table.Field
		for _, x := range el.Fields {
			if x.Go == field {
				f = x
			}
		}
		if f.Go == "" {
			t.Fatalf("%T: the validator reports field %s, which the table does not have", n, field)
		}
		if f.Attr == "" {
			rule, msg := describeFieldError("<"+n.ElementName()+"> text", fe)
			out = append(out, "/Response "+rule+" "+msg)
			continue
		}
		rule, msg := describeFieldError(f.Attr+" ("+f.Go+")", fe)
		out = append(out, "/Response/@"+f.Attr+" "+rule+" "+msg)
	}
	sort.Strings(out)
	return out
}

// generatedFindings runs the generated field checks on n alone.
func generatedFindings(n verbs.Node) []string {
	c := checker{stack: []checkFrame{{node: n}}}
	c.fieldRules(n, here)
	c.resolvePaths()
	var out []string
	for _, d := range c.ds {
		out = append(out, d.Path+" "+d.Rule+" "+d.Message)
	}
	sort.Strings(out)
	return out
}

// describeFieldError turns a validator failure into a Rule id and a
// message naming the attribute.
func describeFieldError(label string, fe validator.FieldError) (rule, msg string) {
	got := showValue(fe.Value())
	switch fe.Tag() {
	case "required":
		return "required", label + " is required"
	case "gte":
		return "range", fmt.Sprintf("%s must be at least %s, got %s", label, fe.Param(), got)
	case "lte":
		return "range", fmt.Sprintf("%s must be at most %s, got %s", label, fe.Param(), got)
	case "oneof":
		return "enum", fmt.Sprintf("%s must be one of %s, got %s", label, strings.Join(strings.Fields(fe.Param()), ", "), got)
	}
	if r, ok := customRules[fe.Tag()]; ok {
		return r.rule, fmt.Sprintf("%s must be %s, got %s", label, r.want, got)
	}
	return fe.Tag(), fmt.Sprintf("%s fails the %s rule, got %s", label, fe.Tag(), got)
}

// showValue formats a value for a message: strings quoted, numbers plain.
func showValue(v any) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.String {
		return strconv.Quote(rv.String())
	}
	return fmt.Sprint(v)
}

// TestFieldRulesAgreeWithValidator holds the generated field checks to
// go-playground/validator's reading of the same validate tags: over every
// node of the documents of testdata and over values at each rule's
// boundary, both must report the same findings.
func TestFieldRulesAgreeWithValidator(t *testing.T) {
	t.Parallel()
	checked := 0
	agree := func(where string, n verbs.Node) {
		t.Helper()
		checked++
		want, got := validatorFindings(t, n), generatedFindings(n)
		if strings.Join(want, "\n") != strings.Join(got, "\n") {
			t.Errorf("%s %#v:\nvalidator: %q\ngenerated: %q", where, n, want, got)
		}
	}
	// Every node of the corpora.
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.xml"))
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Parse(data, Lenient())
		if err != nil {
			continue
		}
		verbs.Inspect(r, func(n verbs.Node) bool {
			if _, ok := table.Of(n); ok {
				agree(path, n)
			}
			return n != nil
		})
	}
	// Each field of each element, at the boundaries of its rules.
	for _, el := range table.All() {
		for _, f := range el.Fields {
			for _, v := range boundaryValues(f.Kind) {
				n := el.New()
				setField(t, n, f.Go, v)
				agree(el.Name+"."+f.Go, n)
			}
		}
	}
	if checked < 500 {
		t.Errorf("compared %d nodes, want at least 500", checked)
	}
}

// boundaryValues are values of a field kind around every rule of the
// tags: gte=0 and gte=1 at -1, 0, 1; lte=0 at 0, 1; lte=20000 at 20000,
// 20001; required and omitempty at ""; oneof with a listed and an unlisted
// value; each custom rule with a valid and an invalid value.
func boundaryValues(kind string) []any {
	ints := []int{-1, 0, 1, 2, 20000, 20001}
	strs := []string{"", " ", "x", "X", "1", "12", "#", "*#", "A", "1A", "en-US", "e", "https://example.com/a.mp3", "ftp://x",
		"sip:a@b.com", "a@b.com", "12223334455", "123", "NY", "ny", "XX", "09:00:00-17:00:00", "25:00:00-26:00:00",
		"Standard", "WaveNet", "FEMALE", "MALE", "aleg", "bleg", "both", "GET", "POST", "PUT", "PATCH", "DELETE", "get",
		"record-from-answer", "do-not-record", "mon", "sun", "Mon"}
	var out []any
	switch kind {
	case "count", "signed":
		out = append(out, verbs.Opt[int]{})
		for _, i := range ints {
			out = append(out, verbs.Some(i))
		}
	case "millis":
		out = append(out, verbs.Opt[verbs.Millis]{})
		for _, i := range ints {
			out = append(out, verbs.Some(verbs.Millis(i)))
		}
	case "bool":
		out = append(out, verbs.Opt[bool]{}, verbs.Some(true), verbs.Some(false))
	case "optString":
		out = append(out, verbs.Opt[string]{})
		for _, s := range strs {
			out = append(out, verbs.Some(s))
		}
	case "string", "enum":
		for _, s := range strs {
			out = append(out, s)
		}
	case "list", "enumList":
		out = append(out, []string(nil))
		for _, s := range strs {
			out = append(out, []string{s}, []string{"NY", s})
		}
	case "ints":
		out = append(out, []int(nil), []int{})
		for _, i := range ints {
			out = append(out, []int{i}, []int{440, i})
		}
	}
	return out
}

// setField sets the field name of the node n to v, converting strings and
// string lists to the field's own string types.
func setField(t *testing.T, n verbs.Node, name string, v any) {
	t.Helper()
	f := reflect.ValueOf(n).Elem().FieldByName(name)
	rv := reflect.ValueOf(v)
	switch {
	case rv.Type().ConvertibleTo(f.Type()):
		f.Set(rv.Convert(f.Type()))
	case rv.Kind() == reflect.Slice && f.Kind() == reflect.Slice:
		if rv.IsNil() {
			return
		}
		s := reflect.MakeSlice(f.Type(), rv.Len(), rv.Len())
		for i := range rv.Len() {
			s.Index(i).Set(rv.Index(i).Convert(f.Type().Elem()))
		}
		f.Set(s)
	default:
		t.Fatalf("cannot set %T.%s (%s) to %T", n, name, f.Type(), v)
	}
}
