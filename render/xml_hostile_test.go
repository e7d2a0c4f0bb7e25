package render

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/verbs"
)

// firstFinding parses doc and returns its first error (its first finding
// when it has no error), failing t when the document is accepted.
func firstFinding(t *testing.T, doc string, opts ...ParseOption) Diagnostic {
	t.Helper()
	_, err := Parse([]byte(doc), opts...)
	ds, ok := err.(Diagnostics)
	if !ok || len(ds) == 0 {
		t.Fatalf("Parse: %v, want a finding", err)
	}
	for _, d := range ds {
		if d.Severity == SeverityError {
			return d // lenient parsing's warnings come before the error
		}
	}
	return ds[0]
}

// wantFinding checks a finding's line, column, rule and a part of its
// message.
func wantFinding(t *testing.T, what string, d Diagnostic, line, col int, rule, msg string) {
	t.Helper()
	if d.Line != line || d.Col != col || d.Rule != rule || !strings.Contains(d.Message, msg) {
		t.Errorf("%s: finding %d:%d %s %q, want %d:%d %s with %q", what, d.Line, d.Col, d.Rule, d.Message, line, col, rule, msg)
	}
}

// endlessDoc is a reader of a document of n bytes, generated as it is
// read: a start tag, then Say elements. It counts the bytes read.
type endlessDoc struct {
	n, read int64
}

func (r *endlessDoc) Read(p []byte) (int, error) {
	if r.read >= r.n {
		return 0, io.EOF
	}
	const unit = "<Say>hello</Say>\n"
	k := 0
	for k < len(p) && r.read < r.n {
		var c byte
		if r.read < int64(len("<Response>")) {
			c = "<Response>"[r.read]
		} else {
			c = unit[(r.read-int64(len("<Response>")))%int64(len(unit))]
		}
		p[k] = c
		k++
		r.read++
	}
	return k, nil
}

// TestHostileHugeDocument: a 100 MB document is refused by the MaxBytes
// limit, and Decode reads no more than the limit and one byte.
func TestHostileHugeDocument(t *testing.T) {
	const size = 100 << 20
	r := &endlessDoc{n: size}
	_, err := Decode(r)
	ds, ok := err.(Diagnostics)
	if !ok || len(ds) != 1 {
		t.Fatalf("Decode: %v, want one finding", err)
	}
	wantFinding(t, "Decode", ds[0], 1, 1, "limit", "more than the MaxBytes limit of 1048576 bytes")
	if r.read > defaultMaxBytes+1<<16 {
		t.Errorf("Decode read %d bytes of the document; the limit is %d", r.read, defaultMaxBytes)
	}
	doc := make([]byte, size)
	copy(doc, "<Response>")
	_, err = Parse(doc)
	if ds, ok := err.(Diagnostics); !ok || len(ds) != 1 {
		t.Fatalf("Parse: %v, want one finding", err)
	} else {
		wantFinding(t, "Parse", ds[0], 1, 1, "limit", "MaxBytes")
	}
}

// manyAttrs returns a document whose <Foo> element has n attributes, the
// last repeating the name of the first when dup is set.
func manyAttrs(n int, dup bool) string {
	var b strings.Builder
	b.WriteString("<Response>\n<Foo")
	for i := range n - 1 {
		fmt.Fprintf(&b, " a%d=\"\"", i)
	}
	if dup {
		b.WriteString(` a0=""`)
	} else {
		fmt.Fprintf(&b, " a%d=\"\"", n-1)
	}
	b.WriteString("/>\n</Response>")
	return b.String()
}

// TestHostileManyAttributes: a million attributes are over the byte limit;
// with the limit raised, a repeated name at the end is found (the names are
// checked with a map, in linear time), and 100,000 are all kept.
func TestHostileManyAttributes(t *testing.T) {
	doc := manyAttrs(1_000_000, true)
	wantFinding(t, "default limits", firstFinding(t, doc), 1, 1, "limit", "MaxBytes")
	big := MaxBytes(2 * int64(len(doc)))
	d := firstFinding(t, doc, big, Lenient())
	wantFinding(t, "repeated attribute", d, 2, 1, "duplicate-attribute", "attribute a0 is repeated")
	if d.Path != "/Response/Foo[1]/@a0" {
		t.Errorf("path %q", d.Path)
	}
	r, err := Parse([]byte(manyAttrs(100_000, false)), big, Lenient())
	if err != nil {
		t.Fatal(err)
	}
	if raw := r.Commands[0].(*verbs.RawElement); len(raw.Attrs) != 100_000 {
		t.Errorf("%d attributes read", len(raw.Attrs))
	}
}

