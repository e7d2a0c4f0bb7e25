// Package webhook answers the HTTP requests Opentact sends to an
// application.
//
// Call-flow requests (a SIP control app's call_flow_url, a <Gather url>, a
// <Callback url>) ask for the next call-flow document: ParseCallFlowRequest
// reads one into a CallFlowRequest, and CallFlowHandler serves documents from
// a CallFlowFunc, answering with a fallback flow whenever the function fails,
// panics or runs out of time, so a caller never hears dead air.
//
// Event webhooks (a SIP control app's webhook_url, a messaging profile's
// callback_url) only report what happened: EventHandler decodes them into
// the same events.Event model as the websocket stream.
//
// Opentact signs none of its requests. AllowSources (a source-address
// allow-list) and RequireQueryToken (a shared secret in the URL) are
// optional checks, both off by default; neither authenticates Opentact
// cryptographically, so serve these endpoints over HTTPS.
//
// Everything here is plain net/http and works with any router.
package webhook
