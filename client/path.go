package client

import (
	"net/url"
	"strings"
)

// buildPath fills the {name} placeholders of tmpl in order with the
// path-escaped args; an empty arg, or "." or "..", is an error naming its
// placeholder.
func buildPath(op, tmpl string, args ...string) (string, error) {
	var b strings.Builder
	rest := tmpl
	for _, arg := range args {
		i := strings.IndexByte(rest, '{')
		j := strings.IndexByte(rest, '}')
		if i < 0 || j < i {
			break
		}
		name := rest[i+1 : j]
		if arg == "" {
			return "", invalidArg(op, "%s is empty", name)
		}
		if arg == "." || arg == ".." {
			// url.PathEscape keeps dot segments, which servers and
			// proxies may resolve to another resource.
			return "", invalidArg(op, "%s %q is a dot segment", name, arg)
		}
		b.WriteString(rest[:i])
		b.WriteString(url.PathEscape(arg))
		rest = rest[j+1:]
	}
	b.WriteString(rest)
	return b.String(), nil
}
