package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/opentact-go/opentact/verbs"
)

// parseModes are the two ways of parsing a document.
var parseModes = []struct {
	name string
	opts []ParseOption
}{
	{"strict", nil},
	{"lenient", []ParseOption{Lenient()}},
}

// FuzzParse checks that the parser never panics, that every refusal is a
// Diagnostics error whose findings carry a position, and that an accepted
// document has a position for every node, reads the same in strict and
// lenient mode, gets positioned findings from Check, and renders, parses
// back to the same value and renders again to the same bytes, in both
// layouts. Last, it holds the scanner's verdict on well-formedness to
// expat's (compareWithExpat), or skips that comparison without python3.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "docs", "*.xml"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, tt := range parseTests {
		f.Add([]byte(tt.xml))
	}
	for _, tt := range markupCases {
		f.Add([]byte(tt.doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		defer func() {
			if !t.Failed() {
				compareWithExpat(t, expatParser(t), "fuzz input", data)
			}
		}()
		var strict *verbs.Response
		for _, mode := range parseModes {
			d, err := ParseDocument(data, mode.opts...)
			if err != nil {
				var ds Diagnostics
				if !errors.As(err, &ds) || !ds.HasErrors() {
					t.Fatalf("%s: Parse error %v is not a Diagnostics with an error", mode.name, err)
				}
				if d != nil {
					t.Fatalf("%s: ParseDocument returned a document with its error", mode.name)
				}
				for _, d := range ds {
					if d.Line < 1 || d.Col < 1 || d.Message == "" || d.Rule == "" {
						t.Fatalf("%s: finding without position, rule or message: %#v", mode.name, d)
					}
				}
				continue
			}
			r := d.Response
			checkPositions(t, d, lineCount(data))
			if mode.opts == nil {
				strict = r
			} else if strict != nil {
				if diff := cmp.Diff(strict, r); diff != "" {
					t.Fatalf("strict and lenient parsing disagree (-strict +lenient):\n%s", diff)
				}
			}
			for _, c := range d.Check() {
				if c.Line < 1 || c.Col < 1 {
					t.Fatalf("%s: a finding about a parsed document has no position: %v", mode.name, c)
				}
			}
			for _, layout := range docLayouts {
				out, err := Append(nil, r, layout.opts...)
				if err != nil {
					t.Fatalf("%s: a parsed document does not render%s: %v", mode.name, layout.suffix, err)
				}
				again, err := Parse(out, mode.opts...)
				if err != nil {
					t.Fatalf("%s: the rendered document does not parse: %v\n%s", mode.name, err, out)
				}
				if diff := cmp.Diff(r, again); diff != "" {
					t.Fatalf("%s: render → parse changed the document (-parsed +reparsed):\n%s\n%s", mode.name, diff, out)
				}
				out2, err := Append(nil, again, layout.opts...)
				if err != nil || !bytes.Equal(out, out2) {
					t.Fatalf("%s: rendering is not a fixed point (err %v):\n%s\n%s", mode.name, err, out, out2)
				}
			}
		}
	})
}

