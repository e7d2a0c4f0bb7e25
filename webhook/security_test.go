package webhook

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
)

// okHandler answers 200 "ok".
var okHandler = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok")) })

// sourceRequest sends one request from peer through the middleware.
func sourceRequest(t *testing.T, mw func(http.Handler) http.Handler, peer string, header http.Header) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "/hooks/calls", nil)
	r.RemoteAddr = peer
	for k, vs := range header {
		r.Header[k] = vs
	}
	w := httptest.NewRecorder()
	mw(okHandler).ServeHTTP(w, r)
	return w
}

// TestAllowSourcesSpecTable runs the normative table of §8.4 of the spec.
func TestAllowSourcesSpecTable(t *testing.T) {
	t.Parallel()
	tests := []struct {
		peer, xff string
		allowed   bool
		addr      string // the address the SourceError names, when denied
	}{
		{"72.21.26.35:443", "", true, ""},
		{"[::ffff:72.21.26.35]:443", "", true, ""},
		{"198.51.100.9:443", "72.21.26.35", false, "198.51.100.9"},
		{"203.0.113.5:443", "72.21.26.35, 198.51.100.7", false, "198.51.100.7"},
		{"203.0.113.5:443", "198.51.100.7, 72.21.26.35", true, ""},
		{"203.0.113.5:443", "198.51.100.7, 72.21.26.35, 203.0.113.6", true, ""},
		{"203.0.113.5:443", "not-an-ip", false, ""},
		{"203.0.113.5:443", "", false, "203.0.113.5"},
	}
	for _, tt := range tests {
		t.Run(tt.peer+" "+tt.xff, func(t *testing.T) {
			t.Parallel()
			rec := &errRecorder{}
			mw, err := AllowSources(OpentactSources, WithTrustedProxies(netip.MustParsePrefix("203.0.113.0/24")),
				WithSourceErrorHook(rec.hook))
			if err != nil {
				t.Fatal(err)
			}
			var h http.Header
			if tt.xff != "" {
				h = http.Header{"X-Forwarded-For": {tt.xff}}
			}
			w := sourceRequest(t, mw, tt.peer, h)
			if tt.allowed {
				same(t, "status", w.Code, http.StatusOK)
				same(t, "body", w.Body.String(), "ok")
				same(t, "hook calls", len(rec.list()), 0)
				return
			}
			same(t, "status", w.Code, http.StatusForbidden)
			same(t, "body", w.Body.String(), "forbidden\n")
			errs := rec.list()
			var se *SourceError
			if len(errs) != 1 || !errors.As(errs[0], &se) {
				t.Fatalf("hook got %v, want one *SourceError", errs)
			}
			if tt.addr != "" {
				same(t, "Addr", se.Addr, netip.MustParseAddr(tt.addr))
				same(t, "Error()", se.Error(), "webhook: source address "+tt.addr+" is not allowed")
			} else {
				if se.Addr.IsValid() || errors.Unwrap(se) == nil {
					t.Errorf("SourceError = %+v, want no address and a reason", se)
				}
				same(t, "Error()", se.Error(), `webhook: source address rejected: X-Forwarded-For entry 1: "not-an-ip" is not an IP address`)
			}
		})
	}
}

