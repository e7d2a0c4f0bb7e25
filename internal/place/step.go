package place

import (
	"strings"
	"unicode/utf8"

	"github.com/opentact-go/opentact/verbs"
)

// StepName is the name a node is counted by among its siblings, the step
// of its path: the element name, comment() and text() for comments and
// raw text, * for a raw element without a name, and a raw element's name
// with invalid UTF-8 replaced, so that a path is always valid text.
func StepName(n verbs.Node) string {
	switch v := n.(type) {
	case *verbs.Comment:
		return "comment()"
	case *verbs.RawText:
		return "text()"
	case *verbs.RawElement:
		if v.Name == "" {
			return "*"
		}
		return strings.ToValidUTF8(v.Name, string(utf8.RuneError))
	}
	return n.ElementName()
}
