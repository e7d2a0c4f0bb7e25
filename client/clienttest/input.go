package clienttest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// input reads the members of a JSON request body and collects validation
// errors keyed "params.<member>".
type input struct {
	m      map[string]json.RawMessage
	prefix string                // "params." or "params.items[0]."
	errs   map[string]fieldError // shared with nested inputs
}

// parseInput parses a JSON object body; an empty body is an empty object.
func parseInput(raw []byte) *input {
	in := &input{m: map[string]json.RawMessage{}, prefix: "params.", errs: map[string]fieldError{}}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return in
	}
	if raw[0] != '{' || json.Unmarshal(raw, &in.m) != nil {
		in.m = map[string]json.RawMessage{}
		in.errs["body"] = fieldError{Message: "must be a JSON object"}
	}
	return in
}

// nested returns an input over the object raw, reporting errors under name.
func (in *input) nested(name string, raw json.RawMessage) (*input, bool) {
	sub := &input{m: map[string]json.RawMessage{}, prefix: in.prefix + name + ".", errs: in.errs}
	if len(raw) == 0 || raw[0] != '{' || json.Unmarshal(raw, &sub.m) != nil {
		in.errs[in.prefix+name] = fieldError{Message: "must be an object", Value: raw}
		return sub, false
	}
	return sub, true
}

// failed reports whether any validation error was recorded.
func (in *input) failed() bool { return len(in.errs) > 0 }

// fail records a validation error on member k.
func (in *input) fail(k, msg string) {
	key := in.prefix + k
	if _, dup := in.errs[key]; dup {
		return
	}
	v := in.m[k]
	if v == nil {
		v = json.RawMessage("null")
	}
	in.errs[key] = fieldError{Message: msg, Value: v}
}

// get returns member k unless it is absent or null.
func (in *input) get(k string) (json.RawMessage, bool) {
	v, ok := in.m[k]
	if !ok || string(v) == "null" {
		return nil, false
	}
	return v, true
}

// isNull reports whether member k is present with the value null.
func (in *input) isNull(k string) bool {
	v, ok := in.m[k]
	return ok && string(v) == "null"
}

func (in *input) missing(k string, required bool) {
	if required {
		in.fail(k, k+" is required")
	}
}

// str reads a string member.
func (in *input) str(k string, required bool) (string, bool) {
	v, ok := in.get(k)
	if !ok {
		in.missing(k, required)
		return "", false
	}
	var s string
	if json.Unmarshal(v, &s) != nil {
		in.fail(k, k+" must be a string")
		return "", false
	}
	return s, true
}

// mask reads a search mask: a string, or a JSON number taken as its digits
// (numbers are accepted wherever a phone number may be given).
func (in *input) mask(k string) (string, bool) {
	v, ok := in.get(k)
	if !ok {
		return "", false
	}
	var n json.Number
	if v[0] != '"' && json.Unmarshal(v, &n) == nil {
		return n.String(), n.String() != ""
	}
	s, ok := in.str(k, false)
	return s, ok && s != ""
}

// text reads a string member that must not be empty when present.
func (in *input) text(k string, required bool) (string, bool) {
	s, ok := in.str(k, required)
	if ok && s == "" {
		in.fail(k, k+" must not be empty")
		return "", false
	}
	return s, ok
}

// oneOf reads a string member restricted to the given values.
func (in *input) oneOf(k string, required bool, values ...string) (string, bool) {
	s, ok := in.str(k, required)
	if !ok {
		return "", false
	}
	for _, v := range values {
		if s == v {
			return s, true
		}
	}
	in.fail(k, fmt.Sprintf("%s must be one of %s", k, strings.Join(values, ", ")))
	return "", false
}

// integer reads an integer member within [lo, hi].
func (in *input) integer(k string, required bool, lo, hi int) (int, bool) {
	v, ok := in.get(k)
	if !ok {
		in.missing(k, required)
		return 0, false
	}
	var n int
	if json.Unmarshal(v, &n) != nil {
		in.fail(k, k+" must be an integer")
		return 0, false
	}
	if n < lo || n > hi {
		in.fail(k, fmt.Sprintf("%s must be between %d and %d", k, lo, hi))
		return 0, false
	}
	return n, true
}

