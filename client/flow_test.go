package client

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
)

// failingFlow fails to render.
type failingFlow struct{}

func (failingFlow) Render(io.Writer) error { return errors.New("say: empty text") }

// TestFlowChecksBeforeIO checks that bad call flows are refused before any
// request is sent.
func TestFlowChecksBeforeIO(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{}`)))
	c, _ := newTestClient(t, s, nil)
	ctx := context.Background()
	renderErr := errors.New("say: empty text")
	cases := []struct {
		name    string
		flow    Flow
		wantArg bool
	}{
		{"render error", failingFlow{}, true},
		{"nil flow", nil, true},
		{"empty document", XML(nil), true},
		{"blank document", XML([]byte("  \n")), true},
	}
	for _, tc := range cases {
		calls := map[string]error{}
		_, calls["PutCallFlow"] = c.SIPControlApps.PutCallFlow(ctx, "app", tc.flow)
		_, calls["PushCallFlow"] = c.SIPControlApps.PushCallFlow(ctx, "call", tc.flow)
		_, calls["Bulk"] = c.Calls.Bulk(ctx, &BulkCallRequest{OutboundVoiceProfile: "o", Phones: []TN{1}, Flow: tc.flow})
		_, calls["Single"] = c.Calls.Single(ctx, &SingleCallRequest{OutboundVoiceProfile: "o", To: 1, Flow: tc.flow})
		for name, err := range calls {
			if tc.wantArg != errors.Is(err, ErrInvalidArgument) || err == nil {
				t.Errorf("%s %s: error = %v", tc.name, name, err)
			}
			if tc.name == "render error" && err.Error() != "opentact: "+opName(name)+": rendering the call flow: "+renderErr.Error() {
				t.Errorf("%s %s: error text = %q", tc.name, name, err)
			}
		}
	}
	if n := len(s.requests()); n != 0 {
		t.Errorf("%d requests, want none", n)
	}
}

func opName(method string) string {
	switch method {
	case "Bulk", "Single":
		return "Calls." + method
	}
	return "SIPControlApps." + method
}

// TestInvalidBuiltFlowIsInvalidArgument sends a *flow.Flow that does not
// validate: the error matches ErrInvalidArgument and nothing is sent.
func TestInvalidBuiltFlowIsInvalidArgument(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{}`)))
	c, _ := newTestClient(t, s, nil)
	bad := flow.New().Say("") // an empty <Say> is an error
	_, err := c.SIPControlApps.PutCallFlow(context.Background(), "app", bad)
	var ds render.Diagnostics
	if !errors.Is(err, ErrInvalidArgument) || !errors.As(err, &ds) {
		t.Fatalf("error = %v, want one matching ErrInvalidArgument and holding render.Diagnostics", err)
	}
	if n := len(s.requests()); n != 0 {
		t.Errorf("%d requests, want none", n)
	}
}

// TestBuiltFlowWithWarningsIsSent sends a *flow.Flow that is valid but has
// a warning: its XML goes out unchanged.
func TestBuiltFlowWithWarningsIsSent(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{}`)))
	c, _ := newTestClient(t, s, nil)
	f := flow.New().Hangup().Say("never heard")
	want, err := f.XML()
	if !render.IsWarnings(err) {
		t.Fatalf("the flow has no warnings: %v", err)
	}
	if _, err := c.SIPControlApps.PushCallFlow(context.Background(), "call", f); err != nil {
		t.Fatal(err)
	}
	reqs := s.requests()
	if len(reqs) != 1 || !strings.Contains(string(reqs[0].Body), string(want)) {
		t.Fatalf("requests %d; want one carrying\n%s", len(reqs), want)
	}
}
