package render

import (
	"reflect"
	"testing"

	"github.com/opentact-go/opentact/verbs"
)

// quietSamples are values tried in each field of each element type: the
// zero value, valid values and values that break every rule of the tags.
var quietSamples = map[reflect.Kind][]any{
	reflect.String: {"", " ", "x", "1", "#", "en-US", "http://x.com", "12223334455", "NY", "09:00:00-17:00:00", "GET", "aleg", "\x00"},
	reflect.Int:    {0, -1, 1, 20001},
	reflect.Int64:  {0, -1, 1},
	reflect.Bool:   {false, true},
}

// TestQuietMeansNoFinding checks the shortcut of Check: whenever
// typeInfo.quiet says the field rules of a node cannot report, running
// them reports nothing, for every element type with every field in turn
// set to each sample value (and each Opt set and unset).
func TestQuietMeansNoFinding(t *testing.T) {
	t.Parallel()
	for _, name := range verbs.ElementNames() {
		spec, _ := verbs.LookupElement(name)
		ti := infoOf(spec.New())
		if ti == nil {
			t.Fatalf("%s: no typeInfo", name)
		}
		typ := reflect.TypeOf(spec.New()).Elem()
		try := func(n verbs.Node, what string) {
			t.Helper()
			if !ti.quiet(n) {
				return
			}
			c := &checker{}
			c.fields(n, here)
			if len(c.ds) > 0 {
				t.Errorf("%s with %s: quiet, but the field rules report %v", name, what, c.ds)
			}
		}
		try(spec.New(), "nothing set")
		for i := range typ.NumField() {
			f := typ.Field(i)
			for _, sample := range samplesFor(f.Type) {
				n := spec.New()
				reflect.ValueOf(n).Elem().Field(i).Set(sample)
				try(n, f.Name+"="+formatSample(sample))
			}
		}
	}
}

// samplesFor returns values of type t built from quietSamples.
func samplesFor(t reflect.Type) []reflect.Value {
	var out []reflect.Value
	switch t.Kind() {
	case reflect.Struct:
		if _, opt := optTypes[t]; !opt {
			return []reflect.Value{reflect.Zero(t)}
		}
		set, val := t.Field(fieldIndex(t, "Set")), t.Field(fieldIndex(t, "Val"))
		for _, v := range samplesFor(val.Type) {
			for _, isSet := range []bool{false, true} {
				o := reflect.New(t).Elem()
				o.FieldByIndex(val.Index).Set(v)
				o.FieldByIndex(set.Index).SetBool(isSet)
				out = append(out, o)
			}
		}
	case reflect.Slice:
		out = append(out, reflect.Zero(t), reflect.MakeSlice(t, 0, 0))
		for _, v := range samplesFor(t.Elem()) {
			out = append(out, reflect.Append(reflect.MakeSlice(t, 0, 1), v))
		}
	default:
		for _, s := range quietSamples[t.Kind()] {
			out = append(out, reflect.ValueOf(s).Convert(t))
		}
	}
	return out
}

func formatSample(v reflect.Value) string {
	return reflect.ValueOf(v.Interface()).String() + " " + v.Type().String()
}

// TestQuietSkipsTheValidator pins the shortcut itself: a document of
// elements with nothing but plain text set runs no field rule.
func TestQuietSkipsTheValidator(t *testing.T) {
	t.Parallel()
	for _, n := range []verbs.Node{&verbs.Say{Text: "Hi"}, &verbs.Hangup{}, &verbs.Dial{}, &verbs.Default{}, &verbs.Error{}, &verbs.Response{}} {
		if ti := infoOf(n); ti == nil || !ti.quiet(n) {
			t.Errorf("%T: not quiet", n)
		}
	}
	for _, n := range []verbs.Node{&verbs.Say{Text: "Hi", Lang: "en"}, &verbs.To{}, &verbs.DTMF{}, &verbs.Gather{DTMFLength: verbs.Some(1)},
		&verbs.Meta{}, &verbs.Geo{States: []string{"NY"}}} {
		if ti := infoOf(n); ti == nil || ti.quiet(n) {
			t.Errorf("%+v: quiet", n)
		}
	}
}
