package clienttest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/client/clienttest"
)

func TestNotFoundRoutes(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	base := strings.TrimSuffix(f.URL(), "/rest")
	tests := []struct {
		name, method, url string
	}{
		{"unknown route", "GET", f.URL() + "/nope"},
		{"wrong method", "PUT", f.URL() + "/sms"},
		{"outside base path", "GET", base + "/sms"},
		{"root", "GET", base + "/"},
		{"prefix look-alike", "GET", base + "/restful/sms"},
		{"empty id", "DELETE", f.URL() + "/sip/connection/"},
		{"double slash", "POST", f.URL() + "//sms"},
		{"dot segment", "GET", f.URL() + "/sip/./product"},
		{"dot-dot segment", "GET", f.URL() + "/sip/x/../product"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, tt.url, nil)
			req.Header.Set("Authorization", "Bearer "+f.APIToken())
			r := f.send(req)
			checkError(t, r, 404)
			if r.Message != "Not found" {
				t.Errorf("message = %q", r.Message)
			}
		})
	}
}

func TestURLAndRequestIDs(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	if !strings.HasPrefix(f.URL(), "http://127.0.0.1:") || !strings.HasSuffix(f.URL(), "/rest") {
		t.Fatalf("URL() = %q", f.URL())
	}
	var ids []string
	for range 3 {
		r := f.ok(200, "GET", "/dict/country", nil, nil)
		ids = append(ids, r.Header.Get("X-Request-Id"))
	}
	want := []string{"fake-1", "fake-2", "fake-3"}
	for i := range want {
		if ids[i] != want[i] {
			t.Errorf("X-Request-Id #%d = %q, want %q", i, ids[i], want[i])
		}
	}
	// Faulted and not-found replies carry one too.
	f.InjectFault(clienttest.Match{}, clienttest.Fault{Status: 503})
	if got := f.fail(503, "GET", "/dict/country", nil).Header.Get("X-Request-Id"); got != "fake-4" {
		t.Errorf("fault X-Request-Id = %q", got)
	}
	if got := f.fail(404, "GET", "/nope", nil).Header.Get("X-Request-Id"); got != "fake-5" {
		t.Errorf("404 X-Request-Id = %q", got)
	}
}

func TestTLS(t *testing.T) {
	t.Parallel()
	f := newFake(t, clienttest.WithTLS())
	if !strings.HasPrefix(f.URL(), "https://127.0.0.1:") {
		t.Fatalf("URL() = %q", f.URL())
	}
	var got []object
	f.ok(200, "GET", "/sip/product", nil, &got)
	if len(got) != 1 || got[0]["id"] != float64(1) || got[0]["name"] != "Default" || got[0]["type"] != "public" {
		t.Errorf("products = %v", got)
	}
	// A client without the certificate is refused.
	if _, err := http.Get(f.URL() + "/sip/product"); err == nil {
		t.Error("plain client trusted the test certificate")
	}
}

func TestValidationEnvelope(t *testing.T) {
	t.Parallel()
	for _, code := range []int{400, 500} {
		f := newFake(t, clienttest.WithValidationStatus(code))
		r := f.fail(code, "POST", "/sms", map[string]any{"from": "abc", "to": 12025550111})
		if r.Message != "Validation failed" {
			t.Errorf("message = %q", r.Message)
		}
		if fe, ok := r.Fields["params.from"]; !ok || string(fe.Value) != `"abc"` || fe.Message == "" {
			t.Errorf("fields[params.from] = %+v", fe)
		}
		if fe, ok := r.Fields["params.message"]; !ok || string(fe.Value) != "null" {
			t.Errorf("fields[params.message] = %+v", fe)
		}
		if _, ok := r.Fields["params.to"]; ok {
			t.Errorf("valid member reported: %s", r.Raw)
		}
	}
}

func TestMalformedBody(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	for _, body := range []string{"{", "[1,2]", `"text"`, "12"} {
		r := f.fail(400, "POST", "/profile/messaging", body)
		if _, ok := r.Fields["body"]; !ok {
			t.Errorf("body %q: fields = %s", body, r.Raw)
		}
	}
}

func TestUnknownMembersIgnored(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var p object
	f.ok(201, "POST", "/profile/messaging", map[string]any{"name": "x", "surprise": []int{1}}, &p)
	if p["name"] != "x" {
		t.Errorf("profile = %v", p)
	}
}

func TestDictionaries(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var voices []object
	f.ok(200, "GET", "/dict/gtts", nil, &voices)
	if len(voices) != 4 {
		t.Fatalf("%d voices", len(voices))
	}
	seen := map[string]bool{}
	for _, v := range voices {
		if v["code"] != "en-US" || !strings.HasPrefix(v["uuid"].(string), "00000000-0000-4000-8000-") {
			t.Errorf("voice %v", v)
		}
		seen[v["type"].(string)+"/"+v["gender"].(string)] = true
	}
	for _, k := range []string{"Standard/MALE", "Standard/FEMALE", "WaveNet/MALE", "WaveNet/FEMALE"} {
		if !seen[k] {
			t.Errorf("no %s voice", k)
		}
	}
	var countries []object
	f.ok(200, "GET", "/dict/country", nil, &countries)
	var codes []string
	for _, c := range countries {
		codes = append(codes, c["a2"].(string))
	}
	if strings.Join(codes, ",") != "US,CA,GB" {
		t.Errorf("countries = %v", codes)
	}
}
