package webhook

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/opentact-go/opentact/events"
)

// initCall is the call object of the events spec's call_state/init example,
// the body a call_flow_url POST carries.
const initCall = `{
  "uuid": "20000000-0000-4000-8000-000000000001",
  "direction": "in",
  "from": "+15550100001",
  "to": "15550100002",
  "state": "init",
  "duration": 0,
  "type": "CallSCA",
  "tn": {"tn": 15550100002},
  "sip_control_app": {"uuid": "30000000-0000-4000-8000-000000000001", "name": "Test App"},
  "account": {"uuid": "40000000-0000-4000-8000-000000000001", "name": "Test Account"}
}`

const (
	callID = "20000000-0000-4000-8000-000000000001"
	scaID  = "30000000-0000-4000-8000-000000000001"
)

// parsed is what a test server saw: the parse result and error.
type parsed struct {
	req *CallFlowRequest
	err error
}

// parseOver sends one request over a loopback server whose handler runs
// ParseCallFlowRequest, and returns what it parsed.
func parseOver(t *testing.T, method, target, contentType, body string, opts ...Option) (*CallFlowRequest, error) {
	t.Helper()
	got := make(chan parsed, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, err := ParseCallFlowRequest(r, opts...)
		got <- parsed{req, err}
	}))
	t.Cleanup(srv.Close)
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	hr, err := http.NewRequest(method, srv.URL+target, rd)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		hr.Header.Set("Content-Type", contentType)
	}
	resp, err := srv.Client().Do(hr)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	p := <-got
	return p.req, p.err
}

var fixedTime = time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)

func fixedClock() time.Time { return fixedTime }

// ignoreBody leaves the raw fields out of a comparison; they are checked
// separately.
var ignoreBody = cmpopts.IgnoreFields(CallFlowRequest{}, "Call", "Body", "Query", "Received")

func boolPtr(b bool) *bool { return &b }

