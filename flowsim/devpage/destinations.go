package devpage

import (
	"slices"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// destinations lists the destinations of every <Dial> of the documents
// (To, Sip, Number), each once, in document order: the page offers them as
// answer:DESTINATION outcomes.
func destinations(docs []doc) []string {
	out := []string{}
	for _, d := range docs {
		r, err := render.Parse([]byte(d.xml), render.Lenient())
		if err != nil {
			continue
		}
		verbs.Inspect(r, func(n verbs.Node) bool {
			var dest string
			switch c := n.(type) {
			case *verbs.To:
				dest = c.Destination
			case *verbs.Sip:
				dest = c.Address
			case *verbs.Number:
				dest = c.Digits
			}
			if dest != "" && !slices.Contains(out, dest) {
				out = append(out, dest)
			}
			return true
		})
	}
	return out
}
