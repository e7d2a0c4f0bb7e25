package render

import (
	"fmt"
	"strings"
	"testing"
)

// hostileCase is one hostile input of BenchmarkHostile and
// TestHostileCases: the document, the options it is parsed with, and the
// first error it must get.
type hostileCase struct {
	name      string
	doc       []byte
	opts      []ParseOption
	line, col int
	rule      string
}

// hostileCases returns the hostile inputs of issue 12, one class after
// the other: a 100 MB document, a million attributes, 10,000 levels of
// nesting, every C0 control but tab, LF and CR (raw and as a character
// reference, in text and in an attribute value), surrogates, overlong
// UTF-8, UTF-16 and UTF-32, and byte-order marks.
func hostileCases() []hostileCase {
	huge := make([]byte, 100<<20)
	copy(huge, "<Response>")
	hugeSays := []byte("<Response>" + strings.Repeat("<Say>hello</Say>\n", (100<<20)/17))
	attrs := []byte(manyAttrs(1_000_000, true))
	deep := []byte("<Response>\n" + strings.Repeat("<Geo>", 10_000) + strings.Repeat("</Geo>", 10_000) + "\n</Response>")
	unlimited := []ParseOption{MaxBytes(1 << 30), MaxDepth(1 << 20), MaxElements(1 << 30)}
	cases := []hostileCase{
		{"100MB/zeros", huge, nil, 1, 1, "limit"},
		{"100MB/elements", hugeSays, nil, 1, 1, "limit"},
		{"100MB/elements-no-byte-limit", hugeSays, []ParseOption{MaxBytes(1 << 30)}, 10000, 1, "limit"},
		{"1M-attributes", attrs, nil, 1, 1, "limit"},
		{"1M-attributes/no-byte-limit", attrs, []ParseOption{MaxBytes(1 << 30)}, 2, 1, "unknown-element"},
		{"1M-attributes/no-limit-lenient", attrs, []ParseOption{MaxBytes(1 << 30), Lenient()}, 2, 1, "duplicate-attribute"},
		{"10000-deep", deep, nil, 2, 1 + 5*(defaultMaxDepth-1), "limit"},
		{"10000-deep/no-limits", append(deep[:len(deep):len(deep)], "<"...), unlimited, 3, 12, "syntax"},
		{"10000-deep/unclosed", []byte(strings.Repeat("<a>", 10_000)), nil, 1, 1, "root"},
		{"10000-deep/unclosed-no-limits", []byte("<Response>" + strings.Repeat("<Geo>", 10_000)), unlimited, 1, 50_011, "syntax"},
	}
	for c := 0; c < 0x20; c++ {
		if c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		raw, hex, dec := string(rune(c)), fmt.Sprintf("&#x%X;", c), fmt.Sprintf("&#%d;", c)
		for _, pl := range []struct{ name, ch, doc string }{
			{"text", raw, "<Response>\n<Say>ab%s</Say></Response>"},
			{"attribute", raw, "<Response>\n<Say tag=\"ab%s\">x</Say></Response>"},
			{"text-hex-ref", hex, "<Response>\n<Say>ab%s</Say></Response>"},
			{"attribute-hex-ref", hex, "<Response>\n<Say tag=\"ab%s\">x</Say></Response>"},
			{"text-dec-ref", dec, "<Response>\n<Say>ab%s</Say></Response>"},
			{"attribute-dec-ref", dec, "<Response>\n<Say tag=\"ab%s\">x</Say></Response>"},
		} {
			cases = append(cases, hostileCase{
				name: fmt.Sprintf("C0/%s/%02X", pl.name, c), doc: fmt.Appendf(nil, pl.doc, pl.ch),
				line: 2, col: strings.Index(pl.doc[11:], "%s") + 1, rule: "character",
			})
		}
	}
	return append(cases, []hostileCase{
		{"surrogate/raw-high-text", []byte("<Response>\n<Say>a\xed\xa0\x80</Say></Response>"), nil, 2, 7, "character"},
		{"surrogate/raw-low-attribute", []byte("<Response>\n<Say tag=\"\xed\xbf\xbf\">a</Say></Response>"), nil, 2, 11, "character"},
		{"surrogate/hex-ref-text", []byte("<Response>\n<Say>a&#xD800;</Say></Response>"), nil, 2, 7, "character"},
		{"surrogate/dec-ref-attribute", []byte("<Response>\n<Say tag=\"&#57343;\">a</Say></Response>"), nil, 2, 11, "character"},
		{"overlong/2-byte", []byte("<Response>\n<Say>a\xc0\xafb</Say></Response>"), nil, 2, 7, "character"},
		{"overlong/3-byte", []byte("<Response>\n<Say>\xe0\x80\x80</Say></Response>"), nil, 2, 6, "character"},
		{"overlong/4-byte", []byte("<Response>\n<Say tag=\"\xf0\x80\x80\xaf\">a</Say></Response>"), nil, 2, 11, "character"},
		{"UTF-16/LE-BOM", []byte("\xff\xfe" + utf16le("<Response/>")), nil, 1, 1, "encoding"},
		{"UTF-16/BE-BOM", []byte("\xfe\xff\x00<\x00R"), nil, 1, 1, "encoding"},
		{"UTF-16/LE-no-BOM", []byte(utf16le("<Response/>")), nil, 1, 1, "encoding"},
		{"UTF-16/BE-no-BOM", []byte("\x00<\x00R"), nil, 1, 1, "encoding"},
		{"UTF-16/declared", []byte("<?xml version=\"1.0\" encoding=\"UTF-16\"?><Response/>"), nil, 1, 1, "encoding"},
		{"UTF-32/BE-BOM", []byte("\x00\x00\xfe\xff\x00\x00\x00<"), nil, 1, 1, "encoding"},
		{"UTF-32/LE-BOM", []byte("\xff\xfe\x00\x00<\x00\x00\x00"), nil, 1, 1, "encoding"},
		{"BOM/UTF-8-twice", []byte("\uFEFF\uFEFF<Response/>"), nil, 1, 1, "text"},
		{"BOM/UTF-8-then-error", []byte("\uFEFF<Response><Nope/></Response>"), nil, 1, 11, "unknown-element"},
		{"BOM/UTF-8-inside", []byte("<Response><Say>a</Say>\uFEFF</Response>"), nil, 1, 23, "text"},
	}...)
}

