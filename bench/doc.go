// Package bench compares the Opentact SDK with other Go call-flow SDKs on
// the same two documents: small (Say, a Gather with a nested Say, Hangup)
// and ivr (the multi-level IVR of Opentact's Gather page, 34 elements).
//
// Each peer builds the document from its closest verbs: Say/Speak,
// Gather/GetDigits, Dial, Number, Sip/User and Hangup. The Opentact
// elements no peer has (DTMF, Default, Error) are small element types
// written here against each peer's own extension point (twilio-go's
// Element interface, plivo-go's Contents, BTBurke/twiml's Markup), so every
// library renders the same number of elements, attributes and characters
// of text. TestDocumentsAreEquivalent checks that it does.
//
// This is a module of its own so that the peers never reach the SDK's
// users. See README.md for how to run it and the figures.
package bench
