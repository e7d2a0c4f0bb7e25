package webhook

import (
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strings"
)

// URLOption configures CallbackURL.
type URLOption func(*urlSettings)

// urlSettings is what the URL options configure.
type urlSettings struct {
	proxies  []netip.Prefix
	state    any  // WithState
	hasState bool // WithState was given
}

// WithForwardedHeadersFrom makes CallbackURL honour the X-Forwarded-Proto
// and X-Forwarded-Host headers of requests whose peer address lies inside
// one of the prefixes: the reverse proxies in front of the application. By
// default the headers are ignored, since any client can send them.
func WithForwardedHeadersFrom(proxies ...netip.Prefix) URLOption {
	return func(s *urlSettings) {
		s.proxies = append(s.proxies, proxies...)
	}
}

// CallbackURL returns the absolute URL of path on the server that received
// r, with query as its query string: the value to put in a <Gather url> or
// a <Callback url> so that Opentact calls this application back.
//
// The scheme is https when r came over TLS and http otherwise; the host is
// r.Host. When r's peer is a trusted proxy (WithForwardedHeadersFrom), the
// first X-Forwarded-Proto and X-Forwarded-Host values replace them. A path
// that does not start with "/" is resolved against r's path, and an empty
// path means r's own path. The path is a path on this server, given
// unescaped: an absolute URL ("https://…"), a scheme-relative one
// ("//host/…"), a backslash, a control character, or any of these written
// with percent-escapes is refused with an error, so a Gather can never be
// pointed at another host. Query keys are written sorted, so the result is
// deterministic. WithState adds a signed state for the next request of
// the call.
//
// Inside a CallFlowFunc, webhook.HTTPRequest(ctx) is the request to pass.
func CallbackURL(r *http.Request, path string, query url.Values, opts ...URLOption) (string, error) {
	if r == nil || r.URL == nil {
		return "", errors.New("webhook: CallbackURL: no request")
	}
	var s urlSettings
	for _, o := range opts {
		if o != nil {
			o(&s)
		}
	}
	scheme, host := "http", r.Host
	if r.TLS != nil {
		scheme = "https"
	}
	if s.trusted(r.RemoteAddr) {
		if v := firstValue(r.Header, "X-Forwarded-Proto"); v != "" {
			scheme = strings.ToLower(v)
		}
		if v := firstValue(r.Header, "X-Forwarded-Host"); v != "" {
			host = v
		}
	}
	if scheme != "http" && scheme != "https" {
		return "", fmt.Errorf("webhook: CallbackURL: scheme %q is not http or https", scheme)
	}
	if err := checkHost(host); err != nil {
		return "", err
	}
	p, err := resolvePath(r.URL.Path, path)
	if err != nil {
		return "", err
	}
	if s.hasState {
		if query, err = s.addState(r, query); err != nil {
			return "", err
		}
	}
	u := url.URL{Scheme: scheme, Host: host, Path: p, RawQuery: query.Encode()}
	return u.String(), nil
}

// trusted reports whether the peer address of a request is a trusted
// proxy.
func (s *urlSettings) trusted(remoteAddr string) bool {
	if len(s.proxies) == 0 {
		return false
	}
	ap, err := netip.ParseAddrPort(remoteAddr)
	var addr netip.Addr
	if err == nil {
		addr = ap.Addr()
	} else if addr, err = netip.ParseAddr(remoteAddr); err != nil {
		return false
	}
	addr = addr.Unmap()
	for _, p := range s.proxies {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// firstValue returns the first comma-separated entry of a header, trimmed:
// the value the proxy nearest the client wrote.
func firstValue(h http.Header, name string) string {
	v, _, _ := strings.Cut(h.Get(name), ",")
	return strings.TrimSpace(v)
}

// checkHost accepts a host name, an IPv4 address or a bracketed IPv6
// address, each with an optional port, and nothing that could change the
// meaning of the URL around it.
func checkHost(host string) error {
	bad := fmt.Errorf("webhook: CallbackURL: invalid host %q", host)
	if host == "" {
		return errors.New("webhook: CallbackURL: the request names no host")
	}
	if strings.ContainsAny(host, "/\\?#@%[] \t\r\n") && !strings.HasPrefix(host, "[") {
		return bad
	}
	name, port := host, ""
	if rest, ok := strings.CutPrefix(host, "["); ok {
		ip, after, ok := strings.Cut(rest, "]")
		if !ok {
			return bad
		}
		if addr, err := netip.ParseAddr(ip); err != nil || !addr.Is6() || addr.Zone() != "" {
			return bad
		}
		if after != "" {
			if port, ok = strings.CutPrefix(after, ":"); !ok {
				return bad
			}
		}
		name = "ipv6"
	} else if h, p, ok := strings.Cut(host, ":"); ok {
		name, port = h, p
		if port == "" {
			return bad
		}
	}
	if name == "" || (port != "" && !isDigits(port)) {
		return bad
	}
	return nil
}

// resolvePath resolves p against the request path base.
func resolvePath(base, p string) (string, error) {
	if strings.ContainsAny(p, "?#") {
		return "", fmt.Errorf("webhook: CallbackURL: path %q holds a query or fragment; pass the query separately", p)
	}
	if err := checkPath(p); err != nil {
		return "", err
	}
	switch {
	case p == "":
		p = base
	case !strings.HasPrefix(p, "/"):
		dir, _ := path.Split(base)
		p = dir + p
	}
	if p == "" {
		p = "/"
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return clean, nil
}

// checkPath refuses a path that a URL parser, a proxy or Opentact could
// read as leaving the application's host: an absolute URL ("https://…",
// "javascript:…"), a scheme-relative one ("//host/…"), a backslash (which
// browsers and some servers read as "/"), control characters, and the same
// shapes written with percent-escapes ("%2F%2Fhost", "%5C"). The path is
// otherwise taken unescaped ("/a b" becomes "/a%20b"). CallbackURL only
// ever points back at the server that received the request.
func checkPath(p string) error {
	if err := checkPathForm(p); err != nil {
		return fmt.Errorf("webhook: CallbackURL: path %q %s; give a path on this server, such as \"/menu\"", p, err.Error())
	}
	if !strings.Contains(p, "%") {
		return nil
	}
	decoded, err := url.PathUnescape(p)
	if err != nil {
		return fmt.Errorf("webhook: CallbackURL: path %q holds an invalid percent-escape", p)
	}
	if err := checkPathForm(decoded); err != nil {
		return fmt.Errorf("webhook: CallbackURL: path %q, once percent-decoded, %s", p, err.Error())
	}
	return nil
}

// checkPathForm describes what makes p leave the server, nil when nothing
// does.
func checkPathForm(p string) error {
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == 0x7f {
			return fmt.Errorf("holds the control character %#02x", c)
		}
	}
	switch {
	case strings.Contains(p, "\\"):
		return errors.New("holds a backslash")
	case strings.HasPrefix(p, "//"):
		return errors.New("is a scheme-relative URL naming another host")
	case hasScheme(p):
		return errors.New("is an absolute URL")
	}
	return nil
}

// hasScheme reports whether p starts with a URL scheme and its colon
// ("https:", "javascript:"), as RFC 3986 section 3.1 spells one.
func hasScheme(p string) bool {
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}
