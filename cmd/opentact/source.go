package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/opentact-go/opentact/flowgraph"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// fetchTimeout bounds each HTTP request of graph and doc.
const fetchTimeout = 10 * time.Second

// isURL reports an http or https URL argument.
func isURL(arg string) bool {
	lower := strings.ToLower(arg)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// httpFetcher fetches documents for graph and doc, each request under
// fetchTimeout.
func httpFetcher(ctx context.Context) flowgraph.Fetcher {
	return flowgraph.HTTPFetcher(ctx, &http.Client{Timeout: fetchTimeout})
}

// loadDocument reads a FILE, "-" or an http(s) URL and parses it strictly.
// It returns the findings that stop it from parsing, or an I/O error.
func loadDocument(ctx context.Context, arg string, stdin io.Reader) (*verbs.Response, render.Diagnostics, error) {
	if isURL(arg) {
		doc, err := httpFetcher(ctx)(arg)
		var ds render.Diagnostics
		if errors.As(err, &ds) {
			return nil, ds, nil
		}
		// An error of the request names the URL, or the URL of a redirect;
		// one of the reply (its status, its size) names none.
		var urlErr *url.Error
		if err != nil && !(errors.As(err, &urlErr) && urlErr.URL == arg) {
			err = fmt.Errorf("%s: %w", arg, err)
		}
		return doc, nil, err
	}
	data, err := readInput(arg, stdin)
	if err != nil {
		return nil, nil, err
	}
	doc, err := render.Parse(data)
	if err != nil {
		return nil, asDiagnostics(err), nil
	}
	return doc, nil, nil
}
