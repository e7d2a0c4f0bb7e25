package flow

import "github.com/opentact-go/opentact/internal/renderhook"

// The scans below accept the common shapes of a destination and of an
// http URL in one pass over their bytes, without the parsers of render's
// rules (net/url, strings.ToLower, a search per character). They only ever
// say yes to a value the rule accepts; anything they are not sure of
// (upper-case schemes, ports on SIP hosts, IPv6 hosts, percent escapes,
// user information, …) is given to the rule itself. TestFastScans holds
// them to that.

// isDestination is render's destination rule.
func isDestination(s string) bool {
	if fastDestination(s) {
		return true
	}
	return renderhook.IsDestination(s)
}

// isHTTPURL is render's httpurl rule.
func isHTTPURL(s string) bool {
	if fastHTTPURL(s) {
		return true
	}
	return renderhook.IsHTTPURL(s)
}

// fastDestination reports a phone number of 7 to 15 digits with an
// optional leading +, or a SIP address user@host (optionally after
// "sip:") whose user is made of letters, digits and ._- and whose host is
// a DNS name without a port; false means "not sure".
func fastDestination(s string) bool {
	if n := len(s); n > 0 && s[0] == '+' || n > 0 && isDigit(s[0]) {
		d := s
		if d[0] == '+' {
			d = d[1:]
		}
		if len(d) < 7 || len(d) > 15 {
			return false
		}
		for i := 0; i < len(d); i++ {
			if !isDigit(d[i]) {
				return false
			}
		}
		return true
	}
	if len(s) > 4 && s[:4] == "sip:" {
		s = s[4:]
	}
	at := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '@' {
			at = i
			break
		}
		if !isAlnum(c) && c != '.' && c != '_' && c != '-' {
			return false
		}
	}
	return at > 0 && fastHostName(s[at+1:])
}

// fastHostName reports a DNS name of dot-separated labels of letters,
// digits and inner hyphens, without a final dot.
func fastHostName(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '.' {
			if c := s[i]; !isAlnum(c) && c != '-' {
				return false
			}
			continue
		}
		label := s[start:i]
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		start = i + 1
	}
	return true
}

// fastHTTPURL reports http:// or https:// followed by a host name, an
// optional port of digits, and a path, query and fragment of characters
// that need no escape; false means "not sure".
func fastHTTPURL(s string) bool {
	var rest string
	switch {
	case len(s) > 7 && s[:7] == "http://":
		rest = s[7:]
	case len(s) > 8 && s[:8] == "https://":
		rest = s[8:]
	default:
		return false
	}
	end := len(rest)
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; c == '/' || c == '?' || c == '#' {
			end = i
			break
		}
	}
	host := rest[:end]
	for i := 0; i < len(host); i++ {
		if host[i] == ':' {
			port := host[i+1:]
			if port == "" || len(port) > 5 {
				return false
			}
			for j := 0; j < len(port); j++ {
				if !isDigit(port[j]) {
					return false
				}
			}
			host = host[:i]
			break
		}
	}
	if !fastHostName(host) {
		return false
	}
	for i := end; i < len(rest); i++ {
		if !urlSafe[rest[i]] {
			return false
		}
	}
	return true
}

// urlSafe are the bytes net/url takes in a path, query or fragment as
// they are: letters, digits and the unreserved and sub-delimiter marks.
var urlSafe = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = isAlnum(byte(c))
	}
	for _, c := range []byte("-._~!$&'()*+,;=:@/?#") {
		t[c] = true
	}
	return t
}()

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(c byte) bool {
	return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'z'
}
