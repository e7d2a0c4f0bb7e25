// Package client is a typed client for the Opentact REST API.
//
// One Client, built by New from Credentials and options, exposes the API as
// services (c.Numbers, c.Leases, c.Messages, …). Every method takes a context
// first and returns a typed value and an error. Searches return one Page at a
// time, or every match through an iterator (All). Errors from Opentact are
// *APIError values that match sentinels such as ErrNotFound with errors.Is.
//
// Retries never repeat a request that may already have changed something on
// Opentact (buying a number, sending an SMS) unless the call opts in with
// RetryAmbiguous. Secrets (passwords, JWTs, API tokens) never appear in
// errors, logs or printed values.
package client
