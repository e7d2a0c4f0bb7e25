// Package spec is the element table of the call-flow language, generated
// from the struct tags of package verbs by internal/elemgen: what the
// parser, the writer, the checker, the builder and the code generator share
// about each element. It is internal: the table belongs to the SDK's own
// packages.
package spec

import (
	"slices"

	"github.com/opentact-go/opentact/verbs"
)

//go:generate go run ../elemgen ../..

// Element describes one element of the language.
type Element struct {
	// Name is the canonical element name.
	Name string
	// Attrs are the modelled attributes in render order, legacy ones
	// included.
	Attrs []string
	// LegacyAttrs are the attributes of Attrs that belong to the legacy
	// dialect.
	LegacyAttrs []string
	// AttrAliases maps an accepted spelling to its canonical attribute; ""
	// means the value belongs in the text content.
	AttrAliases map[string]string
	// Fields are the attributes and the text content, in render order,
	// with the names of their Go field and builder option.
	Fields []Field
	// TextForm is the attribute whose value the text content may give
	// instead (url of <Callback>), "" for none.
	TextForm string
	// TrimText reports that the text content, and the attribute alias
	// standing for it, are trimmed of XML white space (a URL, a
	// destination).
	TrimText bool
	// Legacy reports an element of the legacy dialect.
	Legacy bool
	// New returns a new empty node of the element's type.
	New func() verbs.Node
}

// Field is an attribute (or the text content) of an element.
type Field struct {
	// Attr is the attribute name, "" for the text content.
	Attr string
	// Go is the name of the field in package verbs.
	Go string
	// Option is the name of the builder option setting it, "" when an
	// argument of the builder method does.
	Option string
	// Kind is how the value is stored: string, enum, count, signed,
	// millis, bool, optString, list, enumList or ints.
	Kind string
	// Rules are the field's rules as its validate tag writes them, in
	// go-playground/validator's syntax ("omitnil,gte=1"); "" for none.
	Rules string
	// Legacy reports an attribute of the legacy dialect.
	Legacy bool
}

// Lookup returns the element written as name, which may be a canonical
// name or a parse alias (callback, Scheduler). It reports false for a name
// the language does not have.
func Lookup(name string) (Element, bool) {
	if canon, ok := elementAliases[name]; ok {
		name = canon
	}
	for _, e := range elements {
		if e.Name == name {
			return e, true
		}
	}
	return Element{}, false
}

// Of returns the element of a node's type; false for a comment, raw
// content or a type of another package.
func Of(n verbs.Node) (*Element, bool) {
	i := indexOf(n)
	if i < 0 {
		return nil, false
	}
	return &elements[i], true
}

// All returns every element, in the order of the table.
func All() []Element { return slices.Clone(elements) }

// Alias returns the canonical name for an alias spelling, and whether name
// is an alias.
func Alias(name string) (string, bool) {
	canon, ok := elementAliases[name]
	return canon, ok
}

// HasAttr reports whether the element models the attribute (canonical
// spelling).
func (e Element) HasAttr(name string) bool { return slices.Contains(e.Attrs, name) }

// IsLegacyAttr reports whether the attribute belongs to the legacy dialect.
func (e Element) IsLegacyAttr(name string) bool { return slices.Contains(e.LegacyAttrs, name) }

// Field returns the field written as the attribute name ("" for the text).
func (e Element) Field(attr string) (Field, bool) {
	for _, f := range e.Fields {
		if f.Attr == attr {
			return f, true
		}
	}
	return Field{}, false
}

// Label names an attribute in a message by its XML name and, when it
// differs, the Go name of its field and builder option: "v (Volume)",
// "dtmf_length (DTMFLength)"; a name the element does not model is
// returned as it is.
func (e Element) Label(attr string) string {
	if f, ok := e.Field(attr); ok && f.Attr != "" {
		return attr + " (" + f.Go + ")"
	}
	return attr
}
