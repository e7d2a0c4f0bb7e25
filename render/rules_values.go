package render

import (
	"net/netip"
	"net/url"
	"strings"
	"unicode/utf8"
)

// The value rules behind the custom validator tags documented in package
// verbs. Each is a plain predicate so the structural rules can share them.

const (
	dtmfKeyChars   = "0123456789*#ABCD"
	dtmfValueChars = "0123456789*#"
)

// isDTMFKeys reports one or more of 0-9 * # A B C D.
func isDTMFKeys(s string) bool { return s != "" && onlyChars(s, dtmfKeyChars) }

// isDTMFKey reports exactly one of 0-9 * # A B C D.
func isDTMFKey(s string) bool { return len(s) == 1 && onlyChars(s, dtmfKeyChars) }

// isDTMFValue reports one or more of 0-9 * #.
func isDTMFValue(s string) bool { return s != "" && onlyChars(s, dtmfValueChars) }

func onlyChars(s, set string) bool {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(set, s[i]) < 0 {
			return false
		}
	}
	return true
}

// isLangTag reports a BCP 47 shaped tag: a primary subtag of 2 or 3
// letters (or the x and i prefixes), then subtags of 1 to 8 letters and
// digits, separated by hyphens: en, en-US, zh-Hant-TW, x-klingon.
func isLangTag(s string) bool {
	first, rest, more := strings.Cut(s, "-")
	if first == "" || len(first) > 3 || !asciiLetters(first) {
		return false
	}
	if len(first) == 1 && (!more || !strings.ContainsAny(first, "xXiI")) {
		return false
	}
	for more {
		var sub string
		sub, rest, more = strings.Cut(rest, "-")
		if sub == "" || len(sub) > 8 || !asciiAlnum(sub) {
			return false
		}
	}
	return true
}

func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func asciiAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9') && !asciiLetters(s[i:i+1]) {
			return false
		}
	}
	return true
}

func asciiDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isHTTPURL reports an absolute http or https URL with a host.
func isHTTPURL(s string) bool {
	if _, _, ok := plainHTTPURL(s); ok {
		return true
	}
	return parsedHTTPURL(s)
}

// parsedHTTPURL is isHTTPURL by net/url, for the URLs plainHTTPURL is
// unsure of.
func parsedHTTPURL(s string) bool {
	if strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Hostname() == "" {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	return scheme == "http" || scheme == "https"
}

// plainHTTPURL recognizes, without allocating, the common shape of an
// http or https URL that url.Parse accepts with a host: a lower-case
// scheme, a host of ASCII letters, digits, dots and hyphens with an
// optional numeric port, then a path, query and fragment of printable
// ASCII without a percent sign (so nothing is unescaped). It returns the
// bounds of the path, which url.Parse would return unchanged. ok is false
// when s has another shape, which does not mean that isHTTPURL rejects it.
func plainHTTPURL(s string) (pathStart, pathEnd int, ok bool) {
	var i int
	switch {
	case strings.HasPrefix(s, "https://"):
		i = len("https://")
	case strings.HasPrefix(s, "http://"):
		i = len("http://")
	default:
		return 0, 0, false
	}
	hostStart := i
	for i < len(s) && hostByte[s[i]] {
		i++
	}
	if i == hostStart {
		return 0, 0, false
	}
	if i < len(s) && s[i] == ':' {
		i++
		portStart := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == portStart {
			return 0, 0, false
		}
	}
	if i < len(s) && s[i] != '/' && s[i] != '?' && s[i] != '#' {
		return 0, 0, false
	}
	pathStart, pathEnd = i, len(s)
	for ; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7F || c == '%' {
			return 0, 0, false
		}
		if (c == '?' || c == '#') && pathEnd == len(s) {
			pathEnd = i
		}
	}
	return pathStart, pathEnd, true
}

// hostByte: the bytes plainHTTPURL takes in a host name.
var hostByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
	}
	return t
}()

// isDestination reports one of the three destination forms of a <Dial>:
// a SIP URI (sip:user@host or sips:user@host, optionally with a port), a
// SIP address without scheme (user@host) or a phone number of 7 to 15
// digits with an optional leading +.
func isDestination(s string) bool {
	// The scheme is matched in ASCII when the bytes it could span are
	// ASCII, which strings.ToLower would map one to one.
	head := s[:min(len(s), len("sips:"))]
	for i := 0; i < len(head); i++ {
		if head[i] >= utf8.RuneSelf {
			return isDestinationLower(s)
		}
	}
	switch {
	case hasASCIIPrefixFold(s, "sip:"):
		return isSIPAddress(s[len("sip:"):])
	case hasASCIIPrefixFold(s, "sips:"):
		return isSIPAddress(s[len("sips:"):])
	case strings.IndexByte(s, '@') >= 0:
		return isSIPAddress(s)
	}
	return isPhoneNumber(s)
}

