package webhook

import (
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"strings"
)

// OpentactSources is the address Opentact documents as the source of its
// requests, for use with AllowSources.
var OpentactSources = []netip.Prefix{netip.MustParsePrefix("72.21.26.35/32")}

// SourceOption configures AllowSources.
type SourceOption func(*sourceSettings) error

// sourceSettings is what the SourceOptions configure.
type sourceSettings struct {
	proxies   []netip.Prefix
	header    string
	errorHook func(*http.Request, error)
}

// WithTrustedProxies names the reverse proxies in front of the application.
// Only when the peer is one of them is the client address read from the
// client-address header. The default trusts no proxy.
func WithTrustedProxies(p ...netip.Prefix) SourceOption {
	return func(s *sourceSettings) error {
		for _, prefix := range p {
			if !prefix.IsValid() {
				return fmt.Errorf("webhook: WithTrustedProxies: invalid prefix %v", prefix)
			}
			s.proxies = append(s.proxies, normalPrefix(prefix))
		}
		return nil
	}
}

// WithClientIPHeader sets the header a trusted proxy puts the client address
// in (default "X-Forwarded-For"). X-Forwarded-For is read as a list of hops;
// any other header must hold exactly one address.
func WithClientIPHeader(name string) SourceOption {
	return func(s *sourceSettings) error {
		if strings.TrimSpace(name) == "" {
			return errors.New("webhook: WithClientIPHeader: empty header name")
		}
		s.header = http.CanonicalHeaderKey(name)
		return nil
	}
}

// WithSourceErrorHook sets the function told about every rejected request,
// with a *SourceError. The default logs the method and path through
// slog.Default.
func WithSourceErrorHook(hook func(*http.Request, error)) SourceOption {
	return func(s *sourceSettings) error {
		if hook == nil {
			return errors.New("webhook: WithSourceErrorHook: nil hook")
		}
		s.errorHook = hook
		return nil
	}
}

// SourceError reports a request rejected by AllowSources.
type SourceError struct {
	Addr netip.Addr // the client address; invalid when it could not be determined
	Err  error      // why the address could not be determined, if it could not
}

// Error implements error.
func (e *SourceError) Error() string {
	if e.Err != nil {
		return "webhook: source address rejected: " + e.Err.Error()
	}
	return fmt.Sprintf("webhook: source address %v is not allowed", e.Addr)
}

// Unwrap returns the reason the address could not be determined.
func (e *SourceError) Unwrap() error { return e.Err }

// AllowSources returns middleware that answers 403 Forbidden to requests
// whose client address is outside allowed, such as OpentactSources.
//
// The client address is the peer's, unless the peer is a trusted proxy
// (WithTrustedProxies): then it is read from the client-address header. In
// X-Forwarded-For the hops are walked from the right, skipping trusted
// proxies; the first other entry is the client (the leftmost when all are
// trusted). An entry that is not an address rejects the request. Headers
// from untrusted peers are ignored, so a client cannot choose its address.
//
// The check is not authentication: an allow-list stops requests from other
// networks, and rejects Opentact's own if it starts sending from another
// address, so watch the hook. Serve webhooks over HTTPS.
func AllowSources(allowed []netip.Prefix, opts ...SourceOption) (func(http.Handler) http.Handler, error) {
	if len(allowed) == 0 {
		return nil, errors.New("webhook: AllowSources: empty allow-list")
	}
	s := &sourceSettings{header: "X-Forwarded-For", errorHook: logError}
	for _, p := range allowed {
		if !p.IsValid() {
			return nil, fmt.Errorf("webhook: AllowSources: invalid prefix %v", p)
		}
	}
	allow := make([]netip.Prefix, len(allowed))
	for i, p := range allowed {
		allow[i] = normalPrefix(p)
	}
	for _, o := range opts {
		if o == nil {
			return nil, errors.New("webhook: AllowSources: nil option")
		}
		if err := o(s); err != nil {
			return nil, err
		}
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			addr, err := s.clientAddr(r)
			if err == nil && !contains(allow, addr) {
				err = &SourceError{Addr: addr}
			}
			if err != nil {
				s.errorHook(r, err)
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}, nil
}

// clientAddr determines the client address of r.
func (s *sourceSettings) clientAddr(r *http.Request) (netip.Addr, error) {
	peer, err := parseHostAddr(r.RemoteAddr)
	if err != nil {
		return netip.Addr{}, &SourceError{Err: fmt.Errorf("peer address %q: %w", r.RemoteAddr, err)}
	}
	if !contains(s.proxies, peer) {
		return peer, nil
	}
	values := r.Header.Values(s.header)
	if len(values) == 0 {
		return peer, nil
	}
	if s.header != "X-Forwarded-For" {
		if len(values) != 1 {
			return netip.Addr{}, &SourceError{Err: fmt.Errorf("%s appears %d times", s.header, len(values))}
		}
		addr, err := parseHostAddr(strings.TrimSpace(values[0]))
		if err != nil {
			return netip.Addr{}, &SourceError{Err: fmt.Errorf("%s: %w", s.header, err)}
		}
		return addr, nil
	}
	hops := strings.Split(strings.Join(values, ","), ",")
	var leftmost netip.Addr
	for i := len(hops) - 1; i >= 0; i-- {
		addr, err := parseHostAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			return netip.Addr{}, &SourceError{Err: fmt.Errorf("X-Forwarded-For entry %d: %w", i+1, err)}
		}
		if !contains(s.proxies, addr) {
			return addr, nil
		}
		leftmost = addr
	}
	return leftmost, nil
}

// parseHostAddr parses an address with or without a port ("192.0.2.1",
// "192.0.2.1:1234", "2001:db8::1", "[2001:db8::1]:443"), unmapping
// IPv4-mapped IPv6 addresses.
func parseHostAddr(s string) (netip.Addr, error) {
	if addr, err := netip.ParseAddr(s); err == nil {
		return addr.Unmap(), nil
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), nil
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		if addr, err := netip.ParseAddr(s[1 : len(s)-1]); err == nil {
			return addr.Unmap(), nil
		}
	}
	return netip.Addr{}, fmt.Errorf("%q is not an IP address", s)
}

// normalPrefix turns an IPv4-mapped IPv6 prefix into the IPv4 prefix it
// stands for, so that it matches unmapped addresses.
func normalPrefix(p netip.Prefix) netip.Prefix {
	p = p.Masked()
	if a := p.Addr(); a.Is4In6() && p.Bits() >= 96 {
		return netip.PrefixFrom(a.Unmap(), p.Bits()-96)
	}
	return p
}

// contains reports whether addr is inside one of the prefixes.
func contains(prefixes []netip.Prefix, addr netip.Addr) bool {
	for _, p := range prefixes {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}
