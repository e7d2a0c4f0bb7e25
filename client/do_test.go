package client

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
)

func TestDo(t *testing.T) {
	t.Parallel()
	type quote struct {
		NRC float64 `json:"nrc"`
	}
	cases := []struct {
		name     string
		method   string
		path     string
		body     any
		out      func() any
		reply    string
		wantPath string
		wantBody string
		ctype    string
		check    func(t *testing.T, out any)
	}{
		{name: "struct body", method: "POST", path: "/order/price", body: map[string]any{"url": "https://x/?a=1&b=<2>"},
			out: func() any { return new(quote) }, reply: ok(`{"nrc":1.5}`), wantPath: "/order/price",
			wantBody: `{"url":"https://x/?a=1&b=<2>"}`, ctype: "application/json",
			check: func(t *testing.T, out any) {
				if out.(*quote).NRC != 1.5 {
					t.Errorf("out = %+v", out)
				}
			}},
		{name: "raw bytes and query", method: "POST", path: "/lease/tn/search?take=10&skip=0", body: []byte(`{"tn":"1*"}`),
			out: func() any { return new(Page[Lease]) }, reply: ok(`{"total":1,"data":[{"uuid":"l"}]}`), wantPath: "/lease/tn/search",
			wantBody: `{"tn":"1*"}`, ctype: "application/json",
			check: func(t *testing.T, out any) {
				if p := out.(*Page[Lease]); p.Total != 1 || p.Items[0].UUID != "l" {
					t.Errorf("page = %+v", p)
				}
			}},
		{name: "raw message out", method: "GET", path: "/dict/tz", body: nil,
			out: func() any { return new(json.RawMessage) }, reply: ok(`["UTC"]`), wantPath: "/dict/tz",
			check: func(t *testing.T, out any) {
				if string(*out.(*json.RawMessage)) != `["UTC"]` {
					t.Errorf("raw = %s", *out.(*json.RawMessage))
				}
			}},
		{name: "json.RawMessage body", method: "PATCH", path: "/sip/domain/acme/invite/i", body: json.RawMessage(`{"name":"x"}`),
			reply: ok(`{}`), wantPath: "/sip/domain/acme/invite/i", wantBody: `{"name":"x"}`, ctype: "application/json"},
		{name: "file", method: "POST", path: "/sip/app/call/c-1", body: File{Data: []byte("<Response/>")},
			reply: ok(`{}`), wantPath: "/sip/app/call/c-1", ctype: "multipart"},
		{name: "file pointer", method: "POST", path: "/x", body: &File{Field: "doc", Name: "a.txt", ContentType: "text/plain", Data: []byte("hi")},
			reply: ok(`{}`), wantPath: "/x", ctype: "multipart"},
		{name: "nil file pointer", method: "DELETE", path: "/x", body: (*File)(nil), reply: ok(`{}`), wantPath: "/x"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t, respond(200, tc.reply))
			c, _ := newTestClient(t, s, nil)
			var out any
			if tc.out != nil {
				out = tc.out()
			}
			if err := c.Do(context.Background(), tc.method, tc.path, tc.body, out); err != nil {
				t.Fatal(err)
			}
			r := s.requests()[0]
			if r.Method != tc.method || r.Path != tc.wantPath {
				t.Errorf("request = %s %s", r.Method, r.Path)
			}
			switch tc.ctype {
			case "application/json":
				if r.Header.Get("Content-Type") != tc.ctype || string(r.Body) != tc.wantBody {
					t.Errorf("body = %q (%s)", r.Body, r.Header.Get("Content-Type"))
				}
			case "multipart":
				var want File
				switch v := tc.body.(type) {
				case File:
					want = v
				case *File:
					want = *v
				}
				name, file, ctype, data := multipartFile(t, r)
				wantName, wantFile, wantType := want.Field, want.Name, want.ContentType
				if wantName == "" {
					wantName, wantFile, wantType = "file", "callflow.xml", "application/xml"
				}
				if name != wantName || file != wantFile || ctype != wantType || string(data) != string(want.Data) {
					t.Errorf("part = %q %q %q %q", name, file, ctype, data)
				}
			default:
				if len(r.Body) != 0 {
					t.Errorf("body = %q", r.Body)
				}
			}
			if tc.name == "raw bytes and query" && (r.Query.Get("take") != "10" || r.Query.Get("skip") != "0") {
				t.Errorf("query = %v", r.Query)
			}
			if tc.check != nil {
				tc.check(t, out)
			}
		})
	}
}

func TestDoRejects(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{}`)))
	c, _ := newTestClient(t, s, nil)
	cases := []struct{ method, path string }{
		{"get", "/x"},
		{"", "/x"},
		{"GE T", "/x"},
		{"GET", "x"},
		{"GET", "//evil.example/x"},
		{"GET", "https://evil.example/x"},
		{"GET", ""},
		{"GET", "/x#frag"},
		{"GET", "/x?a=%zz"},
		{"GET", "/x\x7f"},
	}
	for _, tc := range cases {
		if err := c.Do(context.Background(), tc.method, tc.path, nil, nil); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("Do(%q, %q) = %v, want ErrInvalidArgument", tc.method, tc.path, err)
		}
	}
	if err := c.Do(context.Background(), "POST", "/x", make(chan int), nil); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("unencodable body: %v", err)
	}
	for _, f := range []File{
		{ContentType: "text/xml\r\nX-Injected: 1", Data: []byte("<Response/>")},
		{ContentType: "text/xml\n", Data: []byte("<Response/>")},
		{Field: "a\x00", Data: []byte("<Response/>")},
	} {
		if err := c.Do(context.Background(), "POST", "/x", f, nil); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("file %+q: %v, want ErrInvalidArgument", f.ContentType+f.Field, err)
		}
	}
	if n := len(s.requests()); n != 0 {
		t.Errorf("%d requests, want none", n)
	}
	var bad struct{ X int }
	err := c.Do(context.Background(), "GET", "/x", nil, &bad)
	if err != nil {
		t.Errorf("decoding {} into a struct: %v", err)
	}
	s2 := newStub(t, respond(200, ok(`"text"`)))
	c2, _ := newTestClient(t, s2, nil)
	var de *DecodeError
	if err := c2.Do(context.Background(), "GET", "/x", nil, &bad); !errors.As(err, &de) {
		t.Errorf("wrong out type: %v", err)
	}
}

// TestDoRetryClass checks that Do retries by method only.
func TestDoRetryClass(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		method, path string
		opts         []CallOption
		want         int
	}{
		{"GET", "/x", nil, 2},
		{"DELETE", "/x", nil, 2},
		{"POST", "/lease/tn/search", nil, 1}, // no read-only treatment through Do
		{"POST", "/lease/tn/search", []CallOption{RetryAmbiguous()}, 2},
		{"PATCH", "/x", nil, 1},
	} {
		s := newStub(t, sequence(hangUp, respond(200, ok(`{}`))))
		c, _ := newTestClient(t, s, nil)
		_ = c.Do(context.Background(), tc.method, tc.path, nil, nil, tc.opts...)
		if n := len(s.requests()); n != tc.want {
			t.Errorf("%s %s: %d requests, want %d", tc.method, tc.path, n, tc.want)
		}
	}
}
