package flow_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/opentact-go/opentact/render"
)

// hostileStrings are values that XML cannot carry as they are, or only
// escaped: invalid UTF-8, C0 controls, non-characters, UTF-8-encoded
// surrogates, CDATA and comment terminators, line ends, and a long value.
var hostileStrings = []string{
	"\xff", "a\x00b", "\x01", "x\x1f", "\x7f", "\uFFFE", "a\uFFFF", "\xed\xa0\x80", "\xed\xbf\xbf",
	"\xc0\x80", "\xf4\x90\x80\x80", "é\xc3", "]]>", "a]]>b", "a--b", "-", "trail-", "-lead", "<!--", "-->",
	"\r", "a\r\nb", "a\rb", "a\tb\nc", "\t", "\n", " \n ", "\u0085\u2028", "&#x41;", "&amp;", "'\"",
	"<Hangup/>", "x\U0001F600y", strings.Repeat("long & <value> ", 5000),
}

// expatVerdicts runs python3's expat over each of docs and returns one
// verdict a document: "" when it is well formed, or expat's error. It
// skips t without python3.
func expatVerdicts(t *testing.T, docs [][]byte) []string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	const script = `
import struct, sys, xml.parsers.expat as e
inp = sys.stdin.buffer
while True:
    head = inp.read(4)
    if len(head) < 4:
        break
    p = e.ParserCreate()
    try:
        p.Parse(inp.read(struct.unpack(">I", head)[0]), True)
        print("ok")
    except e.ExpatError as x:
        print("bad", x)
`
	var in bytes.Buffer
	for _, d := range docs {
		in.Write(binary.BigEndian.AppendUint32(nil, uint32(len(d))))
		in.Write(d)
	}
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("python3's expat: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(docs) {
		t.Fatalf("expat answered %d times for %d documents", len(lines), len(docs))
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "ok")
	}
	return lines
}

// TestHostileStrings builds random flows carrying hostileStrings. Each
// one's XML is either refused with an error naming a path under
// /Response, or is well formed for expat and parses back to the tree
// Build gives, byte for byte the document render.Marshal writes.
func TestHostileStrings(t *testing.T) {
	g := &randomFlows{rng: rand.New(rand.NewPCG(2026, 12)), hostile: true}
	n := 300
	if testing.Short() {
		n = 60
	}
	var refused, written int
	var docs [][]byte
	for i := range n {
		f := g.flow(6, 2)
		for _, layout := range []struct {
			name string
			xml  func() ([]byte, error)
			opts []render.Option
		}{{"indented", f.XML, nil}, {"compact", f.CompactXML, []render.Option{render.Compact()}}} {
			xml, err := layout.xml()
			want, berr := f.Build()
			if err != nil && !render.IsWarnings(err) {
				refused++
				if !strings.Contains(err.Error(), "/Response") {
					t.Errorf("flow %d: %s: the error names no path: %v", i, layout.name, err)
				}
				if berr == nil || render.IsWarnings(berr) {
					t.Errorf("flow %d: %s refused (%v) what Build accepts", i, layout.name, err)
				}
				var ds render.Diagnostics
				if errors.As(err, &ds) {
					for _, d := range ds {
						if d.Path == "" {
							t.Errorf("flow %d: a finding without a path: %v", i, d)
						}
					}
				}
				continue
			}
			written++
			if berr != nil && !render.IsWarnings(berr) {
				t.Fatalf("flow %d: %s wrote what Build refuses (%v)", i, layout.name, berr)
			}
			if m, err := render.Marshal(want, layout.opts...); (err != nil && !render.IsWarnings(err)) || !bytes.Equal(m, xml) {
				t.Errorf("flow %d: %s: the builder's XML is not render.Marshal's (%v):\n%s\n%s", i, layout.name, err, xml, m)
			}
			got, err := render.Parse(xml, render.Lenient()) // raw attributes
			if err != nil && !render.IsWarnings(err) {
				t.Fatalf("flow %d: parsing the %s XML: %v\n%q", i, layout.name, err, xml)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("flow %d: %s round trip changed the content (-built +parsed):\n%s\n%q", i, layout.name, diff, xml)
			}
			docs = append(docs, xml)
		}
	}
	for i, v := range expatVerdicts(t, docs) {
		if v != "" {
			t.Errorf("document %d is not well formed for expat: %s\n%q", i, v, docs[i])
		}
	}
	t.Logf("%d refused, %d written", refused, written)
	if refused < 50 || written < 50 {
		t.Errorf("too few of a kind: %d refused, %d written", refused, written)
	}
}
