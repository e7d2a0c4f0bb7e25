package render

import (
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/opentact-go/opentact/verbs"
)

func TestAppendEscaped(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		in       string
		attr     bool
		want     string
		wantFail int
	}{
		{"empty text", "", false, "", -1},
		{"empty attr", "", true, "", -1},
		{"plain", "Hello, world", false, "Hello, world", -1},
		{"ampersand", "a&b", false, "a&amp;b", -1},
		{"less", "a<b", false, "a&lt;b", -1},
		{"greater", "a>b", false, "a&gt;b", -1},
		{"cdata end", "]]>", false, "]]&gt;", -1},
		{"quotes in text", `"a" 'b'`, false, `"a" 'b'`, -1},
		{"tab and LF in text", "a\tb\nc", false, "a\tb\nc", -1},
		{"CR in text", "a\rb\r\n", false, "a&#xD;b&#xD;\n", -1},
		{"ampersand attr", "a&b", true, "a&amp;b", -1},
		{"less attr", "a<b", true, "a&lt;b", -1},
		{"greater attr", "a>b", true, "a>b", -1},
		{"double quote attr", `say "hi"`, true, "say &quot;hi&quot;", -1},
		{"single quote attr", "it's", true, "it's", -1},
		{"tab attr", "a\tb", true, "a&#x9;b", -1},
		{"LF attr", "a\nb", true, "a&#xA;b", -1},
		{"CR attr", "a\rb", true, "a&#xD;b", -1},
		{"all specials attr", "&<>\"\t\n\r'", true, "&amp;&lt;>&quot;&#x9;&#xA;&#xD;'", -1},
		{"all specials text", "&<>\"\t\n\r'", false, "&amp;&lt;&gt;\"\t\n&#xD;'", -1},
		{"entity-looking text", "&amp; &#x41;", false, "&amp;amp; &amp;#x41;", -1},
		{"non-ASCII", "café ☕ 𝄞", true, "café ☕ 𝄞", -1},
		{"DEL and C1 allowed", "\x7f\u0085\u009f", false, "\x7f\u0085\u009f", -1},
		{"U+FFFD allowed", "\uFFFD", false, "\uFFFD", -1},
		{"highest code point", "\U0010FFFF", true, "\U0010FFFF", -1},
		{"edge of surrogates", "\uD7FF\uE000", false, "\uD7FF\uE000", -1},
		{"NUL", "ab\x00", false, "", 2},
		{"escape character", "\x1b[1m", true, "", 0},
		{"vertical tab", "a\vb", false, "", 1},
		{"form feed", "a\fb", true, "", 1},
		{"U+FFFE", "ok \uFFFE", false, "", 3},
		{"U+FFFF", "\uFFFF", true, "", 0},
		{"lone continuation byte", "a\x80", false, "", 1},
		{"truncated sequence", "é\xe2\x82", false, "", 2},
		{"overlong encoding", "\xc0\xaf", true, "", 0},
		{"encoded surrogate", "x\xed\xa0\x80", false, "", 1},
		{"beyond U+10FFFF", "\xf4\x90\x80\x80", false, "", 0},
		{"bad after escape", "&\xff", true, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, bad := appendEscaped([]byte("pre:"), tt.in, tt.attr)
			if bad != tt.wantFail {
				t.Fatalf("appendEscaped(%q) failed at %d, want %d", tt.in, bad, tt.wantFail)
			}
			if at := invalidCharAt(tt.in); at != tt.wantFail {
				t.Errorf("invalidCharAt(%q) = %d, want %d", tt.in, at, tt.wantFail)
			}
			if bad < 0 && string(got) != "pre:"+tt.want {
				t.Errorf("appendEscaped(%q, attr=%v) = %q, want %q", tt.in, tt.attr, got[4:], tt.want)
			}
		})
	}
}

