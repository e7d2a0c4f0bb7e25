package client

import (
	"net"
	"net/url"
	"strings"
)

// Base URLs of the Opentact REST API.
const (
	ProductionBaseURL = "https://api.opentact.org/rest"
	StagingBaseURL    = "https://api.stage.opentact.org/rest"
)

// parseBaseURL checks a base URL and returns it without a trailing slash.
func parseBaseURL(raw string) (string, error) {
	const op = "WithBaseURL"
	u, err := url.Parse(raw)
	if err != nil {
		return "", invalidArg(op, "base URL does not parse")
	}
	switch {
	case !u.IsAbs() || u.Host == "":
		return "", invalidArg(op, "base URL %q is not absolute", redactURL(u))
	case u.User != nil:
		return "", invalidArg(op, "base URL must not contain user info")
	case u.RawQuery != "" || u.ForceQuery:
		return "", invalidArg(op, "base URL must not contain a query")
	case u.Fragment != "" || strings.Contains(raw, "#"):
		return "", invalidArg(op, "base URL must not contain a fragment")
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !isLoopback(u.Hostname()) {
			return "", invalidArg(op, "plain http is allowed only for loopback hosts, not %q", u.Hostname())
		}
	default:
		return "", invalidArg(op, "base URL scheme %q is neither https nor http", u.Scheme)
	}
	return strings.TrimRight(u.Scheme+"://"+u.Host+u.EscapedPath(), "/"), nil
}

// isLoopback reports whether host is localhost, an address in 127.0.0.0/8 or
// ::1, without any DNS lookup.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// redactURL prints u without user info, query or fragment.
func redactURL(u *url.URL) string {
	v := *u
	v.User = nil
	v.RawQuery = ""
	v.Fragment = ""
	v.ForceQuery = false
	return v.String()
}
