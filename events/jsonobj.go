package events

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"
)

// decoder collects the JSON paths of modelled members whose JSON type did not
// fit while the typed variants are built (§2.8 of the spec: lenient content).
type decoder struct {
	skipped []string
}

// paths returns the recorded paths without repetitions, in the order they
// were first recorded; nil when there are none.
func (d *decoder) paths() []string {
	var out []string
	seen := make(map[string]bool, len(d.skipped))
	for _, p := range d.skipped {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// object is one JSON object of an event, split into its members, with the
// path under which it was found.
type object struct {
	d    *decoder
	path string
	m    map[string]json.RawMessage
	self json.RawMessage
}

// parseObject splits raw into members. ok is false when raw is absent, null
// or not an object.
func (d *decoder) parseObject(path string, raw json.RawMessage) (object, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return object{}, false
	}
	m, ok := splitObject(raw)
	if !ok {
		return object{}, false
	}
	return object{d: d, path: path, m: m, self: raw}, true
}

// rawSelf returns the object's own JSON text.
func (o object) rawSelf() json.RawMessage { return o.self }

// alias returns the first of the spellings that is present and not null, or
// the first spelling when none is.
func (o object) alias(spellings ...string) string {
	if k := o.first(spellings...); k != "" {
		return k
	}
	return spellings[0]
}

// member returns the path of key inside o.
func (o object) member(key string) string {
	if o.path == "" {
		return key
	}
	return o.path + "." + key
}

// skip records that key held a value of the wrong JSON type.
func (o object) skip(key string) {
	o.d.skipped = append(o.d.skipped, o.member(key))
}

// lookup returns the member's raw value; ok is false when it is absent or null.
func (o object) lookup(key string) (json.RawMessage, bool) {
	if o.m == nil {
		return nil, false
	}
	v, ok := o.m[key]
	if !ok {
		return nil, false
	}
	v = bytes.TrimSpace(v)
	if len(v) == 0 || string(v) == "null" {
		return nil, false
	}
	return v, true
}

// has reports whether key is present (even when null).
func (o object) has(key string) bool {
	_, ok := o.m[key]
	return ok
}

// first returns the first of keys that is present and not null, or "".
func (o object) first(keys ...string) string {
	for _, k := range keys {
		if _, ok := o.lookup(k); ok {
			return k
		}
	}
	return ""
}

// str reads a JSON string member. Other JSON types are skipped.
func (o object) str(key string) string {
	v, ok := o.lookup(key)
	if !ok {
		return ""
	}
	s, ok := jsonString(v)
	if !ok {
		o.skip(key)
	}
	return s
}

// isString reports whether key holds a JSON string.
func (o object) isString(key string) bool {
	v, ok := o.lookup(key)
	return ok && v[0] == '"'
}

// optString reads key as a string without recording a mismatch.
func (o object) optString(key string) string {
	v, ok := o.lookup(key)
	if !ok {
		return ""
	}
	s, _ := jsonString(v)
	return s
}

// flexString reads a member sent as a string or as a number; a number keeps
// its literal digits.
func (o object) flexString(key string) string {
	v, ok := o.lookup(key)
	if !ok {
		return ""
	}
	if s, ok := jsonString(v); ok {
		return s
	}
	if isNumber(v) {
		return string(v)
	}
	o.skip(key)
	return ""
}

// integer reads a JSON number with no fraction or a string of digits.
func (o object) integer(key string) int64 {
	v, ok := o.lookup(key)
	if !ok {
		return 0
	}
	text := string(v)
	if s, ok := jsonString(v); ok {
		text = strings.TrimSpace(s)
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		o.skip(key)
		return 0
	}
	return n
}

// float reads a JSON number or a numeric string; nil when absent.
func (o object) float(key string) *float64 {
	v, ok := o.lookup(key)
	if !ok {
		return nil
	}
	text := string(v)
	s, quoted := jsonString(v)
	if quoted {
		text = strings.TrimSpace(s)
	} else if !isNumber(v) {
		o.skip(key)
		return nil
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		o.skip(key)
		return nil
	}
	return &f
}

// boolean reads JSON true or false; nil when absent.
func (o object) boolean(key string) *bool {
	v, ok := o.lookup(key)
	if !ok {
		return nil
	}
	switch string(v) {
	case "true":
		b := true
		return &b
	case "false":
		b := false
		return &b
	}
	o.skip(key)
	return nil
}

// flag is boolean with absent read as false.
func (o object) flag(key string) bool {
	b := o.boolean(key)
	return b != nil && *b
}

// time reads an RFC 3339 timestamp, or the same without a zone (read as UTC).
func (o object) time(key string) time.Time {
	v, ok := o.lookup(key)
	if !ok {
		return time.Time{}
	}
	s, ok := jsonString(v)
	if !ok {
		o.skip(key)
		return time.Time{}
	}
	t, ok := parseTime(s)
	if !ok {
		o.skip(key)
	}
	return t
}

// obj reads a nested object; a present value that is not an object is
// skipped.
func (o object) obj(key string) (object, bool) {
	v, ok := o.lookup(key)
	if !ok {
		return object{}, false
	}
	sub, ok := o.d.parseObject(o.member(key), v)
	if !ok {
		o.skip(key)
	}
	return sub, ok
}

// optObj reads a nested object without recording a mismatch.
func (o object) optObj(key string) (object, bool) {
	v, ok := o.lookup(key)
	if !ok {
		return object{}, false
	}
	return o.d.parseObject(o.member(key), v)
}

// raw returns the member verbatim (nil when absent or null).
func (o object) raw(key string) json.RawMessage {
	v, ok := o.lookup(key)
	if !ok {
		return nil
	}
	return v
}

// rawList splits an array member into its elements.
func (o object) rawList(key string) []json.RawMessage {
	v, ok := o.lookup(key)
	if !ok {
		return nil
	}
	list, ok := splitArray(v)
	if !ok {
		o.skip(key)
		return nil
	}
	return list
}

// index returns the path of element i of the array member key.
func (o object) index(key string, i int) string {
	return o.member(key) + "[" + strconv.Itoa(i) + "]"
}

// jsonString unquotes v when it is a JSON string.
func jsonString(v json.RawMessage) (string, bool) {
	if len(v) == 0 || v[0] != '"' {
		return "", false
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return "", false
	}
	return s, true
}

// isNumber reports whether v is a JSON number.
func isNumber(v json.RawMessage) bool {
	if len(v) == 0 {
		return false
	}
	c := v[0]
	return c == '-' || (c >= '0' && c <= '9')
}

// timeLayouts are tried in order by parseTime.
var timeLayouts = []struct {
	layout string
	utc    bool
}{
	{time.RFC3339Nano, false},
	{"2006-01-02T15:04:05.999999999", true},
}

// parseTime reads an RFC 3339 timestamp with any fraction, or the same
// without a zone, which is read as UTC.
func parseTime(s string) (time.Time, bool) {
	for _, l := range timeLayouts {
		var t time.Time
		var err error
		if l.utc {
			t, err = time.ParseInLocation(l.layout, s, time.UTC)
		} else {
			t, err = time.Parse(l.layout, s)
		}
		if err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
