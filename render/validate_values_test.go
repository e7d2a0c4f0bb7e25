package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/opentact-go/opentact/verbs"
)

func TestValueRules(t *testing.T) {
	t.Parallel()
	cases := []struct {
		rule string
		ok   func(string) bool
		good []string
		bad  []string
	}{
		{"dtmfkeys", isDTMFKeys, []string{"1", "#", "0123456789*#ABCD"}, []string{"", "a", "1 2", "E", "١"}},
		{"dtmfkey", isDTMFKey, []string{"#", "*", "D", "0"}, []string{"", "12", "x", "d"}},
		{"dtmfvalue", isDTMFValue, []string{"1", "123", "*9#"}, []string{"", "A", "1-2", "+"}},
		{"langtag", isLangTag, []string{"en", "en-US", "es", "zh-Hant-TW", "cmn-Hans-CN", "x-klingon", "de-CH-1901"},
			[]string{"", "e", "english", "en_US", "en-", "-US", "en--US", "en-toolongsubtag", "1en", "x"}},
		{"httpurl", isHTTPURL, []string{"http://x.com", "https://x.com/a.mp3?q=1#f", "HTTPS://X.COM", "http://10.0.0.1:8080/p"},
			[]string{"", "x.com", "ftp://x.com", "http://", "http:///path", "//x.com", "http://x .com", "https://x.com/a b", "http://[::1"}},
		{"destination", isDestination,
			[]string{"sip:user@host.com", "sips:user@host.com:5061", "SIP:alice@example.org", "support1@sip.opentact.org",
				"+12223334455", "12223334455", "1234567", "123456789012345", "user@10.0.0.1", "user@[2001:db8::1]:5060", "sip:+1222@h"},
			[]string{"", "abc", "123456", "1234567890123456", "+", "+123", "++1234567", "12-23-34", "sip:", "sip:host.com",
				"user@", "@host", "user@host:", "user@host:0", "user@host:70000", "user@-host", "user@ho_st", "a b@host",
				"user@[::1", "user@[::1]x", "user@[nope]", "user@host.com:abc", "sip:a@b@c"}},
		{"usps", isUSPS, []string{"NY", "CA", "DC", "PR", "GU", "VI", "AS", "MP", "UM", "ny"}, []string{"", "XX", "N", "NYC", "AA", "ÑY"}},
		{"timerange", isTimeRange, []string{"00:00:00-23:59:59", "09:00:00-17:30:00", "22:00:00-06:00:00"},
			[]string{"", "9:00:00-17:00:00", "09:00-17:00", "24:00:00-01:00:00", "09:60:00-10:00:00", "09:00:60-10:00:00",
				"09:00:00", "09:00:00-", "09:00:00_17:00:00", "0a:00:00-17:00:00", "09:00:00-17:00:00-18:00:00"}},
		{"xml name", validXMLName, []string{"a", "_x", "x:y", "data-id", "a.b", "é", "a1", "Ω·"}, []string{"", "1a", "-a", ".a", "a b", "a>", "\xff", "a\x00"}},
	}
	for _, tc := range cases {
		t.Run(tc.rule, func(t *testing.T) {
			t.Parallel()
			for _, s := range tc.good {
				if !tc.ok(s) {
					t.Errorf("%s rejects %q", tc.rule, s)
				}
			}
			for _, s := range tc.bad {
				if tc.ok(s) {
					t.Errorf("%s accepts %q", tc.rule, s)
				}
			}
		})
	}
}

func TestParseTimeRange(t *testing.T) {
	t.Parallel()
	start, end, ok := parseTimeRange("09:30:15-17:00:01")
	if !ok || start != 9*3600+30*60+15 || end != 17*3600+1 {
		t.Errorf("parseTimeRange = %d, %d, %v", start, end, ok)
	}
}

func TestBadChar(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		off  int
		what string
	}{
		{"plain text", -1, ""},
		{"tab\tlf\ncr\r", -1, ""},
		{"é\uFFFD😀\u0085", -1, ""},
		{"\x00", 0, "the character U+0000, which XML forbids,"},
		{"ab\x1f", 2, "the character U+001F, which XML forbids,"},
		{"é\uFFFF", 2, "the character U+FFFF, which XML forbids,"},
		{"ok\xff", 2, "invalid UTF-8"},
		{"\xe2\x82", 0, "invalid UTF-8"},
		{"x\xed\xb0\x80", 1, "invalid UTF-8"},
	}
	for _, tc := range cases {
		off, what, bad := badChar(tc.in)
		if !bad {
			off = -1
		}
		if off != tc.off || what != tc.what {
			t.Errorf("badChar(%q) = %d, %q; want %d, %q", tc.in, off, what, tc.off, tc.what)
		}
	}
}

