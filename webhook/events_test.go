package webhook

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/opentact-go/opentact/events"
)

// eventTime is the fixed clock of the event receiver tests.
var eventTime = time.Date(2030, 1, 2, 3, 4, 20, 0, time.UTC)

func eventClock() time.Time { return eventTime }

// errRecorder collects what an error hook receives.
type errRecorder struct {
	mu   sync.Mutex
	errs []error
}

func (e *errRecorder) hook(_ *http.Request, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.errs = append(e.errs, err)
}

func (e *errRecorder) list() []error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]error(nil), e.errs...)
}

// eventRequest builds a request to an event receiver.
func eventRequest(method, target, body string) *http.Request {
	if body == "" {
		return httptest.NewRequest(method, target, nil)
	}
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	return r
}

// same reports a mismatch of one field.
func same[T comparable](t *testing.T, field string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", field, got, want)
	}
}

const callWebhookBody = `{
  "uuid": "20000000-0000-4000-8000-000000000001",
  "direction": "in",
  "from": "+15550100001",
  "to": "15550100002",
  "state": "hangup",
  "duration": 9,
  "type": "CallSCA",
  "hangup_on": "2030-01-02T03:04:14.900Z",
  "q850_cause": 16,
  "q850_cause_string": "NORMAL_CLEARING",
  "sip_control_app": {"uuid": "30000000-0000-4000-8000-000000000001", "name": "Test App"},
  "account": {"uuid": "40000000-0000-4000-8000-000000000001", "name": "Test Account"}
}`

const smsWebhookBody = `{
  "uuid": "50000000-0000-4000-8000-000000000003",
  "type": "smsi",
  "from": "15550100001",
  "to": "15550100002",
  "thread": "0123456789abcdef0123456789abcdef",
  "message": "Inbound over the webhook",
  "state": "success",
  "delivered": true,
  "readed": false,
  "created_on": "2030-01-02T03:07:00.000Z",
  "modified_on": "2030-01-02T03:07:00.000Z"
}`

const thirdPartyBody = `{"data":{"event_type":"message.finalized","id":"f0000000-0000-4000-8000-000000000001",` +
	`"occurred_at":"2030-01-02T03:08:00.000Z","payload":{"to":[{"phone_number":"+15550100001","status":"delivered"}]}}}`

