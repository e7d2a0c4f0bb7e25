package events

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestSplitAgreesWithUnmarshal splits every object and array of the
// testdata frames and of hand-made documents, all the way down, and wants
// what json.Unmarshal into json.RawMessage members gives: the same keys
// (escaped ones included, the last of a repeated key winning) and the same
// bytes for every member.
func TestSplitAgreesWithUnmarshal(t *testing.T) {
	docs := []string{
		`{}`, `[]`, ` { } `, `{"a":1}`, `{"a" : [ 1 , "x" , null ] , "b":{}}`,
		`{"a":1,"a":2}`, `{"k\"ey":"v\\\"","\u00e9":"\u00e9"}`,
		`{"s":"a]b}c{d[e,f:g"}`, `[{"a":[[],[{}]]},true,false,null,-1.5e3,"x"]`,
		`{"t":"\\","u":"\"","v":"\\\\"}`, "{\"w\":\t\n\r 1 \t}",
	}
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("testdata: %v, %d files", err, len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(b))
	}
	for _, doc := range docs {
		compareSplit(t, doc, []byte(doc))
	}
}

func compareSplit(t *testing.T, doc string, v []byte) {
	t.Helper()
	v = bytes.TrimSpace(v)
	switch {
	case len(v) > 0 && v[0] == '{':
		var want map[string]json.RawMessage
		if err := json.Unmarshal(v, &want); err != nil {
			t.Fatalf("%.60s: %v", doc, err)
		}
		got, ok := splitObject(v)
		if !ok || len(got) != len(want) {
			t.Fatalf("%.60s: splitObject(%.60s) = %d members, %v; want %d", doc, v, len(got), ok, len(want))
		}
		for k, w := range want {
			if g, ok := got[k]; !ok || !bytes.Equal(g, w) {
				t.Fatalf("%.60s: member %q = %.60s, want %.60s", doc, k, g, w)
			}
			compareSplit(t, doc, w)
		}
	case len(v) > 0 && v[0] == '[':
		var want []json.RawMessage
		if err := json.Unmarshal(v, &want); err != nil {
			t.Fatalf("%.60s: %v", doc, err)
		}
		got, ok := splitArray(v)
		if !ok || len(got) != len(want) {
			t.Fatalf("%.60s: splitArray(%.60s) = %d elements, %v; want %d", doc, v, len(got), ok, len(want))
		}
		for i := range want {
			if !bytes.Equal(got[i], want[i]) {
				t.Fatalf("%.60s: element %d = %.60s, want %.60s", doc, i, got[i], want[i])
			}
			compareSplit(t, doc, want[i])
		}
	}
}

// TestSplitRefuses checks that what is not one object or one array is
// refused, never read past its end.
func TestSplitRefuses(t *testing.T) {
	for _, s := range []string{
		``, `{`, `{"a"`, `{"a":`, `{"a":1`, `{"a":1,`, `{"a":1,}`, `{a:1}`, `{"a" 1}`,
		`{"a":1}x`, `{"a":1}}`, `{"a":"x}`, `{"a":[}`, `{"a":{]}`, `{"a":,}`, `{"a\":1}`,
		`[`, `[1`, `[1,`, `[1,]`, `[,]`, `[1]]`, `["x]`, `[1 2]`, `1`, `"x"`, `null`,
	} {
		if _, ok := splitObject([]byte(s)); ok {
			t.Errorf("splitObject(%q) accepted", s)
		}
		if _, ok := splitArray([]byte(s)); ok {
			t.Errorf("splitArray(%q) accepted", s)
		}
	}
}

// TestSplitCapped checks that appending to a member does not write into
// the bytes after it.
func TestSplitCapped(t *testing.T) {
	raw := []byte(`{"a":[1],"b":2}`)
	m, _ := splitObject(raw)
	_ = append(m["a"], 'x')
	l, _ := splitArray(m["a"])
	_ = append(l[0], 'x')
	if string(raw) != `{"a":[1],"b":2}` {
		t.Fatalf("input changed to %s", raw)
	}
}

// TestDecodeDeepMemory checks the memory decoding a frame of nested
// parents takes: about its size, not its depth times its size (a 1 MiB
// frame 60 levels deep allocated 64 MiB when each level copied what was
// below it).
func TestDecodeDeepMemory(t *testing.T) {
	const depth = 60
	pad := strings.Repeat("x", 1<<20)
	frame := []byte(`{"type":"call_state","call":` + strings.Repeat(`{"uuid":"c","parent":`, depth) +
		`{"uuid":"` + pad + `"}` + strings.Repeat(`}`, depth) + `}`)
	if _, err := Decode(frame); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ev, err := Decode(frame)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(ev)
	if n := after.TotalAlloc - before.TotalAlloc; n > 8*uint64(len(frame)) {
		t.Errorf("decoding a %d-byte frame %d levels deep allocated %d bytes, want at most 8 times its size", len(frame), depth, n)
	}
}

// FuzzSplit compares the splitters with json.Unmarshal on every input that
// is valid JSON, and wants no panic on any.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{`{"a":[1,{"b":"c\"}"}]}`, `[[],{},"x",1e5]`, `{"a":1,"a":2}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		splitObject(b)
		splitArray(b)
		if json.Valid(b) {
			compareSplit(t, string(b), b)
		}
	})
}