// FuzzText checks that any string used as Say text, Meta value, Meta text
// or Play URL either renders to well-formed XML that parses back to the
// same string, or is refused with an error that says why.
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"Hello", "", " ", "a & b < c > d", `"quoted" 'single'`, "]]>", "<!-- x -->",
		"line 1\nline 2", "cr\r\nlf", "\r", "tab\there", "&amp;", "&#xD;",
		"\x00", "\x01", "\x7f", "\xff", "a\xc3", "\uFFFE", "\uFFFF", "\uFFFD", "日本語 é",
		"https://example.com/a.mp3?x=1&y=2", "http://h/p?a=<b>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cases := []struct {
			name string
			doc  *verbs.Response
			get  func(verbs.Command) (string, bool)
		}{
			{"Say text", pdoc(&verbs.Say{Text: s}), func(c verbs.Command) (string, bool) {
				n, ok := c.(*verbs.Say)
				if !ok {
					return "", false
				}
				return n.Text, true
			}},
			{"Meta value", pdoc(&verbs.Meta{Name: "n", Value: verbs.Some(s)}), func(c verbs.Command) (string, bool) {
				n, ok := c.(*verbs.Meta)
				if !ok {
					return "", false
				}
				return n.Value.Val, true
			}},
			{"Meta text", pdoc(&verbs.Meta{Name: "n", Text: verbs.Some(s)}), func(c verbs.Command) (string, bool) {
				n, ok := c.(*verbs.Meta)
				if !ok {
					return "", false
				}
				return n.Text.Val, true
			}},
			{"Play URL", pdoc(&verbs.Play{URL: s}), func(c verbs.Command) (string, bool) {
				n, ok := c.(*verbs.Play)
				if !ok {
					return "", false
				}
				return n.URL, true
			}},
		}
		for _, c := range cases {
			out, err := Marshal(c.doc)
			if err != nil {
				var ds Diagnostics
				var we *WriteError
				if !errors.As(err, &ds) && !errors.As(err, &we) || err.Error() == "" {
					t.Errorf("%s %q: Marshal error %v is neither Diagnostics nor a WriteError", c.name, s, err)
				}
				continue
			}
			if err := wellFormedXML(out); err != nil {
				t.Errorf("%s %q: encoding/xml refuses the output: %v\n%s", c.name, s, err, out)
				continue
			}
			r, err := Parse(out)
			if err != nil {
				t.Errorf("%s %q: the output does not parse: %v\n%s", c.name, s, err, out)
				continue
			}
			if len(r.Commands) != 1 {
				t.Errorf("%s %q: parsed %d commands, want 1", c.name, s, len(r.Commands))
				continue
			}
			if got, ok := c.get(r.Commands[0]); !ok || got != s {
				t.Errorf("%s: parsed %q, want %q\n%s", c.name, got, s, out)
			}
		}
	})
}

// wellFormedXML reads the whole document with encoding/xml's strict decoder.
func wellFormedXML(doc []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// checkPositions checks that the positions of d are exactly its nodes, each
// at a line of the source.
func checkPositions(t *testing.T, d *Document, lines int) {
	t.Helper()
	nodes := collectNodes(nil, d.Response)
	if len(d.Positions) != len(nodes) {
		t.Errorf("%d positions for %d nodes", len(d.Positions), len(nodes))
	}
	for _, n := range nodes {
		pos, ok := d.Positions[n]
		if !ok || pos.Line < 1 || pos.Line > lines || pos.Col < 1 {
			t.Errorf("node %T has position %v (recorded %t); the source has %d lines", n, pos, ok, lines)
		}
	}
}

// collectNodes appends n and every node under it, in document order.
func collectNodes(out []verbs.Node, n verbs.Node) []verbs.Node {
	out = append(out, n)
	switch n := n.(type) {
	case *verbs.Response:
		return collectList(out, n.Commands)
	case *verbs.DTMF:
		return collectList(out, n.Commands)
	case *verbs.Default:
		return collectList(out, n.Commands)
	case *verbs.Error:
		return collectList(out, n.Commands)
	case *verbs.Call:
		return collectList(out, n.Commands)
	case *verbs.Geo:
		return collectList(out, n.Commands)
	case *verbs.Schedule:
		return collectList(out, n.Commands)
	case *verbs.Record:
		return collectList(out, n.Commands)
	case *verbs.Case:
		return collectList(out, n.Commands)
	case *verbs.Dial:
		return collectList(out, n.Children)
	case *verbs.Gather:
		return collectList(out, n.Children)
	case *verbs.Tone:
		return collectList(out, n.Children)
	case *verbs.Curl:
		return collectList(out, n.Children)
	case *verbs.Callback:
		return collectList(out, n.Children)
	case *verbs.Switch:
		return collectList(out, n.Children)
	case *verbs.RawElement:
		return collectList(out, n.Children)
	}
	return out
}

// collectList appends every node of list and the nodes under them.
func collectList[T verbs.Node](out []verbs.Node, list []T) []verbs.Node {
	for _, n := range list {
		out = collectNodes(out, n)
	}
	return out
}

// lineCount is the number of lines of data, LF, CRLF and a lone CR each
// ending one.
func lineCount(data []byte) int {
	crlf := bytes.Count(data, []byte("\r\n"))
	return bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - crlf + 1
}