// hasASCIIPrefixFold reports whether s begins with prefix, a lower-case
// ASCII string, ignoring the case of ASCII letters.
func hasASCIIPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// isDestinationLower is isDestination for a value whose first bytes are
// not all ASCII, matching the scheme of its lower-case form as is.
func isDestinationLower(s string) bool {
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "sip:"):
		return isSIPAddress(s[len("sip:"):])
	case strings.HasPrefix(lower, "sips:"):
		return isSIPAddress(s[len("sips:"):])
	case strings.Contains(s, "@"):
		return isSIPAddress(s)
	}
	return isPhoneNumber(s)
}

// isPhoneNumber reports 7 to 15 digits with an optional leading +.
func isPhoneNumber(s string) bool {
	s = strings.TrimPrefix(s, "+")
	return len(s) >= 7 && len(s) <= 15 && asciiDigits(s)
}

// isSIPAddress reports user@host or user@host:port.
func isSIPAddress(s string) bool {
	user, hostport, ok := strings.Cut(s, "@")
	if !ok || user == "" || !onlyUserChars(user) {
		return false
	}
	host, port := hostport, ""
	if strings.HasPrefix(hostport, "[") {
		end := strings.IndexByte(hostport, ']')
		if end < 0 {
			return false
		}
		host, port = hostport[:end+1], hostport[end+1:]
		if port != "" && !strings.HasPrefix(port, ":") {
			return false
		}
		port = strings.TrimPrefix(port, ":")
		if _, err := netip.ParseAddr(host[1:end]); err != nil {
			return false
		}
	} else {
		if i := strings.LastIndexByte(hostport, ':'); i >= 0 {
			host, port = hostport[:i], hostport[i+1:]
			if port == "" {
				return false
			}
		}
		if !isHostName(host) {
			return false
		}
	}
	if port == "" {
		return true
	}
	return asciiDigits(port) && len(port) <= 5 && smallAtoi(port) >= 1 && smallAtoi(port) <= 65535
}

// onlyUserChars reports the characters of the user part of a SIP URI:
// letters, digits and the unreserved and user-unreserved marks.
func onlyUserChars(s string) bool {
	for i := 0; i < len(s); i++ {
		if !userByte[s[i]] {
			return false
		}
	}
	return true
}

// userByte: the bytes onlyUserChars takes.
var userByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' || c < utf8.RuneSelf && strings.IndexByte("-_.!~*'()&=+$,;?/%", byte(c)) >= 0
	}
	return t
}()

// isHostName reports a DNS name or an IPv4 address: dot-separated labels of
// letters, digits and inner hyphens.
func isHostName(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	s = strings.TrimSuffix(s, ".")
	start := 0 // of the label being read
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '.' {
			if !labelByte[s[i]] {
				return false
			}
			continue
		}
		if label := s[start:i]; label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		start = i + 1
	}
	return true
}

// labelByte: the bytes of a label of a host name, letters, digits and
// hyphens.
var labelByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c == '-' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
	}
	return t
}()

// smallAtoi converts at most a few digits; callers check asciiDigits first.
func smallAtoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// uspsCodes are the two-letter USPS codes of the 50 states, the District of
// Columbia, Puerto Rico, the territories and the freely associated states.
var uspsCodes = func() map[string]bool {
	m := make(map[string]bool)
	for _, c := range strings.Fields(`
		AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO
		MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY
		DC PR AS GU MP VI UM FM MH PW`) {
		m[c] = true
	}
	return m
}()

// isUSPS reports a USPS state or territory code, in either case (the case
// is a lint of its own).
func isUSPS(s string) bool { return uspsCodes[strings.ToUpper(s)] && len(s) == 2 }

// parseTimeRange parses HH:MM:SS-HH:MM:SS on the 24-hour clock and returns
// both ends as seconds since midnight.
func parseTimeRange(s string) (start, end int, ok bool) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		return 0, 0, false
	}
	start, ok1 := parseClock(a)
	end, ok2 := parseClock(b)
	return start, end, ok1 && ok2
}

func parseClock(s string) (int, bool) {
	if len(s) != 8 || s[2] != ':' || s[5] != ':' {
		return 0, false
	}
	h, m, sec := s[0:2], s[3:5], s[6:8]
	if !asciiDigits(h) || !asciiDigits(m) || !asciiDigits(sec) {
		return 0, false
	}
	if smallAtoi(h) > 23 || smallAtoi(m) > 59 || smallAtoi(sec) > 59 {
		return 0, false
	}
	return smallAtoi(h)*3600 + smallAtoi(m)*60 + smallAtoi(sec), true
}

// isTimeRange reports a valid HH:MM:SS-HH:MM:SS range.
func isTimeRange(s string) bool {
	_, _, ok := parseTimeRange(s)
	return ok
}
