package render

import (
	table "github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/verbs"
)

// parseElements maps every canonical element name to its entry of the
// language table, so that the parser finds a start tag's element with one
// map access instead of table.Lookup's scan.
var parseElements = func() map[string]*table.Element {
	m := make(map[string]*table.Element)
	for _, name := range verbs.ElementNames() {
		if e, ok := table.Lookup(name); ok {
			m[name] = &e
		}
	}
	return m
}()

// lookupElement returns the element written as name, a canonical name or a
// parse alias, or nil.
func lookupElement(name string) *table.Element {
	if e := parseElements[name]; e != nil {
		return e
	}
	if e, ok := table.Lookup(name); ok { // an alias
		return &e
	}
	return nil
}
