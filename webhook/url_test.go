package webhook

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
)

func TestCallbackURL(t *testing.T) {
	t.Parallel()
	loopback := WithForwardedHeadersFrom(netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128"))
	elsewhere := WithForwardedHeadersFrom(netip.MustParsePrefix("203.0.113.0/24"))
	tests := []struct {
		name    string
		tls     bool
		target  string // request path and query
		host    string // Host header; "" keeps the server's address
		header  map[string]string
		path    string
		query   url.Values
		opts    []URLOption
		want    string // with HOST standing for the server's address
		wantErr string
	}{
		{
			name: "absolute path and sorted, escaped query", target: "/ivr", path: "/ivr/menu",
			query: url.Values{"token": {"s3cr3t"}, "b": {"a b&c"}},
			want:  "http://HOST/ivr/menu?b=a+b%26c&token=s3cr3t",
		},
		{name: "no query", target: "/", path: "/next", want: "http://HOST/next"},
		{name: "TLS gives https", tls: true, target: "/", path: "/next", want: "https://HOST/next"},
		{name: "relative path", target: "/ivr/menu?dtmf=1", path: "support", want: "http://HOST/ivr/support"},
		{name: "relative parent", target: "/ivr/menu", path: "../top", want: "http://HOST/top"},
		{name: "empty path is the request's", target: "/ivr/menu?dtmf=1", path: "", want: "http://HOST/ivr/menu"},
		{name: "cleaned, trailing slash kept", target: "/", path: "/a//b/./c/", want: "http://HOST/a/b/c/"},
		{name: "escaped path", target: "/", path: "/a b", want: "http://HOST/a%20b"},
		{name: "query in the path", target: "/", path: "/next?x=1", wantErr: "webhook: CallbackURL: path"},
		{name: "fragment in the path", target: "/", path: "/next#x", wantErr: "webhook: CallbackURL: path"},
		{name: "Host header", target: "/", host: "app.example.com:8443", path: "/n", want: "http://app.example.com:8443/n"},
		{name: "IPv6 Host header", target: "/", host: "[2001:db8::1]:8443", path: "/n", want: "http://[2001:db8::1]:8443/n"},
		{
			name: "forwarded headers ignored by default", target: "/", path: "/n",
			header: map[string]string{"X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example"},
			want:   "http://HOST/n",
		},
		{
			name: "forwarded headers ignored from an untrusted peer", target: "/", path: "/n", opts: []URLOption{elsewhere},
			header: map[string]string{"X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example"},
			want:   "http://HOST/n",
		},
		{
			name: "forwarded headers from a trusted proxy", target: "/", path: "/n", opts: []URLOption{loopback},
			header: map[string]string{"X-Forwarded-Proto": "HTTPS", "X-Forwarded-Host": "app.example.com"},
			want:   "https://app.example.com/n",
		},
		{
			name: "first forwarded values", target: "/", path: "/n", opts: []URLOption{elsewhere, loopback},
			header: map[string]string{"X-Forwarded-Proto": "https, http", "X-Forwarded-Host": "app.example.com, internal:8080"},
			want:   "https://app.example.com/n",
		},
		{
			name: "forwarded proto only", target: "/", path: "/n", opts: []URLOption{loopback},
			header: map[string]string{"X-Forwarded-Proto": "https"},
			want:   "https://HOST/n",
		},
		{
			name: "forwarded proto not http", target: "/", path: "/n", opts: []URLOption{loopback},
			header:  map[string]string{"X-Forwarded-Proto": "javascript"},
			wantErr: `webhook: CallbackURL: scheme "javascript" is not http or https`,
		},
		{
			name: "forwarded host with a path", target: "/", path: "/n", opts: []URLOption{loopback},
			header:  map[string]string{"X-Forwarded-Host": "evil.example/x"},
			wantErr: `webhook: CallbackURL: invalid host "evil.example/x"`,
		},
		{
			name: "forwarded host with user info", target: "/", path: "/n", opts: []URLOption{loopback},
			header:  map[string]string{"X-Forwarded-Host": "user@evil.example"},
			wantErr: `webhook: CallbackURL: invalid host "user@evil.example"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				u, err := CallbackURL(r, tt.path, tt.query, tt.opts...)
				if err != nil {
					io.WriteString(w, "error: "+err.Error())
					return
				}
				io.WriteString(w, u)
			})
			srv := httptest.NewUnstartedServer(h)
			if tt.tls {
				srv.StartTLS()
			} else {
				srv.Start()
			}
			t.Cleanup(srv.Close)
			req, err := http.NewRequest(http.MethodGet, srv.URL+tt.target, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.host != "" {
				req.Host = tt.host
			}
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			got := string(b)
			if tt.wantErr != "" {
				if !strings.HasPrefix(got, "error: "+tt.wantErr) {
					t.Errorf("got %q, want error %q", got, tt.wantErr)
				}
				return
			}
			want := strings.Replace(tt.want, "HOST", srv.Listener.Addr().String(), 1)
			if got != want {
				t.Errorf("CallbackURL = %q, want %q", got, want)
			}
		})
	}
}

func TestCallbackURLNoRequest(t *testing.T) {
	t.Parallel()
	for _, r := range []*http.Request{nil, {}} {
		if u, err := CallbackURL(r, "/next", nil); err == nil || u != "" {
			t.Errorf("CallbackURL(%v) = %q, %v; want an error", r, u, err)
		}
	}
}

func TestCheckHost(t *testing.T) {
	t.Parallel()
	tests := []struct {
		host string
		ok   bool
	}{
		{"example.com", true},
		{"example.com:8080", true},
		{"192.0.2.1", true},
		{"192.0.2.1:443", true},
		{"[2001:db8::1]", true},
		{"[2001:db8::1]:443", true},
		{"", false},
		{"example.com:", false},
		{"example.com:http", false},
		{":80", false},
		{"2001:db8::1", false},
		{"[2001:db8::1", false},
		{"[192.0.2.1]", false},
		{"[2001:db8::1]x", false},
		{"[fe80::1%25eth0]", false},
		{"a b", false},
		{"a\\b", false},
		{"a?b", false},
		{"a#b", false},
		{"a%2fb", false},
	}
	for _, tt := range tests {
		if err := checkHost(tt.host); (err == nil) != tt.ok {
			t.Errorf("checkHost(%q) = %v, want ok %v", tt.host, err, tt.ok)
		}
	}
}

func TestCallbackURLPeer(t *testing.T) {
	t.Parallel()
	s := urlSettings{proxies: []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24")}}
	tests := []struct {
		remote string
		want   bool
	}{
		{"203.0.113.5:443", true},
		{"[::ffff:203.0.113.5]:443", true},
		{"203.0.113.5", true},
		{"198.51.100.1:443", false},
		{"not-an-address", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := s.trusted(tt.remote); got != tt.want {
			t.Errorf("trusted(%q) = %v, want %v", tt.remote, got, tt.want)
		}
	}
}

// TestCallbackURLRefusesOtherHosts feeds CallbackURL the paths an attacker
// or a careless caller could use to point a Gather at another host.
func TestCallbackURLRefusesOtherHosts(t *testing.T) {
	t.Parallel()
	r := httptest.NewRequest(http.MethodGet, "http://ivr.example.com/ivr/menu", nil)
	tests := []struct {
		path string
		want string
	}{
		{"https://evil.example.com/x", "is an absolute URL"},
		{"HTTP://evil.example.com/x", "is an absolute URL"},
		{"javascript:alert(1)", "is an absolute URL"},
		{"evil.example.com:8080/x", "is an absolute URL"},
		{"//evil.example.com/x", "is a scheme-relative URL"},
		{"///evil.example.com/x", "is a scheme-relative URL"},
		{"\\\\evil.example.com\\x", "holds a backslash"},
		{"/\\evil.example.com/x", "holds a backslash"},
		{"\\/evil.example.com", "holds a backslash"},
		{"/x\\..\\..\\y", "holds a backslash"},
		{"%2F%2Fevil.example.com/x", "once percent-decoded, is a scheme-relative URL"},
		{"%2f/evil.example.com", "once percent-decoded, is a scheme-relative URL"},
		{"https%3A%2F%2Fevil.example.com", "once percent-decoded, is an absolute URL"},
		{"/%5Cevil.example.com", "once percent-decoded, holds a backslash"},
		{"/a%0d%0aSet-Cookie:x", "once percent-decoded, holds the control character 0x0d"},
		{"/a\nb", "holds the control character 0x0a"},
		{"/a%zz", "holds an invalid percent-escape"},
	}
	for _, tt := range tests {
		u, err := CallbackURL(r, tt.path, nil)
		if err == nil {
			t.Errorf("CallbackURL(%q) = %q, want an error", tt.path, u)
			continue
		}
		if u != "" || !strings.HasPrefix(err.Error(), "webhook: CallbackURL: path ") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("CallbackURL(%q) = %q, %v; want an error saying %q", tt.path, u, err, tt.want)
		}
	}
	// Paths on this server are still accepted, colons after the first
	// slash and literal percent signs included.
	for path, want := range map[string]string{
		"/a:b":      "http://ivr.example.com/a:b",
		"./a:b":     "http://ivr.example.com/ivr/a:b",
		"/50%25":    "http://ivr.example.com/50%2525",
		"/ok/%20x":  "http://ivr.example.com/ok/%2520x",
		"support":   "http://ivr.example.com/ivr/support",
		"../a/./b/": "http://ivr.example.com/a/b/",
	} {
		if got, err := CallbackURL(r, path, nil); err != nil || got != want {
			t.Errorf("CallbackURL(%q) = %q, %v; want %q", path, got, err, want)
		}
	}
}
