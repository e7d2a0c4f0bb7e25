package devpage

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"syscall"
)

// URL is a source of New: the call_flow_url of an application running on
// this machine (http://127.0.0.1:3000/calls). The page asks it for the
// first document of each call over loopback HTTP, as the platform asks a
// SIP control app's call_flow_url; the call's other requests to the same
// host go there too. Requests to other loopback hosts are sent as well;
// a request to a host off this machine fails without being sent.
type URL string

// parseLoopbackURL checks that u is an http or https URL on this machine.
func parseLoopbackURL(u string) (*url.URL, error) {
	p, err := url.Parse(u)
	if err != nil {
		return nil, fmt.Errorf("devpage: URL %q: %v", u, err)
	}
	if p.Host != "" && !loopbackHost(p.Host) {
		return nil, fmt.Errorf("devpage: URL %q: the host must be on this machine (localhost, 127.0.0.1, [::1]); the dev page sends nothing off it", u)
	}
	if (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return nil, fmt.Errorf("devpage: URL %q: want http://HOST:PORT/PATH on this machine", u)
	}
	return p, nil
}

// loopbackClient is an HTTP client that connects only to loopback
// addresses. It has no timeout of its own: flowsim's RequestTimeout (or a
// command's timeout attribute) bounds each request through its context.
func loopbackClient() *http.Client {
	d := &net.Dialer{Control: func(_, address string, _ syscall.RawConn) error {
		host, _, err := net.SplitHostPort(address)
		if err != nil {
			return err
		}
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			return fmt.Errorf("%s is not on this machine; the dev page sends nothing off it (answer it with devpage.Reply)", host)
		}
		return nil
	}}
	tr := &http.Transport{DialContext: d.DialContext, Proxy: nil, DisableKeepAlives: true}
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, _ []*http.Request) error {
			if !loopbackHost(req.URL.Host) {
				return errors.New("a redirect off this machine is not followed")
			}
			return nil
		},
	}
}
