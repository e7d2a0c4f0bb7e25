package client

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

func TestDocument(t *testing.T) {
	t.Parallel()
	resp := &verbs.Response{Commands: []verbs.Command{&verbs.Hangup{}}}
	want, err := render.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	s := newStub(t, respond(200, `{"success":true,"payload":"x","url":"u"}`))
	c, _ := newTestClient(t, s, nil)
	if _, err := c.SIPControlApps.PutCallFlow(context.Background(), "app", Document(resp)); err != nil {
		t.Fatal(err)
	}
	if _, _, _, data := multipartFile(t, s.requests()[0]); string(data) != string(want) {
		t.Errorf("uploaded %q, want render.Marshal's %q", data, want)
	}

	// An invalid document and a nil one are refused before any I/O.
	bad := &verbs.Response{Commands: []verbs.Command{nil}}
	_, err = c.Calls.Single(context.Background(), &SingleCallRequest{OutboundVoiceProfile: "o", To: 1, Flow: Document(bad)})
	var ds render.Diagnostics
	if err == nil || !strings.HasPrefix(err.Error(), "opentact: Calls.Single: rendering the call flow: ") ||
		!errors.Is(err, ErrInvalidArgument) || !errors.As(err, &ds) || len(ds) == 0 {
		t.Errorf("invalid document: %v", err)
	}
	_, err = c.Calls.Single(context.Background(), &SingleCallRequest{OutboundVoiceProfile: "o", To: 1, Flow: Document(nil)})
	if !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("nil document: %v, want an error matching ErrInvalidArgument", err)
	}
	if n := len(s.requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}
