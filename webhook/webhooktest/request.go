package webhooktest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
)

// Gather returns the GET request a <Gather url="target"> makes after the
// caller entered digits: the target's own query, then dtmf, from, tn,
// state, sca and call appended, as in the Gather page's example.
func Gather(target, digits string, c Call) *http.Request {
	return newRequest(http.MethodGet, target, [][2]string{
		{"dtmf", digits}, {"from", c.From}, {"tn", c.To}, {"state", c.state()},
		{"sca", c.SCA}, {"call", c.UUID},
	}, nil)
}

// CallFlow returns the request a SIP control app's call_flow_url gets for a
// new call with the given method (GET or POST): from and to appended to the
// target's query and, for POST, the call object as the JSON body.
func CallFlow(method, target string, c Call) *http.Request {
	var body io.Reader
	if method != http.MethodGet {
		body = c.bodyReader()
	}
	return newRequest(method, target, [][2]string{{"from", c.From}, {"to", c.To}}, body)
}

// Callback returns the request a <Callback url="target" method="method">
// makes. With body true (the element's body="true") the call object is sent
// as the JSON body; the query is the target's own, unchanged.
func Callback(method, target string, c Call, body bool) *http.Request {
	var r io.Reader
	if body {
		r = c.bodyReader()
	}
	return newRequest(method, target, nil, r)
}

// newRequest builds a request for target with params appended to its query
// and, when body is not nil, a JSON body.
func newRequest(method, target string, params [][2]string, body io.Reader) *http.Request {
	u, err := url.Parse(target)
	if err != nil || u.Host == "" && !strings.HasPrefix(target, "/") {
		panic("webhooktest: the target " + strconv.Quote(target) + " is not an absolute URL or path")
	}
	if len(params) > 0 {
		q := u.RawQuery
		for _, p := range params {
			if q != "" {
				q += "&"
			}
			q += url.QueryEscape(p[0]) + "=" + url.QueryEscape(p[1])
		}
		u.RawQuery = q
	}
	req := httptest.NewRequest(method, u.String(), body)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}
