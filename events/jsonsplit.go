package events

import (
	"encoding/json"
	"strings"
)

// The decoder splits each object and array of an event into its members
// without copying them: every member is a slice of the one private copy
// that checkObject made of the whole input, which it also checked to be
// valid JSON, valid UTF-8 and at most jsondepth.Max levels deep. With
// json.Unmarshal into json.RawMessage values, each level copied and
// scanned everything below it again, so nested call objects cost their
// depth times their size in memory. The slices are capped at their own
// end: appending to one never writes into its neighbours.

// splitObject returns the members of the JSON object raw, the last of a
// repeated key winning as with json.Unmarshal. ok is false when raw is not
// an object or not well formed.
func splitObject(raw []byte) (m map[string]json.RawMessage, ok bool) {
	i, empty, ok := opening(raw, '{', '}')
	if !ok || empty {
		return map[string]json.RawMessage{}, ok
	}
	m = map[string]json.RawMessage{}
	for {
		if i >= len(raw) || raw[i] != '"' {
			return nil, false
		}
		end := skipString(raw, i)
		if end < 0 {
			return nil, false
		}
		key, ok := jsonString(raw[i:end])
		if !ok {
			return nil, false
		}
		i = skipSpace(raw, end)
		if i >= len(raw) || raw[i] != ':' {
			return nil, false
		}
		i = skipSpace(raw, i+1)
		end = skipValue(raw, i)
		if end < 0 {
			return nil, false
		}
		m[key] = raw[i:end:end]
		var more bool
		if i, more, ok = afterMember(raw, end, '}'); !more {
			return m, ok
		}
	}
}

// splitArray returns the elements of the JSON array raw. ok is false when
// raw is not an array or not well formed.
func splitArray(raw []byte) (list []json.RawMessage, ok bool) {
	i, empty, ok := opening(raw, '[', ']')
	if !ok || empty {
		return []json.RawMessage{}, ok
	}
	for {
		end := skipValue(raw, i)
		if end < 0 {
			return nil, false
		}
		list = append(list, raw[i:end:end])
		var more bool
		if i, more, ok = afterMember(raw, end, ']'); !more {
			return list, ok
		}
	}
}

// opening reads the bracket open that must start raw: i is where its first
// member starts; empty reports that the bracket close follows at once and
// ends raw. ok is false when raw does not start so.
func opening(raw []byte, open, close byte) (i int, empty, ok bool) {
	i = skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != open {
		return 0, false, false
	}
	i = skipSpace(raw, i+1)
	if i < len(raw) && raw[i] == close {
		return 0, true, skipSpace(raw, i+1) == len(raw)
	}
	return i, false, true
}

// afterMember reads what follows a member ending at end: a comma (more;
// next is where the next member starts) or the bracket close, which must
// end raw (ok reports whether it does).
func afterMember(raw []byte, end int, close byte) (next int, more, ok bool) {
	i := skipSpace(raw, end)
	switch {
	case i >= len(raw):
		return 0, false, false
	case raw[i] == ',':
		return skipSpace(raw, i+1), true, true
	case raw[i] == close:
		return 0, false, skipSpace(raw, i+1) == len(raw)
	}
	return 0, false, false
}

// skipValue returns the index just past the JSON value starting at i, or
// -1 when there is none. Scalars are only delimited here: a value of the
// wrong form is found by whoever reads it (json.Unmarshal, jsonString).
func skipValue(raw []byte, i int) int {
	if i >= len(raw) {
		return -1
	}
	switch raw[i] {
	case '"':
		return skipString(raw, i)
	case '{', '[':
		return skipNested(raw, i)
	case ',', ':', '}', ']':
		return -1
	}
	end := i
	for end < len(raw) && strings.IndexByte(",:{}[]\" \t\r\n", raw[end]) < 0 {
		end++
	}
	return end
}

// skipString returns the index just past the JSON string starting at i,
// or -1 when it does not end.
func skipString(raw []byte, i int) int {
	for j := i + 1; j < len(raw); j++ {
		switch raw[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// skipNested returns the index just past the object or array starting at
// i, or -1 when its brackets do not balance.
func skipNested(raw []byte, i int) int {
	var open []byte // the closing bracket each level wants
	for j := i; j < len(raw); j++ {
		switch c := raw[j]; c {
		case '"':
			end := skipString(raw, j)
			if end < 0 {
				return -1
			}
			j = end - 1
		case '{':
			open = append(open, '}')
		case '[':
			open = append(open, ']')
		case '}', ']':
			if len(open) == 0 || open[len(open)-1] != c {
				return -1
			}
			open = open[:len(open)-1]
			if len(open) == 0 {
				return j + 1
			}
		}
	}
	return -1
}
