package clienttest_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/client"
	"github.com/opentact-go/opentact/client/clienttest"
)

// fatalRecorder is a clienttest.TB that records Fatalf.
type fatalRecorder struct{ msg string }

func (*fatalRecorder) Helper() {}
func (r *fatalRecorder) Fatalf(format string, args ...any) {
	r.msg = fmt.Sprintf(format, args...)
}

// TestServerClient checks that Client returns a working client, applies the
// caller's options after its own, and reports a refused option.
func TestServerClient(t *testing.T) {
	t.Parallel()
	srv := clienttest.NewServer()
	t.Cleanup(srv.Close)
	c := srv.Client(t, client.WithAPITokenAsXAuthToken())
	if _, err := c.Dictionaries.Countries(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := srv.Requests()[0].Header.Get("X-Auth-Token"); got != srv.APIToken() {
		t.Errorf("X-Auth-Token = %q: the caller's option was not applied", got)
	}
	var r fatalRecorder
	if c := srv.Client(&r, client.WithRefreshMargin(1)); c != nil || !strings.Contains(r.msg, "WithRefreshMargin") {
		t.Errorf("refused option: client %v, Fatalf %q", c, r.msg)
	}
}
