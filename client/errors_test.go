package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestAPIErrorText(t *testing.T) {
	t.Parallel()
	e := &APIError{
		Method: "POST", Path: "/sms", StatusCode: 500, Status: 500, Message: "Validation error",
		Fields: map[string]FieldError{
			"params.to":      {Message: "must be a number", Value: json.RawMessage(`"secret-input"`)},
			"params.message": {Message: "required"},
		},
		RequestID: "r-1",
	}
	want := "opentact: POST /sms: 500 Validation error (fields: params.message: required; params.to: must be a number) [request r-1]"
	if got := e.Error(); got != want {
		t.Errorf("Error() = %q\nwant      %q", got, want)
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%d", "%x", "%q"} {
		if s := fmt.Sprintf(verb, e); strings.Contains(s, "secret-input") {
			t.Errorf("%s prints a field value: %s", verb, s)
		}
	}
	if got := (&APIError{Method: "GET", Path: "/x", StatusCode: 200, Status: 404, Message: "Lease not found"}).Error(); got != "opentact: GET /x: 404 Lease not found" {
		t.Errorf("envelope status not used: %q", got)
	}
}

func TestAPIErrorIs(t *testing.T) {
	t.Parallel()
	sentinels := []error{ErrNotFound, ErrUnauthorized, ErrInsufficientBalance, ErrConflict, ErrRateLimited, ErrValidation}
	cases := []struct {
		status, envelope int
		fields           bool
		want             error // nil = none
	}{
		{404, 0, false, ErrNotFound},
		{401, 0, false, ErrUnauthorized},
		{403, 0, false, ErrUnauthorized},
		{402, 0, false, ErrInsufficientBalance},
		{409, 0, false, ErrConflict},
		{429, 0, false, ErrRateLimited},
		{400, 0, false, ErrValidation},
		{500, 500, true, ErrValidation},
		{500, 500, false, nil},
		{503, 0, false, nil},
		{200, 404, false, ErrNotFound},
		{200, 402, false, ErrInsufficientBalance},
		{404, 500, false, ErrNotFound}, // the HTTP status wins when it is not 2xx
	}
	for _, tc := range cases {
		e := &APIError{StatusCode: tc.status, Status: tc.envelope}
		if tc.fields {
			e.Fields = map[string]FieldError{"params.x": {Message: "bad"}}
		}
		for _, s := range sentinels {
			if got := errors.Is(e, s); got != (s == tc.want) {
				t.Errorf("status %d/%d fields %v: errors.Is(%v) = %v", tc.status, tc.envelope, tc.fields, s, got)
			}
		}
		if errors.Is(e, ErrInvalidArgument) {
			t.Errorf("status %d matches ErrInvalidArgument", tc.status)
		}
	}
}

func TestOtherErrorTexts(t *testing.T) {
	t.Parallel()
	cause := errors.New("connection reset")
	re := &RequestError{Method: "GET", Path: "/x", Attempts: 2, Err: cause}
	if re.Error() != "opentact: GET /x: connection reset" || !errors.Is(re, cause) {
		t.Errorf("RequestError = %q", re.Error())
	}
	if (&RequestError{Method: "GET", Path: "/x"}).Error() != "opentact: GET /x: request failed" {
		t.Error("RequestError without cause")
	}
	de := &DecodeError{Method: "GET", Path: "/x", StatusCode: 200, Err: cause}
	if de.Error() != "opentact: GET /x: decoding 200 reply: connection reset" || !errors.Is(de, cause) {
		t.Errorf("DecodeError = %q", de.Error())
	}
	if (&DecodeError{Method: "GET", Path: "/x", StatusCode: 201}).Error() != "opentact: GET /x: decoding 201 reply" {
		t.Error("DecodeError without cause")
	}
	ae := invalidArg("Leases.Get", "uuid is empty")
	if ae.Error() != "opentact: Leases.Get: uuid is empty" || !errors.Is(ae, ErrInvalidArgument) {
		t.Errorf("argument error = %q", ae.Error())
	}
	if invalidArg("", "bad").Error() != "opentact: bad" {
		t.Error("argument error without op")
	}
	var nj error = noJWTError{}
	if !strings.HasPrefix(nj.Error(), "opentact: ") {
		t.Errorf("noJWT = %q", nj.Error())
	}
	for _, s := range []error{ErrNotFound, ErrUnauthorized, ErrInsufficientBalance, ErrConflict, ErrRateLimited, ErrValidation, ErrInvalidArgument, ErrNoJWT} {
		if !strings.HasPrefix(s.Error(), "opentact: ") {
			t.Errorf("sentinel %q lacks the prefix", s.Error())
		}
	}
}

