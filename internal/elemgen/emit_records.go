package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// recordFields returns the fields of the struct recAttrs of package flow
// (builder/recattrs.go): the attribute values a record keeps. Which ones
// it keeps is a choice made there by hand; every other value makes the
// builder keep a node instead, so a new attribute needs no record code.
func recordFields(path string) ([]field, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, 0)
	if err != nil {
		return nil, err
	}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, s := range gd.Specs {
			ts, ok := s.(*ast.TypeSpec)
			if !ok || ts.Name.Name != "recAttrs" {
				continue
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return nil, fmt.Errorf("%s: recAttrs is not a struct", path)
			}
			var out []field
			for _, fl := range st.Fields.List {
				for _, id := range fl.Names {
					out = append(out, field{id.Name, exprString(fl.Type)})
				}
			}
			return out, nil
		}
	}
	return nil, fmt.Errorf("%s: no type recAttrs", path)
}

// isSet returns the condition under which the attribute value x of type
// typ (a verbs field type) is set.
func isSet(x, typ string) string {
	switch {
	case strings.HasPrefix(typ, "Opt["):
		return x + ".Set"
	case strings.HasPrefix(typ, "[]"):
		return "len(" + x + ") > 0"
	}
	return x + ` != ""`
}

// emitRecords writes the record plumbing of package flow: refused, which
// tells the attribute values a record cannot keep, and the copies between
// attrValues and recAttrs.
func emitRecords(b *bytes.Buffer, m *model) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	opts, err := m.options()
	if err != nil {
		panic(err)
	}
	kept := map[string]bool{}
	for _, f := range m.Records {
		kept[f.Name] = true
	}
	var refused []string
	for _, o := range opts {
		if !kept[o.Name] {
			refused = append(refused, isSet("a."+o.Name, o.Type))
		}
	}
	p("package flow\n\n")
	p("// refused reports a value of a that records do not keep: one of an\n")
	p("// attribute option that recAttrs has no field for.\n")
	p("func refused(a *attrValues) bool {\n")
	if len(refused) == 0 {
		p("\treturn false\n}\n\n")
	} else {
		p("\treturn %s\n}\n\n", strings.Join(refused, " ||\n\t\t"))
	}
	var copies []string
	for _, f := range m.Records {
		copies = append(copies, fmt.Sprintf("%s: %%s.%s", f.Name, f.Name))
	}
	list := func(from string) string {
		var out []string
		for _, c := range copies {
			out = append(out, fmt.Sprintf(c, from))
		}
		return "\n\t\t" + strings.Join(out, ",\n\t\t") + ",\n\t"
	}
	// compact stores field by field: a struct literal copied into r would
	// be made on the stack and moved as a whole, with a bulk write barrier.
	p("// compact stores in r the values of a that records keep, one field at a\n")
	p("// time.\n")
	p("func compact(r *recAttrs, a *attrValues) {\n")
	for _, f := range m.Records {
		p("\tr.%s = a.%s\n", f.Name, f.Name)
	}
	p("}\n\n")
	p("// expand returns the attribute values r stands for.\n")
	p("func (r *recAttrs) expand() attrValues {\n\tif r == nil {\n\t\treturn attrValues{}\n\t}\n")
	p("\treturn attrValues{%s}\n}\n", list("r"))
}
