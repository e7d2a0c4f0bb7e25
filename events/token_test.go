package events

import (
	"context"
	"testing"

	"github.com/opentact-go/opentact/client"
)

// The REST client is a token source that can forget rejected tokens.
var (
	_ TokenSource      = (*client.Client)(nil)
	_ tokenInvalidator = (*client.Client)(nil)
)

func TestStaticToken(t *testing.T) {
	t.Parallel()
	tok, err := StaticToken("jwt").Token(context.Background())
	if err != nil || tok != "jwt" {
		t.Errorf("Token = %q, %v", tok, err)
	}
	if _, err := StaticToken("").Token(context.Background()); err == nil {
		t.Error("empty static token gave no error")
	}
	if _, ok := StaticToken("jwt").(tokenInvalidator); ok {
		t.Error("a static token cannot be invalidated")
	}
}
