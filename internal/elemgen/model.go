package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// node is a type of package verbs that implements verbs.Node.
type node struct {
	Type string // the Go type name, such as Say
	// Name is the element name ElementName returns, "" for a comment, raw
	// text or raw element (nodes that are not elements of the language).
	Name    string
	Legacy  bool     // //elemgen:legacy: an element of the legacy dialect
	Aliases []string // //elemgen:alias: other spellings of the element name
	// OptionMarker is the marker method of the builder's option interface
	// of the element, such as sayOption (//elemgen:options overrides it).
	OptionMarker string
	Attrs        []attr  // the attributes and the text, in render order
	Lists        []list  // the child lists
	Slices       []field // other slice fields, copied by Clone
	Extra        bool    // the node has an Extra []Attr field
}

// attr is a field of an element written as an attribute or as the text.
type attr struct {
	Field  string // the Go field name, also the name of its builder option
	Type   string // the field's type as written in verbs: Opt[int], string, []Weekday
	XML    string // the attribute name; "" for the text content
	Legacy bool   // xml:",legacy"
	Signed bool   // xml:",signed": an integer that may be negative
	// Trim (xml:",text,trim") trims XML white space off the text content
	// and off the attribute alias that stands for it.
	Trim bool
	// TextForm (xml:"url,textform") lets the text content give the value
	// of this attribute too; the text is trimmed.
	TextForm bool
	Aliases  []string // alias:"…": other spellings accepted by the parser
	Option   string   // the builder option's name; "" when a builder argument sets it
	Validate string   // the validator rules of the field
}

// list is a child list of a node.
type list struct {
	Field string // Commands or Children
	Elem  string // the interface type of the items, such as DialChild
}

// field is any other field worth knowing.
type field struct {
	Name, Type string
}

// textFields returns the attributes the text content of n gives: its text
// field or a textform attribute.
func (n *node) textFields() []attr {
	var out []attr
	for _, a := range n.Attrs {
		if a.text() || a.TextForm {
			out = append(out, a)
		}
	}
	return out
}

// text reports whether the attribute is the element's text content.
func (a attr) text() bool { return a.XML == "" }

// kind returns how the value of the attribute is stored.
func (a attr) kind(enums map[string]bool) string {
	switch a.Type {
	case "string":
		return "string"
	case "Opt[int]":
		if a.Signed {
			return "signed"
		}
		return "count"
	case "Opt[Millis]":
		return "millis"
	case "Opt[bool]":
		return "bool"
	case "Opt[string]":
		return "optString"
	case "[]string":
		return "list"
	case "[]int":
		return "ints"
	}
	if strings.HasPrefix(a.Type, "[]") && enums[a.Type[2:]] {
		return "enumList"
	}
	if enums[a.Type] {
		return "enum"
	}
	return ""
}

// model is what the generator knows about package verbs.
type model struct {
	Nodes []*node
	// Enums are the string types of verbs (SayType, Leg, …).
	Enums map[string]bool
	// Ifaces are the child interfaces of verbs (Command, DialChild, …).
	Ifaces map[string]bool
	// IfaceOrder are the interfaces of Ifaces in source order.
	IfaceOrder []string
	// Records are the fields of the builder's recAttrs, the attribute
	// values a record keeps (builder/recattrs.go).
	Records []field
	// Consts are the constants of each enum type, in source order.
	Consts map[string][]enumConst
}

// enumConst is a constant of an enum type: const Female Gender = "FEMALE".
type enumConst struct {
	Name, Value string
}

// elements returns the nodes that are elements of the language.
func (m *model) elements() []*node {
	var out []*node
	for _, n := range m.Nodes {
		if n.Name != "" {
			out = append(out, n)
		}
	}
	return out
}

