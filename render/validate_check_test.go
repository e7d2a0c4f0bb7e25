package render

import (
	"reflect"
	"testing"

	table "github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/verbs"
)

// checkSamples are values tried in each field of each element type: the
// zero value, valid values and values that break every rule of the tags.
var checkSamples = map[reflect.Kind][]any{
	reflect.String: {"", " ", "x", "1", "12", "1#", "#", "A", "*9#", "en", "en-US", "english", "x-", "http://x.com", "https://x.com/a.mp3",
		"ftp://x.com", "12223334455", "123", "sip:team@example.com", "a@b", "NY", "ny", "XX", "09:00:00-17:00:00", "25:00:00-01:00:00",
		"GET", "POST", "PUT", "get", "aleg", "both", "sun", "Sun", "FEMALE", "Standard", "record-from-answer", "\x00"},
	reflect.Int:   {0, -1, 1, 2, 20000, 20001, -20001},
	reflect.Int64: {0, -1, 1, 500},
	reflect.Bool:  {false, true},
}

// TestFieldChecksAgreeWithValidator checks the shortcut of Check: whenever
// typeInfo.passes says the field rules of a node pass, the validator
// reports nothing, for every element type with every field in turn set to
// each sample value (each Opt set and unset, lists of one and two items).
func TestFieldChecksAgreeWithValidator(t *testing.T) {
	t.Parallel()
	for _, name := range verbs.ElementNames() {
		spec, _ := table.Lookup(name)
		ti := infoOf(spec.New())
		if ti == nil {
			t.Fatalf("%s: no typeInfo", name)
		}
		typ := reflect.TypeOf(spec.New()).Elem()
		try := func(n verbs.Node, what string) {
			t.Helper()
			if !ti.passes(n) {
				return
			}
			c := &checker{}
			c.fields(n, here)
			if len(c.ds) > 0 {
				t.Errorf("%s with %s: passes, but the validator reports %v", name, what, c.ds)
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
		items := samplesFor(t.Elem())
		for i, v := range items {
			out = append(out, reflect.Append(reflect.MakeSlice(t, 0, 1), v))
			out = append(out, reflect.Append(reflect.MakeSlice(t, 0, 2), items[(i+1)%len(items)], v))
		}
	default:
		for _, s := range checkSamples[t.Kind()] {
			out = append(out, reflect.ValueOf(s).Convert(t))
		}
	}
	return out
}

func formatSample(v reflect.Value) string {
	return reflect.ValueOf(v.Interface()).String() + " " + v.Type().String()
}

// TestFieldChecksSkipTheValidator pins the shortcut itself: the nodes of a
// plain valid document run no validator, and a node whose rules fail, or
// hold a rule the checks leave to the validator, does.
func TestFieldChecksSkipTheValidator(t *testing.T) {
	t.Parallel()
	for _, n := range []verbs.Node{&verbs.Say{Text: "Hi"}, &verbs.Say{Text: "Hi", Lang: "en-US", Loop: verbs.Some(2)}, &verbs.Hangup{},
		&verbs.Dial{}, &verbs.Default{}, &verbs.Error{}, &verbs.Response{}, &verbs.Answer{Delay: verbs.Some[verbs.Millis](500)},
		&verbs.To{Destination: "sip:team@example.com"}, &verbs.DTMF{Value: "1"}, &verbs.Meta{Name: "n"},
		&verbs.Gather{DTMFLength: verbs.Some(1), DTMFStop: "#", URL: "http://x.com/menu"}, &verbs.Geo{States: []string{"NY", "CA"}},
		&verbs.Tone{Hz: []int{350, 440}, Volume: verbs.Some(-3)}} {
		if ti := infoOf(n); ti == nil || !ti.passes(n) {
			t.Errorf("%T %+v: does not pass", n, n)
		}
	}
	for _, n := range []verbs.Node{&verbs.Say{Text: "Hi", Lang: "english"}, &verbs.Say{Text: "Hi", Type: verbs.Standard}, &verbs.To{},
		&verbs.DTMF{}, &verbs.Meta{}, &verbs.Gather{DTMFLength: verbs.Some(0)}, &verbs.Geo{States: []string{"XX"}},
		&verbs.Tone{Hz: []int{0}}, &verbs.Tone{Volume: verbs.Some(1)}, &verbs.Schedule{Days: []verbs.Weekday{"sun"}}} {
		if ti := infoOf(n); ti == nil || ti.passes(n) {
			t.Errorf("%T %+v: passes", n, n)
		}
	}
}

// TestElementKinds keeps elementKind in step with package verbs: every
// element type has a kind of its own, and infoOf finds its typeInfo.
func TestElementKinds(t *testing.T) {
	t.Parallel()
	seen := make(map[int]string)
	for _, name := range verbs.ElementNames() {
		spec, _ := table.Lookup(name)
		n := spec.New()
		k := elementKind(n)
		if k <= 0 || k >= numElementKinds {
			t.Errorf("%s: kind %d, want 1 to %d", name, k, numElementKinds-1)
		} else if other, dup := seen[k]; dup {
			t.Errorf("%s: kind %d, already %s's", name, k, other)
		}
		seen[k] = name
		if ti := infoOf(n); ti == nil || ti != infoByType[reflect.TypeOf(n)] || ti.spec.Name != name {
			t.Errorf("%s: infoOf finds %v", name, ti)
		}
	}
	for _, n := range []verbs.Node{&verbs.Comment{}, &verbs.RawText{}, &verbs.RawElement{}, nil} {
		if ti := infoOf(n); ti != nil {
			t.Errorf("infoOf(%T) = %v, want nil", n, ti)
		}
	}
}
