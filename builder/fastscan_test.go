package flow

import (
	"math/rand/v2"
	"testing"

	"github.com/opentact-go/opentact/internal/renderhook"
)

// scanCases are values on both sides of the destination and httpurl
// rules, and close to the edges of the fast scans.
var scanCases = []string{
	"", "+", "123456", "1234567", "+1234567", "123456789012345", "1234567890123456", "++1234567",
	"12223334455", "1222333445a", "1234567@host", "support1@sip.opentact.org", "sip:alice@example.com",
	"SIP:alice@example.com", "sips:alice@example.com", "sip:sip:alice@example.com", "alice@", "@host",
	"alice@host.", "alice@-host", "alice@host-", "alice@ho--st", "alice@host:5060", "alice@host:",
	"alice@[::1]", "alice@[::1]:5060", "al ice@host", "a!ce@host", "alice@ho_st", "alice@host@host",
	"alice@a..b", "alice@" + string(make([]byte, 64)), "é@host", "alice@hôst",
	"http://a", "https://a", "http://", "https://", "http:///x", "HTTP://a", "http://a:", "http://a:8080",
	"http://a:80x", "http://a:123456", "http://a/b?c=d&e=f", "http://a/b c", "http://a/%zz", "http://a/%41",
	"http://a/#x", "http://a/#x#y", "http://u@a/", "http://[::1]/", "http://a.b-c.d/x;y=z", "http://-a/",
	"https://app.example.com/menu?step=1&lang=en", "http://private.domain.com/rest/private_menu?token=TOKEN",
	"http://a/\x7f", "http://a/\n", "http://a\t/", "ftp://a/", "http:/a", "http://a?x", "http://a#f",
}

// scanAlphabet is what random values are made of: the bytes the scans
// and the rules treat specially.
const scanAlphabet = "aZ09+-._@:/?#%[]!~ sip:http://https://example.com"

// TestFastScans checks that the fast scans accept only values render's
// rules accept, on the cases above and on random strings over the bytes
// that matter.
func TestFastScans(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if fastDestination(s) && !renderhook.IsDestination(s) {
			t.Errorf("fastDestination(%q) is true, the rule says false", s)
		}
		if fastHTTPURL(s) && !renderhook.IsHTTPURL(s) {
			t.Errorf("fastHTTPURL(%q) is true, the rule says false", s)
		}
		if isDestination(s) != renderhook.IsDestination(s) || isHTTPURL(s) != renderhook.IsHTTPURL(s) {
			t.Errorf("%q: the builder's rules differ from render's", s)
		}
	}
	for _, s := range scanCases {
		check(s)
	}
	// The scans must also accept the common shapes, or they save nothing.
	for _, s := range []string{"12223334455", "+12223334455", "support1@sip.opentact.org", "sip:alice@example.com"} {
		if !fastDestination(s) {
			t.Errorf("fastDestination(%q) is false", s)
		}
	}
	for _, s := range []string{"https://app.example.com/menu?step=1&lang=en", "http://a:8080/x", "http://private.domain.com/rest/private_menu?token=TOKEN"} {
		if !fastHTTPURL(s) {
			t.Errorf("fastHTTPURL(%q) is false", s)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	prefixes := []string{"", "sip:", "http://", "https://", "+", "1234567", "a@"}
	for range 50000 {
		b := []byte(prefixes[r.IntN(len(prefixes))])
		for n := r.IntN(20); n > 0; n-- {
			b = append(b, scanAlphabet[r.IntN(len(scanAlphabet))])
		}
		check(string(b))
	}
}

// FuzzFastScans is TestFastScans on the fuzzer's values.
func FuzzFastScans(f *testing.F) {
	for _, s := range scanCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if fastDestination(s) && !renderhook.IsDestination(s) {
			t.Errorf("fastDestination(%q) is true, the rule says false", s)
		}
		if fastHTTPURL(s) && !renderhook.IsHTTPURL(s) {
			t.Errorf("fastHTTPURL(%q) is true, the rule says false", s)
		}
	})
}