// load parses the Go files of the verbs directory.
func load(dir string) (*model, error) {
	fset := token.NewFileSet()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	m := &model{Enums: map[string]bool{}, Ifaces: map[string]bool{}, Consts: map[string][]enumConst{}}
	var consts []*ast.ValueSpec
	byType := map[string]*node{}
	var structs []*ast.TypeSpec
	var docs = map[string]*ast.CommentGroup{}
	var names = map[string]string{}
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") || strings.HasSuffix(p, "_gen.go") {
			continue
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, p, src, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if vs, ok := s.(*ast.ValueSpec); ok && d.Tok == token.CONST {
						consts = append(consts, vs)
						continue
					}
					ts, ok := s.(*ast.TypeSpec)
					if !ok {
						continue
					}
					doc := ts.Doc
					if doc == nil {
						doc = d.Doc
					}
					switch t := ts.Type.(type) {
					case *ast.StructType:
						structs = append(structs, ts)
						docs[ts.Name.Name] = doc
					case *ast.Ident:
						if t.Name == "string" {
							m.Enums[ts.Name.Name] = true
						}
					case *ast.InterfaceType:
						m.Ifaces[ts.Name.Name] = true
						m.IfaceOrder = append(m.IfaceOrder, ts.Name.Name)
					}
				}
			case *ast.FuncDecl:
				if d.Name.Name != "ElementName" || d.Recv == nil || len(d.Recv.List) != 1 {
					continue
				}
				star, ok := d.Recv.List[0].Type.(*ast.StarExpr)
				if !ok {
					continue
				}
				recv := star.X.(*ast.Ident).Name
				names[recv] = ""
				if len(d.Body.List) == 1 {
					if ret, ok := d.Body.List[0].(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
						if lit, ok := ret.Results[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							names[recv], _ = strconv.Unquote(lit.Value)
						}
					}
				}
			}
		}
	}
	for _, vs := range consts {
		typ, ok := vs.Type.(*ast.Ident)
		if !ok || !m.Enums[typ.Name] || len(vs.Names) != len(vs.Values) {
			continue
		}
		for i, id := range vs.Names {
			lit, ok := vs.Values[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return nil, fmt.Errorf("%s: constant %s of %s is not a string literal", fset.Position(id.Pos()), id.Name, typ.Name)
			}
			v, _ := strconv.Unquote(lit.Value)
			m.Consts[typ.Name] = append(m.Consts[typ.Name], enumConst{id.Name, v})
		}
	}
	for _, ts := range structs {
		name, ok := names[ts.Name.Name]
		if !ok {
			continue // not a node
		}
		n := &node{Type: ts.Name.Name, Name: name}
		n.OptionMarker = strings.ToLower(n.Type[:1]) + n.Type[1:] + "Option"
		if err := n.directives(docs[n.Type]); err != nil {
			return nil, err
		}
		if err := n.fields(ts.Type.(*ast.StructType), m, fset); err != nil {
			return nil, err
		}
		m.Nodes = append(m.Nodes, n)
		byType[n.Type] = n
	}
	return m, m.check()
}

// directives reads the //elemgen: lines of a type's doc comment.
func (n *node) directives(doc *ast.CommentGroup) error {
	if doc == nil {
		return nil
	}
	for _, c := range doc.List {
		rest, ok := strings.CutPrefix(c.Text, "//elemgen:")
		if !ok {
			continue
		}
		verb, arg, _ := strings.Cut(rest, " ")
		switch verb {
		case "legacy":
			n.Legacy = true
		case "alias":
			n.Aliases = append(n.Aliases, strings.Fields(arg)...)
		case "options":
			n.OptionMarker = strings.TrimSpace(arg)
		default:
			return fmt.Errorf("%s: unknown directive %s", n.Type, c.Text)
		}
	}
	return nil
}

