package gen_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/internal/gen"
	"github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// TestEveryAttributeRoundTrips builds, from the element table alone, one
// document per value of every attribute (and text content) of every
// element, each attribute set to a valid value derived from its kind and
// rules and placed in the smallest valid context the table allows. Every
// document must keep its attribute through parse → render, and the Go code
// gen writes for it, compiled and run in one program, must print the same
// bytes: an attribute gen forgets, or one the parser or the writer drops,
// fails here without anyone writing a document for it.
func TestEveryAttributeRoundTrips(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a program")
	}
	t.Parallel()
	cases := tableCases(t)
	files := map[string][]byte{}
	var main bytes.Buffer
	main.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n\tflow \"github.com/opentact-go/opentact/builder\"\n\t\"github.com/opentact-go/opentact/render\"\n)\n\n")
	main.WriteString("func main() {\n\tfor _, f := range []func() *flow.Flow{\n")
	for i, c := range cases {
		fn := fmt.Sprintf("attr%d", i)
		src, err := gen.Generate(c.doc, gen.Options{Package: "main", Func: fn, Source: c.name})
		if err != nil {
			t.Fatalf("%s: %v\n%s", c.name, err, c.src)
		}
		files[fn+".go"] = src
		fmt.Fprintf(&main, "\t\t%s,\n", fn)
	}
	main.WriteString("\t} {\n\t\tb, err := f().XML()\n\t\tif err != nil && !render.IsWarnings(err) {\n\t\t\tb = []byte(\"ERROR: \" + err.Error())\n\t\t}\n")
	main.WriteString("\t\tos.Stdout.Write(b)\n\t\tfmt.Print(\"\\x00\")\n\t}\n}\n")
	files["main.go"] = main.Bytes()
	out := bytes.Split(goRun(t, files), []byte{0})
	if len(out) != len(cases)+1 {
		t.Fatalf("the program printed %d documents, want %d", len(out)-1, len(cases))
	}
	for i, c := range cases {
		if !bytes.Equal(out[i], c.want) {
			t.Errorf("%s: the generated flow prints\n%s\nwant (parse → render)\n%s", c.name, out[i], c.want)
		}
	}
	t.Logf("%d documents, one program", len(cases))
}

// tableCase is one document of TestEveryAttributeRoundTrips.
type tableCase struct {
	name string // such as <Say loop="2">
	src  string
	doc  *verbs.Response
	want []byte // render.Append of doc
}

// tableCases returns the documents of every attribute value of every
// element and checks the parse → render half of their round trip.
func tableCases(t *testing.T) []tableCase {
	t.Helper()
	tb := newTable()
	var out []tableCase
	add := func(name, src string, el spec.Element, attr, value string) {
		r, err := render.Parse([]byte(src))
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, src)
		}
		want, err := render.Append(nil, r)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, src)
		}
		// The attribute survives parse → render with its value, as
		// encoding/xml reads it back.
		if attr != "" || value != "" {
			if !holds(want, el.Name, attr, value) {
				t.Errorf("%s: parse → render lost the value:\n%s", name, want)
			}
		}
		again, err := render.Parse(want)
		if err != nil {
			t.Fatalf("%s: the rendered document does not parse: %v", name, err)
		}
		if b, _ := render.Append(nil, again); !bytes.Equal(b, want) {
			t.Errorf("%s: render is not stable:\n%s\nthen\n%s", name, want, b)
		}
		out = append(out, tableCase{name: name, src: src, doc: r, want: want})
	}
	for _, el := range tb.els {
		if len(el.Fields) == 0 {
			doc, ok := tb.document(el, nil)
			if !ok {
				t.Errorf("<%s>: no valid document holds it", el.Name)
				continue
			}
			add("<"+el.Name+">", doc, el, "", "")
			continue
		}
		for _, f := range el.Fields {
			vs := samples(f)
			if len(vs) == 0 {
				t.Errorf("<%s> %s: no sample value for kind %q, rules %q", el.Name, f.Go, f.Kind, f.Rules)
			}
			for _, v := range vs {
				if f.Attr == "" && v == "" {
					continue // no text and empty text are one document
				}
				name := fmt.Sprintf("<%s %s=%q>", el.Name, f.Attr, v)
				if f.Attr == "" {
					name = fmt.Sprintf("<%s>%s", el.Name, v)
				}
				doc, ok := tb.document(el, map[string]string{f.Attr: v})
				if !ok {
					t.Errorf("%s: no valid document holds it", name)
					continue
				}
				add(name, doc, el, f.Attr, v)
			}
		}
	}
	if len(out) < len(tb.els) {
		t.Fatalf("%d documents for %d elements", len(out), len(tb.els))
	}
	return out
}

