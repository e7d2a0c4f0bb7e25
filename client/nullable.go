package client

import "encoding/json"

// Ptr returns a pointer to v, for optional request members: Ptr(true), Ptr(5000).
func Ptr[T any](v T) *T { return &v }

// Nullable is a request member with three states: unset (the zero value;
// the member is omitted), a value (Value), or an explicit JSON null (Null),
// which Opentact reads as "remove": detach a SIP connection, clear a
// callback URL, drop a timeout.
type Nullable[T any] struct {
	v    T
	set  bool
	null bool
}

// Value returns a Nullable that sends v.
func Value[T any](v T) Nullable[T] { return Nullable[T]{v: v, set: true} }

// Null returns a Nullable that sends JSON null.
func Null[T any]() Nullable[T] { return Nullable[T]{set: true, null: true} }

// IsZero reports whether n is unset, so that an omitzero member is omitted.
func (n Nullable[T]) IsZero() bool { return !n.set }

// IsNull reports whether n sends JSON null.
func (n Nullable[T]) IsNull() bool { return n.set && n.null }

// Get returns the value and whether n holds one (false when unset or null).
func (n Nullable[T]) Get() (T, bool) { return n.v, n.set && !n.null }

// MarshalJSON writes the value, or null when n is null or unset.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if !n.set || n.null {
		return []byte("null"), nil
	}
	return json.Marshal(n.v)
}