func TestParseCallEvent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, method, target, body string
		check                      func(t *testing.T, ev events.Event)
	}{
		{"bare call object", http.MethodPost, "/hooks/calls?state=hangup&from=%2B15550100001&to=15550100002", callWebhookBody,
			func(t *testing.T, ev events.Event) {
				s, ok := ev.CallState()
				if !ok {
					t.Fatal("no call state")
				}
				same(t, "Envelope", ev.Envelope, events.EnvelopeBare)
				same(t, "Type", ev.Type, events.TypeCallState)
				same(t, "State", s.State, events.CallStatusHangup)
				same(t, "Duration", s.Duration, 9)
				same(t, "Call.Q850Cause", s.Call.Q850Cause, 16)
				same(t, "RefID", ev.RefID, "20000000-0000-4000-8000-000000000001")
				same(t, "Account.UUID", ev.Account.UUID, "40000000-0000-4000-8000-000000000001")
				same(t, "Raw", string(ev.Raw), callWebhookBody)
				same(t, "Payload is nil", ev.Payload == nil, true)
				same(t, "Time is zero", ev.Time.IsZero(), true)
			}},
		{"query state wins", http.MethodPost, "/hooks/calls?state=destroyed", callWebhookBody,
			func(t *testing.T, ev events.Event) {
				s, _ := ev.CallState()
				same(t, "State", s.State, events.CallStatusDestroyed)
				same(t, "Call.State", s.Call.State, events.CallStatusHangup)
			}},
		{"last state value wins", http.MethodPost, "/hooks/calls?state=live&state=ringing", callWebhookBody,
			func(t *testing.T, ev events.Event) {
				s, _ := ev.CallState()
				same(t, "State", s.State, events.CallStatusRinging)
			}},
		{"body state without query", http.MethodPost, "/hooks/calls", callWebhookBody,
			func(t *testing.T, ev events.Event) {
				s, _ := ev.CallState()
				same(t, "State", s.State, events.CallStatusHangup)
			}},
		{"GET from the query", http.MethodGet, "/hooks/calls?state=ringing&from=+15550100001&to=15550100002", "",
			func(t *testing.T, ev events.Event) {
				s, ok := ev.CallState()
				if !ok || s.Call == nil {
					t.Fatal("no call")
				}
				same(t, "Envelope", ev.Envelope, events.EnvelopeBare)
				same(t, "State", s.State, events.CallStatusRinging)
				same(t, "Call.From", s.Call.From, "+15550100001")
				same(t, "Call.To", s.Call.To, "15550100002")
				same(t, "Call.State", s.Call.State, events.CallStatusRinging)
				same(t, "Call.Raw is nil", s.Call.Raw == nil, true)
				same(t, "Raw is nil", ev.Raw == nil, true)
				same(t, "Payload is nil", ev.Payload == nil, true)
				same(t, "RefID", ev.RefID, "")
			}},
		{"POST without a body", http.MethodPost, "/hooks/calls?state=init", "",
			func(t *testing.T, ev events.Event) {
				s, _ := ev.CallState()
				same(t, "State", s.State, events.CallStatusInit)
			}},
		{"envelope body", http.MethodPost, "/hooks/calls",
			`{"timestamp":"2030-01-02T03:04:05.300Z","type":"call_state","payload":{"uuid":"c1","state":"ringing"}}`,
			func(t *testing.T, ev events.Event) {
				s, _ := ev.CallState()
				same(t, "Envelope", ev.Envelope, events.EnvelopeA)
				same(t, "State", s.State, events.CallStatusRinging)
				same(t, "RefID", ev.RefID, "c1")
			}},
		{"envelope keeps its own type", http.MethodPost, "/hooks/calls?state=hangup",
			`{"uuid":"e1","type":"call_flow","payload":{"name":"Dial","success":true}}`,
			func(t *testing.T, ev events.Event) {
				f, ok := ev.CallFlow()
				if !ok {
					t.Fatalf("Kind = %v", ev.Kind)
				}
				same(t, "Name", f.Name, "Dial")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ev, err := ParseCallEvent(eventRequest(tt.method, tt.target, tt.body), WithClock(eventClock))
			if err != nil {
				t.Fatal(err)
			}
			same(t, "Transport", ev.Transport, events.TransportWebhook)
			same(t, "Received", ev.Received, eventTime)
			if len(ev.Skipped) != 0 {
				t.Errorf("Skipped = %q", ev.Skipped)
			}
			tt.check(t, ev)
		})
	}
}

func TestParseSMSEvent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, method, target, body string
		check                      func(t *testing.T, ev events.Event)
	}{
		{"bare inbound SMS", http.MethodPost, "/hooks/sms", smsWebhookBody, func(t *testing.T, ev events.Event) {
			s, ok := ev.SMS()
			if !ok {
				t.Fatal("no SMS")
			}
			same(t, "Kind", ev.Kind, events.KindSMS)
			same(t, "Envelope", ev.Envelope, events.EnvelopeBare)
			same(t, "Direction", s.Direction(), "in")
			same(t, "Text", s.Text, "Inbound over the webhook")
			same(t, "Delivered", s.Delivered, true)
			same(t, "RefID", ev.RefID, "50000000-0000-4000-8000-000000000003")
		}},
		{"third-party body", http.MethodPost, "/hooks/sms", thirdPartyBody, func(t *testing.T, ev events.Event) {
			same(t, "Kind", ev.Kind, events.KindUnknown)
			same(t, "Type", ev.Type, "message.finalized")
			same(t, "ID", ev.ID, "f0000000-0000-4000-8000-000000000001")
			same(t, "Time", ev.Time, time.Date(2030, 1, 2, 3, 8, 0, 0, time.UTC))
			same(t, "Payload", string(ev.Payload), `{"to":[{"phone_number":"+15550100001","status":"delivered"}]}`)
			same(t, "Raw", string(ev.Raw), thirdPartyBody)
			same(t, "Detail is nil", ev.Detail() == nil, true)
		}},
		{"GET from the query", http.MethodGet,
			"/hooks/sms?uuid=m1&type=smso&from=+15550100002&to=15550100001&message=hi+there&state=sent&delivered=true", "",
			func(t *testing.T, ev events.Event) {
				s, ok := ev.SMS()
				if !ok {
					t.Fatal("no SMS")
				}
				want := events.SMS{UUID: "m1", Type: "smso", From: "+15550100002", To: "15550100001", Text: "hi there",
					State: events.SMSStatusSent, Delivered: true}
				if diff := cmp.Diff(want, *s); diff != "" {
					t.Errorf("SMS (-want +got):\n%s", diff)
				}
				same(t, "Accepted", s.Accepted(), true)
				same(t, "RefID", ev.RefID, "m1")
				same(t, "Raw is nil", ev.Raw == nil, true)
			}},
		{"GET delivered false", http.MethodGet, "/hooks/sms?uuid=m1&delivered=false", "", func(t *testing.T, ev events.Event) {
			s, _ := ev.SMS()
			same(t, "Delivered", s.Delivered, false)
		}},
		{"envelope body", http.MethodPost, "/hooks/sms",
			`{"timestamp":"2030-01-02T03:05:00.400Z","type":"sms","payload":{"uuid":"m2","type":"smso","state":"failed"}}`,
			func(t *testing.T, ev events.Event) {
				s, _ := ev.SMS()
				same(t, "Envelope", ev.Envelope, events.EnvelopeA)
				same(t, "Failed", s.Failed(), true)
			}},
		{"data without event_type is a bare SMS", http.MethodPost, "/hooks/sms", `{"uuid":"m3","data":{"id":1}}`,
			func(t *testing.T, ev events.Event) {
				same(t, "Kind", ev.Kind, events.KindSMS)
				same(t, "RefID", ev.RefID, "m3")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ev, err := ParseSMSEvent(eventRequest(tt.method, tt.target, tt.body), WithClock(eventClock))
			if err != nil {
				t.Fatal(err)
			}
			same(t, "Transport", ev.Transport, events.TransportWebhook)
			same(t, "Received", ev.Received, eventTime)
			if len(ev.Skipped) != 0 {
				t.Errorf("Skipped = %q", ev.Skipped)
			}
			tt.check(t, ev)
		})
	}
}