// TestHostileDeepNesting: 10,000 nested elements stop at the MaxDepth
// limit, at the first element too deep.
func TestHostileDeepNesting(t *testing.T) {
	const n = 10_000
	doc := "<Response>\n" + strings.Repeat("<Geo>", n) + strings.Repeat("</Geo>", n) + "\n</Response>"
	d := firstFinding(t, doc)
	wantFinding(t, "depth", d, 2, 1+5*(defaultMaxDepth-1), "limit", "nested deeper than 64 levels")
	d = firstFinding(t, strings.Repeat("<a>", n))
	wantFinding(t, "unclosed", d, 1, 1, "root", "the root element is <a>")
}

// TestHostileControls: every C0 control but tab, LF and CR is refused
// wherever it stands, at its own line and column.
func TestHostileControls(t *testing.T) {
	places := []struct {
		name, doc string
		col       int // of the control
	}{
		{"text", "<Response>\n<Say>ab%s</Say></Response>", 8},
		{"attribute", "<Response>\n<Say tag=\"ab%s\">x</Say></Response>", 13},
		{"comment", "<Response>\n<!--ab%s--></Response>", 7},
		{"CDATA", "<Response>\n<Say><![CDATA[ab%s]]></Say></Response>", 17},
		{"character reference", "<Response>\n<Say>ab%s</Say></Response>", 8},
	}
	for c := 0; c < 0x20; c++ {
		if c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		for _, pl := range places {
			ch := string(rune(c))
			if pl.name == "character reference" {
				ch = fmt.Sprintf("&#x%X;", c)
			}
			d := firstFinding(t, fmt.Sprintf(pl.doc, ch))
			wantFinding(t, fmt.Sprintf("%U in %s", c, pl.name), d, 2, pl.col, "character", fmt.Sprintf("U+%04X", c))
		}
	}
}

// utf16le returns the ASCII string s encoded as UTF-16LE.
func utf16le(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		b.WriteByte(0)
	}
	return b.String()
}

