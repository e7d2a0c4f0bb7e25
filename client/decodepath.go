package client

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// Bounds of failingMember: it re-decodes the subtrees on the failing path,
// so it is kept to replies and depths where that costs little.
const (
	maxLocateBytes = 1 << 20
	maxLocateDepth = 16
)

// failingMember returns the JSON path ("tn.tn", "data[2].created_on") of the
// deepest member of raw that does not decode into a value of type t, or ""
// when it cannot tell (the failure is at the top, or raw is too large). It is
// used only after decoding failed, so that errors raised by UnmarshalJSON
// methods, which encoding/json reports without a place, name the member.
func failingMember(raw []byte, t reflect.Type) string {
	if len(raw) > maxLocateBytes {
		return ""
	}
	return locate(raw, t, "", 0)
}

// locate returns the path of the deepest value below raw that fails to
// decode into its Go type, or path itself when no member fails on its own.
func locate(raw []byte, t reflect.Type, path string, depth int) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	raw = bytes.TrimSpace(raw)
	if depth >= maxLocateDepth || len(raw) == 0 {
		return path
	}
	child := func(v []byte, ct reflect.Type, p string) string {
		if json.Unmarshal(v, reflect.New(ct).Interface()) == nil {
			return ""
		}
		return locate(v, ct, p, depth+1)
	}
	switch {
	case t.Kind() == reflect.Struct && raw[0] == '{':
		var members map[string]json.RawMessage
		if json.Unmarshal(raw, &members) != nil {
			return path
		}
		for _, f := range reflect.VisibleFields(t) {
			name, ok := jsonName(f)
			if !ok {
				continue
			}
			v, ok := members[name]
			if !ok {
				continue
			}
			if p := child(v, f.Type, joinPath(path, name)); p != "" {
				return p
			}
		}
	case (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && raw[0] == '[':
		var elems []json.RawMessage
		if json.Unmarshal(raw, &elems) != nil {
			return path
		}
		for i, v := range elems {
			if p := child(v, t.Elem(), path+"["+strconv.Itoa(i)+"]"); p != "" {
				return p
			}
		}
	case t.Kind() == reflect.Map && raw[0] == '{':
		var members map[string]json.RawMessage
		if json.Unmarshal(raw, &members) != nil {
			return path
		}
		for k, v := range members {
			if p := child(v, t.Elem(), joinPath(path, k)); p != "" {
				return p
			}
		}
	}
	return path
}

// jsonName returns the member name encoding/json uses for f; ok is false
// for fields it does not decode.
func jsonName(f reflect.StructField) (string, bool) {
	if !f.IsExported() || f.Anonymous {
		return "", false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false
	}
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		name = f.Name
	}
	return name, true
}

// joinPath appends a member name to a JSON path.
func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