// TestParseEventSpecExamples posts every envelope example of the spec's
// event catalogue to the receiver of its family.
func TestParseEventSpecExamples(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("..", "events", "testdata", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			body, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want, err := events.Decode(body)
			if err != nil {
				t.Fatal(err)
			}
			parse := ParseCallEvent
			if want.Kind == events.KindSMS {
				parse = ParseSMSEvent
			}
			got, err := parse(eventRequest(http.MethodPost, "/hooks", string(body)), WithClock(eventClock))
			if err != nil {
				t.Fatal(err)
			}
			same(t, "Kind", got.Kind, want.Kind)
			same(t, "Envelope", got.Envelope, want.Envelope)
			same(t, "RefID", got.RefID, want.RefID)
			same(t, "Raw", string(got.Raw), string(body))
			if len(got.Skipped) != 0 {
				t.Errorf("Skipped = %q", got.Skipped)
			}
		})
	}
}

func TestParseEventSkipped(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, target, body string
		want               []string
	}{
		{"query delivered not a boolean", "/hooks/sms?uuid=m1&delivered=yes", "", []string{"delivered"}},
		{"third-party occurred_at", "/hooks/sms", `{"data":{"event_type":"x","occurred_at":"soon"}}`, []string{"data.occurred_at"}},
		{"third-party id a number", "/hooks/sms", `{"data":{"event_type":"x","id":7,"payload":null}}`, []string{"data.id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			method := http.MethodGet
			if tt.body != "" {
				method = http.MethodPost
			}
			ev, err := ParseSMSEvent(eventRequest(method, tt.target, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, ev.Skipped); diff != "" {
				t.Errorf("Skipped (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseEventErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, method, body string
		opts               []Option
		check              func(t *testing.T, err error)
	}{
		{"PUT", http.MethodPut, "", nil, func(t *testing.T, err error) {
			var me *MethodError
			if !errors.As(err, &me) || me.Method != http.MethodPut || strings.Join(me.Allowed, ",") != "GET,POST" {
				t.Errorf("err = %v, want *MethodError for PUT allowing GET, POST", err)
			}
		}},
		{"PATCH even when call-flow methods allow it", http.MethodPatch, "", []Option{WithMethods("GET", "POST", "PATCH")},
			func(t *testing.T, err error) {
				var me *MethodError
				if !errors.As(err, &me) {
					t.Errorf("err = %v, want *MethodError", err)
				}
			}},
		{"not JSON", http.MethodPost, "state=hangup", nil, func(t *testing.T, err error) {
			var de *events.DecodeError
			if !errors.As(err, &de) {
				t.Errorf("err = %v, want *events.DecodeError", err)
			}
		}},
		{"JSON array", http.MethodPost, `[{}]`, nil, func(t *testing.T, err error) {
			var de *events.DecodeError
			if !errors.As(err, &de) || de.Msg != "event is not a JSON object" {
				t.Errorf("err = %v, want a non-object *events.DecodeError", err)
			}
		}},
		{"too large", http.MethodPost, `{"uuid":"0123456789"}`, []Option{WithMaxBodyBytes(10)}, func(t *testing.T, err error) {
			var tle *TooLargeError
			if !errors.As(err, &tle) || tle.Limit != 10 {
				t.Errorf("err = %v, want *TooLargeError{Limit: 10}", err)
			}
		}},
		{"bad option", http.MethodPost, `{}`, []Option{WithMaxBodyBytes(0)}, func(t *testing.T, err error) {
			if err == nil || !strings.HasPrefix(err.Error(), "webhook: WithMaxBodyBytes") {
				t.Errorf("err = %v", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, parse := range []func(*http.Request, ...Option) (events.Event, error){ParseCallEvent, ParseSMSEvent} {
				ev, err := parse(eventRequest(tt.method, "/hooks", tt.body), tt.opts...)
				if ev.Kind != "" {
					t.Errorf("event not zero: %+v", ev)
				}
				tt.check(t, err)
			}
		})
	}
}

func TestEventHandlerResponses(t *testing.T) {
	t.Parallel()
	fnErr := errors.New("database down")
	tests := []struct {
		name         string
		method, body string
		fn           EventFunc
		opts         []Option
		status       int
		contentType  string
		reply        string
		allow        string
		called       bool
		hook         func(t *testing.T, errs []error)
	}{
		{name: "accepted", method: http.MethodPost, body: callWebhookBody, fn: accept,
			status: 200, contentType: "application/json", reply: `{"success":true}`, called: true},
		{name: "GET accepted", method: http.MethodGet, fn: accept,
			status: 200, contentType: "application/json", reply: `{"success":true}`, called: true},
		{name: "function error", method: http.MethodPost, body: callWebhookBody,
			fn:     func(context.Context, events.Event) error { return fnErr },
			status: 500, contentType: "text/plain; charset=utf-8", reply: "internal error\n", called: true,
			hook: func(t *testing.T, errs []error) {
				if len(errs) != 1 || !errors.Is(errs[0], fnErr) {
					t.Errorf("hook got %v, want the function's error", errs)
				}
			}},
		{name: "function panic", method: http.MethodPost, body: callWebhookBody,
			fn:     func(context.Context, events.Event) error { panic("boom") },
			status: 500, reply: "internal error\n", called: true,
			hook: func(t *testing.T, errs []error) {
				var pe *PanicError
				if len(errs) != 1 || !errors.As(errs[0], &pe) || pe.Value != "boom" || len(pe.Stack) == 0 {
					t.Errorf("hook got %v, want one *PanicError", errs)
				}
			}},
		{name: "invalid JSON", method: http.MethodPost, body: `{"uuid":`, fn: accept,
			status: 400, reply: "invalid JSON\n",
			hook: func(t *testing.T, errs []error) {
				var de *events.DecodeError
				if len(errs) != 1 || !errors.As(errs[0], &de) {
					t.Errorf("hook got %v, want one *events.DecodeError", errs)
				}
			}},
		{name: "PUT", method: http.MethodPut, fn: accept, status: 405, allow: "GET, POST"},
		{name: "DELETE", method: http.MethodDelete, body: callWebhookBody, fn: accept, status: 405, allow: "GET, POST"},
		{name: "body over the limit", method: http.MethodPost, body: `{"uuid":"12345"}`, fn: accept,
			opts: []Option{WithMaxBodyBytes(int64(len(`{"uuid":"12345"}`) - 1))}, status: 413},
		{name: "body at the limit", method: http.MethodPost, body: `{"uuid":"12345"}`, fn: accept,
			opts: []Option{WithMaxBodyBytes(int64(len(`{"uuid":"12345"}`)))}, status: 200, called: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := &errRecorder{}
			called := false
			fn := func(ctx context.Context, ev events.Event) error {
				called = true
				return tt.fn(ctx, ev)
			}
			for _, newHandler := range []func(EventFunc, ...Option) (*EventHandler, error){NewCallEventHandler, NewSMSEventHandler} {
				rec.errs, called = nil, false
				h, err := newHandler(fn, append([]Option{WithErrorHook(rec.hook)}, tt.opts...)...)
				if err != nil {
					t.Fatal(err)
				}
				w := httptest.NewRecorder()
				h.ServeHTTP(w, eventRequest(tt.method, "/hooks?state=hangup", tt.body))
				same(t, "status", w.Code, tt.status)
				if tt.reply != "" {
					same(t, "body", w.Body.String(), tt.reply)
				}
				if tt.contentType != "" {
					same(t, "Content-Type", w.Header().Get("Content-Type"), tt.contentType)
				}
				same(t, "Allow", w.Header().Get("Allow"), tt.allow)
				same(t, "function called", called, tt.called)
				if tt.hook != nil {
					tt.hook(t, rec.list())
				} else if tt.status == 200 && len(rec.list()) != 0 {
					t.Errorf("hook got %v", rec.list())
				}
			}
		})
	}
}

// accept is an EventFunc that accepts every event.
func accept(context.Context, events.Event) error { return nil }

func TestEventHandlerPassesEvent(t *testing.T) {
	t.Parallel()
	var got events.Event
	var gotCtx context.Context
	h, err := NewSMSEventHandler(func(ctx context.Context, ev events.Event) error {
		got, gotCtx = ev, ctx
		return nil
	}, WithClock(eventClock))
	if err != nil {
		t.Fatal(err)
	}
	type key struct{}
	r := eventRequest(http.MethodPost, "/hooks/sms", smsWebhookBody)
	r = r.WithContext(context.WithValue(r.Context(), key{}, "v"))
	h.ServeHTTP(httptest.NewRecorder(), r)
	same(t, "Kind", got.Kind, events.KindSMS)
	same(t, "Received", got.Received, eventTime)
	same(t, "Transport", got.Transport, events.TransportWebhook)
	same(t, "context value", gotCtx.Value(key{}), any("v"))
}

func TestEventHandlerAbortHandler(t *testing.T) {
	t.Parallel()
	h, err := NewCallEventHandler(func(context.Context, events.Event) error { panic(http.ErrAbortHandler) })
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if r := recover(); r != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", r)
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), eventRequest(http.MethodGet, "/hooks", ""))
	t.Error("ServeHTTP returned")
}

// failingWriter is a ResponseWriter whose writes fail.
type failingWriter struct{ *httptest.ResponseRecorder }

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("connection reset") }

func TestEventHandlerWriteError(t *testing.T) {
	t.Parallel()
	rec := &errRecorder{}
	h, err := NewCallEventHandler(accept, WithErrorHook(rec.hook))
	if err != nil {
		t.Fatal(err)
	}
	h.ServeHTTP(failingWriter{httptest.NewRecorder()}, eventRequest(http.MethodGet, "/hooks", ""))
	errs := rec.list()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "connection reset") {
		t.Errorf("hook got %v, want the write error", errs)
	}
}

// brokenBody is a request body whose reads fail.
type brokenBody struct{}

func (brokenBody) Read([]byte) (int, error) { return 0, errors.New("client went away") }

func TestEventHandlerBodyReadError(t *testing.T) {
	t.Parallel()
	rec := &errRecorder{}
	h, _ := NewCallEventHandler(accept, WithErrorHook(rec.hook))
	r := httptest.NewRequest(http.MethodPost, "/hooks", brokenBody{})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	same(t, "status", w.Code, http.StatusBadRequest)
	if errs := rec.list(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "client went away") {
		t.Errorf("hook got %v", errs)
	}
}

func TestNewEventHandlerErrors(t *testing.T) {
	t.Parallel()
	if _, err := NewCallEventHandler(nil); err == nil || err.Error() != "webhook: NewCallEventHandler: nil EventFunc" {
		t.Errorf("NewCallEventHandler(nil) = %v", err)
	}
	if _, err := NewSMSEventHandler(nil); err == nil || err.Error() != "webhook: NewSMSEventHandler: nil EventFunc" {
		t.Errorf("NewSMSEventHandler(nil) = %v", err)
	}
	if _, err := NewSMSEventHandler(accept, WithErrorHook(nil)); err == nil {
		t.Error("invalid option accepted")
	}
}
