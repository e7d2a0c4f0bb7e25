package render

import (
	"iter"
	"reflect"

	table "github.com/opentact-go/opentact/internal/spec"
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
	// strs are the fields whose values are strings: strings, lists of
	// strings and Opt[string] values.
	strs []fieldSlot
}

// typeInfo is what Check needs to know about an element type, resolved
// once: its spec, its fields and the rules of their tags.
type typeInfo struct {
	spec  table.Element
	slots typeSlots
	// hasFields: the type is in elementFields, so its field rules run.
	hasFields bool
	// checks are the tagged fields, each with the rules of its tag; loud
	// means a field the checks cannot follow (a nested struct), so the
	// validator always runs.
	checks []fieldCheck
	loud   bool
}

// infoByType is keyed by the pointer type of each element (*verbs.Say).
var infoByType = func() map[reflect.Type]*typeInfo {
	m := make(map[reflect.Type]*typeInfo)
	for _, name := range verbs.ElementNames() {
		spec, _ := table.Lookup(name)
		ptr := reflect.TypeOf(spec.New())
		typ := ptr.Elem()
		ti := &typeInfo{spec: spec, slots: typeSlots{extra: fieldIndex(typ, "Extra")}}
		for _, f := range elementFields[typ] {
			slot := fieldSlot{attr: f.attr, index: fieldIndex(typ, f.field), optSet: -1, optVal: -1}
			if slot.index < 0 {
				continue
			}
			ft := typ.Field(slot.index).Type
			str := ft.Kind() == reflect.String || ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String
			if ft.Kind() == reflect.Struct {
				slot.optSet, slot.optVal = fieldIndex(ft, "Set"), fieldIndex(ft, "Val")
				str = slot.optSet >= 0 && slot.optVal >= 0 && ft.Field(slot.optVal).Type.Kind() == reflect.String
			}
			ti.slots.fields = append(ti.slots.fields, slot)
			if str {
				ti.slots.strs = append(ti.slots.strs, slot)
			}
		}
		_, ti.hasFields = elementFields[typ]
		ti.checks, ti.loud = fieldChecks(typ)
		m[ptr] = ti
	}
	return m
}()

// infoByKind holds the typeInfo of each element by its elementKind.
var infoByKind = func() (infos [numElementKinds]*typeInfo) {
	for ptr, ti := range infoByType {
		infos[elementKind(reflect.Zero(ptr).Interface().(verbs.Node))] = ti
	}
	infos[0] = nil
	return infos
}()

// infoOf returns the typeInfo of an element, nil for a comment, raw
// content or a type of another package.
func infoOf(n verbs.Node) *typeInfo {
	return infoByKind[elementKind(n)]
}

// numElementKinds bounds the results of elementKind.
const numElementKinds = 30

// elementKind numbers the element types from 1, 0 for any other node: a
// type switch finds the typeInfo of a node faster than a map of types.
// TestElementKinds keeps it in step with package verbs.
func elementKind(n verbs.Node) int {
	switch n.(type) {
	case *verbs.Response:
		return 1
	case *verbs.Answer:
		return 2
	case *verbs.Hangup:
		return 3
	case *verbs.Pause:
		return 4
	case *verbs.Say:
		return 5
	case *verbs.Play:
		return 6
	case *verbs.Record:
		return 7
	case *verbs.RecordStart:
		return 8
	case *verbs.RecordStop:
		return 9
	case *verbs.RecordWait:
		return 10
	case *verbs.Dial:
		return 11
	case *verbs.To:
		return 12
	case *verbs.Gather:
		return 13
	case *verbs.DTMF:
		return 14
	case *verbs.Default:
		return 15
	case *verbs.Error:
		return 16
	case *verbs.Callback:
		return 17
	case *verbs.Curl:
		return 18
	case *verbs.Call:
		return 19
	case *verbs.Geo:
		return 20
	case *verbs.Schedule:
		return 21
	case *verbs.Hold:
		return 22
	case *verbs.Unhold:
		return 23
	case *verbs.Tone:
		return 24
	case *verbs.Meta:
		return 25
	case *verbs.Switch:
		return 26
	case *verbs.Case:
		return 27
	case *verbs.Sip:
		return 28
	case *verbs.Number:
		return 29
	}
	return 0
}

// passes reports that the field rules of n, of ti's type, certainly pass,
// so the validator need not run; false means the validator decides.
func (ti *typeInfo) passes(n verbs.Node) bool {
	if ti.loud {
		return false
	}
	if len(ti.checks) == 0 {
		return true
	}
	v := reflect.ValueOf(n).Elem()
	for i := range ti.checks {
		if !ti.checks[i].passes(v.Field(ti.checks[i].index)) {
			return false
		}
	}
	return true
}

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

// stringValues yields the string-valued attributes and text of n that
// are set (non-empty strings, set Opt[string] values, non-empty string
// lists), in render order, each as a string or a list of strings, without
// copying anything. Numbers and booleans are left out: their text cannot
// hold a character XML forbids. n is of ti's type.
func (ti *typeInfo) stringValues(n verbs.Node) iter.Seq2[string, reflect.Value] {
	return func(yield func(string, reflect.Value) bool) {
		v := reflect.ValueOf(n).Elem()
		for _, f := range ti.slots.strs {
			fv := v.Field(f.index)
			switch fv.Kind() {
			case reflect.String:
				if fv.Len() > 0 && !yield(f.attr, fv) {
					return
				}
			case reflect.Slice:
				if fv.Len() > 0 && fv.Type().Elem().Kind() == reflect.String && !yield(f.attr, fv) {
					return
				}
			case reflect.Struct:
				if f.optSet >= 0 && f.optVal >= 0 && fv.Field(f.optSet).Bool() && fv.Field(f.optVal).Kind() == reflect.String &&
					!yield(f.attr, fv.Field(f.optVal)) {
					return
				}
			}
		}
	}
}

// presentAttrs yields the names of the attributes of n that are present,
// in render order. n is of ti's type.
func (ti *typeInfo) presentAttrs(n verbs.Node) iter.Seq[string] {
	return func(yield func(string) bool) {
		v := reflect.ValueOf(n).Elem()
		for _, f := range ti.slots.fields {
			if f.attr == "" {
				continue
			}
			fv := v.Field(f.index)
			switch fv.Kind() {
			case reflect.String, reflect.Slice:
				if fv.Len() > 0 && !yield(f.attr) {
					return
				}
			case reflect.Struct:
				if f.optSet >= 0 && fv.Field(f.optSet).Bool() && !yield(f.attr) {
					return
				}
			}
		}
	}
}

// extraAttrs returns the unmodelled attributes of n, of ti's type.
func (ti *typeInfo) extraAttrs(n verbs.Node) []verbs.Attr {
	if ti.slots.extra < 0 {
		return nil
	}
	fv := reflect.ValueOf(n).Elem().Field(ti.slots.extra)
	if fv.Len() == 0 {
		return nil
	}
	attrs, _ := fv.Interface().([]verbs.Attr)
	return attrs
}
