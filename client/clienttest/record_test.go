package clienttest_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opentact-go/opentact/client/clienttest"
)

func TestRecording(t *testing.T) {
	t.Parallel()
	clk := newClock()
	f := newFake(t, clienttest.WithClock(clk.now))
	var app object
	f.ok(201, "POST", "/sip/app", object{"name": "ivr", "product": 1}, &app)
	f.ResetRequests()
	if n := len(f.Requests()); n != 0 {
		t.Fatalf("%d requests after reset", n)
	}

	req := f.request("POST", "/lease/tn/search?take=5&skip=10", []byte(`{"tn":"1202*"}`))
	req.Header.Set("User-Agent", "test-agent")
	f.send(req)
	clk.add(time.Second)
	f.upload("/sip/app/call/flow/"+uuidOf(t, app), "file", []byte("<Response/>"))
	f.do("GET", "/nope", nil)

	reqs := f.Requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests", len(reqs))
	}
	r := reqs[0]
	if r.Method != "POST" || r.Path != "/lease/tn/search" || r.Query.Get("take") != "5" || r.Query.Get("skip") != "10" ||
		string(r.Body) != `{"tn":"1202*"}` || r.Header.Get("User-Agent") != "test-agent" ||
		r.Header.Get("Authorization") != "Bearer "+f.APIToken() || r.Multipart != nil || !r.Time.Equal(clk.now().Add(-time.Second)) || r.Fault {
		t.Errorf("request 0 = %+v", r)
	}
	up := reqs[1]
	if up.Path != "/sip/app/call/flow/"+uuidOf(t, app) || string(up.Multipart["file"]) != "<Response/>" ||
		!strings.HasPrefix(up.Header.Get("Content-Type"), "multipart/form-data; boundary=") || !up.Time.Equal(clk.now()) {
		t.Errorf("request 1 = %+v", up)
	}
	if reqs[2].Path != "/nope" {
		t.Errorf("request 2 path = %q", reqs[2].Path)
	}

	// Returned values are copies.
	reqs[0].Body[0] = 'X'
	reqs[0].Header.Set("User-Agent", "changed")
	reqs[0].Query.Set("take", "99")
	reqs[1].Multipart["file"][0] = 'X'
	again := f.Requests()
	if again[0].Body[0] != '{' || again[0].Header.Get("User-Agent") != "test-agent" || again[0].Query.Get("take") != "5" || again[1].Multipart["file"][0] != '<' {
		t.Error("Requests shares memory with the server")
	}
}

func TestRecordingOutsideBasePath(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	req, _ := http.NewRequest("GET", strings.TrimSuffix(f.URL(), "/rest")+"/health", nil)
	f.send(req)
	if reqs := f.Requests(); len(reqs) != 1 || reqs[0].Path != "/health" {
		t.Errorf("recorded = %+v", reqs)
	}
}

func TestOverride(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.Override("GET", "/dict/country", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(202)
		w.Write([]byte(`{"success":true,"payload":[{"a2":"FR"}]}`))
	})
	f.Override("", "/sip/domain/*", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`[{"domain":"` + r.Method + `"}]`))
	})
	var countries []object
	if r := f.ok(202, "GET", "/dict/country", nil, &countries); countries[0]["a2"] != "FR" || r.Header.Get("X-Request-Id") == "" {
		t.Errorf("override reply = %s", r.Raw)
	}
	for _, m := range []string{"GET", "DELETE"} {
		resp, err := f.HTTPClient().Do(f.request(m, "/sip/domain/x/user", nil))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s prefix override: %d", m, resp.StatusCode)
		}
	}
	// Credentials are still checked, faults still apply, requests are recorded.
	req, _ := http.NewRequest("GET", f.URL()+"/dict/country", nil)
	checkError(t, f.send(req), 401)
	f.InjectFault(clienttest.Match{Path: "/dict/country"}, clienttest.Fault{Status: 503, AfterHandler: true})
	f.fail(503, "GET", "/dict/country", nil)
	if n := len(f.Requests()); n != 5 {
		t.Errorf("%d requests recorded", n)
	}
	// A later override replaces the earlier one; nil removes it.
	f.Override("GET", "/dict/country", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(204) })
	if r := f.do("GET", "/dict/country", nil); r.Code != 204 {
		t.Errorf("replaced override: %d", r.Code)
	}
	f.Override("GET", "/dict/country", nil)
	f.ok(200, "GET", "/dict/country", nil, &countries)
	if len(countries) != 3 {
		t.Errorf("after removal: %v", countries)
	}
	// An override can add a route and replace the login.
	f.Override("POST", "/sms/pool", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte(`{"success":true}`)) })
	f.ok(200, "POST", "/sms/pool", object{}, nil)
	f.Override("GET", "/auth", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(500) })
	if r := f.login("", ""); r.Code != 500 {
		t.Errorf("overridden login: %d", r.Code)
	}
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.buy(12025550100)
	f.AddSMSNumber(12025550100)
	const workers, each = 20, 10
	var wg sync.WaitGroup
	errs := make(chan string, workers*each*2)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				body := object{"from": 12025550100, "to": 13125550000 + int64(w), "message": "n"}
				resp, err := f.HTTPClient().Do(f.request("POST", "/sms", body))
				if err != nil {
					errs <- err.Error()
					continue
				}
				resp.Body.Close()
				if resp.StatusCode != 200 {
					errs <- resp.Status
				}
				if i%3 == 0 {
					f.InjectFault(clienttest.Match{Path: "/never"}, clienttest.Fault{Status: 500})
					_ = f.Requests()
					_ = f.SentMessages()
					f.IssueJWT(time.Minute)
				}
				resp, err = f.HTTPClient().Do(f.request("POST", "/sms/search?take=1", object{}))
				if err == nil {
					resp.Body.Close()
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	sent := f.SentMessages()
	seen := map[string]bool{}
	for _, m := range sent {
		seen[m.UUID] = true
	}
	if len(sent) != workers*each || len(seen) != workers*each {
		t.Errorf("%d messages, %d distinct", len(sent), len(seen))
	}
	var p page[object]
	f.ok(200, "POST", "/sms/search", nil, &p)
	if p.Total != workers*each {
		t.Errorf("search total = %d", p.Total)
	}
}

func TestDeterministicIdentifiers(t *testing.T) {
	t.Parallel()
	a, b := newFake(t), newFake(t)
	var pa, pb object
	a.ok(201, "POST", "/profile/messaging", object{"name": "x"}, &pa)
	b.ok(201, "POST", "/profile/messaging", object{"name": "x"}, &pb)
	id := uuidOf(t, pa)
	if id != pb["uuid"] || !strings.HasPrefix(id, "00000000-0000-4000-8000-") || len(id) != 36 {
		t.Errorf("uuids %v / %v", pa["uuid"], pb["uuid"])
	}
	if created, _ := pa["created_on"].(string); len(created) != len("2006-01-02T15:04:05.000Z") || !strings.HasSuffix(created, "Z") {
		t.Errorf("created_on = %v", pa["created_on"])
	}
}
