package flowsim

import "github.com/opentact-go/opentact/verbs"

// observation is what a running call tells Explore.
type observation struct {
	kind     obsKind
	doc      *document
	path     string
	gather   *verbs.Gather
	branches branches
}

type obsKind int

const (
	obsDocument obsKind = iota // a document starts running
	obsBlock                   // a branch or block was entered
	obsGather                  // a Gather was reached
	obsDialled                 // a Dial was answered
)

// note passes an observation to the observer, if any.
func (r *runner) note(o observation) {
	if r.observe != nil {
		r.observe(o)
	}
}
