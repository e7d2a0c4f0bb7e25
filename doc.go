// Package opentact is the Go SDK for Opentact call flows.
//
// Opentact runs each phone call by executing an XML document: a <Response>
// holding commands such as <Say>, <Play>, <Gather>, <Dial>, <Record> and
// <Hangup/>. This module lets Go programs write those documents as typed,
// validated values and render them to deterministic XML, parse existing XML
// back into the same model, talk to the Opentact REST API and receive its
// events.
//
// The packages:
//
//   - verbs: the document model, one Go type per element.
//   - render: validation, the XML writer (indented or compact) and the parser.
//   - builder (package flow): the fluent DSL, imported as
//     flow "github.com/opentact-go/opentact/builder".
//   - flowtest: golden-file assertions for call flows.
//   - webhook: serving call flows over HTTP and receiving event webhooks.
//   - events: the event model and the websocket event stream.
//   - client: the REST client; client/clienttest is a stateful fake of the API.
//   - cmd/opentact: the CLI (check, fmt, gen).
package opentact
