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

// scanClass holds, for every byte, the sets of the scans below it belongs
// to, so that each byte of a value costs one table load.
var scanClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		switch {
		case isDigit(b):
			t[c] = classDigit | classUser | classHost | classURL
		case isAlnum(b):
			t[c] = classUser | classHost | classURL
		}
	}
	t['.'] |= classUser | classURL
	t['_'] |= classUser | classURL
	t['-'] |= classUser | classHost | classURL
	for _, c := range []byte("~!$&'()*+,;=:@/?#") {
		t[c] |= classURL
	}
	return t
}()

// The classes of scanClass.
const (
	classDigit = 1 << iota // 0-9
	classUser              // letters, digits and ._- : the user of a SIP address
	classHost              // letters, digits and -: the bytes of a host label
	classURL               // what net/url takes as it is in a path, query or fragment
)

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
			if scanClass[d[i]]&classDigit == 0 {
				return false
			}
		}
		return true
	}
	if len(s) > 4 && s[:4] == "sip:" {
		s = s[4:]
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; scanClass[c]&classUser == 0 {
			return c == '@' && i > 0 && fastHostName(s[i+1:])
		}
	}
	return false
}

// fastHostName reports a DNS name of dot-separated labels of letters,
// digits and inner hyphens, without a final dot.
func fastHostName(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '.' {
			if !hostLabel(s[start:i]) {
				return false
			}
			start = i + 1
			continue
		}
		if scanClass[c]&classHost == 0 {
			return false
		}
	}
	return hostLabel(s[start:])
}

// hostLabel reports a label of 1 to 63 bytes, each of classHost, that
// neither starts nor ends with a hyphen.
func hostLabel(l string) bool {
	return l != "" && len(l) <= 63 && l[0] != '-' && l[len(l)-1] != '-'
}

// fastHTTPURL reports http:// or https:// followed by a host name, an
// optional port of digits, and a path, query and fragment of characters
// that need no escape; false means "not sure". It reads the value once.
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
	// The host: labels up to the first byte that is neither a label's
	// nor a dot.
	i, start := 0, 0
	for ; i < len(rest); i++ {
		c := rest[i]
		if scanClass[c]&classHost != 0 {
			continue
		}
		if c != '.' {
			break
		}
		if !hostLabel(rest[start:i]) {
			return false
		}
		start = i + 1
	}
	if i > 253 || !hostLabel(rest[start:i]) {
		return false
	}
	if i < len(rest) && rest[i] == ':' {
		j := i + 1
		for j < len(rest) && isDigit(rest[j]) {
			j++
		}
		if j == i+1 || j-i-1 > 5 {
			return false
		}
		i = j
	}
	if i < len(rest) && rest[i] != '/' && rest[i] != '?' && rest[i] != '#' {
		return false
	}
	for ; i < len(rest); i++ {
		if scanClass[rest[i]]&classURL == 0 {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(c byte) bool {
	return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'z'
}
