package main

import (
	"context"
	"net/http"
	"slices"
	"time"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/verbs"
	"github.com/opentact-go/opentact/webhook"
)

// The paths the IVR serves: the root document (the SIP control app's
// call_flow_url) and the Gather URLs of the two menus and the PIN menu.
const (
	rootPath = "/"
	menuPath = "/menu"
	techPath = "/tech"
	pinPath  = "/pin"
)

// replyTimeout bounds each reply, below Opentact's call-flow request
// timeout, so that a slow reply becomes the fallback flow, not dead air.
const replyTimeout = 5 * time.Second

// server builds the documents of the IVR. Every Gather URL it writes points
// back at the server that received the request.
type server struct {
	urlOpts    []webhook.URLOption
	accountPIN string
}

// newServer returns the IVR's HTTP handler for cfg. Every path signs and
// verifies state with cfg's keys: a forged, expired or other-call state
// gets the fallback flow.
func newServer(cfg config) (http.Handler, error) {
	s := &server{urlOpts: cfg.urlOpts, accountPIN: cfg.accountPIN}
	mux := http.NewServeMux()
	for pattern, fn := range map[string]webhook.CallFlowFunc[*verbs.Response]{
		rootPath + "{$}": s.root,
		menuPath:         s.menu,
		techPath:         s.tech,
		pinPath:          s.pin,
	} {
		opts := []webhook.Option{webhook.WithTimeout(replyTimeout), webhook.WithStateKeys(cfg.stateKeys)}
		if cfg.now != nil {
			opts = append(opts, webhook.WithClock(cfg.now))
		}
		h, err := webhook.NewCallFlowHandler(fn, opts...)
		if err != nil {
			return nil, err
		}
		mux.Handle(pattern, h)
	}
	return mux, nil
}

// url returns the absolute URL of path on this server, with the server's URL
// options and then opts (a signed state).
func (s *server) url(ctx context.Context, path string, opts ...webhook.URLOption) (string, error) {
	return webhook.CallbackURL(webhook.HTTPRequest(ctx), path, nil, slices.Concat(s.urlOpts, opts)...)
}

// root answers a new call with the main menu.
func (s *server) root(ctx context.Context, _ *webhook.CallFlowRequest) (*verbs.Response, error) {
	top, err := s.mainMenu(ctx)
	if err != nil {
		return nil, err
	}
	return top.Build()
}

// menu answers the digit pressed in the main menu.
func (s *server) menu(ctx context.Context, r *webhook.CallFlowRequest) (*verbs.Response, error) {
	switch r.DTMF {
	case "1":
		return support(r.From).Build()
	case "2":
		tech, err := s.techMenu(ctx)
		if err != nil {
			return nil, err
		}
		return tech.Build()
	case "3":
		return voicemail(r.From).Build()
	case "4":
		pin, err := s.askPIN(ctx, 0)
		if err != nil {
			return nil, err
		}
		return pin.Build()
	}
	top, err := s.mainMenu(ctx)
	if err != nil {
		return nil, err
	}
	return invalid(top).Build()
}

// tech answers the digit pressed in the tech team's menu.
func (s *server) tech(ctx context.Context, r *webhook.CallFlowRequest) (*verbs.Response, error) {
	switch r.DTMF {
	case "1":
		return networking(r.From).Build()
	case "2":
		return software(r.From).Build()
	case "0":
		return s.root(ctx, r)
	}
	tech, err := s.techMenu(ctx)
	if err != nil {
		return nil, err
	}
	return invalid(tech).Build()
}

// mainMenu is the main menu pointing at this server.
func (s *server) mainMenu(ctx context.Context) (*flow.Flow, error) {
	u, err := s.url(ctx, menuPath)
	if err != nil {
		return nil, err
	}
	return welcome(u), nil
}

// techMenu is the tech team's menu pointing at this server.
func (s *server) techMenu(ctx context.Context) (*flow.Flow, error) {
	u, err := s.url(ctx, techPath)
	if err != nil {
		return nil, err
	}
	return techMenu(u), nil
}
