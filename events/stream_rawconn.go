package events

import (
	"io"
	"net/http"
	"sync"
)

// upgradeTracker is the transport of one connection attempt: it passes
// requests to the configured transport and keeps the connection of a
// websocket upgrade (the 101 reply's body, which the websocket library
// uses as the connection), so that shutdown can close it at once. The
// library's own Close waits up to 5 s for the server's close frame, longer
// than the close wait of §4.9.
type upgradeTracker struct {
	base http.RoundTripper

	mu  sync.Mutex
	rwc io.ReadWriteCloser
}

// trackUpgrade returns a copy of hc whose transport records the upgraded
// connection in the returned tracker.
func trackUpgrade(hc *http.Client) (*http.Client, *upgradeTracker) {
	base := hc.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	t := &upgradeTracker{base: base}
	cp := *hc
	cp.Transport = t
	return &cp, t
}

// RoundTrip implements http.RoundTripper.
func (t *upgradeTracker) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		return resp, err
	}
	if rwc, ok := resp.Body.(io.ReadWriteCloser); ok && resp.StatusCode == http.StatusSwitchingProtocols {
		t.mu.Lock()
		t.rwc = rwc
		t.mu.Unlock()
	}
	return resp, nil
}

// closeNow closes the upgraded connection, if there is one.
func (t *upgradeTracker) closeNow() {
	t.mu.Lock()
	rwc := t.rwc
	t.mu.Unlock()
	if rwc != nil {
		_ = rwc.Close()
	}
}
