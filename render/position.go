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
}

// Check returns every finding about the document, with line and column.
func (d *Document) Check() Diagnostics {
	return Check(d.Response, At(d.Positions))
}
