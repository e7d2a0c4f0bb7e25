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
// Opentact's platform rules are enforced where the API documentation states
// them, so that a test passes only when production would too: POST /sms
// answers a validation error on params.from unless the sending number is
// SMS-enabled with a messaging profile (and an SMS campaign); an order
// takes only available numbers; deleting a SIP control app with numbers
// still assigned answers 409; and so on.
//
// Memory is bounded: the request log keeps the most recent
// DefaultMaxRecordedRequests requests (WithMaxRecordedRequests changes the
// limit; Dropped counts the forgotten ones).
//
// # Seeded data
//
// A new Server holds:
//
//   - the user Email/Password ("user@example.com" / "password", see
//     WithCredentials) in one account, and the API token APIToken
//     ("test-api-token", see WithAPIToken);
//   - numbers to order (POST /tn/search): 12025550100–12025550199 (long
//     code, Washington DC, NPA 202, NXX 555) and 18885550100–18885550104
//     (toll free); AddAvailableNumbers adds more;
//   - no leases, SIP connections, SIP control apps, messaging profiles,
//     calls or messages: create them through the API, or seed them with
//     AddSMSNumber (a number leased and SMS-enabled, ready for POST /sms),
//     AddCall, AddInboundSMS and AddCallFlowLog;
//   - one number profile ("US"), one SIP product ({"id":1,"name":"Default"}),
//     the countries US, CA and GB, and four made-up text-to-speech voices
//     (en-US, Standard and WaveNet, male and female).
//
// Identifiers are deterministic (00000000-0000-4000-8000-<counter>).
//
// # With the SDK's client
//
// Server.Client returns a *client.Client connected to the fake:
//
//	srv := clienttest.NewServer()
//	defer srv.Close()
//	srv.AddSMSNumber(12025550100)
//	c := srv.Client(t)
//	msg, err := c.Messages.Send(ctx, &client.SendSMSRequest{From: 12025550100, To: 12025550199, Text: "Hi"})
//
// The handlers themselves use only the standard library and check the wire
// format independently of the client's types; only Server.Client imports
// package client.
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