// FuzzCheckStrings puts one string in every string of a document: Check
// must not panic, and must report forbidden characters exactly when the
// string has one.
func FuzzCheckStrings(f *testing.F) {
	for _, s := range []string{"", "Hi", "a--b-", "\x00", "\xff", "sip:a@b.com", "12223334455", "en-US", "NY", "09:00:00-17:00:00", "\uFFFE", "1", "#"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := vDoc(
			&verbs.Say{Text: s, Type: verbs.SayType(s), Gender: verbs.Gender(s), Code: s, Lang: s, Tag: s},
			&verbs.Play{URL: s, Record: s, Leg: verbs.Leg(s), Tag: s},
			&verbs.Pause{DTMFStop: s, Tag: s},
			&verbs.Dial{Tag: s, Children: []verbs.DialChild{&verbs.To{Destination: s}, &verbs.Sip{Address: s}, &verbs.Number{Digits: s}}},
			&verbs.Gather{DTMFStop: s, URL: s, Tag: s, FinishOnKey: s, Callback: s, Method: verbs.Method(s),
				Children: []verbs.GatherChild{&verbs.DTMF{Value: s}, &verbs.Switch{Children: []verbs.SwitchChild{&verbs.Case{DTMF: s}}}}},
			&verbs.Callback{URL: s, Method: verbs.Method(s)},
			&verbs.Call{Field: s, Value: verbs.Some(s)},
			&verbs.Geo{States: []string{s}, County: s},
			&verbs.Schedule{Days: []verbs.Weekday{verbs.Weekday(s)}, Time: s},
			&verbs.Meta{Name: s, Text: verbs.Some(s)},
			&verbs.RecordStop{Tag: s},
			&verbs.Comment{Text: s},
			&verbs.RawElement{Name: s, Attrs: []verbs.Attr{{Name: s, Value: s}}, Children: []verbs.RawChild{&verbs.RawText{Text: s}}},
			&verbs.Hangup{Extra: []verbs.Attr{{Name: s, Value: s}}},
		)
		ds := Check(r)
		_, _, bad := badChar(s)
		found := false
		for _, d := range ds {
			if d.Severity != SeverityError && d.Severity != SeverityWarning || d.Rule == "" || d.Message == "" {
				t.Errorf("malformed finding %#v", d)
			}
			if !utf8.ValidString(d.Message) {
				t.Errorf("message is not valid UTF-8: %q", d.Message)
			}
			found = found || d.Rule == "xml-char"
		}
		if found != bad {
			t.Errorf("xml-char reported %v, want %v", found, bad)
		}
	})
}

// TestPrintableASCII checks the word-at-a-time scan of Check's character
// rule: every byte value at every offset of values up to 39 bytes long,
// and that what it lets through badChar also accepts.
func TestPrintableASCII(t *testing.T) {
	t.Parallel()
	for n := 0; n < 40; n++ {
		for at := 0; at < n; at++ {
			for b := 0; b < 256; b++ {
				v := []byte(strings.Repeat("a", n))
				v[at] = byte(b)
				s := string(v)
				want := b >= 0x20 && b < 0x80
				if got := printableASCII(s); got != want {
					t.Fatalf("printableASCII(%q) = %v, want %v", s, got, want)
				}
				if _, _, bad := badChar(s); want && bad {
					t.Fatalf("badChar rejects %q, which printableASCII accepts", s)
				}
			}
		}
	}
	if !printableASCII("") || !printableASCII("Thank you for calling Opentact. ~\x7f") {
		t.Error("printableASCII rejects printable ASCII")
	}
}

// destinationSamples are destinations in and out of the fast reading of
// isDestination: ASCII schemes in any case, non-ASCII bytes where
// strings.ToLower would change the length of the value.
var destinationSamples = []string{
	"", "s", "sip", "sip:", "SIP:a@b", "SiPs:a@b:5061", "sips:", "sip:a@b", "a@b", "1234567", "+1234567",
	"support1@sip.opentact.org", "sip:billing@sip.opentact.org", "\u0130@b", "s\u0130p:a@b", "S\u0130PS:a@b",
	"sip:\u0130@b", "\xffsip:a@b", "sip\xff:a@b", "\u212Aa@b", "sİp:user@host.com", "sips\u0130:a@b", "a b@c",
	"us(e)r!~*'&=+$,;?/%@host", "us\x1ar@host", "u\xc1@host", "[u]@host", "u@h\u0130st",
	"u@a.", "u@.", "u@..", "u@a..b", "u@-a.b", "u@a-.b", "u@a.-b", "u@a-b.c-d", "u@a_b", "u@" + strings.Repeat("a", 63) + ".b",
	"u@" + strings.Repeat("a", 64) + ".b", "u@" + strings.Repeat("a.", 126) + "a", "u@" + strings.Repeat("a.", 127),
}

// TestIsDestinationAgreesWithLower checks the ASCII scheme matching of
// isDestination against matching the lower-case value.
func TestIsDestinationAgreesWithLower(t *testing.T) {
	t.Parallel()
	for _, s := range destinationSamples {
		checkDestinationReadings(t, s)
	}
}

func FuzzIsDestination(f *testing.F) {
	for _, s := range destinationSamples {
		f.Add(s)
	}
	f.Fuzz(checkDestinationReadings)
}

func checkDestinationReadings(t *testing.T, s string) {
	if got, want := isDestination(s), isDestinationLower(s); got != want {
		t.Errorf("isDestination(%q) = %v, by strings.ToLower %v", s, got, want)
	}
	user, _, _ := strings.Cut(s, "@")
	want := true // onlyUserChars as it was written before its byte table
	for i := 0; i < len(user); i++ {
		c := user[i]
		if !(c >= '0' && c <= '9') && !asciiLetters(user[i:i+1]) && !strings.ContainsRune("-_.!~*'()&=+$,;?/%", rune(c)) {
			want = false
		}
	}
	if got := onlyUserChars(user); got != want {
		t.Errorf("onlyUserChars(%q) = %v, want %v", user, got, want)
	}
	for _, h := range []string{s, s[strings.IndexByte(s, '@')+1:]} {
		if got, want := isHostName(h), labelsHostName(h); got != want {
			t.Errorf("isHostName(%q) = %v, read label by label %v", h, got, want)
		}
	}
}

// labelsHostName is isHostName as it was written before its one pass.
func labelsHostName(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for rest, more := strings.TrimSuffix(s, "."), true; more; {
		var label string
		label, rest, more = strings.Cut(rest, ".")
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if c != '-' && !(c >= '0' && c <= '9') && !asciiLetters(label[i:i+1]) {
				return false
			}
		}
	}
	return true
}
