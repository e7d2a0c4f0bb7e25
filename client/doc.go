// Package client is a typed client for the Opentact REST API.
//
// # Clients and services
//
// New builds a Client from Credentials and options. The client groups the
// API into services held in its fields (c.Numbers, c.Orders, c.Leases,
// c.SIPControlApps, c.Messages, c.Calls, …). Every method takes a context
// first and call options last, and returns a typed value and an error:
//
//	c, err := client.New(client.APIToken(token))
//	…
//	lease, err := c.Leases.Get(ctx, leaseUUID)
//
// A Client is safe for concurrent use by multiple goroutines.
//
// # Credentials
//
// EmailPassword logs in with GET /auth and sends the resulting JWT as
// X-Auth-Token, logging in again shortly before it expires and once after a
// 401; one login serves every goroutine that needs a token at that moment.
// JWT sends a token the caller manages. APIToken sends an API token as
// "Authorization: Bearer" (or, with WithAPITokenAsXAuthToken, as the
// documented X-Auth-Token header; with WithAPITokenInQuery, as the bearer
// query parameter); APIToken's doc says where each form comes from. Client.Token and Client.InvalidateToken make the client the
// token source of the event websocket.
//
// # Errors
//
// An error reply is an *APIError; errors.Is matches it against ErrNotFound,
// ErrUnauthorized, ErrInsufficientBalance, ErrConflict, ErrRateLimited and
// ErrValidation, and Fields lists per-member validation messages. A request
// without a usable reply gives a *RequestError, an unreadable success reply
// a *DecodeError. Arguments the client can check itself (an empty id, a nil
// request, a missing required member) fail with ErrInvalidArgument before
// anything is sent. When the caller's context ends, the error matches the
// context's error.
//
// # Retries
//
// GET, DELETE and the search methods are retried after connection errors,
// timeouts, 429, 500, 502, 503 and 504, honouring Retry-After and otherwise
// backing off exponentially with jitter (WithRetryPolicy). Requests that
// change something (buying numbers, sending SMS, placing calls) are retried
// only when Opentact cannot have acted on them: a failed connection before
// the request was written, or a 429 or 503 reply. Pass RetryAmbiguous to a
// call to accept the risk of a duplicate in exchange for more retries.
//
// # Searches
//
// Searches return one Page at a time (Search) or iterate over every match,
// fetching pages of 100 as needed (All):
//
//	for msg, err := range c.Messages.All(ctx, &client.MessageSearchOptions{To: "1202*"}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(msg.From, msg.Text)
//	}
//
// # Call flows
//
// Methods that send call-flow XML take a Flow: Document wraps a
// *verbs.Response (the flow builder's Build result), which is validated and
// rendered by package render; XML wraps a document rendered elsewhere. The
// document is rendered before anything is sent.
//
// # Secrets
//
// Passwords, JWTs, API tokens, SIP passwords and invite tokens never appear
// in error strings, log records or the printed form (%v, %+v, %#v, slog) of
// any value of this package; [REDACTED] stands in their place.
//
// Endpoints without a typed method are reachable with Client.Do, which
// applies the same authentication, retries and error handling.
package client
