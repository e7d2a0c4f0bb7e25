package verbs

import "slices"

// ElementNames returns the canonical names of every element, sorted.
func ElementNames() []string { return slices.Clone(elementNames) }