func TestInvalidCharReason(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string
	}{
		{"\x00", "character U+0000 not allowed in XML"},
		{"a\x1f", "character U+001F not allowed in XML"},
		{"\uFFFE", "character U+FFFE not allowed in XML"},
		{"\xff", "invalid UTF-8"},
		{"\xed\xbf\xbf", "invalid UTF-8"},
		{"\xe2\x82", "invalid UTF-8"},
	}
	for _, tt := range tests {
		i := invalidCharAt(tt.in)
		if i < 0 {
			t.Errorf("invalidCharAt(%q) found nothing", tt.in)
			continue
		}
		if got := invalidCharReason(tt.in, i); got != tt.want {
			t.Errorf("invalidCharReason(%q, %d) = %q, want %q", tt.in, i, got, tt.want)
		}
	}
}

// TestEscapeControls checks every C0 control: tab, LF and CR are escaped,
// the others refused.
func TestEscapeControls(t *testing.T) {
	t.Parallel()
	for c := range byte(0x20) {
		s := "x" + string(rune(c))
		_, bad := appendEscaped(nil, s, true)
		allowed := c == '\t' || c == '\n' || c == '\r'
		if allowed && bad >= 0 {
			t.Errorf("%#x refused", c)
		}
		if !allowed && bad != 1 {
			t.Errorf("%#x: failure at %d, want 1", c, bad)
		}
	}
}

// escapeSamples are strings that stress the escaping: every special
// character, each alone and in runs, every ASCII byte, and non-ASCII text.
func escapeSamples() []string {
	s := []string{
		"", " ", "  lead and trail  ", "&", "<", ">", `"`, "'", "\t", "\n", "\r", "\r\n", "\n\r",
		"&&<<>>", `"'"'`, "]]>", "<![CDATA[x]]>", "<!-- c -->", "&amp;", "&#38;", "&#xD;", "&lt;tag&gt;",
		"a\tb\nc\rd", "\t\n\r \t\n\r", "%3Cx%3E", "https://example.com/a?b=1&c=<2>&d=\"3\"",
		"日本語テキスト", "emoji 👋🏽 zwj 👨‍👩‍👧", "\u00a0\u2028\u2029", "\uFEFF bom", "\U0010FFFF\uE000\uD7FF",
		"\x00", "\x08", "\x0b", "\x1f", "\uFFFE", "\uFFFF", "\xff", "\xc3", "\xed\xa0\x80", "ok\xe2\x82\xacok\xe2\x82",
	}
	for c := range 128 {
		s = append(s, string(rune(c)), "a"+string(rune(c))+"b")
	}
	return s
}

// TestEscapeDecodes writes each sample as an attribute value and as text,
// and checks that encoding/xml reads both back unchanged, or that the
// sample holds a character XML cannot carry and is refused.
func TestEscapeDecodes(t *testing.T) {
	t.Parallel()
	for _, s := range escapeSamples() {
		checkEscapeDecodes(t, s)
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range escapeSamples() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkEscapeDecodes(t, s)
		checkAppendValue(t, s)
	})
}

// checkEscapeDecodes checks appendEscaped on s, as an attribute value and
// as text, against encoding/xml.
func checkEscapeDecodes(t *testing.T, s string) {
	t.Helper()
	doc := []byte(`<a v="`)
	doc, badAttr := appendEscaped(doc, s, true)
	doc = append(doc, `">`...)
	doc, badText := appendEscaped(doc, s, false)
	doc = append(doc, "</a>"...)

	want := invalidCharAt(s)
	if badAttr != want || badText != want {
		t.Fatalf("%q: refused at %d (attribute) and %d (text), want %d", s, badAttr, badText, want)
	}
	if want >= 0 {
		if utf8.ValidString(s) && !strings.ContainsFunc(s, forbiddenRune) {
			t.Fatalf("%q: refused at %d but holds no forbidden character", s, want)
		}
		return
	}
	var got struct {
		V    string `xml:"v,attr"`
		Text string `xml:",chardata"`
	}
	if err := xml.Unmarshal(doc, &got); err != nil {
		t.Fatalf("%q: encoding/xml refuses %q: %v", s, doc, err)
	}
	if got.V != s || got.Text != s {
		t.Fatalf("%q: decoded attribute %q and text %q from %q", s, got.V, got.Text, doc)
	}
}

