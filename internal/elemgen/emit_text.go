package main

// emitText writes textElement and setText, how the parser stores the text
// content of an element: in its text field, trimmed when the field is
// tagged trim, or in its textform attribute; a text given both as content
// and by its attribute form is a conflict.
func emitText(p printer, m *model) {
	p("// textElement reports whether the element n holds text content.\n")
	p("func textElement(n verbs.Node) bool {\n\tswitch n.(type) {\n\tcase ")
	first := true
	for _, n := range m.elements() {
		if len(n.textFields()) == 0 {
			continue
		}
		if !first {
			p(", ")
		}
		first = false
		p("*verbs.%s", n.Type)
	}
	p(":\n\t\treturn true\n\t}\n\treturn false\n}\n\n")

	p("// setText stores text, the text content of the element of f.\n")
	p("func (p *parser) setText(f *frame, text string) {\n\tswitch n := f.node.(type) {\n")
	for _, n := range m.elements() {
		fs := n.textFields()
		if len(fs) == 0 {
			continue
		}
		a := fs[0]
		dst := "n." + a.Field
		p("\tcase *verbs.%s:\n", n.Type)
		aliased := len(a.Aliases) > 0 || a.TextForm
		switch {
		case a.kind(m.Enums) == "optString":
			p("\t\tif f.sawText {\n\t\t\t%s = verbs.Some(text)\n\t\t}\n", dst)
		case (a.Trim || a.TextForm) && aliased:
			p("\t\tp.trimmedText(f, text, &%s)\n", dst)
		case a.Trim || a.TextForm:
			p("\t\t%s = trimXMLSpace(text)\n", dst)
		case aliased:
			p("\t\tif f.textAttr == \"\" {\n\t\t\t%s = text\n\t\t} else if !onlyXMLSpace(text) {\n\t\t\tp.textConflict(f)\n\t\t}\n", dst)
		default:
			p("\t\t%s = text\n", dst)
		}
	}
	p("\t}\n}\n\n")
}
