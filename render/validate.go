package render

// STUB: replaced by the validator implementation.

import "github.com/opentact-go/opentact/verbs"

// CheckOption configures Check and Validate.
type CheckOption func(*checkSettings)

type checkSettings struct {
	positions Positions
}

// At makes Check and Validate report the line and column of each finding
// from the positions of a parsed document.
func At(p Positions) CheckOption {
	return func(s *checkSettings) { s.positions = p }
}

// Check returns every finding about r, errors and warnings, sorted by
// position and path. A nil or empty result means a clean document.
func Check(r *verbs.Response, opts ...CheckOption) Diagnostics {
	return nil
}

// Validate returns nil when Check finds no error, and otherwise all of
// Check's findings (warnings included) as a Diagnostics error.
func Validate(r *verbs.Response, opts ...CheckOption) error {
	return Check(r, opts...).Err()
}