// forbiddenRune reports the characters XML 1.0 forbids in a valid UTF-8
// string, from the Char production.
func forbiddenRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r == 0xFFFE, r == 0xFFFF:
		return true
	}
	return false
}

// checkAppendValue puts s into a document as a Say text and a Meta value,
// and checks that Append either writes it so that encoding/xml reads it
// back, or refuses it with the path and offset of the bad character.
func checkAppendValue(t *testing.T, s string) {
	t.Helper()
	r := doc(&verbs.Hangup{}, &verbs.Meta{Name: "n", Value: verbs.Some(s)}, &verbs.Say{Text: s})
	out, err := Append(nil, r, Compact())
	if bad := invalidCharAt(s); bad >= 0 {
		var we *WriteError
		if !errors.As(err, &we) || we.Path != "/Response/Meta[1]/@value" || we.Offset != bad {
			t.Fatalf("%q: Append error %v, want a WriteError at /Response/Meta[1]/@value byte %d", s, err, bad)
		}
		return
	}
	if err != nil {
		t.Fatalf("%q: Append: %v", s, err)
	}
	var got struct {
		Meta struct {
			Value string `xml:"value,attr"`
		}
		Say string
	}
	if err := xml.Unmarshal(out, &got); err != nil {
		t.Fatalf("%q: encoding/xml refuses %q: %v", s, out, err)
	}
	if got.Meta.Value != s || got.Say != s {
		t.Fatalf("%q: decoded Meta value %q and Say %q from %q", s, got.Meta.Value, got.Say, out)
	}
}

func TestInvalidNameAt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		want int
	}{
		{"Say", -1},
		{"a", -1},
		{"_x", -1},
		{"x-y.z_0", -1},
		{"ns:el", -1},
		{":", -1},
		{"Ünïcödé", -1},
		{"日本", -1},
		{"a·b", -1},
		{"", 0},
		{"1st", 0},
		{"-x", 0},
		{".x", 0},
		{"·x", 0},
		{"a b", 1},
		{"a=b", 1},
		{"a\"", 1},
		{"a>", 1},
		{"a/", 1},
		{"ab\xff", 2},
		{"a\x00", 1},
		{"a×b", 1},
	}
	for _, tt := range tests {
		if got := invalidNameAt(tt.name); got != tt.want {
			t.Errorf("invalidNameAt(%q) = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestEscapeEveryByteAtEveryPlace puts each byte value at each place of
// plain strings of 1 to 24 bytes, so that appendEscaped and invalidCharAt
// meet it inside, at the edges of and after the 8-byte words they skip, and
// compares both with a rune-by-rune reference.
func TestEscapeEveryByteAtEveryPlace(t *testing.T) {
	t.Parallel()
	for n := 1; n <= 24; n++ {
		for at := range n {
			for b := range 256 {
				s := []byte(strings.Repeat("a", n))
				s[at] = byte(b)
				for _, attr := range []bool{false, true} {
					want, wantBad := referenceEscape(string(s), attr)
					got, bad := appendEscaped(nil, string(s), attr)
					if bad != wantBad || bad < 0 && string(got) != want {
						t.Fatalf("appendEscaped(%q, attr=%v) = %q, %d; want %q, %d", s, attr, got, bad, want, wantBad)
					}
				}
				if _, wantBad := referenceEscape(string(s), false); invalidCharAt(string(s)) != wantBad {
					t.Fatalf("invalidCharAt(%q) = %d, want %d", s, invalidCharAt(string(s)), wantBad)
				}
			}
		}
	}
}

// referenceEscape escapes s rune by rune, the plain way appendEscaped must
// agree with.
func referenceEscape(s string, attr bool) (string, int) {
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") || forbiddenRune(r) {
			return "", i
		}
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case !attr && r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;")
		case attr && r == '"':
			b.WriteString("&quot;")
		case attr && r == '\t':
			b.WriteString("&#x9;")
		case attr && r == '\n':
			b.WriteString("&#xA;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), -1
}
