package render

import (
	"reflect"
	"strconv"
	"strings"
)

// The walk of Check runs the validator only on a node whose field rules
// might fail. Each validate tag is read once into a fieldCheck, which
// follows the validator's own reading of the tag: omitempty passes an
// empty string or list, omitnil an unset Opt (which the validator sees as
// a nil pointer, see registerOpt), dive applies the rest of the tag to
// each item. The rules it can evaluate are required on a string, gte and
// lte on an integer and the custom rules of customRules, whose predicates
// are the very functions the validator calls. When a rule fails, or the
// tag holds a rule it cannot evaluate (oneof, say) and the value is
// present, the validator runs on the whole node and its findings are
// reported as ever. TestFieldChecksAgreeWithValidator compares the two.

// fieldCheck is a tagged field of an element type and its rules.
type fieldCheck struct {
	index int
	// optSet and optVal are the indexes of the fields of an Opt, -1 for
	// a field of another type.
	optSet, optVal int
	// omit: the tag starts with omitempty or omitnil. list: it starts
	// with dive.
	omit, list bool
	rules      []valueRule
	// known: every rule of the tag is one valueRule evaluates.
	known bool
}

type ruleOp int

const (
	opRequired ruleOp = iota // a non-empty string
	opGTE                    // an integer at least n
	opLTE                    // an integer at most n
	opCustom                 // a string ok accepts
)

// valueRule is one rule of a tag.
type valueRule struct {
	op ruleOp
	n  int64
	ok func(string) bool
}

// fieldChecks reads the validate tags of an element type. The child lists
// and Extra are left out, as skipChildLists leaves them out of the
// validation. A field without a tag has no rule, unless it is a struct
// other than an Opt, which the validator would descend into: then the
// type is loud.
func fieldChecks(typ reflect.Type) (checks []fieldCheck, loud bool) {
	for i := range typ.NumField() {
		f := typ.Field(i)
		switch f.Name {
		case "Commands", "Children", "Extra":
			continue
		}
		tag := f.Tag.Get("validate")
		_, opt := optTypes[f.Type]
		if tag == "" || tag == "-" {
			if f.Type.Kind() == reflect.Struct && !opt {
				loud = true
			}
			continue
		}
		fc := fieldCheck{index: i, optSet: -1, optVal: -1, known: true}
		value := f.Type // the type the rules apply to
		parts := strings.Split(tag, ",")
		switch {
		case opt:
			fc.optSet, fc.optVal = fieldIndex(f.Type, "Set"), fieldIndex(f.Type, "Val")
			value = f.Type.Field(fc.optVal).Type
			if parts[0] == "omitnil" {
				fc.omit, parts = true, parts[1:]
			}
		case parts[0] == "omitempty" && (value.Kind() == reflect.String || value.Kind() == reflect.Slice):
			fc.omit, parts = true, parts[1:]
		case parts[0] == "dive" && value.Kind() == reflect.Slice:
			fc.list, parts = true, parts[1:]
			value = value.Elem()
		case value.Kind() == reflect.Struct:
			loud = true
			continue
		}
		for _, p := range parts {
			r, ok := parseRule(p, value, opt)
			if !ok {
				fc.known = false
				break
			}
			fc.rules = append(fc.rules, r)
		}
		checks = append(checks, fc)
	}
	return checks, loud
}

// parseRule reads one rule of a tag applying to values of type t (the
// value of an Opt when opt).
func parseRule(p string, t reflect.Type, opt bool) (valueRule, bool) {
	name, param, _ := strings.Cut(p, "=")
	isInt := t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64
	isString := t.Kind() == reflect.String
	switch {
	case name == "required" && param == "" && isString && !opt:
		return valueRule{op: opRequired}, true
	case (name == "gte" || name == "lte") && isInt:
		n, err := strconv.ParseInt(param, 0, 64)
		if err != nil {
			return valueRule{}, false
		}
		if name == "gte" {
			return valueRule{op: opGTE, n: n}, true
		}
		return valueRule{op: opLTE, n: n}, true
	}
	if r, ok := customRules[name]; ok && param == "" && isString {
		return valueRule{op: opCustom, ok: r.ok}, true
	}
	return valueRule{}, false
}

// passes reports that the rules of the field certainly pass for its value
// fv.
func (fc *fieldCheck) passes(fv reflect.Value) bool {
	switch {
	case fc.optSet >= 0:
		if !fv.Field(fc.optSet).Bool() {
			return fc.omit // without omitnil, any rule fails on nil
		}
		return fc.known && fc.value(fv.Field(fc.optVal))
	case fc.list:
		if fv.Len() == 0 {
			return true
		}
		if !fc.known {
			return false
		}
		for i := range fv.Len() {
			if !fc.value(fv.Index(i)) {
				return false
			}
		}
		return true
	case fc.omit && fv.Len() == 0:
		return true
	}
	return fc.known && fc.value(fv)
}

// value evaluates the rules on one value.
func (fc *fieldCheck) value(v reflect.Value) bool {
	for _, r := range fc.rules {
		var ok bool
		switch r.op {
		case opRequired:
			ok = v.Len() > 0
		case opGTE:
			ok = v.Int() >= r.n
		case opLTE:
			ok = v.Int() <= r.n
		case opCustom:
			ok = r.ok(v.String())
		}
		if !ok {
			return false
		}
	}
	return true
}
