// Package clienttest is an in-memory fake of the Opentact REST API for tests.
//
// A Server runs on httptest, speaks the wire format of the real API (the
// {"success": …, "payload": …} envelope, error envelopes with "fields",
// take/skip pages) under the base path "/rest", and keeps state across
// calls: ordering a number makes it a lease among the purchased numbers,
// assigning a lease to a SIP connection shows in the connection's tnlease
// list, sent SMS can be read back and searched, hosted call-flow XML is
// stored and returned, and so on.
//
// Authentication works as on Opentact: GET /auth takes HTTP Basic
// credentials (Email, Password) and issues HS256 JWTs with an exp claim;
// every other route takes a JWT (X-Auth-Token header or jwt query
// parameter) or an API token (Authorization: Bearer or bearer query
// parameter), and answers 401 otherwise. ExpireJWTs and WithClock drive
// token expiry.
//
// Tests can make the server misbehave with InjectFault (error statuses,
// Retry-After, delays, malformed bodies, dropped connections, replies lost
// after the server acted) and FailNextDials, replace routes with Override,
// and inspect what was sent with Requests, SentMessages, Batches,
// PushedFlows and HostedFlow.
//
// The package depends only on the standard library. It does not import the
// SDK's client package, so it checks the wire format independently of the
// SDK's own types and can serve the client package's internal tests.
//
// A minimal use with plain net/http:
//
//	srv := clienttest.NewServer()
//	defer srv.Close()
//
//	req, _ := http.NewRequest("GET", srv.URL()+"/dict/country", nil)
//	req.Header.Set("Authorization", "Bearer "+srv.APIToken())
//	resp, err := srv.HTTPClient().Do(req)
//	if err != nil {
//		log.Fatal(err)
//	}
//	defer resp.Body.Close()
//	// resp.Body: {"success":true,"payload":[{"a2":"US",…},…]}
//
//	srv.InjectFault(clienttest.Match{Method: "POST", Path: "/sms"},
//		clienttest.Fault{Status: 503, RetryAfter: "1"})
//	// The next POST /sms answers 503 with Retry-After: 1.
package clienttest