func TestParseCallFlowRequest(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		method      string
		target      string
		contentType string
		body        string
		opts        []Option
		want        CallFlowRequest
	}{
		{
			name:   "gather example of the spec",
			method: http.MethodGet,
			target: "/ivr/pin?token=s3cr3t&dtmf=1234&from=%2B15550100001&tn=15550100002&state=live&sca=" + scaID + "&call=" + callID,
			want: CallFlowRequest{
				Origin: OriginGather, Method: "GET", DTMF: "1234", From: "+15550100001",
				TN: "15550100002", To: "15550100002", State: events.CallStatusLive,
				SCA: scaID, CallUUID: callID,
			},
		},
		{
			name:   "gather by POST without body",
			method: http.MethodPost,
			target: "/ivr?dtmf=2&from=15550100001&tn=15550100002",
			want:   CallFlowRequest{Origin: OriginGather, Method: "POST", DTMF: "2", From: "15550100001", TN: "15550100002", To: "15550100002"},
		},
		{
			name:   "empty dtmf is still a gather",
			method: http.MethodGet,
			target: "/ivr?dtmf=",
			want:   CallFlowRequest{Origin: OriginGather, Method: "GET"},
		},
		{
			name:   "call_flow_url GET",
			method: http.MethodGet,
			target: "/calls?from=%2B15550100001&to=15550100002&state=init",
			want:   CallFlowRequest{Origin: OriginCallFlow, Method: "GET", From: "+15550100001", To: "15550100002", State: events.CallStatusInit},
		},
		{
			name:        "call_flow_url POST with the call object",
			method:      http.MethodPost,
			target:      "/calls?from=%2B15550100001&to=15550100002",
			contentType: "application/json",
			body:        initCall,
			want: CallFlowRequest{
				Origin: OriginCallFlow, Method: "POST", From: "+15550100001", To: "15550100002",
				State: events.CallStatusInit, CallUUID: callID, SCA: scaID,
			},
		},
		{
			name:   "call object fills what the query lacks",
			method: http.MethodPost,
			target: "/calls",
			body:   initCall,
			want: CallFlowRequest{
				Origin: OriginCallFlow, Method: "POST", From: "+15550100001", To: "15550100002",
				State: events.CallStatusInit, CallUUID: callID, SCA: scaID,
			},
		},
		{
			name:   "query wins over the call object",
			method: http.MethodPost,
			target: "/calls?state=live&call=other&sca=app&from=1&tn=2",
			body:   initCall,
			want: CallFlowRequest{
				Origin: OriginCallFlow, Method: "POST", From: "1", To: "2", TN: "2",
				State: events.CallStatusLive, CallUUID: "other", SCA: "app",
			},
		},
		{
			name:   "callback body with a call member and a tag",
			method: http.MethodPost,
			target: "/next",
			body:   `{"tag":"after-dial","call":` + initCall + `}`,
			want: CallFlowRequest{
				Origin: OriginCallFlow, Method: "POST", From: "+15550100001", To: "15550100002",
				State: events.CallStatusInit, CallUUID: callID, SCA: scaID, Tag: "after-dial",
			},
		},
		{
			name:   "callback GET with its tag",
			method: http.MethodGet,
			target: "/next?token=s3cr3t&tag=after-dial",
			want:   CallFlowRequest{Origin: OriginCallFlow, Method: "GET", Tag: "after-dial"},
		},
		{
			name:   "tag in the query wins over the body",
			method: http.MethodPost,
			target: "/next?tag=q",
			body:   `{"tag":"b"}`,
			want:   CallFlowRequest{Origin: OriginCallFlow, Method: "POST", Tag: "q"},
		},
		{
			name:   "duplicate names: the last wins",
			method: http.MethodGet,
			target: "/ivr?dtmf=1&from=111&dtmf=2&from=222&tn=3&tn=4&state=a&state=live",
			want:   CallFlowRequest{Origin: OriginGather, Method: "GET", DTMF: "2", From: "222", TN: "4", To: "4", State: events.CallStatusLive},
		},
		{
			name:   "unencoded plus restored in from, to and tn",
			method: http.MethodGet,
			target: "/calls?from=+15550100001&to=+15550100002&tn=+15550100003",
			want:   CallFlowRequest{Origin: OriginCallFlow, Method: "GET", From: "+15550100001", To: "+15550100002", TN: "+15550100003"},
		},
		{
			name:   "plus rule leaves other values alone",
			method: http.MethodGet,
			target: "/calls?from=+alice&to=++15550100002&tn=%20",
			want:   CallFlowRequest{Origin: OriginCallFlow, Method: "GET", From: " alice", To: "  15550100002", TN: " "},
		},
		{
			name:   "plus rule only for numbers",
			method: http.MethodGet,
			target: "/ivr?dtmf=+1&sca=+1",
			want:   CallFlowRequest{Origin: OriginGather, Method: "GET", DTMF: " 1", SCA: " 1"},
		},
		{
			name:   "legacy code, success and attempts",
			method: http.MethodGet,
			target: "/legacy?code=42&success=true&attempts=2&from=15550100001",
			want: CallFlowRequest{
				Origin: OriginGather, Method: "GET", DTMF: "42", From: "15550100001",
				Legacy: &LegacyGather{Code: "42", Success: boolPtr(true), Attempts: 2},
			},
		},
		{
			name:   "legacy success false",
			method: http.MethodGet,
			target: "/legacy?code=&success=false&attempts=3",
			want:   CallFlowRequest{Origin: OriginGather, Method: "GET", Legacy: &LegacyGather{Success: boolPtr(false), Attempts: 3}},
		},
		{
			name:   "legacy values that do not convert",
			method: http.MethodGet,
			target: "/legacy?attempts=two&success=yes",
			want:   CallFlowRequest{Origin: OriginGather, Method: "GET", Legacy: &LegacyGather{}},
		},
		{
			name:   "legacy attempts out of range",
			method: http.MethodGet,
			target: "/legacy?attempts=99999999999999999999999",
			want:   CallFlowRequest{Origin: OriginGather, Method: "GET", Legacy: &LegacyGather{}},
		},
		{
			name:   "dtmf wins over legacy code",
			method: http.MethodGet,
			target: "/legacy?code=1&dtmf=2",
			want:   CallFlowRequest{Origin: OriginGather, Method: "GET", DTMF: "2", Legacy: &LegacyGather{Code: "1"}},
		},
		{
			name:   "history alone is not legacy",
			method: http.MethodPost,
			target: "/next",
			body:   `{"history":[{"code":"1"}]}`,
			want:   CallFlowRequest{Origin: OriginCallFlow, Method: "POST"},
		},
		{
			name:   "tag that is not a string",
			method: http.MethodPost,
			target: "/next",
			body:   `{"tag":5}`,
			want:   CallFlowRequest{Origin: OriginCallFlow, Method: "POST"},
		},
		{
			name:        "form body read after the query",
			method:      http.MethodPost,
			target:      "/next?dtmf=1&from=111",
			contentType: "application/x-www-form-urlencoded; charset=utf-8",
			body:        "dtmf=5&tag=t&from=+15550100001",
			want:        CallFlowRequest{Origin: OriginGather, Method: "POST", DTMF: "5", Tag: "t", From: "+15550100001"},
		},
		{
			name:   "WithOrigin pins the origin",
			method: http.MethodGet,
			target: "/cb?dtmf=1",
			opts:   []Option{WithOrigin(OriginCallFlow)},
			want:   CallFlowRequest{Origin: OriginCallFlow, Method: "GET", DTMF: "1"},
		},
		{
			name:   "PATCH when enabled",
			method: http.MethodPatch,
			target: "/cb?tag=x",
			opts:   []Option{WithMethods("GET", "POST", "PATCH", "DELETE")},
			want:   CallFlowRequest{Origin: OriginCallFlow, Method: "PATCH", Tag: "x"},
		},
		{
			name:   "white space body is empty",
			method: http.MethodPost,
			target: "/calls",
			body:   " \r\n\t",
			want:   CallFlowRequest{Origin: OriginCallFlow, Method: "POST"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			opts := append([]Option{WithClock(fixedClock)}, tt.opts...)
			got, err := parseOver(t, tt.method, tt.target, tt.contentType, tt.body, opts...)
			if err != nil {
				t.Fatalf("ParseCallFlowRequest: %v", err)
			}
			if diff := cmp.Diff(&tt.want, got, ignoreBody); diff != "" {
				t.Errorf("request mismatch (-want +got):\n%s", diff)
			}
			u, _ := url.Parse(tt.target)
			if diff := cmp.Diff(u.Query(), got.Query); diff != "" {
				t.Errorf("Query mismatch (-want +got):\n%s", diff)
			}
			if !got.Received.Equal(fixedTime) {
				t.Errorf("Received = %v, want %v", got.Received, fixedTime)
			}
		})
	}
}

