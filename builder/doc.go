// Package flow is the fluent builder of Opentact call flows. Its directory
// is builder/ but the package is named flow, so every import of it, in our
// code and docs alike, names it explicitly:
//
//	import flow "github.com/opentact-go/opentact/builder"
//
// A Flow is a command list under construction. Each method appends one
// command and returns the Flow, so a call flow reads top to bottom like the
// document it makes:
//
//	f := flow.New().
//		Answer().
//		Say("Welcome", flow.Lang("es")).
//		Hangup(flow.Tag("CallEndedByUser"))
//
// Nested content is given as values. The command list of a DTMF branch, a
// Default or Error block, a Call, Geo or Schedule condition or a recording
// container is another *Flow, so sub-flows are ordinary Go values that can
// be reused, composed with Append and built conditionally with plain Go:
//
//	sales := flow.New().Say("Connecting you to sales").Dial(flow.To("sales@sip.example.com"))
//	f.Gather(flow.DTMFLength(1), flow.Digit("1", sales))
//
// A method or option copies the sub-flow's commands as they are at the time
// of the call; changing the sub-flow later does not change the flows it was
// given to.
//
// Methods are named after the element they append (Say, Gather, Dial,
// Schedule, …); PlayRecording, RecordWhile and OnError name the forms
// <Play record="…">, a container <Record> and an <Error> block. Options are
// typed per element: Tag, Loop, Leg, Lang and the other attribute options
// (of types named …Attr) and the children (To, Digit, Default, OnError,
// Meta, Comment, Raw) implement only the option interfaces of the elements
// that have that attribute or child, so flow.Leg on a Say does not compile. Durations are
// time.Duration values written in whole milliseconds; a duration with a
// sub-millisecond remainder is reported, never truncated. Attr and Raw are
// the escape hatches for attributes and elements the SDK does not model.
//
// The builder never panics (MustBuild and MustXML excepted, for flows
// defined at package level). A problem such as an empty destination, a
// duplicate digit branch or a bad duration is recorded with the XPath-style
// location of the element it concerns (/Response/Dial[1]/To[2]) and returned
// by Build, joined with the findings of render.Check, as one
// render.Diagnostics. Warnings (lint) are never silent and never stop a
// document: a valid document with warnings is returned by Build (and
// rendered by XML, CompactXML, WriteTo and Render) together with its
// warnings as a render.Diagnostics error for which render.IsWarnings is
// true, so `if err != nil && !render.IsWarnings(err)` accepts them and a
// plain `if err != nil` is strict. Check returns every finding as a list.
// XML, CompactXML and WriteTo build, validate and render in one call.
//
// The legacy dialect of the "Inbound Call Control" page (numDigits,
// <Switch>, <Case>, <Sip>, …) is reachable through deprecated functions:
// NumDigits, Attempts, GatherTimeout, FinishOnKey, GatherCallback,
// GatherMethod, Prompts, Switch, Case, Sip, Number, DialTimeout and
// DialRecord.
//
// A Flow is mutable and not safe for concurrent use. A document returned by
// Build shares no memory with the Flow, so later calls on the Flow never
// change it.
package flow