// samples returns the valid values of a field derived from its kind and
// rules: every value of an enumeration, both booleans, the boundary of a
// numeric rule, a value of each custom rule, and text that needs escaping
// where no rule restricts it.
func samples(f spec.Field) []string {
	rules := map[string]string{}
	for _, r := range strings.Split(f.Rules, ",") {
		k, v, _ := strings.Cut(r, "=")
		rules[k] = v
	}
	custom := func() (string, bool) {
		for rule, v := range map[string]string{
			"httpurl":     "https://example.com/a?x=1&y=2",
			"dtmfkey":     "#",
			"dtmfkeys":    "#*1",
			"dtmfvalue":   "12#",
			"destination": "12223334455",
			"usps":        "NJ",
			"langtag":     "en-US",
			"timerange":   "09:00:00-17:30:00",
		} {
			if _, ok := rules[rule]; ok {
				return v, true
			}
		}
		return "", false
	}
	number := func(def int) string {
		switch {
		case rules["gte"] != "":
			n, _ := strconv.Atoi(rules["gte"])
			return strconv.Itoa(n + 1)
		case rules["lte"] != "":
			n, _ := strconv.Atoi(rules["lte"])
			return strconv.Itoa(n - 3)
		}
		return strconv.Itoa(def)
	}
	oneof := strings.Fields(rules["oneof"])
	switch f.Kind {
	case "string", "optString":
		if v, ok := custom(); ok {
			return []string{v}
		}
		if f.Kind == "optString" {
			return []string{"", `a & "b" <c>`}
		}
		return []string{`a & "b" <c>`}
	case "enum":
		return oneof
	case "enumList":
		return []string{oneof[0], strings.Join(oneof, ",")}
	case "count", "signed":
		return []string{number(2)}
	case "millis":
		return []string{"0", "1500", "3600000"}
	case "bool":
		return []string{"true", "false"}
	case "list":
		if v, ok := custom(); ok {
			return []string{v, v + ",NY"}
		}
	case "ints":
		return []string{"440", "350,440"}
	}
	return nil
}

// table finds the smallest valid context of each element from the element
// table and the child lists of the verbs types.
type table struct {
	els []spec.Element
	// lists is the item type of each element's child list, nil for none.
	lists map[string]reflect.Type
}

func newTable() *table {
	tb := &table{els: spec.All(), lists: map[string]reflect.Type{}}
	for _, el := range tb.els {
		st := reflect.TypeOf(el.New()).Elem()
		for i := range st.NumField() {
			ft := st.Field(i).Type
			if ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Interface && ft.Elem().Implements(reflect.TypeFor[verbs.Node]()) {
				tb.lists[el.Name] = ft.Elem()
			}
		}
	}
	return tb
}

// required returns the values of el's fields whose rules refuse an empty
// value.
func required(el spec.Element) map[string]string {
	vals := map[string]string{}
	for _, f := range el.Fields {
		if strings.Contains(","+f.Rules+",", ",required,") || strings.Contains(f.Rules, "destination") {
			vals[f.Attr] = samples(f)[len(samples(f))-1]
		}
	}
	return vals
}

// document returns a valid document, one the builder can make, holding el
// with the values vals (attribute → value, "" for the text) in the
// smallest context found: el's required fields, the fewest builder
// arguments and at most one extra child, inside the smallest chain of
// parents up to <Response>.
func (tb *table) document(el spec.Element, vals map[string]string) (string, bool) {
	if el.Name == "Response" {
		doc := "<Response/>"
		return doc, good(doc)
	}
	all := required(el)
	for k, v := range vals {
		all[k] = v
	}
	return tb.complete(el, all, "", 3)
}

