package clienttest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/client/clienttest"
)

// reply is a decoded envelope.
type reply struct {
	Code    int // HTTP status
	Header  http.Header
	Raw     []byte
	Success bool            `json:"success"`
	Payload json.RawMessage `json:"payload"`
	Message string          `json:"message"`
	Status  int             `json:"status"`
	URL     string          `json:"url"`
	Fields  map[string]struct {
		Message string          `json:"message"`
		Value   json.RawMessage `json:"value"`
	} `json:"fields"`
}

// fake wraps a Server with request helpers that authenticate with the
// seeded API token.
type fake struct {
	t *testing.T
	*clienttest.Server
}

func newFake(t *testing.T, opts ...clienttest.Option) *fake {
	t.Helper()
	s := clienttest.NewServer(opts...)
	t.Cleanup(s.Close)
	return &fake{t: t, Server: s}
}

// request builds a request to path (below the base URL) with a JSON body
// (nil = none; []byte = as is) and the API token.
func (f *fake) request(method, path string, body any) *http.Request {
	f.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	case string:
		rd = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			f.t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, f.URL()+path, rd)
	if err != nil {
		f.t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+f.APIToken())
	return req
}

// send performs req and decodes the envelope.
func (f *fake) send(req *http.Request) reply {
	f.t.Helper()
	resp, err := f.HTTPClient().Do(req)
	if err != nil {
		f.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		f.t.Fatal(err)
	}
	r := reply{Code: resp.StatusCode, Header: resp.Header, Raw: raw}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &r); err != nil {
			f.t.Fatalf("%s %s: reply %q: %v", req.Method, req.URL.Path, raw, err)
		}
	}
	return r
}

// do sends an authenticated JSON request.
func (f *fake) do(method, path string, body any) reply {
	f.t.Helper()
	return f.send(f.request(method, path, body))
}

// ok sends a request, requires the given status and success, and decodes
// the payload into out (if not nil).
func (f *fake) ok(code int, method, path string, body, out any) reply {
	f.t.Helper()
	r := f.do(method, path, body)
	if r.Code != code || !r.Success {
		f.t.Fatalf("%s %s: got %d %s, want %d success", method, path, r.Code, r.Raw, code)
	}
	if out != nil {
		if err := json.Unmarshal(r.Payload, out); err != nil {
			f.t.Fatalf("%s %s: payload %s: %v", method, path, r.Payload, err)
		}
	}
	return r
}

// fail sends a request and requires an error envelope with code.
func (f *fake) fail(code int, method, path string, body any) reply {
	f.t.Helper()
	r := f.do(method, path, body)
	checkError(f.t, r, code)
	return r
}

// checkError requires an error envelope with the given status.
func checkError(t *testing.T, r reply, code int) {
	t.Helper()
	if r.Code != code || r.Success || r.Status != code || r.Message == "" {
		t.Fatalf("got %d %s, want error envelope with status %d", r.Code, r.Raw, code)
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q", ct)
	}
}

// multipartFile returns a multipart body with one part named field.
func multipartFile(t *testing.T, field string, data []byte) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	part, err := mw.CreateFormFile(field, "callflow.xml")
	if err != nil {
		t.Fatal(err)
	}
	part.Write(data)
	mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

// upload posts a multipart file.
func (f *fake) upload(path, field string, data []byte) reply {
	f.t.Helper()
	ct, body := multipartFile(f.t, field, data)
	req := f.request("POST", path, body)
	req.Header.Set("Content-Type", ct)
	return f.send(req)
}

// page is a search payload.
type page[T any] struct {
	Take  int `json:"take"`
	Skip  int `json:"skip"`
	Total int `json:"total"`
	Data  []T `json:"data"`
}

// object is a generic decoded JSON object.
type object = map[string]any

// uuidOf reads the "uuid" member.
func uuidOf(t *testing.T, o object) string {
	t.Helper()
	id, ok := o["uuid"].(string)
	if !ok || id == "" {
		t.Fatalf("no uuid in %v", o)
	}
	return id
}

// buy orders numbers and returns the new leases' uuids in order.
func (f *fake) buy(tns ...int64) []string {
	f.t.Helper()
	var items []object
	for _, tn := range tns {
		items = append(items, object{"tn": tn, "features": []string{"voice", "sms"}, "autorenew": true})
	}
	var o object
	f.ok(201, "POST", "/order", object{"items": items}, &o)
	var full struct {
		TNLeases []object `json:"tnleases"`
	}
	f.ok(200, "GET", "/order/"+uuidOf(f.t, o), nil, &full)
	var ids []string
	for _, l := range full.TNLeases {
		ids = append(ids, uuidOf(f.t, l))
	}
	if len(ids) != len(tns) {
		f.t.Fatalf("bought %d leases, want %d", len(ids), len(tns))
	}
	return ids
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
