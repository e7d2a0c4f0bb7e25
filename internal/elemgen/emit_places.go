package main

// emitPlaces writes placesOf, which names where the language allows a
// node: "a command list" for a command, and for every other child
// interface of verbs, in source order, the elements whose child list has
// that type.
func emitPlaces(p printer, m *model) {
	p("// placesOf returns where the language allows child: \"a command list\"\n")
	p("// and the elements whose children it may be, as <Name>.\n")
	p("func placesOf(child verbs.Node) []string {\n\tvar places []string\n")
	for _, iface := range m.IfaceOrder {
		var parents []string
		for _, n := range m.elements() {
			if len(n.Lists) > 0 && n.Lists[0].Elem == iface {
				parents = append(parents, "<"+n.Name+">")
			}
		}
		if len(parents) == 0 {
			continue // not the child list of an element (RawChild)
		}
		if iface == "Command" {
			parents = []string{"a command list"}
		}
		p("\tif _, ok := child.(verbs.%s); ok {\n", iface)
		for _, w := range parents {
			p("\t\tplaces = append(places, %q)\n", w)
		}
		p("\t}\n")
	}
	p("\treturn places\n}\n\n")
}