// TestHostileEncodings: surrogates raw and as references, overlong UTF-8,
// UTF-16 with and without a byte-order mark, and UTF-8's byte-order mark.
func TestHostileEncodings(t *testing.T) {
	tests := []struct {
		name, doc string
		line, col int
		rule, msg string
	}{
		{"raw surrogate", "<Response>\n<Say>a\xed\xa0\x80</Say></Response>", 2, 7, "character", "the surrogate U+D800 encoded as UTF-8"},
		{"raw low surrogate", "<Response>\n<Say tag=\"\xed\xbf\xbf\">a</Say></Response>", 2, 11, "character", "the surrogate U+DFFF"},
		{"surrogate reference", "<Response>\n<Say>a&#xD800;</Say></Response>", 2, 7, "character", "names the surrogate U+D800"},
		{"decimal surrogate reference", "<Response>\n<Say>&#57343;</Say></Response>", 2, 6, "character", "names the surrogate U+DFFF"},
		{"overlong slash", "<Response>\n<Say>a\xc0\xafb</Say></Response>", 2, 7, "character", "overlong encoding"},
		{"overlong NUL", "<Response>\n<Say>\xe0\x80\x80</Say></Response>", 2, 6, "character", "overlong encoding"},
		{"overlong four bytes", "<Response>\n<!-- \xf0\x80\x80\xaf --></Response>", 2, 6, "character", "overlong encoding"},
		{"beyond U+10FFFF", "<Response>\n<Say>\xf4\x90\x80\x80</Say></Response>", 2, 6, "character", "beyond U+10FFFF"},
		{"truncated", "<Response>\n<Say>\xe2\x82</Say></Response>", 2, 6, "character", "invalid UTF-8"},
		{"U+FFFE", "<Response>\n<Say>\uFFFE</Say></Response>", 2, 6, "character", "U+FFFE is not allowed"},
		{"invalid UTF-8 in a name", "<Response>\n<Sa\xffy/></Response>", 2, 4, "character", "invalid UTF-8"},
		{"invalid UTF-8 in the declaration", "<?xml version=\"1.0\" \xff?><Response/>", 1, 21, "character", "invalid UTF-8"},
		{"invalid UTF-8 in the encoding", "<?xml version=\"1.0\" encoding=\"UTF-8\xff\"?><Response/>", 1, 36, "character", "invalid UTF-8"},
		{"garbage in the declaration", "<?xml version=\"1.0\" junk?><Response/>", 1, 21, "syntax", "malformed XML declaration"},
		{"UTF-16LE with BOM", "\xff\xfe" + utf16le("<Response/>"), 1, 1, "encoding", "UTF-16"},
		{"UTF-16BE with BOM", "\xfe\xff\x00<\x00R", 1, 1, "encoding", "UTF-16"},
		{"UTF-16LE without BOM", utf16le("<Response/>"), 1, 1, "encoding", "UTF-16 without a byte-order mark"},
		{"UTF-16BE without BOM", "\x00<\x00R", 1, 1, "encoding", "UTF-16 without a byte-order mark"},
		{"UTF-32BE with BOM", "\x00\x00\xfe\xff\x00\x00\x00<", 1, 1, "encoding", "UTF-32 (it starts with a UTF-32 byte-order mark)"},
		{"UTF-32LE with BOM", "\xff\xfe\x00\x00<\x00\x00\x00", 1, 1, "encoding", "UTF-32 (it starts with a UTF-32 byte-order mark)"},
		{"UTF-32BE without BOM", "\x00\x00\x00<\x00\x00\x00R", 1, 1, "encoding", "UTF-32 without a byte-order mark"},
		{"UTF-32LE without BOM", "<\x00\x00\x00R\x00\x00\x00", 1, 1, "encoding", "UTF-32 without a byte-order mark"},
		{"declared UTF-16", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><Response/>", 1, 1, "encoding", `encoding "UTF-16" is not supported`},
		{"UTF-8 BOM, then an error", "\uFEFF<Response><Nope/></Response>", 1, 11, "unknown-element", "<Nope>"},
		{"UTF-8 BOM twice", "\uFEFF\uFEFF<Response/>", 1, 1, "text", "outside the root"},
	}
	for _, tt := range tests {
		d := firstFinding(t, tt.doc)
		wantFinding(t, tt.name, d, tt.line, tt.col, tt.rule, tt.msg)
	}
	for _, doc := range []string{"\uFEFF<Response/>", "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response/>"} {
		if _, err := Parse([]byte(doc)); err != nil {
			t.Errorf("%q: %v", doc, err)
		}
	}
}

// TestInvalidUTF8Positions: a byte that is not UTF-8 is reported at its
// line and column wherever it stands.
func TestInvalidUTF8Positions(t *testing.T) {
	for _, tt := range []struct {
		doc       string
		line, col int
	}{
		{"<Response>\r\n  <Say>\xff</Say></Response>", 2, 8},
		{"<Response>\r  <Say tag=\"x\xff\">a</Say></Response>", 2, 14},
		{"<Response>\n\n<!-- \xc3 --></Response>", 3, 6},
		{"<Response>\n<Say><![CDATA[\xff]]></Say></Response>", 2, 15},
		{"<Response>\n<Say \xff=\"1\"/></Response>", 2, 6},
		{"<Response>\n<Say>a</Say\xff></Response>", 2, 12},
		{"<Response/>\n\xff", 2, 1},
		{"\xff<Response/>", 1, 1},
		{"<Response>\n<?pi \xff?></Response>", 2, 6},
	} {
		d := firstFinding(t, tt.doc)
		if d.Line != tt.line || d.Col != tt.col || !strings.Contains(d.Message, "UTF-8") {
			t.Errorf("%q: finding %d:%d %q, want %d:%d invalid UTF-8", tt.doc, d.Line, d.Col, d.Message, tt.line, tt.col)
		}
	}
}

// TestFindingCaps: a document with a finding for each of thousands of
// attributes gets the first 100 errors and a last one saying the rest is
// not read; warnings stop at 1,000.
func TestFindingCaps(t *testing.T) {
	var b strings.Builder
	b.WriteString("<Response><Say")
	for i := range 5000 {
		fmt.Fprintf(&b, " x%d=\"\"", i)
	}
	b.WriteString(">a</Say></Response>")
	_, err := Parse([]byte(b.String()))
	ds, _ := err.(Diagnostics)
	if len(ds) != maxParseErrors+1 {
		t.Fatalf("%d findings, want %d", len(ds), maxParseErrors+1)
	}
	wantFinding(t, "last", ds[len(ds)-1], 1, 11, "limit", "100 errors: the rest of the document is not read")
	b.Reset()
	b.WriteString("<Response>")
	for range 1500 {
		b.WriteString(`<Hangup tag=""/>`)
	}
	b.WriteString("</Response>")
	d, err := ParseDocument([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Warnings); n != maxParseWarnings {
		t.Fatalf("%d warnings, want %d", n, maxParseWarnings)
	}
	if last := d.Warnings[len(d.Warnings)-1]; last.Rule != "limit" || !strings.Contains(last.Message, "no more are reported") {
		t.Errorf("last warning %v", last)
	}
}
