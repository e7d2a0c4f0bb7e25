package flow

import (
	"reflect"
	"slices"
	"testing"
)

// TestRecordAttrsCoverAttrValues checks that every attribute value is
// either kept by records (recAttrs) or refused by compactAttrs, so that a
// new attribute cannot be dropped from a record.
func TestRecordAttrsCoverAttrValues(t *testing.T) {
	refused := []string{"ASR", "Attempts", "Body", "County", "Days", "DialRecord", "DialTimeout",
		"FinishOnKey", "GatherCallback", "GatherMethod", "GatherTimeout", "Hz", "Method",
		"NumDigits", "Off", "On", "States", "Time", "Volume"}
	kept := reflect.TypeFor[recAttrs]()
	all := reflect.TypeFor[attrValues]()
	for i := range all.NumField() {
		f := all.Field(i)
		_, isKept := kept.FieldByName(f.Name)
		if isKept == slices.Contains(refused, f.Name) {
			t.Errorf("attrValues.%s: kept by records %v, refused by compactAttrs %v; exactly one must hold", f.Name, isKept, !isKept)
		}
		if isKept {
			if k, _ := kept.FieldByName(f.Name); k.Type != f.Type {
				t.Errorf("recAttrs.%s is a %v, attrValues.%s a %v", f.Name, k.Type, f.Name, f.Type)
			}
		}
		// A refused value set must refuse the record.
		if !isKept {
			var a attrValues
			v := reflect.ValueOf(&a).Elem().Field(i)
			switch v.Kind() {
			case reflect.String:
				v.SetString("x")
			case reflect.Slice:
				v.Set(reflect.MakeSlice(v.Type(), 1, 1))
			case reflect.Struct: // verbs.Opt
				v.FieldByName("Set").SetBool(true)
			}
			if _, ok := compactAttrs(&a, 1); ok {
				t.Errorf("compactAttrs keeps a record with %s set", f.Name)
			}
		}
	}
	if kept.NumField()+len(refused) != all.NumField() {
		t.Errorf("recAttrs has %d fields and %d are refused, attrValues has %d", kept.NumField(), len(refused), all.NumField())
	}
}
