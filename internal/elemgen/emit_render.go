package main

import (
	"bytes"
	"fmt"
	"strings"
)

// emitRender writes the per-element code of package render: the writer,
// the attribute setters of the parser, the field checks, the string
// values the character check reads and the present attributes.
func emitRender(b *bytes.Buffer, m *model) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	p("package render\n\nimport (\n\t\"strconv\"\n\n\t\"github.com/opentact-go/opentact/verbs\"\n)\n\n")
	emitWriter(p, m)
	emitSetters(p, m)
	emitExtraOf(p, m)
	emitPresent(p, m)
	emitStrings(p, m)
	emitCommands(p, m)
	emitChildList(p, m)
	emitPlaces(p, m)
	emitText(p, m)
	emitChecks(p, m)
}

type printer func(format string, args ...any)

// emitWriter writes element, the writer of every element.
func emitWriter(p printer, m *model) {
	p("// element writes n when it is an element of the language, attributes in\n")
	p("// the order of the table, and reports whether it was one.\n")
	p("func (w *writer) element(n verbs.Node) bool {\n\tswitch v := n.(type) {\n")
	for _, n := range m.elements() {
		p("\tcase *verbs.%s:\n\t\tw.start(v, %q)\n", n.Type, n.Name)
		var text *attr
		for i, a := range n.Attrs {
			if a.text() {
				text = &n.Attrs[i]
				continue
			}
			switch a.kind(m.Enums) {
			case "string":
				p("\t\tw.attr(%q, v.%s)\n", a.XML, a.Field)
			case "enum":
				p("\t\tw.attr(%q, string(v.%s))\n", a.XML, a.Field)
			case "count", "signed":
				p("\t\tw.optInt(%q, v.%s)\n", a.XML, a.Field)
			case "millis":
				p("\t\tw.optMillis(%q, v.%s)\n", a.XML, a.Field)
			case "bool":
				p("\t\tw.optBool(%q, v.%s)\n", a.XML, a.Field)
			case "optString":
				p("\t\tw.optString(%q, v.%s)\n", a.XML, a.Field)
			case "list", "enumList":
				p("\t\tlistAttr(w, %q, v.%s)\n", a.XML, a.Field)
			case "ints":
				p("\t\tw.ints(%q, v.%s)\n", a.XML, a.Field)
			}
		}
		if n.Extra {
			p("\t\tw.extra(v.Extra)\n")
		}
		switch {
		case text != nil && text.kind(m.Enums) == "optString":
			p("\t\tif v.%s.Set {\n\t\t\tw.text(%q, v.%s.Val)\n\t\t} else {\n\t\t\tw.end()\n\t\t}\n", text.Field, n.Name, text.Field)
		case text != nil:
			p("\t\tw.text(%q, v.%s)\n", n.Name, text.Field)
		case len(n.Lists) > 0:
			p("\t\twriteChildren(w, %q, v.%s)\n", n.Name, n.Lists[0].Field)
		default:
			p("\t\tw.end()\n")
		}
	}
	p("\tdefault:\n\t\treturn false\n\t}\n\treturn true\n}\n\n")
}

// emitSetters writes setAttr, which stores a parsed attribute.
func emitSetters(p printer, m *model) {
	p("// setAttr stores the value of the attribute canon (canonical name; \"\" for\n")
	p("// the text given as an attribute) in n.\n")
	p("func (p *parser) setAttr(n verbs.Node, canon string, a parsedAttr) {\n\tswitch n := n.(type) {\n")
	for _, n := range m.elements() {
		var cases []attr
		for _, a := range n.Attrs {
			if !a.text() || len(a.Aliases) > 0 {
				cases = append(cases, a)
			}
		}
		if len(cases) == 0 {
			continue
		}
		p("\tcase *verbs.%s:\n\t\tswitch canon {\n", n.Type)
		for _, a := range cases {
			p("\t\tcase %q:\n\t\t\t", a.XML)
			dst := "n." + a.Field
			switch a.kind(m.Enums) {
			case "string":
				p("%s = p.str(a)\n", dst)
			case "enum":
				if a.Type == "Method" {
					p("%s = p.method(a)\n", dst)
				} else {
					p("%s = verbs.%s(p.str(a))\n", dst, a.Type)
				}
			case "count":
				p("%s = p.count(a)\n", dst)
			case "signed":
				p("%s = p.signed(a)\n", dst)
			case "millis":
				p("%s = p.millis(a)\n", dst)
			case "bool":
				p("%s = p.boolean(a)\n", dst)
			case "optString":
				p("%s = verbs.Some(a.value)\n", dst)
			case "list":
				p("%s = p.list(a)\n", dst)
			case "enumList":
				p("for _, s := range p.list(a) {\n\t\t\t\t%s = append(%s, verbs.%s(s))\n\t\t\t}\n", dst, dst, a.Type[2:])
			case "ints":
				p("%s = p.ints(a)\n", dst)
			}
		}
		p("\t\t}\n")
	}
	p("\t}\n}\n\n")
}

