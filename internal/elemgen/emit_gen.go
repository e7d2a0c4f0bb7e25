package main

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// genCall returns the expression of package internal/gen that formats the
// builder option setting attribute a of the node v, "" for a kind gen has
// no form for.
func genCall(a attr, m *model) string {
	field := "v." + a.Field
	switch a.kind(m.Enums) {
	case "string":
		return fmt.Sprintf("str(%q, %s)", a.Option, field)
	case "count", "signed":
		return fmt.Sprintf("num(%q, %s)", a.Option, field)
	case "bool":
		return fmt.Sprintf("boolean(%q, %s)", a.Option, field)
	case "millis":
		return fmt.Sprintf("g.dur(%q, %s)", a.Option, field)
	case "enum":
		return fmt.Sprintf("g.enum(%q, string(%s), %q)", a.Option, field, a.Type)
	case "list":
		return fmt.Sprintf("strs(%q, %s)", a.Option, field)
	case "ints":
		return fmt.Sprintf("ints(%q, %s)", a.Option, field)
	case "enumList":
		return fmt.Sprintf("enumList(g, %q, %s, %q)", a.Option, field, a.Type[2:])
	}
	return ""
}

// emitGen writes the attribute → builder option table of package
// internal/gen: for each element a method returning the options that
// rebuild its attributes, in render order, then its raw attributes; and
// the constants of each enum type by value.
func emitGen(b *bytes.Buffer, m *model) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("package gen\n\nimport \"github.com/opentact-go/opentact/verbs\"\n\n")
	for _, n := range m.elements() {
		var parts []string
		for _, a := range n.Attrs {
			if a.Option == "" {
				continue // an argument of the builder method
			}
			parts = append(parts, genCall(a, m))
		}
		if n.Extra {
			parts = append(parts, "v.Extra")
		}
		p("// options%s returns the builder options setting the attributes of v\n// (<%s>), in render order, then its raw attributes.\n", n.Type, n.Name)
		if len(parts) == 0 {
			p("func (g *gen) options%s(*verbs.%s) []string { return nil }\n\n", n.Type, n.Type)
			continue
		}
		args := strings.Join(parts, ", ")
		if len(parts) > 3 {
			args = "\n\t\t" + strings.Join(parts, ",\n\t\t") + ",\n\t"
		}
		p("func (g *gen) options%s(v *verbs.%s) []string {\n\treturn g.attrs(%s)\n}\n\n", n.Type, n.Type, args)
	}
	p("// enumConsts maps each enum type of package verbs to the names of its\n// constants by value.\n")
	p("var enumConsts = map[string]map[string]string{\n")
	for _, typ := range sortedKeys(m.Consts) {
		p("\t%q: {", typ)
		for i, c := range m.Consts[typ] {
			if i > 0 {
				p(", ")
			}
			p("%q: %q", c.Value, c.Name)
		}
		p("},\n")
	}
	p("}\n")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
