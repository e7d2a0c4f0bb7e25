package flow

import "github.com/opentact-go/opentact/verbs"

// recAttrs are the attribute values a record keeps: those of the elements
// kept as records, a third of the size of attrValues. A record is made
// only when every other attribute is unset (compactAttrs). Which values
// are kept is chosen here: internal/elemgen reads this struct and
// generates refused, compact and expand (recattrs_gen.go), so an
// attribute not listed makes the builder keep a node, never a record that
// drops it.
type recAttrs struct {
	Tag, Code, Lang, DTMFStop, URL string
	Type                           verbs.SayType
	Gender                         verbs.Gender
	Leg                            verbs.Leg
	Loop, DTMFLength               verbs.Opt[int]
	Delay, Length, Timeout         verbs.Opt[verbs.Millis]
	Play                           verbs.Opt[bool]
}

// compactAttrs returns the values of a as a record keeps them, nil when
// no attribute option was given (n is 0); ok is false when a holds a value
// a record does not keep.
func compactAttrs(a *attrValues, n int) (r *recAttrs, ok bool) {
	if n == 0 {
		return nil, true
	}
	if refused(a) {
		return nil, false
	}
	r = new(recAttrs)
	compact(r, a)
	return r, true
}
