package verbs

// Opt is an optional attribute value. Set reports whether the attribute is
// present; Val is its value when it is. The zero Opt is an absent attribute,
// so Opt[int]{} and Some(0) are different documents.
type Opt[T any] struct {
	Val T
	Set bool
}

// Some returns a present attribute holding v.
func Some[T any](v T) Opt[T] { return Opt[T]{Val: v, Set: true} }

// Get returns the value and whether it is set.
func (o Opt[T]) Get() (T, bool) { return o.Val, o.Set }
