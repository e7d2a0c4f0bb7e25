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

// fieldSlot is where a field of elementFields lives in its struct,
// resolved once: the field's index and, for an Opt, the indexes of its Set
// and Val fields (-1 otherwise).
type fieldSlot struct {
	attr           string
	index          int
	optSet, optVal int
}

// typeSlots holds the resolved fields of each element type and the index
// of its Extra field (-1 when it has none).
type typeSlots struct {
	fields []fieldSlot
	extra  int
}

var slotsByType = func() map[reflect.Type]typeSlots {
	m := make(map[reflect.Type]typeSlots)
	for _, name := range verbs.ElementNames() {
		spec, _ := verbs.LookupElement(name)
		typ := reflect.TypeOf(spec.New()).Elem()
		ts := typeSlots{extra: fieldIndex(typ, "Extra")}
		for _, f := range elementFields[typ] {
			slot := fieldSlot{attr: f.attr, index: fieldIndex(typ, f.field), optSet: -1, optVal: -1}
			if slot.index < 0 {
				continue
			}
			if ft := typ.Field(slot.index).Type; ft.Kind() == reflect.Struct {
				slot.optSet, slot.optVal = fieldIndex(ft, "Set"), fieldIndex(ft, "Val")
			}
			ts.fields = append(ts.fields, slot)
		}
		m[typ] = ts
	}
	return m
}()

func fieldIndex(typ reflect.Type, name string) int {
	if f, ok := typ.FieldByName(name); ok && len(f.Index) == 1 {
		return f.Index[0]
	}
	return -1
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
	for _, f := range slotsByType[v.Type()].fields {
		fv := v.Field(f.index)
		switch fv.Kind() {
		case reflect.String:
			if fv.Len() > 0 {
				out = append(out, attrValue{f.attr, fv.String()})
			}
		case reflect.Slice:
			if fv.Len() > 0 && fv.Type().Elem().Kind() == reflect.String {
				out = append(out, attrValue{f.attr, joinStrings(fv)})
			}
		case reflect.Struct:
			if f.optSet >= 0 && f.optVal >= 0 && fv.Field(f.optSet).Bool() && fv.Field(f.optVal).Kind() == reflect.String {
				out = append(out, attrValue{f.attr, fv.Field(f.optVal).String()})
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

// setAttrs returns the names of the attributes of n that are present, in
// render order.
func setAttrs(n verbs.Node) []string {
	v := reflect.ValueOf(n).Elem()
	var out []string
	for _, f := range slotsByType[v.Type()].fields {
		if f.attr == "" {
			continue
		}
		fv := v.Field(f.index)
		switch fv.Kind() {
		case reflect.String, reflect.Slice:
			if fv.Len() > 0 {
				out = append(out, f.attr)
			}
		case reflect.Struct:
			if f.optSet >= 0 && fv.Field(f.optSet).Bool() {
				out = append(out, f.attr)
			}
		}
	}
	return out
}

// extraAttrs returns the unmodelled attributes of an element.
func extraAttrs(n verbs.Node) []verbs.Attr {
	v := reflect.ValueOf(n).Elem()
	ts, ok := slotsByType[v.Type()]
	if !ok || ts.extra < 0 {
		return nil
	}
	attrs, _ := v.Field(ts.extra).Interface().([]verbs.Attr)
	return attrs
}
