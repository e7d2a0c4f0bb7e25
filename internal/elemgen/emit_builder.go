package main

import (
	"bytes"
	"fmt"
	"sort"
)

// option is a builder option: one name, the attributes it sets and the
// elements whose option interfaces accept it.
type option struct {
	Name    string
	Type    string // the type of the verbs field
	XML     string // the attribute name
	Markers []string
	Legacy  bool
}

// options returns the builder options of the table, sorted by name.
func (m *model) options() ([]*option, error) {
	byName := map[string]*option{}
	for _, n := range m.elements() {
		for _, a := range n.Attrs {
			if a.Option == "" {
				continue
			}
			o, ok := byName[a.Option]
			if !ok {
				o = &option{Name: a.Option, Type: a.Type, XML: a.XML, Legacy: a.Legacy}
				byName[a.Option] = o
			}
			if o.XML != a.XML {
				return nil, fmt.Errorf("option %s sets %s and %s; give one of them another option name", o.Name, o.XML, a.XML)
			}
			if !contains(o.Markers, n.OptionMarker) {
				o.Markers = append(o.Markers, n.OptionMarker)
			}
		}
	}
	var out []*option
	for _, o := range byName {
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// param returns the Go type an option takes for a field type.
func param(typ string, m *model) string {
	switch typ {
	case "Opt[Millis]":
		return "time.Duration"
	case "Opt[int]":
		return "int"
	case "Opt[bool]":
		return "bool"
	case "Opt[string]", "string":
		return "string"
	case "[]string", "[]int":
		return typ
	}
	if len(typ) > 2 && typ[:2] == "[]" {
		return "[]verbs." + typ[2:]
	}
	return "verbs." + typ
}

// storage returns the Go type the settings keep an option's value in.
func storage(typ string) string {
	switch typ {
	case "string", "[]string", "[]int":
		return typ
	case "Opt[Millis]":
		return "verbs.Opt[verbs.Millis]"
	}
	if typ[:2] == "[]" {
		return "[]verbs." + typ[2:]
	}
	return "verbs." + typ
}

// emitBuilder writes the option plumbing of package flow (builder/): the
// option types with their apply and marker methods, the settings they
// fill, and the functions copying the settings into each element.
func emitBuilder(b *bytes.Buffer, m *model) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	opts, err := m.options()
	if err != nil {
		panic(err)
	}
	p("package flow\n\nimport (\n\t\"time\"\n\n\t\"github.com/opentact-go/opentact/verbs\"\n)\n\n")
	for _, o := range opts {
		p("// %sAttr sets the %s attribute; see %s.\n", o.Name, o.XML, o.Name)
		if o.Legacy {
			p("//\n// Deprecated: legacy dialect.\n")
		}
		p("type %sAttr struct{ v %s }\n\n", o.Name, param(o.Type, m))
		var val string
		switch o.Type {
		case "Opt[Millis]":
			val = fmt.Sprintf("s.millis(%q, %q, o.v)", o.XML, o.Name)
		case "Opt[int]", "Opt[bool]", "Opt[string]":
			val = "verbs.Some(o.v)"
		default:
			if o.Type[:2] == "[]" {
				val = "append(" + param(o.Type, m) + "(nil), o.v...)"
			} else {
				val = "o.v"
			}
		}
		p("func (o %sAttr) apply(s *settings) { s.attrs.%s = %s }\n", o.Name, o.Name, val)
		for _, mk := range o.Markers {
			p("func (%sAttr) %s() {}\n", o.Name, mk)
		}
		p("\n")
	}
	p("// attrValues holds the values the attribute options set, one field per\n// option.\ntype attrValues struct {\n")
	for _, o := range opts {
		p("\t%s %s\n", o.Name, storage(o.Type))
	}
	p("}\n\n")
	p("// applyAttrOption applies o when it is an attribute option and reports\n")
	p("// whether it was one. Each apply method is called statically, so that\n// neither s nor the option escapes.\n")
	p("func applyAttrOption(s *settings, o any) bool {\n\tswitch o := o.(type) {\n")
	for _, o := range opts {
		p("\tcase %sAttr:\n\t\to.apply(s)\n", o.Name)
	}
	p("\tdefault:\n\t\treturn false\n\t}\n\treturn true\n}\n\n")
	for _, n := range m.elements() {
		var set []attr
		for _, a := range n.Attrs {
			if a.Option != "" {
				set = append(set, a)
			}
		}
		if len(set) == 0 {
			continue
		}
		p("// fill%s copies the attribute options and raw attributes into n.\n", n.Type)
		p("func (s *settings) fill%s(n *verbs.%s) {\n", n.Type, n.Type)
		for _, a := range set {
			p("\tn.%s = s.attrs.%s\n", a.Field, a.Option)
		}
		if n.Extra {
			p("\tn.Extra = s.extra\n")
		}
		p("}\n\n")
	}
}
