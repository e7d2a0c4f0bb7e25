// Package verbs is the document model of Opentact call flows: one Go type per
// XML element of the call-flow language, with no behaviour beyond describing
// the document. Validation, rendering and parsing live in package render; the
// fluent builder lives in package flow (directory builder).
//
// A document is a *Response holding a command list. Every element is a
// pointer type (*Say, *Gather, …). The interfaces Command, DialChild,
// GatherChild, ToneChild, CurlChild, CallbackChild, SwitchChild and RawChild
// are sealed: only the types of this package implement them, so a document
// whose nesting the language forbids (a <To> in a command list, a <Say>
// inside <Dial>) does not compile.
//
// Attributes whose zero value means something (delay="0", asr="false") are
// Opt values: Opt.Set tells an absent attribute from a present zero.
// Durations are Millis, whole milliseconds as on the wire. Lists (Geo
// states, Schedule days, Tone frequencies) are Go slices rendered
// comma-separated.
//
// Struct tags carry the field rules for go-playground/validator; this package
// imports no validator. Besides the validator's built-in rules the tags name
// these custom rules, registered by package render:
//
//	dtmfkeys     one or more of 0-9 * # A B C D
//	dtmfkey      exactly one of 0-9 * # A B C D
//	dtmfvalue    one or more of 0-9 * #
//	langtag      a BCP 47 shaped language tag (en-US, es)
//	httpurl      an absolute http or https URL
//	destination  a SIP URI, a user@host address or a 7 to 15 digit number
//	usps         a two-letter USPS state or territory code
//	timerange    HH:MM:SS-HH:MM:SS with valid clock times
//
// Rules on an Opt field apply to its value only when the attribute is set:
// their tags start with omitnil, and package render registers a custom type
// function that presents a set Opt as a pointer to its value and an unset
// one as a nil pointer.
// Comments (<!-- … -->) are Comment nodes and may stand wherever an element
// may; elements and attributes the SDK does not model are kept as
// RawElement nodes and Extra attributes, so a document using a newer
// platform feature survives a parse → render round trip.
package verbs
