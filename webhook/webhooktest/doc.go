// Package webhooktest builds the HTTP requests Opentact sends to a call-flow
// server, so a handler can be tested without hand-written query strings.
//
// Gather is the request a <Gather url> makes after the caller entered
// digits, CallFlow the one a SIP control app's call_flow_url gets when a
// call comes in, and Callback the one a <Callback url> makes. Each carries
// the parameter names and body the platform sends (the events spec, §6.1),
// appended after the target URL's own query as Opentact appends them.
//
// Like httptest.NewRequest, the builders panic on a target that is not a
// URL: that is a mistake in the test's own code, not data under test.
package webhooktest
