package webhook

import (
	"context"
	"errors"
	"net/http"
	"testing"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// TestCallFlowHandlerServesFlow serves *flow.Flow documents: the bytes
// are the builder's own XML, an invalid flow is the fallback, and
// warnings, whether the flow or Build carries them, reach the hook once
// while the document is served.
func TestCallFlowHandlerServesFlow(t *testing.T) {
	t.Parallel()
	menu := flow.New().Say("Press 1.").Gather(flow.DTMFLength(1), flow.URL("https://ivr.example.com/menu")).Hangup()
	late := flow.New().Hangup().Say("never")
	tests := []struct {
		name     string
		handler  func(t *testing.T, opts ...Option) *CallFlowHandler
		want     []byte // nil: the fallback
		warnings bool   // the hook gets one *WarningsError
		failure  bool   // the hook gets one error that is not warnings
	}{
		{
			name: "flow",
			handler: func(t *testing.T, opts ...Option) *CallFlowHandler {
				return mustHandler(t, func(context.Context, *CallFlowRequest) (*flow.Flow, error) { return menu, nil }, opts...)
			},
			want: menu.MustXML(),
		},
		{
			name: "flow with warnings",
			handler: func(t *testing.T, opts ...Option) *CallFlowHandler {
				return mustHandler(t, func(context.Context, *CallFlowRequest) (*flow.Flow, error) { return late, nil }, opts...)
			},
			want:     late.MustXML(),
			warnings: true,
		},
		{
			name: "Build with warnings",
			handler: func(t *testing.T, opts ...Option) *CallFlowHandler {
				return mustHandler(t, func(context.Context, *CallFlowRequest) (*verbs.Response, error) { return late.Build() }, opts...)
			},
			want:     late.MustXML(),
			warnings: true,
		},
		{
			name: "invalid flow",
			handler: func(t *testing.T, opts ...Option) *CallFlowHandler {
				return mustHandler(t, func(context.Context, *CallFlowRequest) (*flow.Flow, error) { return flow.New().Dial(), nil }, opts...)
			},
			failure: true,
		},
		{
			name: "nil flow",
			handler: func(t *testing.T, opts ...Option) *CallFlowHandler {
				return mustHandler(t, func(context.Context, *CallFlowRequest) (*flow.Flow, error) { return nil, nil }, opts...)
			},
			failure: true,
		},
		{
			name: "flow and an error",
			handler: func(t *testing.T, opts ...Option) *CallFlowHandler {
				return mustHandler(t, func(context.Context, *CallFlowRequest) (*flow.Flow, error) { return menu, errors.New("no") }, opts...)
			},
			failure: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var hooks hookRecorder
			h := tt.handler(t, WithErrorHook(hooks.hook))
			// Twice: the reply buffer is reused between requests.
			for range 2 {
				got := serve(t, h, http.MethodGet, "/?dtmf=1", "")
				want := string(tt.want)
				if tt.want == nil {
					want = defaultFallback
				}
				if got.status != http.StatusOK || got.body != want {
					t.Errorf("got %d\n%s\nwant 200\n%s", got.status, got.body, want)
				}
			}
			errs := hooks.errors()
			switch {
			case tt.warnings:
				var we *WarningsError
				if len(errs) != 2 || !errors.As(errs[0], &we) || !render.IsWarnings(errs[0]) {
					t.Errorf("hook got %v, want one *WarningsError per request", errs)
				}
			case tt.failure:
				if len(errs) != 2 || render.IsWarnings(errs[0]) {
					t.Errorf("hook got %v, want one failure per request", errs)
				}
			default:
				if len(errs) != 0 {
					t.Errorf("hook got %v, want nothing", errs)
				}
			}
		})
	}
}

func mustHandler[D Document](t *testing.T, fn CallFlowFunc[D], opts ...Option) *CallFlowHandler {
	t.Helper()
	h, err := NewCallFlowHandler(fn, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return h
}