// complete returns a valid document holding el with vals and the content
// inner, trying the builder arguments of el (fields the builder sets
// through a method argument) and one child of each element in turn, and
// placing the result in its parents up to depth levels deep.
func (tb *table) complete(el spec.Element, vals map[string]string, inner string, depth int) (string, bool) {
	var args []spec.Field
	for _, f := range el.Fields {
		if _, ok := vals[f.Attr]; !ok && f.Option == "" {
			args = append(args, f)
		}
	}
	var contents []string
	contents = append(contents, inner)
	if tb.lists[el.Name] != nil {
		for _, c := range tb.els {
			leaf := elementXML(c, required(c), "")
			contents = append(contents, leaf+inner, inner+leaf)
		}
	}
	for size := 0; size <= len(args); size++ {
		for _, set := range subsets(args, size) {
			v := map[string]string{}
			for k, x := range vals {
				v[k] = x
			}
			for _, f := range set {
				v[f.Attr] = samples(f)[len(samples(f))-1]
			}
			for _, content := range contents {
				x := elementXML(el, v, content)
				if doc, ok := tb.place(el, x, depth); ok {
					return doc, true
				}
			}
		}
	}
	return "", false
}

// place returns a valid document holding x, the XML of an element el, in
// the smallest chain of parents whose child lists accept el's type.
func (tb *table) place(el spec.Element, x string, depth int) (string, bool) {
	node := reflect.TypeOf(el.New())
	if node.Implements(tb.lists["Response"]) {
		doc := "<Response>" + x + "</Response>"
		return doc, good(doc)
	}
	if depth == 0 {
		return "", false
	}
	for _, p := range tb.els {
		if l := tb.lists[p.Name]; l == nil || !node.Implements(l) || p.Name == "Response" {
			continue
		}
		if doc, ok := tb.complete(p, required(p), x, depth-1); ok {
			return doc, true
		}
	}
	return "", false
}

// good reports whether doc parses, has no errors and can be built.
func good(doc string) bool {
	r, err := render.Parse([]byte(doc))
	if err != nil || render.Check(r).HasErrors() {
		return false
	}
	_, err = gen.Generate(r, gen.Options{Package: "main", Func: "f"})
	return err == nil
}

// elementXML writes el with the attribute values vals ("" the text) in
// table order, then content.
func elementXML(el spec.Element, vals map[string]string, content string) string {
	var b strings.Builder
	b.WriteString("<" + el.Name)
	for _, f := range el.Fields {
		if v, ok := vals[f.Attr]; ok && f.Attr != "" {
			b.WriteString(" " + f.Attr + `="` + html.EscapeString(v) + `"`)
		}
	}
	b.WriteString(">")
	if v, ok := vals[""]; ok {
		b.WriteString(html.EscapeString(v))
	}
	b.WriteString(content + "</" + el.Name + ">")
	return b.String()
}

// holds reports whether doc has an element name whose attribute attr
// ("" the text) has the value v.
func holds(doc []byte, name, attr, v string) bool {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var stack []string
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name.Local)
			text.Reset()
			if tok.Name.Local != name {
				continue
			}
			for _, a := range tok.Attr {
				if attr != "" && a.Name.Local == attr && a.Value == v {
					return true
				}
			}
		case xml.CharData:
			text.Write(tok)
		case xml.EndElement:
			if attr == "" && stack[len(stack)-1] == name && text.String() == v {
				return true
			}
			stack = stack[:len(stack)-1]
			text.Reset()
		}
	}
}

// subsets returns the subsets of fs with n members, in order.
func subsets(fs []spec.Field, n int) [][]spec.Field {
	if n == 0 {
		return [][]spec.Field{nil}
	}
	var out [][]spec.Field
	for i := range fs {
		for _, rest := range subsets(fs[i+1:], n-1) {
			out = append(out, append([]spec.Field{fs[i]}, rest...))
		}
	}
	return out
}