// TestReplyDecoding runs the envelope rules of every reply shape.
func TestReplyDecoding(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		status   int
		body     string
		wantUUID string // "" with no error = nil result
		wantErr  error
		decode   bool // a *DecodeError
		check    func(t *testing.T, e *APIError)
	}{
		{name: "envelope", status: 200, body: ok(`{"uuid":"a"}`), wantUUID: "a"},
		{name: "created", status: 201, body: ok(`{"uuid":"a"}`), wantUUID: "a"},
		{name: "accepted", status: 202, body: ok(`{"uuid":"a"}`), wantUUID: "a"},
		{name: "bare object", status: 200, body: `{"uuid":"b"}`, wantUUID: "b"},
		{name: "empty body", status: 200, body: ``},
		{name: "null payload", status: 200, body: `{"success":true,"payload":null}`},
		{name: "no payload", status: 200, body: `{"success":true}`},
		{name: "success false with 200", status: 200, body: `{"success":false,"message":"Lease not found","status":404}`, wantErr: ErrNotFound,
			check: func(t *testing.T, e *APIError) {
				if e.StatusCode != 200 || e.Status != 404 || e.Message != "Lease not found" {
					t.Errorf("%+v", e)
				}
			}},
		{name: "success false without status", status: 200, body: `{"success":false}`,
			check: func(t *testing.T, e *APIError) {
				if e.Message != "OK" {
					t.Errorf("Message = %q", e.Message)
				}
			}},
		{name: "malformed", status: 200, body: `{"success":tru`, decode: true},
		{name: "not JSON", status: 200, body: `<html>`, decode: true},
		{name: "bad array", status: 200, body: `[1,`, decode: true},
		{name: "success not bool", status: 200, body: `{"success":"yes"}`, decode: true},
		{name: "wrong type", status: 200, body: ok(`{"uuid":5}`), decode: true},
		{name: "non-JSON error body", status: 502, body: `<html>secret</html>`,
			check: func(t *testing.T, e *APIError) {
				if e.Message != "Bad Gateway" || strings.Contains(e.Error(), "secret") {
					t.Errorf("%+v", e)
				}
			}},
		{name: "validation 400", status: 400, body: `{"success":false,"message":"Bad","status":400,"meta":"m","fields":{"params.tn":{"message":"bad","value":123}}}`, wantErr: ErrValidation,
			check: func(t *testing.T, e *APIError) {
				if e.Meta != "m" || e.Fields["params.tn"].Message != "bad" || string(e.Fields["params.tn"].Value) != "123" {
					t.Errorf("%+v", e)
				}
			}},
		{name: "validation 500", status: 500, body: `{"success":false,"message":"Validation","status":500,"meta":{"x":1},"fields":{"params.to":"required"}}`, wantErr: ErrValidation,
			check: func(t *testing.T, e *APIError) {
				if e.Meta != `{"x":1}` || e.Fields["params.to"].Message != "required" {
					t.Errorf("%+v", e)
				}
			}},
		{name: "odd members", status: 402, body: `{"success":false,"message":7,"status":"x","fields":[]}`, wantErr: ErrInsufficientBalance,
			check: func(t *testing.T, e *APIError) {
				if e.Message != "Payment Required" || e.Status != 0 || e.Fields != nil {
					t.Errorf("%+v", e)
				}
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t, respond(tc.status, tc.body))
			c, _ := newTestClient(t, s, nil, WithRetryPolicy(RetryPolicy{MaxAttempts: 1, BaseDelay: 1, MaxWait: 1}))
			lease, err := c.Leases.Get(context.Background(), "l")
			var de *DecodeError
			switch {
			case tc.decode:
				if !errors.As(err, &de) || de.StatusCode != tc.status || de.Path != "/lease/tn/l" {
					t.Fatalf("error = %#v, want *DecodeError", err)
				}
				return
			case tc.check != nil:
				var ae *APIError
				if !errors.As(err, &ae) {
					t.Fatalf("error = %#v, want *APIError", err)
				}
				if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
					t.Errorf("error = %v, want %v", err, tc.wantErr)
				}
				tc.check(t, ae)
				return
			case err != nil:
				t.Fatalf("error = %v", err)
			}
			if tc.wantUUID == "" {
				if lease != nil {
					t.Errorf("lease = %+v, want nil", lease)
				}
				return
			}
			if lease == nil || lease.UUID != tc.wantUUID {
				t.Errorf("lease = %+v, want uuid %s", lease, tc.wantUUID)
			}
		})
	}
}

// TestOversizedReply checks the reply size limit (32 MiB, lowered here).
func TestOversizedReply(t *testing.T) {
	t.Parallel()
	s := newStub(t, func(w http.ResponseWriter, _ *http.Request, _ []byte) {
		_, _ = w.Write([]byte(ok(`{"uuid":"` + strings.Repeat("x", 2000) + `"}`)))
	})
	c, _ := newTestClient(t, s, nil)
	if c.maxReply != 32<<20 {
		t.Errorf("default limit = %d", c.maxReply)
	}
	c.maxReply = 1024
	_, err := c.Leases.Get(context.Background(), "l")
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error = %v, want *DecodeError", err)
	}
}
