package flow

import (
	"reflect"
	"testing"
)

// TestRecordAttrsCoverAttrValues checks every attribute value against
// records: one that recAttrs keeps survives compactAttrs and expand with
// its type, and any other refuses the record, so that a new attribute
// cannot be dropped from a record.
func TestRecordAttrsCoverAttrValues(t *testing.T) {
	kept := reflect.TypeFor[recAttrs]()
	all := reflect.TypeFor[attrValues]()
	nkept := 0
	for i := range all.NumField() {
		f := all.Field(i)
		k, isKept := kept.FieldByName(f.Name)
		if isKept && k.Type != f.Type {
			t.Errorf("recAttrs.%s is a %v, attrValues.%s a %v", f.Name, k.Type, f.Name, f.Type)
			continue
		}
		var a attrValues
		v := reflect.ValueOf(&a).Elem().Field(i)
		switch v.Kind() {
		case reflect.String:
			v.SetString("x")
		case reflect.Slice:
			v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		case reflect.Struct: // verbs.Opt
			v.FieldByName("Set").SetBool(true)
		default:
			t.Fatalf("attrValues.%s: a %v, which this test cannot set", f.Name, f.Type)
		}
		r, ok := compactAttrs(&a, 1)
		switch {
		case isKept && !ok:
			t.Errorf("compactAttrs refuses a record with %s set, which recAttrs keeps", f.Name)
		case isKept && !reflect.DeepEqual(r.expand(), a):
			t.Errorf("%s does not survive compactAttrs and expand", f.Name)
		case !isKept && ok:
			t.Errorf("compactAttrs keeps a record with %s set, which recAttrs has no field for", f.Name)
		}
		if isKept {
			nkept++
		}
	}
	if nkept != kept.NumField() {
		t.Errorf("recAttrs has %d fields, %d of them attribute values", kept.NumField(), nkept)
	}
}