// emitExtraOf writes extraOf.
func emitExtraOf(p printer, m *model) {
	p("// extraOf returns where an element keeps its unknown attributes, nil for\n// another node.\n")
	p("func extraOf(n verbs.Node) *[]verbs.Attr {\n\tswitch n := n.(type) {\n")
	for _, n := range m.elements() {
		if n.Extra {
			p("\tcase *verbs.%s:\n\t\treturn &n.Extra\n", n.Type)
		}
	}
	p("\t}\n\treturn nil\n}\n\n")
}

// present is the Go condition of an attribute being present.
func present(a attr, m *model, v string) string {
	switch a.kind(m.Enums) {
	case "string", "enum":
		return v + "." + a.Field + ` != ""`
	case "list", "enumList", "ints":
		return "len(" + v + "." + a.Field + ") > 0"
	}
	return v + "." + a.Field + ".Set"
}

// emitPresent writes eachPresentAttr.
func emitPresent(p printer, m *model) {
	p("// eachPresentAttr calls f with the name of each attribute of n that is\n// present, in render order.\n")
	p("func eachPresentAttr(n verbs.Node, f func(attr string)) {\n\tswitch v := n.(type) {\n")
	for _, n := range m.elements() {
		var as []attr
		for _, a := range n.Attrs {
			if !a.text() {
				as = append(as, a)
			}
		}
		if len(as) == 0 {
			continue
		}
		p("\tcase *verbs.%s:\n", n.Type)
		for _, a := range as {
			p("\t\tif %s {\n\t\t\tf(%q)\n\t\t}\n", present(a, m, "v"), a.XML)
		}
	}
	p("\t}\n}\n\n")
}

// emitStrings writes elementChars, the character check of every string
// value of an element.
func emitStrings(p printer, m *model) {
	p("// elementChars checks every string value of an element, attributes in\n")
	p("// render order, then the text, then its unmodelled attributes, and\n// reports whether n was an element.\n")
	p("func (c *checker) elementChars(n verbs.Node, l loc) bool {\n\tswitch v := n.(type) {\n")
	for _, n := range m.elements() {
		p("\tcase *verbs.%s:\n", n.Type)
		for _, a := range n.Attrs {
			kind := "valueAttr"
			if a.text() {
				kind = "valueText"
			}
			switch a.kind(m.Enums) {
			case "string":
				p("\t\tc.chars(l, %s, %q, v.%s, 0)\n", kind, a.XML, a.Field)
			case "enum":
				p("\t\tc.chars(l, %s, %q, string(v.%s), 0)\n", kind, a.XML, a.Field)
			case "optString":
				p("\t\tif v.%s.Set {\n\t\t\tc.chars(l, %s, %q, v.%s.Val, 0)\n\t\t}\n", a.Field, kind, a.XML, a.Field)
			case "list", "enumList":
				p("\t\tlistChars(c, l, %q, v.%s)\n", a.XML, a.Field)
			}
		}
		if n.Extra {
			p("\t\tc.attrChars(l, v.Extra)\n")
		}
	}
	p("\tdefault:\n\t\treturn false\n\t}\n\treturn true\n}\n\n")
}

// emitCommands writes commandsOf.
func emitCommands(p printer, m *model) {
	p("// commandsOf returns the command list of n and whether n has one.\n")
	p("func commandsOf(n verbs.Node) ([]verbs.Command, bool) {\n\tswitch v := n.(type) {\n")
	for _, n := range m.Nodes {
		if len(n.Lists) > 0 && n.Lists[0].Elem == "Command" {
			p("\tcase *verbs.%s:\n\t\treturn v.%s, true\n", n.Type, n.Lists[0].Field)
		}
	}
	p("\t}\n\treturn nil, false\n}\n\n")
}

// emitChildList writes childList, which the parser places children with.
func emitChildList(p printer, m *model) {
	p("// childList checks child against the type of the child list of parent\n")
	p("// when kids is nil, and otherwise sets that list to kids. It reports\n")
	p("// whether parent has a list of that type.\n")
	p("func childList(parent, child verbs.Node, kids []verbs.Node) bool {\n\tswitch v := parent.(type) {\n")
	for _, n := range m.Nodes {
		if len(n.Lists) > 0 {
			p("\tcase *verbs.%s:\n\t\treturn listOp(&v.%s, child, kids)\n", n.Type, n.Lists[0].Field)
		}
	}
	p("\t}\n\treturn false\n}\n\n")
}

// emitChecks writes fieldRules, the validate tags compiled to Go.
func emitChecks(p printer, m *model) {
	p("// fieldRules applies the validate tags of the fields of n, compiled to Go\n")
	p("// checks: the first rule of a value that fails is reported, as the\n")
	p("// validator reports it (TestFieldRulesAgreeWithValidator).\n")
	p("func (c *checker) fieldRules(n verbs.Node, l loc) {\n\tswitch v := n.(type) {\n")
	for _, n := range m.elements() {
		var body strings.Builder
		for _, a := range n.Attrs {
			if a.Validate == "" || a.Validate == "dive" {
				continue
			}
			body.WriteString(checkField(n, a, m))
		}
		if body.Len() > 0 {
			p("\tcase *verbs.%s:\n%s", n.Type, body.String())
		}
	}
	p("\t}\n}\n")
}

