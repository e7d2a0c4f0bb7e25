package main

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// emitVerbs writes the nil checks, child walks and Clone of package verbs.
func emitVerbs(b *bytes.Buffer, m *model) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("package verbs\n\nimport \"slices\"\n\n")

	p("// IsNil reports whether n is nil or a nil pointer of a node type of this\n")
	p("// package, without reflection.\nfunc IsNil(n Node) bool {\n\tswitch v := n.(type) {\n\tcase nil:\n\t\treturn true\n")
	for _, n := range m.Nodes {
		p("\tcase *%s:\n\t\treturn v == nil\n", n.Type)
	}
	p("\t}\n\treturn false\n}\n\n")

	p("// EachEntry calls f for every entry of the child list of n in document\n")
	p("// order, with its index in the list: unlike EachChild, nil and typed-nil\n")
	p("// entries are included (test them with IsNil), so a checker can report\n")
	p("// them at their place. A node without children has no entries.\n")
	p("func EachEntry(n Node, f func(i int, c Node)) {\n\tswitch v := n.(type) {\n")
	for _, n := range m.Nodes {
		if len(n.Lists) == 0 {
			continue
		}
		p("\tcase *%s:\n", n.Type)
		for _, l := range n.Lists {
			p("\t\tfor i, c := range v.%s {\n\t\t\tf(i, c)\n\t\t}\n", l.Field)
		}
	}
	p("\t}\n}\n\n")

	p("// cloneNode returns a deep copy of n; a nil n is returned as it is.\n")
	p("func cloneNode(n Node) Node {\n\tif IsNil(n) {\n\t\treturn n\n\t}\n\tswitch v := n.(type) {\n")
	for _, n := range m.Nodes {
		p("\tcase *%s:\n\t\tc := *v\n", n.Type)
		if n.Extra {
			p("\t\tc.Extra = slices.Clone(v.Extra)\n")
		}
		for _, s := range n.Slices {
			p("\t\tc.%s = slices.Clone(v.%s)\n", s.Name, s.Name)
		}
		for _, l := range n.Lists {
			p("\t\tc.%s = cloneList(v.%s)\n", l.Field, l.Field)
		}
		p("\t\treturn &c\n")
	}
	p("\t}\n\treturn n\n}\n\n")

	var names []string
	for _, n := range m.elements() {
		names = append(names, fmt.Sprintf("%q", n.Name))
	}
	sort.Strings(names)
	p("// elementNames are the canonical names of the elements, sorted.\n")
	p("var elementNames = []string{%s}\n", strings.Join(names, ", "))
}
