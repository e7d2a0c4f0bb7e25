package main

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// emitSpec writes the element table of package internal/spec.
func emitSpec(b *bytes.Buffer, m *model) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("package spec\n\nimport \"github.com/opentact-go/opentact/verbs\"\n\n")
	p("var elements = []Element{\n")
	for _, n := range m.elements() {
		p("\t{\n\t\tName: %q,\n", n.Name)
		var attrs, legacy []string
		aliases := map[string]string{}
		for _, a := range n.Attrs {
			for _, al := range a.Aliases {
				aliases[al] = a.XML
			}
			if a.text() {
				continue
			}
			attrs = append(attrs, fmt.Sprintf("%q", a.XML))
			if a.Legacy {
				legacy = append(legacy, fmt.Sprintf("%q", a.XML))
			}
		}
		if len(attrs) > 0 {
			p("\t\tAttrs: []string{%s},\n", strings.Join(attrs, ", "))
		}
		if len(legacy) > 0 {
			p("\t\tLegacyAttrs: []string{%s},\n", strings.Join(legacy, ", "))
		}
		if len(aliases) > 0 {
			keys := make([]string, 0, len(aliases))
			for k := range aliases {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			p("\t\tAttrAliases: map[string]string{")
			for i, k := range keys {
				if i > 0 {
					p(", ")
				}
				p("%q: %q", k, aliases[k])
			}
			p("},\n")
		}
		if len(n.Attrs) > 0 {
			p("\t\tFields: []Field{\n")
			for _, a := range n.Attrs {
				p("\t\t\t{Attr: %q, Go: %q, Option: %q, Kind: %q, Rules: %q, Legacy: %v},\n", a.XML, a.Field, a.Option, a.kind(m.Enums), a.Validate, a.Legacy)
			}
			p("\t\t},\n")
		}
		for _, a := range n.textFields() {
			if a.TextForm {
				p("\t\tTextForm: %q,\n", a.XML)
			}
			if a.Trim || a.TextForm {
				p("\t\tTrimText: true,\n")
			}
		}
		if n.Legacy {
			p("\t\tLegacy: true,\n")
		}
		p("\t\tNew: func() verbs.Node { return new(verbs.%s) },\n\t},\n", n.Type)
	}
	p("}\n\n")
	p("var elementAliases = map[string]string{\n")
	for _, n := range m.elements() {
		for _, al := range n.Aliases {
			p("\t%q: %q,\n", al, n.Name)
		}
	}
	p("}\n\n")
	p("// indexOf returns the index in elements of the element type of n, -1\n// for any other node.\n")
	p("func indexOf(n verbs.Node) int {\n\tswitch n.(type) {\n")
	for i, n := range m.elements() {
		p("\tcase *verbs.%s:\n\t\treturn %d\n", n.Type, i)
	}
	p("\t}\n\treturn -1\n}\n")
}
