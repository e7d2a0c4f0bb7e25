package render

import (
	"net/url"
	"path"
	"strings"
	"testing"
)

// urlSamples are URLs of every shape plainHTTPURL meets: its own and the
// ones it leaves to url.Parse.
var urlSamples = []string{
	"", "x", "http://", "https://", "http:/x.com", "http:x.com", "//x.com", "ftp://x.com/a.mp3",
	"http://x.com", "https://x.com/", "https://media.example.com/balance.mp3", "http://x.com/a.MP3",
	"http://x.com/a.wav?x=1.mp3", "http://x.com/a.txt#b.mp3", "http://x.com#f.mp3", "http://x.com?q.wav",
	"http://x.com/a.mp3?", "http://x.com/a.mp3#", "http://x.com/dir.mp3/", "http://x.com/dir.mp3/file",
	"http://private.domain.com/rest/private_menu?token=TOKEN&lang=en",
	"http://10.0.0.1:8080/p", "http://x.com:/a.mp3", "http://x.com:80x/a.mp3", "http://:80/a.mp3",
	"http://x.com:1:2/a.mp3", "http://[::1]/a.mp3", "http://[::1]:80/a.wav", "http://[::1/a.mp3",
	"http://u@x.com/a.mp3", "http://u:p@x.com/a.mp3", "http://u@/a.mp3", "http://x_y.com/a.mp3",
	"http://x%41.com/a.mp3", "http://x.com/a%2Emp3", "http://x.com/a%zz.mp3", "http://x.com/a.mp3#%zz",
	"HTTP://X.COM/A.MP3", "Https://x.com/a.wav", "http://x .com", "https://x.com/a b.mp3",
	"http://x.com/a\x7f.mp3", "http://x.com/a\x00.mp3", "http://x.com/\tb", "http://x.com/é.mp3",
	"http://é.com/a.mp3", "http://x.com/a.mp\xff", "http://x.com/a.mp3\r\n", "http://x.com/[a].mp3",
	"http://x.com/a@b.mp3", "http://x.com/a:b.mp3", "http://x.com./a.mp3", "http://-.-/a.mp3",
	"http://x.com/.mp3", "http://x.com/a.", "http://x.com//a.wav", "http:///a.mp3", "http://x.com\\a.mp3",
}

// TestPlainHTTPURLAgreesWithParse checks the fast reading of URLs against
// url.Parse: isHTTPURL against parsedHTTPURL, and audioURLOK against the
// extension of the parsed path, on every sample.
func TestPlainHTTPURLAgreesWithParse(t *testing.T) {
	t.Parallel()
	fast := 0
	for _, s := range urlSamples {
		if _, _, ok := plainHTTPURL(s); ok {
			fast++
		}
		checkURLReadings(t, s)
	}
	if fast < 15 {
		t.Errorf("only %d samples take the fast path", fast)
	}
}

func FuzzPlainHTTPURL(f *testing.F) {
	for _, s := range urlSamples {
		f.Add(s)
	}
	f.Fuzz(checkURLReadings)
}

// checkURLReadings fails t when the fast and the parsed readings of s
// differ.
func checkURLReadings(t *testing.T, s string) {
	if got, want := isHTTPURL(s), parsedHTTPURL(s); got != want {
		t.Errorf("isHTTPURL(%q) = %v, url.Parse says %v", s, got, want)
	}
	wantOK := true
	if parsedHTTPURL(s) {
		u, err := url.Parse(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		ext := strings.ToLower(path.Ext(u.Path))
		wantOK = ext == ".mp3" || ext == ".wav"
	}
	if got := audioURLOK(s); got != wantOK {
		t.Errorf("audioURLOK(%q) = %v, want %v", s, got, wantOK)
	}
	if start, end, ok := plainHTTPURL(s); ok {
		u, err := url.Parse(s)
		if err != nil || u.Path != s[start:end] {
			t.Errorf("plainHTTPURL(%q) path %q, url.Parse: %q, %v", s, s[start:end], u.Path, err)
		}
	}
}
