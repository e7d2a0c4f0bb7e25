package client

import (
	"context"
	"errors"
	"testing"
)

// TestDotSegmentIDsRefused checks that "." and ".." as path parameters are
// refused before any I/O: url.PathEscape leaves them as they are, and a
// server or proxy that normalises dot segments would run the request on
// another resource (DELETE /sip/domain/acme/user/.. is DELETE
// /sip/domain/acme).
func TestDotSegmentIDsRefused(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{}`)))
	c, _ := newTestClient(t, s, nil)
	ctx := context.Background()
	for name, err := range map[string]error{
		"SIPUsers.Delete ..":   second(c.SIPUsers.Delete(ctx, "acme.sip.opentact.org", "..")),
		"SIPUsers.Get .":       second(c.SIPUsers.Get(ctx, "acme.sip.opentact.org", ".")),
		"SIPDomains.Delete":    second(c.SIPDomains.Delete(ctx, "..")),
		"Leases.Release":       second(c.Leases.Release(ctx, "..")),
		"SIPConnections.Get":   second(c.SIPConnections.Get(ctx, ".")),
		"Subscriptions.Delete": second(c.Subscriptions.Delete(ctx, "..")),
	} {
		if !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("%s: error = %v, want ErrInvalidArgument", name, err)
		}
	}
	if n := len(s.requests()); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
	// DELETE /token/all is the route of DeleteAll.
	if _, err := c.Tokens.Delete(ctx, "all"); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("Tokens.Delete(all): error = %v, want ErrInvalidArgument", err)
	}
	if n := len(s.requests()); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
	// Dots inside an id are ordinary characters.
	if _, err := c.SIPDomains.Get(ctx, "acme.sip.opentact.org"); err != nil {
		t.Errorf("Get of a dotted domain: %v", err)
	}
}

func second[T any](_ T, err error) error { return err }
