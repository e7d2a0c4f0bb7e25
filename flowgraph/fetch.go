package flowgraph

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// Fetcher returns the call-flow document a URL answers with.
type Fetcher func(url string) (*verbs.Response, error)

// maxFetchBytes is the largest reply a fetcher reads, render's default
// input limit.
const maxFetchBytes = 1 << 20

// HTTPFetcher returns a Fetcher that GETs each URL with client (nil:
// http.DefaultClient) under ctx, reads at most 1 MiB and parses the reply
// strictly. A status other than 200 is an error.
func HTTPFetcher(ctx context.Context, client *http.Client) Fetcher {
	if client == nil {
		client = http.DefaultClient
	}
	return func(url string) (*verbs.Response, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "application/xml")
		resp, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		return parseReply(resp.StatusCode, resp.Body)
	}
}

// HandlerFetcher returns a Fetcher that calls h in-process, with no
// network, as a GET of each URL: a user's own call-flow handler (for example
// one made by webhook.NewCallFlowHandler) answers as it would answer
// Opentact.
func HandlerFetcher(h http.Handler) Fetcher {
	return func(url string) (doc *verbs.Response, err error) {
		req, err := http.NewRequest(http.MethodGet, url, nil)
		if err != nil {
			return nil, err
		}
		rec := httptest.NewRecorder()
		defer func() {
			if p := recover(); p != nil {
				doc, err = nil, fmt.Errorf("handler panicked: %v", p)
			}
		}()
		h.ServeHTTP(rec, req)
		return parseReply(rec.Code, rec.Body)
	}
}

func parseReply(status int, body io.Reader) (*verbs.Response, error) {
	if status != http.StatusOK {
		return nil, fmt.Errorf("status %d %s", status, http.StatusText(status))
	}
	data, err := io.ReadAll(io.LimitReader(body, maxFetchBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxFetchBytes {
		return nil, fmt.Errorf("reply larger than %d bytes", maxFetchBytes)
	}
	return render.Parse(data)
}