// TestHostileCases: every input of BenchmarkHostile gets its error, at its
// line and column.
func TestHostileCases(t *testing.T) {
	for _, c := range hostileCases() {
		_, err := Parse(c.doc, c.opts...)
		ds, ok := err.(Diagnostics)
		if !ok || !ds.HasErrors() {
			t.Errorf("%s: Parse: %v, want an error", c.name, err)
			continue
		}
		var d Diagnostic
		for _, d = range ds {
			if d.Severity == SeverityError {
				break
			}
		}
		if d.Line != c.line || d.Col != c.col || d.Rule != c.rule {
			t.Errorf("%s: first error %d:%d %s %q, want %d:%d %s", c.name, d.Line, d.Col, d.Rule, d.Message, c.line, c.col, c.rule)
		}
	}
}

// BenchmarkHostile parses each hostile input of issue 12; each must get
// its error, with a line and column, in well under 100 ms per op. The
// inputs are built once, outside the timed loop. Decode reads a generated
// 100 MB stream.
func BenchmarkHostile(b *testing.B) {
	for _, c := range hostileCases() {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, err := Parse(c.doc, c.opts...)
				ds, ok := err.(Diagnostics)
				if !ok || !ds.HasErrors() || ds[len(ds)-1].Line == 0 {
					b.Fatalf("Parse: %v, want an error with a line", err)
				}
			}
		})
	}
	b.Run("100MB/Decode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, err := Decode(&endlessDoc{n: 100 << 20})
			if ds, ok := err.(Diagnostics); !ok || len(ds) != 1 || ds[0].Line != 1 {
				b.Fatalf("Decode: %v, want the limit at 1:1", err)
			}
		}
	})
}

// BenchmarkParseCheckDeep parses and checks a document nested 10,000
// levels deep with a finding at every level (a blank Say in each DTMF
// branch), with the parser's limits raised so that the whole document is
// read and Check walks it (stopping at its own depth limit, so the
// findings are those of the first levels and the depth finding). It
// reports the time per element.
func BenchmarkParseCheckDeep(b *testing.B) {
	const n = 10_000
	doc := []byte("<Response>\n" + strings.Repeat("<Gather><DTMF value=\"1\"><Say> </Say>", n) + strings.Repeat("</DTMF></Gather>", n) + "\n</Response>")
	b.Run("10000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r, err := Parse(doc, MaxDepth(3*n), MaxElements(4*n), MaxBytes(int64(2*len(doc))))
			if err != nil {
				b.Fatalf("Parse: %v", err)
			}
			if ds := Check(r); len(ds) < maxCheckDepth/2 {
				b.Fatalf("Check: %d findings, want one a level (Gather and DTMF: two levels of depth) down to its depth limit", len(ds))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(3*n), "ns/element")
	})
}
