package render

import "github.com/opentact-go/opentact/verbs"

// Position is a 1-based line and column in a document's source.
type Position struct {
	Line, Col int
}

// Positions maps each node of a parsed document (the pointer held in the
// document) to the position of its start tag.
type Positions map[verbs.Node]Position

// Document is a parsed document with the source position of every node.
type Document struct {
	Response  *verbs.Response
	Positions Positions
	// Warnings are the parser's own findings about a document it accepted,
	// such as an empty attribute read as absent.
	Warnings Diagnostics
}

// Check returns every finding about the document, the parser's warnings
// included, with line and column, sorted.
func (d *Document) Check() Diagnostics {
	ds := append(Diagnostics(nil), d.Warnings...)
	ds = append(ds, Check(d.Response, At(d.Positions))...)
	ds.Sort()
	return ds
}
