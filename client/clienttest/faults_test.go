package clienttest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/opentact-go/opentact/client/clienttest"
)

var smsBody = object{"from": 12025550100, "to": 12025550199, "message": "hi"}

// smsFake returns a fake with a leased 12025550100, ready for POST /sms.
func smsFake(t *testing.T) *fake {
	f := newFake(t)
	f.buy(12025550100)
	f.AddSMSNumber(12025550100)
	f.ResetRequests()
	return f
}

func TestFaultStatus(t *testing.T) {
	t.Parallel()
	f := smsFake(t)
	f.InjectFault(clienttest.Match{Method: "POST", Path: "/sms"}, clienttest.Fault{
		Status: 500, Message: "Validation failed", Fields: map[string]string{"params.to": "bad number"}, RetryAfter: "2",
	})
	r := f.fail(500, "POST", "/sms", smsBody)
	if r.Message != "Validation failed" || r.Fields["params.to"].Message != "bad number" || r.Header.Get("Retry-After") != "2" {
		t.Errorf("fault reply = %s, Retry-After %q", r.Raw, r.Header.Get("Retry-After"))
	}
	if len(f.SentMessages()) != 0 {
		t.Error("the handler ran behind a fault")
	}
	f.ok(200, "POST", "/sms", smsBody, nil) // consumed
	reqs := f.Requests()
	if len(reqs) != 2 || !reqs[0].Fault || reqs[1].Fault {
		t.Errorf("Fault flags = %v, %v", reqs[0].Fault, reqs[1].Fault)
	}

	// Message defaults to the status text; Retry-After may be an HTTP date.
	date := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC).Format(http.TimeFormat)
	f.InjectFault(clienttest.Match{}, clienttest.Fault{Status: 429, RetryAfter: date})
	r = f.fail(429, "GET", "/dict/gtts", nil)
	if r.Message != "Too Many Requests" || r.Header.Get("Retry-After") != date || r.Fields != nil {
		t.Errorf("reply = %s", r.Raw)
	}
}

func TestFaultMatching(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		match   clienttest.Match
		method  string
		path    string
		faulted bool
	}{
		{"any", clienttest.Match{}, "GET", "/dict/gtts", true},
		{"method only", clienttest.Match{Method: "GET"}, "GET", "/dict/gtts", true},
		{"other method", clienttest.Match{Method: "POST"}, "GET", "/dict/gtts", false},
		{"exact path", clienttest.Match{Path: "/dict/gtts"}, "GET", "/dict/gtts", true},
		{"other path", clienttest.Match{Path: "/dict/country"}, "GET", "/dict/gtts", false},
		{"prefix", clienttest.Match{Path: "/dict/*"}, "GET", "/dict/gtts", true},
		{"prefix miss", clienttest.Match{Path: "/sip/*"}, "GET", "/dict/gtts", false},
		{"no implicit prefix", clienttest.Match{Path: "/dict"}, "GET", "/dict/gtts", false},
		{"unknown route", clienttest.Match{Path: "/nope"}, "GET", "/nope", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			f.InjectFault(tt.match, clienttest.Fault{Status: 418})
			r := f.do(tt.method, tt.path, nil)
			if got := r.Code == 418; got != tt.faulted {
				t.Errorf("status %d, faulted = %v, want %v", r.Code, got, tt.faulted)
			}
		})
	}
}

