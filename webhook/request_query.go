package webhook

import (
	"net/url"
	"os"
	"runtime/debug"
	"strings"
)

// maxFastQueryParams is the most parameters parseQuery reads itself; a
// longer query goes to url.ParseQuery.
const maxFastQueryParams = 64

// parseQuery returns what url.ParseQuery returns for query, ignoring its
// error as url.URL.Query does, with fewer allocations: the values of all
// parameters share one backing array, each value slice capped at its own
// length, so that appending to one never writes into another.
//
// The GODEBUG setting urlmaxqueryparams changes url.ParseQuery's limit on
// the number of parameters; when it is set, in the environment or as a
// default of the program, every query goes to url.ParseQuery.
func parseQuery(query string) url.Values {
	n := strings.Count(query, "&") + 1
	if n > maxFastQueryParams || queryLimitSet() {
		v, _ := url.ParseQuery(query)
		return v
	}
	m := make(url.Values, n)
	vals := make([]string, 0, n)
	for query != "" {
		// One pair, read in one pass: where it ends, its first '=', and
		// whether it holds a ';' (url.ParseQuery skips such a pair) or
		// anything to unescape.
		end, eq, semicolon, escaped := 0, -1, false, false
	scan:
		for ; end < len(query); end++ {
			c := query[end]
			if !querySpecial[c] {
				continue
			}
			switch c {
			case '&':
				break scan
			case ';':
				semicolon = true
			case '=':
				if eq < 0 {
					eq = end
				}
			default: // '%', '+'
				escaped = true
			}
		}
		pair := query[:end]
		query = query[min(end+1, len(query)):]
		if pair == "" || semicolon {
			continue
		}
		k, v := pair, ""
		if eq >= 0 {
			k, v = pair[:eq], pair[eq+1:]
		}
		if escaped {
			var err error
			if k, err = url.QueryUnescape(k); err != nil {
				continue
			}
			if v, err = url.QueryUnescape(v); err != nil {
				continue
			}
		}
		if vs, ok := m[k]; ok {
			m[k] = append(vs, v)
			continue
		}
		i := len(vals)
		vals = append(vals, v)
		m[k] = vals[i : i+1 : i+1]
	}
	return m
}

// querySpecial marks the bytes parseQuery looks for in a query.
var querySpecial = [256]bool{'&': true, ';': true, '=': true, '%': true, '+': true}

// defaultQueryLimit reports whether the program's default GODEBUG sets
// urlmaxqueryparams (a //go:debug line or the go.mod godebug block).
var defaultQueryLimit = func() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "DefaultGODEBUG" && strings.Contains(s.Value, "urlmaxqueryparams") {
			return true
		}
	}
	return false
}()

// queryLimitSet reports whether urlmaxqueryparams is set, now (the
// environment can change while the program runs) or by default.
func queryLimitSet() bool {
	return defaultQueryLimit || strings.Contains(os.Getenv("GODEBUG"), "urlmaxqueryparams")
}
