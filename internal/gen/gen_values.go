package gen

// How attribute values become Go expressions: options, durations, enums
// and quoted strings.

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/opentact-go/opentact/verbs"
)

// attrs collects the non-empty options among parts, which are option
// expressions (strings, "" for an absent attribute) and finally the raw
// attributes.
func (g *gen) attrs(parts ...any) []string {
	var out []string
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			if p != "" {
				out = append(out, p)
			}
		case []verbs.Attr:
			out = append(out, g.rawAttrs(p)...)
		}
	}
	return out
}

func (g *gen) rawAttrs(attrs []verbs.Attr) []string {
	var out []string
	for _, a := range attrs {
		out = append(out, "flow.Attr("+quote(a.Name)+", "+quote(a.Value)+")")
	}
	return out
}

func str(opt, v string) string {
	if v == "" {
		return ""
	}
	return "flow." + opt + "(" + quote(v) + ")"
}

func num(opt string, v verbs.Opt[int]) string {
	if !v.Set {
		return ""
	}
	return "flow." + opt + "(" + strconv.Itoa(v.Val) + ")"
}

func boolean(opt string, v verbs.Opt[bool]) string {
	if !v.Set {
		return ""
	}
	return "flow." + opt + "(" + strconv.FormatBool(v.Val) + ")"
}

func (g *gen) dur(opt string, v verbs.Opt[verbs.Millis]) string {
	if !v.Set {
		return ""
	}
	if v.Val > verbs.MaxDurationMillis || v.Val < -verbs.MaxDurationMillis {
		g.fail("%s: %d ms is more than a time.Duration holds (at most %d ms)", opt, int64(v.Val), int64(verbs.MaxDurationMillis))
		return ""
	}
	return "flow." + opt + "(" + g.duration(v.Val) + ")"
}

// duration writes m in the largest time unit that divides it.
func (g *gen) duration(m verbs.Millis) string {
	if m == 0 {
		return "0"
	}
	g.needTime = true
	units := []struct {
		ms   verbs.Millis
		name string
	}{{3600000, "time.Hour"}, {60000, "time.Minute"}, {1000, "time.Second"}, {1, "time.Millisecond"}}
	for _, u := range units {
		if m%u.ms == 0 {
			if m == u.ms {
				return u.name
			}
			return strconv.FormatInt(int64(m/u.ms), 10) + " * " + u.name
		}
	}
	return strconv.FormatInt(int64(m), 10) + " * time.Millisecond"
}

// enum returns the option setting an attribute of the enum type typ (a
// type of package verbs, such as SayType), "" when v is empty.
func (g *gen) enum(opt, v, typ string) string {
	if v == "" {
		return ""
	}
	return "flow." + opt + "(" + g.enumValue(v, typ) + ")"
}

// enumValue returns the verbs constant for v, or a conversion of the
// string for a value the language does not define.
func (g *gen) enumValue(v, typ string) string {
	g.needVerbs = true
	if c, ok := enumConsts[typ][v]; ok {
		return "verbs." + c
	}
	return "verbs." + typ + "(" + quote(v) + ")"
}

// strs returns the variadic option setting a list of strings.
func strs(opt string, vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	qs := make([]string, len(vs))
	for i, s := range vs {
		qs[i] = quote(s)
	}
	return "flow." + opt + "(" + strings.Join(qs, ", ") + ")"
}

// ints returns the variadic option setting a list of integers.
func ints(opt string, vs []int) string {
	if len(vs) == 0 {
		return ""
	}
	qs := make([]string, len(vs))
	for i, n := range vs {
		qs[i] = strconv.Itoa(n)
	}
	return "flow." + opt + "(" + strings.Join(qs, ", ") + ")"
}

// enumList returns the variadic option setting a list of values of the
// enum type typ.
func enumList[T ~string](g *gen, opt string, vs []T, typ string) string {
	if len(vs) == 0 {
		return ""
	}
	qs := make([]string, len(vs))
	for i, v := range vs {
		qs[i] = g.enumValue(string(v), typ)
	}
	return "flow." + opt + "(" + strings.Join(qs, ", ") + ")"
}

// quote returns a Go string literal for s: a raw string for readable
// multi-line text, an interpreted one otherwise.
func quote(s string) string {
	if strings.Contains(s, "\n") && !strings.ContainsAny(s, "`\r") {
		ok := true
		for _, line := range strings.Split(s, "\n") {
			if !strconv.CanBackquote(line) {
				ok = false
				break
			}
		}
		if ok {
			return "`" + s + "`"
		}
	}
	return strconv.Quote(s)
}

// ident turns a value into the tail of a variable name: letters and digits
// kept, * # + spelled out, other characters dropped, and the letter
// starting the value or following a dropped character upper-cased
// ("x-custom" → "XCustom").
func ident(s string) string {
	var b strings.Builder
	upper := true
	for _, r := range s {
		switch {
		case r == '*':
			b.WriteString("Star")
		case r == '#':
			b.WriteString("Hash")
		case r == '+':
			b.WriteString("Plus")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if upper {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			upper = false
			continue
		}
		upper = true
	}
	return b.String()
}