// checkField returns the checks of one field.
func checkField(n *node, a attr, m *model) string {
	rules := strings.Split(a.Validate, ",")
	kind := a.kind(m.Enums)
	val := "v." + a.Field
	var guard string
	switch {
	case rules[0] == "omitnil":
		rules = rules[1:]
		guard = val + ".Set"
		val += ".Val"
	case rules[0] == "omitempty" && (kind == "string" || kind == "enum"):
		rules = rules[1:]
		guard = val + ` != ""`
	case rules[0] == "dive" && (kind == "list" || kind == "enumList" || kind == "ints"):
		rules = rules[1:]
		return "\t\tfor _, x := range " + val + " {\n" + ruleChain(n, a, rules, "x", elemKind(kind), "\t\t\t") + "\t\t}\n"
	}
	switch kind {
	case "count", "signed", "millis", "bool", "optString":
		if guard == "" {
			panic(fmt.Sprintf("%s.%s: an Opt field's rules must start with omitnil", n.Type, a.Field))
		}
		kind = map[string]string{"count": "int", "signed": "int", "millis": "int", "bool": "bool", "optString": "string"}[kind]
	case "string", "enum":
		kind = "string"
	default:
		panic(fmt.Sprintf("%s.%s: rules %q on a %s need dive", n.Type, a.Field, a.Validate, a.Type))
	}
	chain := ruleChain(n, a, rules, val, kind, "\t\t")
	if guard == "" {
		return chain
	}
	return "\t\tif " + guard + " {\n" + indent(chain) + "\t\t}\n"
}

func indent(s string) string {
	lines := strings.SplitAfter(s, "\n")
	var b strings.Builder
	for _, l := range lines {
		if l != "" {
			b.WriteString("\t" + l)
		}
	}
	return b.String()
}

func elemKind(kind string) string {
	if kind == "ints" {
		return "int"
	}
	return "string"
}

// ruleChain returns an if/else-if chain reporting the first rule of rules
// that the value x (of Go kind int or string) fails.
func ruleChain(n *node, a attr, rules []string, x, kind, ind string) string {
	var b strings.Builder
	report := fmt.Sprintf("c.attrRule(l, %q, %q, ", a.XML, a.Field)
	if a.text() {
		report = fmt.Sprintf("c.textRule(l, %q, ", n.Name)
	}
	str := x
	if kind == "string" {
		str = "string(" + x + ")"
	}
	got := "strconv.Quote(" + str + ")"
	if kind == "int" {
		got = "strconv.FormatInt(int64(" + x + "), 10)"
	}
	for i, r := range rules {
		name, param, _ := strings.Cut(r, "=")
		var cond, rule, msg string
		switch name {
		case "required":
			cond, rule, msg = str+` == ""`, "required", `"is required"`
		case "gte":
			cond, rule, msg = x+" < "+param, "range", `"must be at least `+param+`, got "+`+got
		case "lte":
			cond, rule, msg = x+" > "+param, "range", `"must be at most `+param+`, got "+`+got
		case "oneof":
			vals := strings.Fields(param)
			var cs []string
			for _, v := range vals {
				cs = append(cs, str+" != "+fmt.Sprintf("%q", v))
			}
			cond, rule, msg = strings.Join(cs, " && "), "enum", `"must be one of `+strings.Join(vals, ", ")+`, got "+`+got
		default:
			if kind != "string" {
				panic(fmt.Sprintf("%s.%s: rule %s on a number", n.Type, a.Field, name))
			}
			cond = fmt.Sprintf("!%s(%s)", customFuncs[name], str)
			rule = "customRules[" + fmt.Sprintf("%q", name) + "].rule"
			msg = `"must be "+customRules[` + fmt.Sprintf("%q", name) + `].want+", got "+` + got
			if customFuncs[name] == "" {
				panic(fmt.Sprintf("%s.%s: unknown rule %s", n.Type, a.Field, name))
			}
		}
		if rule != "" && !strings.HasPrefix(rule, "customRules") {
			rule = fmt.Sprintf("%q", rule)
		}
		if i == 0 {
			b.WriteString(ind + "if " + cond + " {\n")
		} else {
			b.WriteString(ind + "} else if " + cond + " {\n")
		}
		b.WriteString(ind + "\t" + report + rule + ", " + msg + ")\n")
	}
	if len(rules) > 0 {
		b.WriteString(ind + "}\n")
	}
	return b.String()
}

// customFuncs are the rule functions of package render behind the custom
// validator tags.
var customFuncs = map[string]string{
	"dtmfkeys":    "isDTMFKeys",
	"dtmfkey":     "isDTMFKey",
	"dtmfvalue":   "isDTMFValue",
	"langtag":     "isLangTag",
	"httpurl":     "isHTTPURL",
	"destination": "isDestination",
	"usps":        "isUSPS",
	"timerange":   "isTimeRange",
}