// number reads a numeric member.
func (in *input) number(k string) (float64, bool) {
	v, ok := in.get(k)
	if !ok {
		return 0, false
	}
	var f float64
	if json.Unmarshal(v, &f) != nil {
		in.fail(k, k+" must be a number")
		return 0, false
	}
	return f, true
}

// boolean reads a boolean member.
func (in *input) boolean(k string, required bool) (bool, bool) {
	v, ok := in.get(k)
	if !ok {
		in.missing(k, required)
		return false, false
	}
	var b bool
	if json.Unmarshal(v, &b) != nil {
		in.fail(k, k+" must be a boolean")
		return false, false
	}
	return b, true
}

// phone reads a telephone number given as a JSON number or a digit string.
func (in *input) phone(k string, required bool) (int64, bool) {
	v, ok := in.get(k)
	if !ok {
		in.missing(k, required)
		return 0, false
	}
	n, ok := parsePhone(v)
	if !ok {
		in.fail(k, k+" must be a phone number")
	}
	return n, ok
}

// parsePhone accepts a JSON number or a string of 1–15 digits with an
// optional leading "+".
func parsePhone(v json.RawMessage) (int64, bool) {
	var s string
	if json.Unmarshal(v, &s) == nil {
		s = strings.TrimPrefix(s, "+")
	} else {
		s = string(v)
	}
	if len(s) == 0 || len(s) > 15 || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil && n > 0
}

// phones reads an array of telephone numbers.
func (in *input) phones(k string, required bool) ([]int64, bool) {
	items, ok := in.array(k, required)
	if !ok {
		return nil, false
	}
	out := make([]int64, 0, len(items))
	for i, it := range items {
		n, ok := parsePhone(it)
		if !ok {
			in.errs[fmt.Sprintf("%s%s[%d]", in.prefix, k, i)] = fieldError{Message: "must be a phone number", Value: it}
			return nil, false
		}
		out = append(out, n)
	}
	return out, true
}

// strings reads an array of strings.
func (in *input) strings(k string, required bool) ([]string, bool) {
	items, ok := in.array(k, required)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		var s string
		if json.Unmarshal(it, &s) != nil {
			in.fail(k, k+" must be an array of strings")
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// array reads an array member; a required array must not be empty.
func (in *input) array(k string, required bool) ([]json.RawMessage, bool) {
	v, ok := in.get(k)
	if !ok {
		in.missing(k, required)
		return nil, false
	}
	var items []json.RawMessage
	if json.Unmarshal(v, &items) != nil {
		in.fail(k, k+" must be an array")
		return nil, false
	}
	if required && len(items) == 0 {
		in.fail(k, k+" must not be empty")
		return nil, false
	}
	return items, true
}

// object reads an object member and returns it compacted.
func (in *input) object(k string) (json.RawMessage, bool) {
	v, ok := in.get(k)
	if !ok {
		return nil, false
	}
	var m map[string]json.RawMessage
	if v[0] != '{' || json.Unmarshal(v, &m) != nil {
		in.fail(k, k+" must be an object")
		return nil, false
	}
	var buf bytes.Buffer
	_ = json.Compact(&buf, v)
	return buf.Bytes(), true
}

// time reads an RFC 3339 timestamp member.
func (in *input) time(k string, required bool) (time.Time, bool) {
	s, ok := in.str(k, required)
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		in.fail(k, k+" must be an RFC 3339 timestamp")
		return time.Time{}, false
	}
	return t, true
}

// ref is the state of a nullable reference member of an update body.
type ref struct {
	set  bool   // the member is present
	null bool   // it is null: detach
	id   string // otherwise the referenced id
}

// reference reads a member that holds an id string or null.
func (in *input) reference(k string) ref {
	if _, present := in.m[k]; !present {
		return ref{}
	}
	if in.isNull(k) {
		return ref{set: true, null: true}
	}
	id, ok := in.text(k, false)
	return ref{set: ok, id: id}
}
