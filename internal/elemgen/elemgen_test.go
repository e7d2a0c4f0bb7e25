package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/opentact-go/opentact/internal/textdiff"
)

// TestGeneratedFilesAreFresh regenerates every file and compares it with
// the committed one: a change to the struct tags of package verbs without
// go generate fails here.
func TestGeneratedFilesAreFresh(t *testing.T) {
	root := filepath.Join("..", "..")
	files, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		// Written to a temporary directory first, as go generate would.
		tmp := filepath.Join(dir, filepath.Base(f.path))
		if err := os.WriteFile(tmp, f.src, 0o644); err != nil {
			t.Fatal(err)
		}
		regenerated, err := os.ReadFile(tmp)
		if err != nil {
			t.Fatal(err)
		}
		committed, err := os.ReadFile(filepath.Join(root, f.path))
		if err != nil {
			t.Fatalf("%s: %v (run go generate ./verbs)", f.path, err)
		}
		if !bytes.Equal(committed, regenerated) {
			t.Errorf("%s is stale; run go generate ./verbs:\n%s", f.path, textdiff.Unified("committed", "regenerated", committed, regenerated))
		}
	}
}

// TestRejectsBadTags checks that the generator refuses tags it cannot
// follow rather than generating code that drops an attribute.
func TestRejectsBadTags(t *testing.T) {
	cases := map[string]string{
		"untagged field":          "type X struct {\n\tRate int\n\tExtra []Attr\n}\n",
		"unknown option":          "type X struct {\n\tRate Opt[int] `xml:\"rate,fast\"`\n}\n",
		"unsupported type":        "type X struct {\n\tRate float64 `xml:\"rate\"`\n}\n",
		"repeated name":           "type X struct {\n\tA string `xml:\"a\"`\n\tB string `xml:\"a\"`\n}\n",
		"option gen cannot write": "type X struct {\n\tV Opt[string] `xml:\"v\"`\n}\n",
		"trim on an attribute":    "type X struct {\n\tV string `xml:\"v,trim\"`\n}\n",
		"two text sources":        "type X struct {\n\tT string `xml:\",text\"`\n\tV string `xml:\"v,textform\"`\n}\n",
	}
	for name, body := range cases {
		dir := t.TempDir()
		src := "package verbs\n\ntype Attr struct{ Name, Value string }\ntype Opt[T any] struct{ Val T; Set bool }\n" + body +
			"func (*X) ElementName() string { return \"X\" }\n"
		if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := load(dir); err == nil {
			t.Errorf("%s: load accepted it", name)
		}
	}
}
