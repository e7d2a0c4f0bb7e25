package render

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	table "github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/verbs"
)

// TestElementFields keeps the field table in step with package verbs:
// every field of every element is listed, every listed attribute is one the
// element models, in render order.
func TestElementFields(t *testing.T) {
	t.Parallel()
	for _, name := range verbs.ElementNames() {
		spec, _ := table.Lookup(name)
		typ := reflect.TypeOf(spec.New()).Elem()
		fields, listed := elementFields[typ]
		var attrs []string
		for _, f := range fields {
			if _, ok := typ.FieldByName(f.field); !ok {
				t.Errorf("%s: the table lists %s, which the type does not have", name, f.field)
			}
			if f.attr != "" {
				attrs = append(attrs, f.attr)
			}
		}
		if !reflect.DeepEqual(attrs, spec.Attrs) && (len(attrs) > 0 || len(spec.Attrs) > 0) {
			t.Errorf("%s: table attributes %q, spec attributes %q", name, attrs, spec.Attrs)
		}
		for i := range typ.NumField() {
			f := typ.Field(i)
			switch f.Name {
			case "Commands", "Children", "Extra":
				continue
			}
			if _, ok := attrOf(spec.New(), f.Name); !ok {
				t.Errorf("%s.%s is missing from the field table (listed: %v)", name, f.Name, listed)
			}
		}
	}
}

// TestFieldRulesRun runs the struct-tag rules of every element, so that a
// tag the validator cannot parse or a rule without a message of its own
// shows up here.
func TestFieldRulesRun(t *testing.T) {
	t.Parallel()
	for _, name := range verbs.ElementNames() {
		spec, _ := table.Lookup(name)
		n := spec.New()
		c := &checker{}
		c.fields(n, here)
		for _, d := range c.ds {
			if d.Rule == "internal" || strings.Contains(d.Message, "fails the") {
				t.Errorf("%s: %v", name, d)
			}
		}
	}
}

func TestFieldRulesPanicIsReported(t *testing.T) {
	t.Parallel()
	type broken struct {
		verbs.Hangup
		X string `validate:"nosuchrule"`
	}
	c := &checker{}
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("panic escaped: %v", r)
			}
		}()
		c.fieldsOf(&verbs.Hangup{}, here, func() error { return fieldValidator.Struct(&broken{}) })
	}()
	if len(c.ds) != 1 || c.ds[0].Rule != "internal" {
		t.Errorf("findings = %v, want one internal finding", c.ds)
	}
}

func TestPresentAttrsAndStringValues(t *testing.T) {
	t.Parallel()
	g := &verbs.Gather{DTMFLength: verbs.Some(0), URL: "u", Attempts: verbs.Some(2), Method: verbs.MethodGet}
	if got, want := slices.Collect(infoOf(g).presentAttrs(g)), []string{"dtmf_length", "url", "attempts", "method"}; !reflect.DeepEqual(got, want) {
		t.Errorf("presentAttrs = %q, want %q", got, want)
	}
	values := func(n verbs.Node) (out []string) {
		for attr, v := range infoOf(n).stringValues(n) {
			if v.Kind() == reflect.Slice {
				out = append(out, fmt.Sprintf("%s=%v", attr, v.Interface()))
				continue
			}
			out = append(out, attr+"="+v.String())
		}
		return out
	}
	m := &verbs.Meta{Name: "n", Text: verbs.Some("t"), Value: verbs.Some("")}
	if got, want := values(m), []string{"name=n", "value=", "=t"}; !reflect.DeepEqual(got, want) {
		t.Errorf("stringValues(Meta) = %q, want %q", got, want)
	}
	geo := &verbs.Geo{States: []string{"NY", "CA"}, Tag: "t"}
	if got, want := values(geo), []string{"states=[NY CA]", "tag=t"}; !reflect.DeepEqual(got, want) {
		t.Errorf("stringValues(Geo) = %q, want %q", got, want)
	}
}
