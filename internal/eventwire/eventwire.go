// Package eventwire carries what package events shares with the other
// packages of the SDK but not with its users: today the decoding of a bare
// webhook body (an entity with no envelope), which package webhook needs.
// Package events fills it in when it is initialised, so any package that
// imports events can call it.
package eventwire

// DecodeBare decodes a webhook body that holds the entity itself (a call or
// an SMS object) as an event of the given wire type. The result is an
// events.Event: this package cannot name the type, since events imports
// it, and webhook's decodeBare asserts it once.
var DecodeBare func(data []byte, wireType string) (any, error)
