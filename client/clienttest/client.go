package clienttest

import "github.com/opentact-go/opentact/client"

// TB is the part of testing.TB that Client uses; *testing.T and *testing.B
// implement it. (The package does not import testing, so that it can serve
// programs other than tests, such as a local development server.)
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
}

// Client returns a *client.Client connected to s, as NewClient does, and
// fails the test through t.Fatalf when an option is refused.
func (s *Server) Client(t TB, opts ...client.Option) *client.Client {
	t.Helper()
	c, err := s.NewClient(opts...)
	if err != nil {
		t.Fatalf("clienttest: connecting a client: %v", err)
		return nil
	}
	return c
}

// NewClient returns a *client.Client connected to s: it authenticates with
// the seeded API token (APIToken) as "Authorization: Bearer", talks to
// URL() through HTTPClient(), and applies opts after those, so an option
// such as client.WithRetryPolicy or client.WithAPITokenAsXAuthToken
// adjusts it. The error is client.New's.
//
// For other credentials, pass client.WithBaseURL(s.URL()) and
// client.WithHTTPClient(s.HTTPClient()) to client.New yourself; Email,
// Password, APIToken and IssueJWT give credentials the fake accepts.
func (s *Server) NewClient(opts ...client.Option) (*client.Client, error) {
	base := []client.Option{client.WithBaseURL(s.URL()), client.WithHTTPClient(s.HTTPClient())}
	return client.New(client.APIToken(s.APIToken()), append(base, opts...)...)
}
