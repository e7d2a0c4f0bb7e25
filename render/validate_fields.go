package render

import (
	"reflect"

	"github.com/opentact-go/opentact/verbs"
)

// fieldAttr ties a Go field of an element type to the XML attribute it is
// written as; an empty attr means the element's text content.
type fieldAttr struct {
	field string
	attr  string
}

// elementFields lists, for every element type with attributes or text, its
// fields in render order. Diagnostics name attributes from this table,
// never from Go identifiers.
var elementFields = map[reflect.Type][]fieldAttr{
	reflect.TypeFor[verbs.Answer](): {{"Delay", "delay"}, {"Tag", "tag"}},
	reflect.TypeFor[verbs.Hangup](): {{"Tag", "tag"}},
	reflect.TypeFor[verbs.Pause]():  {{"Length", "length"}, {"DTMFStop", "dtmf_stop"}, {"Tag", "tag"}},
	reflect.TypeFor[verbs.Say](): {{"Type", "type"}, {"Gender", "gender"}, {"Code", "code"}, {"Lang", "lang"},
		{"Loop", "loop"}, {"Tag", "tag"}, {"Text", ""}},
	reflect.TypeFor[verbs.Play]():        {{"Record", "record"}, {"Leg", "leg"}, {"Loop", "loop"}, {"Tag", "tag"}, {"URL", ""}},
	reflect.TypeFor[verbs.Record]():      {{"Tag", "tag"}, {"ASR", "asr"}, {"Timeout", "timeout"}},
	reflect.TypeFor[verbs.RecordStart](): {{"Tag", "tag"}},
	reflect.TypeFor[verbs.RecordStop]():  {{"Tag", "tag"}},
	reflect.TypeFor[verbs.RecordWait]():  {{"Tag", "tag"}},
	reflect.TypeFor[verbs.Dial]():        {{"Tag", "tag"}, {"Timeout", "timeout"}, {"Record", "record"}},
	reflect.TypeFor[verbs.To]():          {{"Destination", ""}},
	reflect.TypeFor[verbs.Gather](): {{"DTMFLength", "dtmf_length"}, {"DTMFStop", "dtmf_stop"}, {"URL", "url"},
		{"Tag", "tag"}, {"NumDigits", "numDigits"}, {"Attempts", "attempts"}, {"Timeout", "timeout"},
		{"FinishOnKey", "finishOnKey"}, {"Callback", "callback"}, {"Method", "method"}},
	reflect.TypeFor[verbs.DTMF]():    {{"Value", "value"}},
	reflect.TypeFor[verbs.Default](): {{"Tag", "tag"}},
	reflect.TypeFor[verbs.Error]():   {{"Play", "play"}, {"Tag", "tag"}},
	reflect.TypeFor[verbs.Callback](): {{"URL", "url"}, {"Method", "method"}, {"Body", "body"},
		{"Timeout", "timeout"}, {"Tag", "tag"}},
	reflect.TypeFor[verbs.Curl]():     {{"URL", "url"}, {"Method", "method"}, {"Timeout", "timeout"}, {"Tag", "tag"}},
	reflect.TypeFor[verbs.Call]():     {{"Field", "field"}, {"Value", "value"}, {"Tag", "tag"}},
	reflect.TypeFor[verbs.Geo]():      {{"States", "states"}, {"County", "county"}, {"Tag", "tag"}},
	reflect.TypeFor[verbs.Schedule](): {{"Days", "dow"}, {"Time", "time"}, {"Tag", "tag"}},
	reflect.TypeFor[verbs.Hold]():     {{"Timeout", "timeout"}, {"Tag", "tag"}},
	reflect.TypeFor[verbs.Unhold]():   {{"Tag", "tag"}},
	reflect.TypeFor[verbs.Tone](): {{"Hz", "hz"}, {"On", "don"}, {"Off", "doff"}, {"Volume", "v"}, {"Loop", "loop"},
		{"Timeout", "timeout"}, {"Leg", "leg"}, {"Tag", "tag"}},
	reflect.TypeFor[verbs.Meta]():   {{"Name", "name"}, {"Value", "value"}, {"Text", ""}},
	reflect.TypeFor[verbs.Case]():   {{"DTMF", "dtmf"}},
	reflect.TypeFor[verbs.Sip]():    {{"Address", ""}},
	reflect.TypeFor[verbs.Number](): {{"Digits", ""}},
}

// attrOf returns the attribute a field of n is written as.
func attrOf(n verbs.Node, field string) (string, bool) {
	for _, f := range elementFields[reflect.TypeOf(n).Elem()] {
		if f.field == field {
			return f.attr, true
		}
	}
	return "", false
}

// attrValue is the string form of a set attribute or text value.
type attrValue struct {
	attr  string
	value string
}

// setValues returns the string-valued attributes and text of n that are
// set (non-empty strings, set Opt[string] values, non-empty string lists
// joined with commas), in render order. Numbers and booleans are left out:
// their text cannot hold a character XML forbids.
func setValues(n verbs.Node) []attrValue {
	v := reflect.ValueOf(n).Elem()
	var out []attrValue
	for _, f := range elementFields[v.Type()] {
		fv := v.FieldByName(f.field)
		switch {
		case fv.Kind() == reflect.String:
			if fv.Len() > 0 {
				out = append(out, attrValue{f.attr, fv.String()})
			}
		case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.String:
			if fv.Len() > 0 {
				out = append(out, attrValue{f.attr, joinStrings(fv)})
			}
		case fv.Kind() == reflect.Struct:
			if o, ok := fv.Interface().(verbs.Opt[string]); ok && o.Set {
				out = append(out, attrValue{f.attr, o.Val})
			}
		}
	}
	return out
}

func joinStrings(list reflect.Value) string {
	b := make([]byte, 0, list.Len()*4)
	for i := 0; i < list.Len(); i++ {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, list.Index(i).String()...)
	}
	return string(b)
}

// isSet reports whether the attribute held by a field is present.
func isSet(fv reflect.Value) bool {
	switch fv.Kind() {
	case reflect.String, reflect.Slice:
		return fv.Len() > 0
	case reflect.Struct:
		if set := fv.FieldByName("Set"); set.IsValid() && set.Kind() == reflect.Bool {
			return set.Bool()
		}
	}
	return false
}

// setAttrs returns the names of the attributes of n that are present, in
// render order.
func setAttrs(n verbs.Node) []string {
	v := reflect.ValueOf(n).Elem()
	var out []string
	for _, f := range elementFields[v.Type()] {
		if f.attr != "" && isSet(v.FieldByName(f.field)) {
			out = append(out, f.attr)
		}
	}
	return out
}