func TestAllowSourcesAddresses(t *testing.T) {
	t.Parallel()
	v6 := netip.MustParsePrefix("2001:db8::/32")
	proxies := WithTrustedProxies(netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("fd00::/8"))
	tests := []struct {
		name    string
		opts    []SourceOption
		peer    string
		header  http.Header
		allowed bool
	}{
		{"IPv6 peer", nil, "[2001:db8::1]:443", nil, true},
		{"peer without a port", nil, "2001:db8::2", nil, true},
		{"unparsable peer", nil, "somewhere", nil, false},
		{"IPv6 hop with port", []SourceOption{proxies}, "10.1.1.1:80", http.Header{"X-Forwarded-For": {"[2001:db8::1]:443"}}, true},
		{"bracketed IPv6 hop", []SourceOption{proxies}, "10.1.1.1:80", http.Header{"X-Forwarded-For": {"[2001:db8::1]"}}, true},
		{"IPv4 hop with port", []SourceOption{proxies}, "10.1.1.1:80", http.Header{"X-Forwarded-For": {"192.0.2.1:1234"}}, true},
		{"header lines joined", []SourceOption{proxies}, "10.1.1.1:80",
			http.Header{"X-Forwarded-For": {"198.51.100.1", "2001:db8::5, fd00::1"}}, true},
		{"untrusted hop in an earlier line", []SourceOption{proxies}, "10.1.1.1:80",
			http.Header{"X-Forwarded-For": {"2001:db8::5", "198.51.100.1, fd00::1"}}, false},
		{"all hops trusted: leftmost", []SourceOption{proxies}, "10.1.1.1:80",
			http.Header{"X-Forwarded-For": {"10.0.0.2, 10.0.0.3"}}, false},
		{"empty entry", []SourceOption{proxies}, "10.1.1.1:80", http.Header{"X-Forwarded-For": {"2001:db8::1, "}}, false},
		{"custom header", []SourceOption{proxies, WithClientIPHeader("x-real-ip")}, "10.1.1.1:80",
			http.Header{"X-Real-Ip": {" 2001:db8::9 "}, "X-Forwarded-For": {"198.51.100.1"}}, true},
		{"custom header repeated", []SourceOption{proxies, WithClientIPHeader("X-Real-IP")}, "10.1.1.1:80",
			http.Header{"X-Real-Ip": {"2001:db8::9", "2001:db8::8"}}, false},
		{"custom header garbage", []SourceOption{proxies, WithClientIPHeader("X-Real-IP")}, "10.1.1.1:80",
			http.Header{"X-Real-Ip": {"2001:db8::9, 2001:db8::8"}}, false},
		{"custom header absent", []SourceOption{proxies, WithClientIPHeader("X-Real-IP")}, "10.1.1.1:80", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := &errRecorder{}
			mw, err := AllowSources([]netip.Prefix{v6, netip.MustParsePrefix("192.0.2.0/24")}, append(tt.opts, WithSourceErrorHook(rec.hook))...)
			if err != nil {
				t.Fatal(err)
			}
			w := sourceRequest(t, mw, tt.peer, tt.header)
			want := http.StatusForbidden
			if tt.allowed {
				want = http.StatusOK
			}
			same(t, "status", w.Code, want)
			same(t, "hook calls", len(rec.list()), map[bool]int{true: 0, false: 1}[tt.allowed])
		})
	}
}

func TestAllowSourcesMappedPrefix(t *testing.T) {
	t.Parallel()
	mw, err := AllowSources([]netip.Prefix{netip.MustParsePrefix("::ffff:72.21.26.0/120")}, WithSourceErrorHook(func(*http.Request, error) {}))
	if err != nil {
		t.Fatal(err)
	}
	same(t, "IPv4 peer", sourceRequest(t, mw, "72.21.26.99:443", nil).Code, http.StatusOK)
	same(t, "other peer", sourceRequest(t, mw, "72.21.27.1:443", nil).Code, http.StatusForbidden)
}

func TestAllowSourcesErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		allowed []netip.Prefix
		opts    []SourceOption
		msg     string
	}{
		{"empty allow-list", nil, nil, "webhook: AllowSources: empty allow-list"},
		{"invalid prefix", []netip.Prefix{{}}, nil, "webhook: AllowSources: invalid prefix invalid Prefix"},
		{"invalid proxy", OpentactSources, []SourceOption{WithTrustedProxies(netip.Prefix{})}, "webhook: WithTrustedProxies: invalid prefix invalid Prefix"},
		{"empty header", OpentactSources, []SourceOption{WithClientIPHeader(" ")}, "webhook: WithClientIPHeader: empty header name"},
		{"nil hook", OpentactSources, []SourceOption{WithSourceErrorHook(nil)}, "webhook: WithSourceErrorHook: nil hook"},
		{"nil option", OpentactSources, []SourceOption{nil}, "webhook: AllowSources: nil option"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			mw, err := AllowSources(tt.allowed, tt.opts...)
			if err == nil || mw != nil {
				t.Fatalf("AllowSources = %v, want an error", err)
			}
			same(t, "error", err.Error(), tt.msg)
		})
	}
}

func TestAllowSourcesDefaultHookLogsNoQuery(t *testing.T) {
	// Not parallel: it replaces the default logger.
	var logged strings.Builder
	restore := captureDefaultLog(&logged)
	defer restore()
	mw, err := AllowSources(OpentactSources)
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodGet, "/hooks/calls?token=s3cr3t", nil)
	r.RemoteAddr = "198.51.100.9:443"
	w := httptest.NewRecorder()
	mw(okHandler).ServeHTTP(w, r)
	same(t, "status", w.Code, http.StatusForbidden)
	if out := logged.String(); !strings.Contains(out, "/hooks/calls") || strings.Contains(out, "s3cr3t") {
		t.Errorf("default hook logged %q, want the path without the query", out)
	}
}