func TestParseCallFlowRequestBody(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		contentType string
		body        string
		wantCall    bool
		wantBody    bool
	}{
		{name: "no body"},
		{name: "call object", contentType: "application/json", body: initCall, wantCall: true, wantBody: true},
		{name: "call member", body: `{"call":` + initCall + `}`, wantCall: true, wantBody: true},
		{name: "form", contentType: "application/x-www-form-urlencoded", body: "dtmf=1", wantBody: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := parseOver(t, http.MethodPost, "/x", tt.contentType, tt.body)
			if err != nil {
				t.Fatalf("ParseCallFlowRequest: %v", err)
			}
			if (got.Call != nil) != tt.wantCall {
				t.Fatalf("Call = %+v, want a call: %v", got.Call, tt.wantCall)
			}
			if tt.wantCall {
				if got.Call.UUID != callID || got.Call.Direction != "in" || got.Call.TN == nil || got.Call.TN.TN != "15550100002" {
					t.Errorf("Call = %+v, want the init call", got.Call)
				}
			}
			if tt.wantBody != (got.Body != nil) || (tt.wantBody && string(got.Body) != tt.body) {
				t.Errorf("Body = %q, want %q", got.Body, tt.body)
			}
		})
	}
}

func TestParseCallFlowRequestLegacyHistory(t *testing.T) {
	t.Parallel()
	body := `{"history":[{"code":"1","success":false},{"code":"12","success":true}],"call":` + initCall + `}`
	got, err := parseOver(t, http.MethodPost, "/legacy?code=12&success=true&attempts=2", "application/json", body)
	if err != nil {
		t.Fatalf("ParseCallFlowRequest: %v", err)
	}
	want := &LegacyGather{
		Code: "12", Success: boolPtr(true), Attempts: 2,
		History: []json.RawMessage{
			json.RawMessage(`{"code":"1","success":false}`),
			json.RawMessage(`{"code":"12","success":true}`),
		},
	}
	if diff := cmp.Diff(want, got.Legacy); diff != "" {
		t.Errorf("Legacy mismatch (-want +got):\n%s", diff)
	}
	if got.Origin != OriginGather || got.DTMF != "12" || got.CallUUID != callID || got.From != "+15550100001" {
		t.Errorf("got Origin=%q DTMF=%q CallUUID=%q From=%q", got.Origin, got.DTMF, got.CallUUID, got.From)
	}
}

func TestParseCallFlowRequestErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		method string
		body   string
		opts   []Option
		check  func(t *testing.T, err error)
	}{
		{
			name: "PUT", method: http.MethodPut,
			check: func(t *testing.T, err error) {
				var me *MethodError
				if !errors.As(err, &me) || me.Method != "PUT" || strings.Join(me.Allowed, ",") != "GET,POST" {
					t.Errorf("err = %#v, want *MethodError for PUT allowing GET,POST", err)
				}
			},
		},
		{
			name: "DELETE not enabled", method: http.MethodDelete,
			check: func(t *testing.T, err error) {
				var me *MethodError
				if !errors.As(err, &me) {
					t.Errorf("err = %v, want *MethodError", err)
				}
			},
		},
		{
			name: "body one byte over the limit", method: http.MethodPost, body: `{"a":"12345"}`,
			opts: []Option{WithMaxBodyBytes(12)},
			check: func(t *testing.T, err error) {
				var te *TooLargeError
				if !errors.As(err, &te) || te.Limit != 12 {
					t.Errorf("err = %v, want *TooLargeError{12}", err)
				}
			},
		},
		{
			name: "not JSON", method: http.MethodPost, body: `dtmf=1`,
			check: func(t *testing.T, err error) {
				var de *events.DecodeError
				if !errors.As(err, &de) {
					t.Errorf("err = %v, want *events.DecodeError", err)
				}
			},
		},
		{
			name: "JSON array", method: http.MethodPost, body: `[1]`,
			check: func(t *testing.T, err error) {
				var de *events.DecodeError
				if !errors.As(err, &de) || de.Offset != 0 {
					t.Errorf("err = %v, want *events.DecodeError at offset 0", err)
				}
			},
		},
		{
			name: "trailing data", method: http.MethodPost, body: `{} {}`,
			check: func(t *testing.T, err error) {
				var de *events.DecodeError
				if !errors.As(err, &de) || de.Offset != 3 {
					t.Errorf("err = %v, want *events.DecodeError at offset 3", err)
				}
			},
		},
		{
			name: "bad option", method: http.MethodGet, opts: []Option{WithMaxBodyBytes(0)},
			check: func(t *testing.T, err error) {
				if err == nil || !strings.HasPrefix(err.Error(), "webhook: ") {
					t.Errorf("err = %v, want a webhook option error", err)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := parseOver(t, tt.method, "/x", "", tt.body, tt.opts...)
			if got != nil {
				t.Errorf("request = %+v, want nil", got)
			}
			tt.check(t, err)
		})
	}
}

func TestParseCallFlowRequestBodyAtLimit(t *testing.T) {
	t.Parallel()
	body := `{"a":"1234"}` // 12 bytes
	got, err := parseOver(t, http.MethodPost, "/x", "", body, WithMaxBodyBytes(int64(len(body))))
	if err != nil {
		t.Fatalf("ParseCallFlowRequest: %v", err)
	}
	if string(got.Body) != body {
		t.Errorf("Body = %q, want %q", got.Body, body)
	}
}

func TestErrorStrings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		want string
	}{
		{&MethodError{Method: "PUT", Allowed: []string{"GET", "POST"}}, `webhook: method "PUT" not allowed (allowed: GET, POST)`},
		{&TooLargeError{Limit: 10}, "webhook: request body larger than 10 bytes"},
		{&PanicError{Value: "boom"}, "webhook: handler function panicked: boom"},
		{ErrNoFlow, "webhook: call flow function returned no document"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestParseCallFlowRequestBehindToken(t *testing.T) {
	t.Parallel()
	check, err := RequireQueryToken("token", "s3cr3t")
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan parsed, 1)
	srv := httptest.NewServer(check(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, err := ParseCallFlowRequest(r)
		got <- parsed{req, err}
	})))
	t.Cleanup(srv.Close)
	resp, err := srv.Client().Get(srv.URL + "/ivr/pin?token=s3cr3t&dtmf=1234&from=%2B15550100001&tn=15550100002")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	p := <-got
	if p.err != nil {
		t.Fatal(p.err)
	}
	want := url.Values{"dtmf": {"1234"}, "from": {"+15550100001"}, "tn": {"15550100002"}}
	if diff := cmp.Diff(want, p.req.Query); diff != "" {
		t.Errorf("Query mismatch (-want +got):\n%s", diff)
	}
	if p.req.DTMF != "1234" || p.req.From != "+15550100001" {
		t.Errorf("DTMF=%q From=%q", p.req.DTMF, p.req.From)
	}
}