func TestFaultTimesAndOrder(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	m := clienttest.Match{Path: "/dict/gtts"}
	f.InjectFault(m, clienttest.Fault{Status: 503, Times: 2})
	f.InjectFault(m, clienttest.Fault{Status: 502})
	var codes []int
	for range 5 {
		codes = append(codes, f.do("GET", "/dict/gtts", nil).Code)
	}
	if want := []int{503, 503, 502, 200, 200}; !equalInts(codes, want) {
		t.Errorf("codes = %v, want %v", codes, want)
	}

	f.InjectFault(m, clienttest.Fault{Status: 500, Times: -1})
	for range 4 {
		if c := f.do("GET", "/dict/gtts", nil).Code; c != 500 {
			t.Fatalf("unlimited fault: %d", c)
		}
	}
	f.ClearFaults()
	if c := f.do("GET", "/dict/gtts", nil).Code; c != 200 {
		t.Errorf("after ClearFaults: %d", c)
	}
	f.InjectFault(m, clienttest.Fault{Status: 500, Times: -5}) // ignored
	if c := f.do("GET", "/dict/gtts", nil).Code; c != 200 {
		t.Errorf("invalid Times applied: %d", c)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFaultBeforeAuthentication(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.InjectFault(clienttest.Match{}, clienttest.Fault{Status: 503})
	req, _ := http.NewRequest("GET", f.URL()+"/dict/gtts", nil) // no credentials
	checkError(t, f.send(req), 503)
	req, _ = http.NewRequest("GET", f.URL()+"/dict/gtts", nil)
	checkError(t, f.send(req), 401)
}

func TestFaultOnePerRequest(t *testing.T) {
	t.Parallel()
	f := smsFake(t)
	f.InjectFault(clienttest.Match{Path: "/sms"}, clienttest.Fault{Status: 502, AfterHandler: true})
	f.InjectFault(clienttest.Match{Path: "/sms"}, clienttest.Fault{Status: 503})
	f.fail(503, "POST", "/sms", smsBody) // the pre-handler fault only
	if len(f.SentMessages()) != 0 {
		t.Fatal("handler ran")
	}
	f.fail(502, "POST", "/sms", smsBody) // now the after-handler one
	if len(f.SentMessages()) != 1 {
		t.Fatal("AfterHandler fault did not run the handler")
	}
	f.ok(200, "POST", "/sms", smsBody, nil)
}

func TestFaultRawBody(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.InjectFault(clienttest.Match{}, clienttest.Fault{Body: []byte(`{"success":tru`)})
	f.InjectFault(clienttest.Match{}, clienttest.Fault{Status: 502, Body: []byte("<html>bad gateway</html>")})
	f.InjectFault(clienttest.Match{}, clienttest.Fault{Status: 204, Body: []byte{}})
	for _, want := range []struct {
		code int
		body string
	}{{200, `{"success":tru`}, {502, "<html>bad gateway</html>"}, {204, ""}} {
		resp, err := f.HTTPClient().Do(f.request("GET", "/dict/gtts", nil))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want.code || string(body) != want.body {
			t.Errorf("got %d %q, want %d %q", resp.StatusCode, body, want.code, want.body)
		}
	}
	reqs := f.Requests()
	for _, r := range reqs {
		if !r.Fault {
			t.Errorf("request not marked as faulted")
		}
	}
}

func TestFaultDrop(t *testing.T) {
	t.Parallel()
	f := smsFake(t)
	f.InjectFault(clienttest.Match{Method: "POST", Path: "/sms"}, clienttest.Fault{Drop: true})
	_, err := f.HTTPClient().Do(f.request("POST", "/sms", smsBody))
	if err == nil {
		t.Fatal("dropped request succeeded")
	}
	if len(f.SentMessages()) != 0 {
		t.Error("handler ran before a plain Drop")
	}
	reqs := f.Requests()
	if len(reqs) != 1 || !reqs[0].Fault || !strings.Contains(string(reqs[0].Body), `"message":"hi"`) {
		t.Fatalf("recorded = %+v", reqs)
	}

	// Opentact acted, but the reply was lost.
	f.InjectFault(clienttest.Match{Method: "POST", Path: "/sms"}, clienttest.Fault{Drop: true, AfterHandler: true})
	if _, err := f.HTTPClient().Do(f.request("POST", "/sms", smsBody)); err == nil {
		t.Fatal("dropped request succeeded")
	}
	if n := len(f.SentMessages()); n != 1 {
		t.Errorf("%d messages sent, want 1", n)
	}
	// The server keeps serving.
	f.ok(200, "POST", "/sms", smsBody, nil)
}

func TestFaultDelay(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	// A delay-only fault slows the request, which then succeeds.
	f.InjectFault(clienttest.Match{Path: "/dict/gtts"}, clienttest.Fault{Delay: 50 * time.Millisecond})
	start := time.Now()
	f.ok(200, "GET", "/dict/gtts", nil, nil)
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("answered after %v", d)
	}
	if reqs := f.Requests(); reqs[0].Fault {
		t.Error("delay-only request marked as faulted")
	}
	// A delayed error.
	f.InjectFault(clienttest.Match{Path: "/dict/gtts"}, clienttest.Fault{Delay: 20 * time.Millisecond, Status: 504})
	f.fail(504, "GET", "/dict/gtts", nil)

	// A long delay ends when the client goes away.
	f.InjectFault(clienttest.Match{Path: "/dict/country"}, clienttest.Fault{Delay: time.Hour, Status: 500})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req := f.request("GET", "/dict/country", nil).WithContext(ctx)
	if _, err := f.HTTPClient().Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	// Close (in Cleanup) would block for an hour if the handler were still waiting.
	f.ok(200, "GET", "/dict/country", nil, nil)
}

func TestFailNextDials(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.ok(200, "GET", "/dict/gtts", nil, nil) // leaves an idle connection
	f.FailNextDials(2)
	for range 2 {
		_, err := f.HTTPClient().Do(f.request("GET", "/dict/gtts", nil))
		if err == nil || !strings.Contains(err.Error(), "injected dial failure") {
			t.Fatalf("err = %v", err)
		}
	}
	f.ok(200, "GET", "/dict/gtts", nil, nil)
	if n := len(f.Requests()); n != 2 {
		t.Errorf("%d requests reached the server, want 2", n)
	}
	f.FailNextDials(0) // no-op
	f.ok(200, "GET", "/dict/gtts", nil, nil)
}