// fields reads the fields of a node's struct.
func (n *node) fields(st *ast.StructType, m *model, fset *token.FileSet) error {
	for _, f := range st.Fields.List {
		typ := exprString(f.Type)
		var tag reflect.StructTag
		if f.Tag != nil {
			s, _ := strconv.Unquote(f.Tag.Value)
			tag = reflect.StructTag(s)
		}
		for _, id := range f.Names {
			switch {
			case id.Name == "Extra" && typ == "[]Attr":
				n.Extra = true
				continue
			case strings.HasPrefix(typ, "[]") && m.Ifaces[typ[2:]]:
				n.Lists = append(n.Lists, list{Field: id.Name, Elem: typ[2:]})
				continue
			}
			xmlTag, tagged := tag.Lookup("xml")
			if !tagged {
				if strings.HasPrefix(typ, "[]") {
					n.Slices = append(n.Slices, field{id.Name, typ})
				}
				if n.Name != "" {
					return fmt.Errorf("%s: field %s.%s has no xml tag", fset.Position(id.Pos()), n.Type, id.Name)
				}
				continue
			}
			parts := strings.Split(xmlTag, ",")
			a := attr{Field: id.Name, Type: typ, XML: parts[0], Option: id.Name, Validate: tag.Get("validate")}
			for _, p := range parts[1:] {
				switch p {
				case "text":
				case "legacy":
					a.Legacy = true
				case "signed":
					a.Signed = true
				case "trim":
					a.Trim = true
				case "textform":
					a.TextForm = true
				default:
					return fmt.Errorf("%s: unknown xml option %q", fset.Position(id.Pos()), p)
				}
			}
			if a.Trim && (!a.text() || typ != "string") || a.TextForm && (a.text() || typ != "string") {
				return fmt.Errorf("%s: %s.%s: trim goes with a string text field, textform with a string attribute", fset.Position(id.Pos()), n.Type, id.Name)
			}
			if (a.XML == "") != (len(parts) > 1 && parts[1] == "text") {
				return fmt.Errorf("%s: %s.%s: want xml:\"name\" or xml:\",text\"", fset.Position(id.Pos()), n.Type, id.Name)
			}
			if al := tag.Get("alias"); al != "" {
				a.Aliases = strings.Split(al, ",")
			}
			if o, ok := tag.Lookup("option"); ok {
				a.Option = o
				if o == "-" {
					a.Option = ""
				}
			}
			if a.kind(m.Enums) == "" {
				return fmt.Errorf("%s: %s.%s: type %s cannot be an attribute", fset.Position(id.Pos()), n.Type, id.Name, typ)
			}
			if strings.HasPrefix(typ, "[]") {
				n.Slices = append(n.Slices, field{id.Name, typ})
			}
			n.Attrs = append(n.Attrs, a)
		}
	}
	return nil
}

// check reports inconsistencies the generated code could not express: a
// builder option shared by elements must have one type, an attribute name
// and alias must be unique in its element.
func (m *model) check() error {
	for _, n := range m.Nodes {
		if len(n.Lists) > 1 {
			return fmt.Errorf("%s: more than one child list", n.Type)
		}
		if texts := len(n.textFields()); texts > 1 {
			return fmt.Errorf("%s: %d fields take the text content; one may", n.Type, texts)
		}
	}
	optType := map[string]string{}
	for _, n := range m.elements() {
		seen := map[string]bool{}
		for _, a := range n.Attrs {
			for _, name := range append([]string{a.XML}, a.Aliases...) {
				if name == "" && a.XML != "" {
					continue
				}
				key := name
				if key == "" {
					key = "#text"
				}
				if seen[key] {
					return fmt.Errorf("%s: attribute %q appears twice", n.Type, name)
				}
				seen[key] = true
			}
			if a.Option == "" {
				continue
			}
			if genCall(a, m) == "" {
				return fmt.Errorf("%s.%s: internal/gen has no form for a %s option; give it one in internal/elemgen/emit_gen.go or set it by a builder argument (option:\"-\")", n.Type, a.Field, a.Type)
			}
			if t, ok := optType[a.Option]; ok && t != a.Type {
				return fmt.Errorf("%s.%s: option %s is %s elsewhere, %s here; name it with option:\"…\"", n.Type, a.Field, a.Option, t, a.Type)
			}
			optType[a.Option] = a.Type
		}
	}
	return nil
}

func exprString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.ArrayType:
		return "[]" + exprString(e.Elt)
	case *ast.IndexExpr:
		return exprString(e.X) + "[" + exprString(e.Index) + "]"
	case *ast.StarExpr:
		return "*" + exprString(e.X)
	case *ast.SelectorExpr:
		return exprString(e.X) + "." + e.Sel.Name
	}
	return fmt.Sprintf("%T", e)
}
