package events

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/opentact-go/opentact/internal/eventwire"
)

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		offset  int64
		msg     string
		syntax  bool
		wantErr string
	}{
		{name: "empty", in: "", offset: 0, msg: "empty input", wantErr: "events: invalid JSON at offset 0: empty input"},
		{name: "only whitespace", in: " \n\t", offset: 0, msg: "empty input"},
		{name: "bad value", in: `{"type":"auth","x":x}`, offset: 20, msg: "invalid character 'x' looking for beginning of value", syntax: true,
			wantErr: "events: invalid JSON at offset 20: invalid character 'x' looking for beginning of value"},
		{name: "trailing comma", in: `{"type":"auth",}`, offset: 16, msg: "invalid character '}' looking for beginning of object key string", syntax: true},
		{name: "truncated", in: `{"type":`, offset: 8, msg: "unexpected end of JSON input", syntax: true},
		{name: "array", in: `[{"type":"auth"}]`, offset: 0, msg: "event is not a JSON object"},
		{name: "string", in: ` "auth"`, offset: 0, msg: "event is not a JSON object"},
		{name: "null", in: `null`, offset: 0, msg: "event is not a JSON object"},
		{name: "trailing object", in: "{\"type\":\"a\"}\n {}", offset: 14, msg: "unexpected data after the JSON object",
			wantErr: "events: invalid JSON at offset 14: unexpected data after the JSON object"},
		{name: "trailing garbage", in: `{}x`, offset: 2, msg: "unexpected data after the JSON object"},
		{name: "invalid utf-8", in: "{\"message\":\"a\xffb\"}", offset: 13, msg: "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ev, err := Decode([]byte(tt.in))
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode(%q) error = %v, want *DecodeError", tt.in, err)
			}
			if de.Offset != tt.offset || de.Msg != tt.msg {
				t.Errorf("DecodeError = {Offset: %d, Msg: %q}, want {Offset: %d, Msg: %q}", de.Offset, de.Msg, tt.offset, tt.msg)
			}
			var syn *json.SyntaxError
			if got := errors.As(err, &syn); got != tt.syntax {
				t.Errorf("errors.As(*json.SyntaxError) = %v, want %v", got, tt.syntax)
			}
			if tt.wantErr != "" && err.Error() != tt.wantErr {
				t.Errorf("Error() = %q, want %q", err.Error(), tt.wantErr)
			}
			if diff := cmp.Diff(Event{}, ev, cmpopts.IgnoreUnexported(Event{})); diff != "" || ev.Detail() != nil {
				t.Errorf("event not zero (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeSurroundingWhitespace(t *testing.T) {
	t.Parallel()
	in := " \n{\"type\":\"auth\",\"payload\":{\"uuid\":\"c1\"}}\r\n\t"
	ev, err := Decode([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "Kind", ev.Kind, KindAuth)
	eq(t, "Raw", string(ev.Raw), in)
}

func TestDecodeUnknownAndUntyped(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in  string
		typ       string
		env       Envelope
		refID, id string
	}{
		{"unknown type", `{"type":"account_disabled","payload":{}}`, "account_disabled", EnvelopeA, "", ""},
		{"unknown type B", `{"uuid":"e1","type":"x","payload":{"uuid":"p1"},"ref_id":"r1"}`, "x", EnvelopeB, "r1", "e1"},
		{"unknown with entity", `{"type":"x","payload":{"uuid":"p1","account":{"uuid":"a1"}}}`, "x", EnvelopeA, "p1", ""},
		{"no type", `{"message":"hi","payload":{"uuid":"p1"}}`, "", EnvelopeA, "p1", ""},
		{"empty object", `{}`, "", EnvelopeA, "", ""},
		{"case sensitive", `{"type":"CALL_STATE"}`, "CALL_STATE", EnvelopeA, "", ""},
		{"payload not an object", `{"type":"x","payload":[1,2]}`, "x", EnvelopeA, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ev, err := Decode([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "Type", ev.Type, tt.typ)
			eq(t, "Kind", ev.Kind, KindUnknown)
			eq(t, "Envelope", ev.Envelope, tt.env)
			eq(t, "RefID", ev.RefID, tt.refID)
			eq(t, "ID", ev.ID, tt.id)
			eq(t, "Raw", string(ev.Raw), tt.in)
			if ev.Detail() != nil {
				t.Errorf("Detail() = %#v, want nil", ev.Detail())
			}
			if len(ev.Skipped) != 0 {
				t.Errorf("Skipped = %q", ev.Skipped)
			}
		})
	}
	ev, _ := Decode([]byte(`{"type":"x","payload":{"uuid":"p1","account":{"uuid":"a1"}}}`))
	if ev.Account == nil || ev.Account.UUID != "a1" {
		t.Errorf("Account = %+v, want uuid a1", ev.Account)
	}
	if string(ev.Payload) != `{"uuid":"p1","account":{"uuid":"a1"}}` {
		t.Errorf("Payload = %s", ev.Payload)
	}
}

func TestDecodeEnvelopeGeneration(t *testing.T) {
	t.Parallel()
	for _, member := range generationBMembers {
		in := `{"type":"x","` + member + `":null}`
		ev, err := Decode([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		eq(t, "Envelope of "+in, ev.Envelope, EnvelopeB)
	}
	ev, _ := Decode([]byte(`{"type":"x","timestamp":"2030-01-02T03:04:05Z","message":"m"}`))
	eq(t, "Envelope", ev.Envelope, EnvelopeA)
	eq(t, "Time", ev.Time, ts(t, "2030-01-02T03:04:05Z"))
	ev, _ = Decode([]byte(`{"uuid":"e","type":"x","timestamp":"2030-01-02T03:04:05Z"}`))
	eq(t, "B falls back to timestamp", ev.Time, ts(t, "2030-01-02T03:04:05Z"))
}

// TestDecodeGenerationsAgree decodes the same call state in both envelope
// generations and compares what the normalisation promises to be equal.
func TestDecodeGenerationsAgree(t *testing.T) {
	t.Parallel()
	call := `{"uuid":"` + call1 + `","direction":"in","from":"+15550100001","to":15550100002,"state":"hangup","duration":9,
		"type":"CallSCA","hangup_on":"2030-01-02T03:04:14.900Z","q850_cause":16,"q850_cause_string":"NORMAL_CLEARING",
		"tn":{"tn":15550100002},"sip_control_app":{"uuid":"s1","name":"App"},"account":{"uuid":"` + account1 + `","name":"Test Account"}}`
	genA := `{"timestamp":"2030-01-02T03:04:15.000Z","message":"m","type":"call_state","payload":` + call + `}`
	genB := `{"uuid":"e1","created_on":"2030-01-02T03:04:15.000Z","type":"call_state","message":"m",
		"payload":{"state":"hangup","duration":9},"call":` + call + `,"ref_id":"` + call1 + `","delivery_report":[]}`
	a, err := Decode([]byte(genA))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Decode([]byte(genB))
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "RefID", a.RefID, b.RefID)
	eq(t, "RefID", a.RefID, call1)
	eq(t, "Account.UUID", a.Account.UUID, b.Account.UUID)
	sa, _ := a.CallState()
	sb, _ := b.CallState()
	eq(t, "State", sa.State, sb.State)
	eq(t, "Duration", sa.Duration, sb.Duration)
	if diff := cmp.Diff(sa.Call, sb.Call, cmpopts.IgnoreFields(Call{}, "Raw")); diff != "" {
		t.Errorf("Call differs (-A +B):\n%s", diff)
	}
	eq(t, "Time", a.Time, b.Time)
}

func TestDecodeAliases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		call string
		get  func(*Call) any
		want any
	}{
		{"sip_control_app", `{"sip_control_app":{"uuid":"s1"}}`, func(c *Call) any { return c.SIPControlApp.UUID }, "s1"},
		{"sipcontrol_app", `{"sipcontrol_app":{"uuid":"s2"}}`, func(c *Call) any { return c.SIPControlApp.UUID }, "s2"},
		{"both app spellings", `{"sipcontrol_app":{"uuid":"s2"},"sip_control_app":{"uuid":"s1"}}`, func(c *Call) any { return c.SIPControlApp.UUID }, "s1"},
		{"null first spelling", `{"sip_control_app":null,"sipcontrol_app":{"uuid":"s2"}}`, func(c *Call) any { return c.SIPControlApp.UUID }, "s2"},
		{"shaken_verify_policy", `{"sip_control_app":{"shaken_verify_policy":2}}`, func(c *Call) any { return c.SIPControlApp.ShakenVerifyPolicy }, 2},
		{"shake_verify_policy", `{"sip_control_app":{"shake_verify_policy":3}}`, func(c *Call) any { return c.SIPControlApp.ShakenVerifyPolicy }, 3},
		{"both policy spellings", `{"sip_control_app":{"shake_verify_policy":3,"shaken_verify_policy":2}}`, func(c *Call) any { return c.SIPControlApp.ShakenVerifyPolicy }, 2},
		{"deleted_on", `{"tn":{"deleted_on":"2030-01-01T00:00:00Z"}}`, func(c *Call) any { return c.TN.DeletedOn.Year() }, 2030},
		{"delete_on", `{"tn":{"delete_on":"2031-01-01T00:00:00Z"}}`, func(c *Call) any { return c.TN.DeletedOn.Year() }, 2031},
		{"both deleted spellings", `{"tn":{"delete_on":"2031-01-01T00:00:00Z","deleted_on":"2030-01-01T00:00:00Z"}}`, func(c *Call) any { return c.TN.DeletedOn.Year() }, 2030},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ev, err := Decode([]byte(`{"type":"call_state","payload":` + tt.call + `}`))
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.get(ev.Call()); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if len(ev.Skipped) != 0 {
				t.Errorf("Skipped = %q", ev.Skipped)
			}
		})
	}
}

func TestDecodeMessagingProfileAliases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, sms, envelopeExtra string
		url, url2                string
	}{
		{"callback_url", `"messaging_profile":{"callback_url":"u1","callback_url2":"u2"}`, "", "u1", "u2"},
		{"call_back_url", `"messaging_profile":{"call_back_url":"u1","call_back_url2":"u2"}`, "", "u1", "u2"},
		{"both", `"messaging_profile":{"call_back_url":"x","callback_url":"u1","callback_url2":"u2","call_back_url2":"y"}`, "", "u1", "u2"},
		{"tnlease", `"tnlease":{"messaging_profile":{"callback_url":"u1"}}`, "", "u1", ""},
		{"tn_lease", `"tn_lease":{"messaging_profile":{"callback_url":"u1"}}`, "", "u1", ""},
		{"top-level profile", `"tnlease":{"messaging_profile":{"callback_url":"lease"}}`, `,"messaging_profile":{"callback_url":"top"}`, "top", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ev, err := Decode([]byte(`{"type":"sms","payload":{"uuid":"m1",` + tt.sms + `}` + tt.envelopeExtra + `}`))
			if err != nil {
				t.Fatal(err)
			}
			s := need(t, ev.SMS)
			if s.MessagingProfile == nil {
				t.Fatal("MessagingProfile = nil")
			}
			eq(t, "CallbackURL", s.MessagingProfile.CallbackURL, tt.url)
			eq(t, "CallbackURL2", s.MessagingProfile.CallbackURL2, tt.url2)
		})
	}
}

func TestDecodeFlexibleScalars(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		call    string
		get     func(*Call) any
		want    any
		skipped []string
	}{
		{"from number", `{"from":18382049000}`, func(c *Call) any { return c.From }, "18382049000", nil},
		{"from string", `{"from":"+18382049000"}`, func(c *Call) any { return c.From }, "+18382049000", nil},
		{"big number keeps digits", `{"to":123456789012345678901234567890}`, func(c *Call) any { return c.To }, "123456789012345678901234567890", nil},
		{"tn number", `{"tn":{"tn":15550100002}}`, func(c *Call) any { return c.TN.TN }, "15550100002", nil},
		{"tn string", `{"tn":{"tn":"15550100002"}}`, func(c *Call) any { return c.TN.TN }, "15550100002", nil},
		{"phone number", `{"account":{"phone":15550100009}}`, func(c *Call) any { return c.Account.Phone }, "15550100009", nil},
		{"tech_prefix string", `{"sip_control_app":{"tech_prefix":"0012"}}`, func(c *Call) any { return c.SIPControlApp.TechPrefix }, "0012", nil},
		{"thread number", `{"thread":12345}`, func(c *Call) any { return c.Thread }, "12345", nil},
		{"from object", `{"from":{}}`, func(c *Call) any { return c.From }, "", []string{"payload.from"}},
		{"duration number", `{"duration":9}`, func(c *Call) any { return c.Duration }, int64(9), nil},
		{"duration string", `{"duration":"9"}`, func(c *Call) any { return c.Duration }, int64(9), nil},
		{"duration fraction", `{"duration":9.5}`, func(c *Call) any { return c.Duration }, int64(0), []string{"payload.duration"}},
		{"duration object", `{"duration":{}}`, func(c *Call) any { return c.Duration }, int64(0), []string{"payload.duration"}},
		{"duration word", `{"duration":"nine"}`, func(c *Call) any { return c.Duration }, int64(0), []string{"payload.duration"}},
		{"q850 string", `{"q850_cause":"16"}`, func(c *Call) any { return c.Q850Cause }, 16, nil},
		{"policy string", `{"sip_control_app":{"shaken_verify_policy":"1"}}`, func(c *Call) any { return c.SIPControlApp.ShakenVerifyPolicy }, 1, nil},
		{"max length string", `{"sip_control_app":{"max_call_length_min":"120"}}`, func(c *Call) any { return c.SIPControlApp.MaxCallLengthMin }, 120, nil},
		{"webhook timeout number", `{"sip_control_app":{"webhook_request_timeout":5000}}`, func(c *Call) any { return c.SIPControlApp.WebhookRequestTimeout }, 5000, nil},
		{"balance number", `{"account":{"balance":12.5}}`, func(c *Call) any { return *c.Account.Balance }, 12.5, nil},
		{"balance string", `{"account":{"balance":"12.5"}}`, func(c *Call) any { return *c.Account.Balance }, 12.5, nil},
		{"balance NaN", `{"account":{"balance":"NaN"}}`, func(c *Call) any { return c.Account.Balance == nil }, true, []string{"payload.account.balance"}},
		{"balance bool", `{"account":{"balance":true}}`, func(c *Call) any { return c.Account.Balance == nil }, true, []string{"payload.account.balance"}},
		{"balance absent", `{"account":{}}`, func(c *Call) any { return c.Account.Balance == nil }, true, nil},
		{"bool string", `{"sip_control_app":{"is_active":"true"}}`, func(c *Call) any { return c.SIPControlApp.IsActive }, false, []string{"payload.sip_control_app.is_active"}},
		{"time without zone", `{"init_on":"2030-01-02T03:04:05.123"}`, func(c *Call) any { return c.InitOn.Format("2006-01-02T15:04:05.000Z07:00") }, "2030-01-02T03:04:05.123Z", nil},
		{"time with offset", `{"init_on":"2030-01-02T05:04:05+02:00"}`, func(c *Call) any { return c.InitOn.UTC().Hour() }, 3, nil},
		{"time garbage", `{"init_on":"yesterday"}`, func(c *Call) any { return c.InitOn.IsZero() }, true, []string{"payload.init_on"}},
		{"time number", `{"init_on":1700000000}`, func(c *Call) any { return c.InitOn.IsZero() }, true, []string{"payload.init_on"}},
		{"state number", `{"state":5}`, func(c *Call) any { return c.State }, CallStatus(""), []string{"payload.state"}},
		{"tn not an object", `{"tn":"15550100002"}`, func(c *Call) any { return c.TN == nil }, true, []string{"payload.tn"}},
		{"records not an array", `{"records":{}}`, func(c *Call) any { return c.Records == nil }, true, []string{"payload.records"}},
		{"nulls", `{"from":null,"duration":null,"tn":null,"init_on":null,"account":{"balance":null}}`,
			func(c *Call) any {
				return c.From == "" && c.Duration == 0 && c.TN == nil && c.InitOn.IsZero() && c.Account.Balance == nil
			}, true, nil},
		{"unknown state kept", `{"state":"parked"}`, func(c *Call) any { return c.State }, CallStatus("parked"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ev, err := Decode([]byte(`{"type":"call_state","payload":` + tt.call + `}`))
			if err != nil {
				t.Fatal(err)
			}
			if ev.Kind != KindCallState || ev.Call() == nil {
				t.Fatalf("Kind = %v, Call = %v", ev.Kind, ev.Call())
			}
			if got := tt.get(ev.Call()); got != tt.want {
				t.Errorf("got %v (%T), want %v (%T)", got, got, tt.want, tt.want)
			}
			if diff := cmp.Diff(tt.skipped, ev.Skipped); diff != "" {
				t.Errorf("Skipped (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDecodeSkippedKeepsKind(t *testing.T) {
	t.Parallel()
	in := `{"uuid":"e","type":"call_flow","payload":{"command":{"name":"Dial","success":"yes","children":[{"name":"To","success":1},7]}},"call":[]}`
	ev, err := Decode([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	f := need(t, ev.CallFlow)
	eq(t, "Name", f.Name, "Dial")
	eq(t, "len(Children)", len(f.Children), 1)
	want := []string{"payload.command.success", "payload.command.children[0].success", "payload.command.children[1]", "call"}
	if diff := cmp.Diff(want, ev.Skipped); diff != "" {
		t.Errorf("Skipped (-want +got):\n%s", diff)
	}
}

func TestDecodeCallFlowLayouts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     CallFlow
	}{
		{"A with top-level command and success only",
			`{"type":"call_flow","command":"Hangup","success":false,"payload":{"call":{"uuid":"c"}}}`,
			CallFlow{Name: "Hangup", Success: false}},
		{"A success fallback",
			`{"type":"call_flow","command":"Say","success":true,"payload":{"command":{"path":"Say[1]"}}}`,
			CallFlow{Name: "Say", Success: true, Path: "Say[1]"}},
		{"B payload is the command",
			`{"uuid":"e","type":"call_flow","payload":{"name":"Hold","success":true,"tag":"t1"}}`,
			CallFlow{Name: "Hold", Success: true, Tag: "t1"}},
		{"tag from element",
			`{"uuid":"e","type":"call_flow","call_flow":{"name":"Tone","element":{"tag":"t2"}}}`,
			CallFlow{Name: "Tone", Tag: "t2", Element: json.RawMessage(`{"tag":"t2"}`)}},
		{"tag from command",
			`{"uuid":"e","type":"call_flow","call_flow":{"name":"Tone","command":{"tag":"t3"}}}`,
			CallFlow{Name: "Tone", Tag: "t3", Command: json.RawMessage(`{"tag":"t3"}`)}},
		{"children and errors",
			`{"type":"call_flow","payload":{"command":{"name":"Gather","success":true,"error":[{"code":1}],"children":[{"name":"Say","success":true,"path":"Gather[0].Say[0]","children":[{"name":"X"}]}]}}}`,
			CallFlow{Name: "Gather", Success: true, Errors: []json.RawMessage{json.RawMessage(`{"code":1}`)},
				Children: []CallFlow{{Name: "Say", Success: true, Path: "Gather[0].Say[0]", Children: []CallFlow{{Name: "X"}}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ev, err := Decode([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			got := *need(t, ev.CallFlow)
			got.Call = nil
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CallFlow (-want +got):\n%s", diff)
			}
			if len(ev.Skipped) != 0 {
				t.Errorf("Skipped = %q", ev.Skipped)
			}
		})
	}
}

func TestDecodeVariantsFallbacks(t *testing.T) {
	t.Parallel()
	t.Run("sms B from top-level sms", func(t *testing.T) {
		t.Parallel()
		ev, err := Decode([]byte(`{"uuid":"e","type":"sms","payload":{"state":"x"},"sms":{"uuid":"m1","type":"smsr","message":"hi"}}`))
		if err != nil {
			t.Fatal(err)
		}
		s := need(t, ev.SMS)
		eq(t, "UUID", s.UUID, "m1")
		eq(t, "Direction", s.Direction(), "out")
		eq(t, "RefID", ev.RefID, "m1")
	})
	t.Run("sms with no object", func(t *testing.T) {
		t.Parallel()
		ev, _ := Decode([]byte(`{"uuid":"e","type":"sms"}`))
		s := need(t, ev.SMS)
		eq(t, "Direction", s.Direction(), "")
		eq(t, "Accepted", s.Accepted(), false)
	})
	t.Run("sms failed", func(t *testing.T) {
		t.Parallel()
		ev, _ := Decode([]byte(`{"type":"sms","payload":{"uuid":"m","state":"failed","type":"sms"}}`))
		s := need(t, ev.SMS)
		eq(t, "Failed", s.Failed(), true)
		eq(t, "Direction", s.Direction(), "out")
	})
	t.Run("call_state B without payload", func(t *testing.T) {
		t.Parallel()
		ev, _ := Decode([]byte(`{"uuid":"e","type":"call_state","call":{"uuid":"c","state":"live","duration":4,"tag":"t"}}`))
		s := need(t, ev.CallState)
		eq(t, "State", s.State, CallStatusLive)
		eq(t, "Duration", s.Duration, 4)
		eq(t, "Tag", s.Tag, "t")
		eq(t, "RefID", ev.RefID, "c")
	})
	t.Run("call_state payload tag", func(t *testing.T) {
		t.Parallel()
		ev, _ := Decode([]byte(`{"uuid":"e","type":"call_state","payload":{"state":"hangup","tag":"bye"},"call":{"uuid":"c","tag":"other"}}`))
		s := need(t, ev.CallState)
		eq(t, "Tag", s.Tag, "bye")
		eq(t, "Ended", s.Ended(), true)
	})
	t.Run("call_state without call", func(t *testing.T) {
		t.Parallel()
		ev, _ := Decode([]byte(`{"uuid":"e","type":"call_state","payload":{"state":"offline"}}`))
		s := need(t, ev.CallState)
		eq(t, "State", s.State, CallStatusOffline)
		eq(t, "Ended", s.Ended(), true)
		eq(t, "Call", s.Call, nil)
	})
	t.Run("call_state payload a string", func(t *testing.T) {
		t.Parallel()
		ev, _ := Decode([]byte(`{"type":"call_state","payload":"x"}`))
		need(t, ev.CallState)
		if diff := cmp.Diff([]string{"payload"}, ev.Skipped); diff != "" {
			t.Errorf("Skipped (-want +got):\n%s", diff)
		}
	})
	t.Run("transcript record object", func(t *testing.T) {
		t.Parallel()
		ev, _ := Decode([]byte(`{"type":"transcript","payload":{"record":{"uuid":"r1"},"transcribed_text":"hello","call":{"uuid":"c"}}}`))
		tr := need(t, ev.Transcript)
		eq(t, "RecordingUUID", tr.RecordingUUID, "r1")
		eq(t, "Text", tr.Text, "hello")
		eq(t, "Call.UUID", tr.Call.UUID, "c")
		eq(t, "Event.Call()", ev.Call(), nil)
	})
	t.Run("transcript alias", func(t *testing.T) {
		t.Parallel()
		ev, _ := Decode([]byte(`{"type":"call_transcript","payload":{"transcript":"hi"}}`))
		eq(t, "Text", need(t, ev.Transcript).Text, "hi")
	})
	t.Run("balance documented example: bare payload", func(t *testing.T) {
		t.Parallel()
		ev, err := Decode([]byte(`{"timestamp":"2030-01-02T03:04:05Z","message":"New balance is 873.0604","type":"balance","source_action":"voice_charge_in","payload":873.0604}`))
		if err != nil {
			t.Fatal(err)
		}
		b := need(t, ev.Balance)
		if b.Balance == nil {
			t.Fatal("Balance = nil")
		}
		eq(t, "Balance", *b.Balance, 873.0604)
		eq(t, "SourceAction", b.SourceAction, "voice_charge_in")
		eq(t, "Skipped", len(ev.Skipped), 0)
	})
	t.Run("balance bare payload not a number", func(t *testing.T) {
		t.Parallel()
		ev, _ := Decode([]byte(`{"type":"balance","payload":true}`))
		eq(t, "Balance", need(t, ev.Balance).Balance == nil, true)
		eq(t, "Skipped", strings.Join(ev.Skipped, ","), "payload")
	})
	t.Run("balance payload is the account", func(t *testing.T) {
		t.Parallel()
		ev, _ := Decode([]byte(`{"type":"account_balance","payload":{"uuid":"a9","balance":"7.5"}}`))
		b := need(t, ev.Balance)
		eq(t, "Balance", *b.Balance, 7.5)
		eq(t, "Account.UUID", b.Account.UUID, "a9")
	})
	t.Run("balance from top-level account", func(t *testing.T) {
		t.Parallel()
		ev, _ := Decode([]byte(`{"uuid":"e","type":"balance","payload":{},"account":{"uuid":"a9","balance":3}}`))
		b := need(t, ev.Balance)
		eq(t, "Balance", *b.Balance, 3.0)
		eq(t, "Account.UUID", b.Account.UUID, "a9")
		eq(t, "Event.Account.UUID", ev.Account.UUID, "a9")
	})
	t.Run("auth account from top level", func(t *testing.T) {
		t.Parallel()
		ev, _ := Decode([]byte(`{"type":"auth","payload":{"uuid":"conn"},"account":{"uuid":"a9"}}`))
		a := need(t, ev.Auth)
		eq(t, "Account.UUID", a.Account.UUID, "a9")
		eq(t, "RefID", ev.RefID, "conn")
	})
	t.Run("recording from top-level call", func(t *testing.T) {
		t.Parallel()
		ev, _ := Decode([]byte(`{"type":"call_record","payload":{"uuid":"r","call":{"uuid":"c2"}}}`))
		eq(t, "Call.UUID", need(t, ev.Recording).Call.UUID, "c2")
		eq(t, "RefID", ev.RefID, "r")
	})
}

func TestDecodeDoesNotAlias(t *testing.T) {
	t.Parallel()
	in := []byte(`{"type":"x","payload":{"uuid":"p"}}`)
	ev, err := Decode(in)
	if err != nil {
		t.Fatal(err)
	}
	for i := range in {
		in[i] = ' '
	}
	if !strings.HasPrefix(string(ev.Raw), `{"type":"x"`) || string(ev.Payload) != `{"uuid":"p"}` {
		t.Errorf("event changed with its input: Raw=%q Payload=%q", ev.Raw, ev.Payload)
	}
}

func TestDecodeBareBody(t *testing.T) {
	t.Parallel()
	ev, err := decodeBareBody([]byte(`{"uuid":"c","state":"hangup","duration":"9","account":{"uuid":"a"},"tag":"t"}`), TypeCallState)
	if err != nil {
		t.Fatal(err)
	}
	s := need(t, ev.CallState)
	eq(t, "Envelope", ev.Envelope, EnvelopeBare)
	eq(t, "State", s.State, CallStatusHangup)
	eq(t, "Duration", s.Duration, 9)
	eq(t, "Tag", s.Tag, "t")
	eq(t, "RefID", ev.RefID, "c")
	eq(t, "Account.UUID", ev.Account.UUID, "a")
	eq(t, "Payload", ev.Payload == nil, true)
	if _, err := decodeBareBody([]byte(`[]`), TypeSMS); err == nil {
		t.Error("decodeBareBody([]) succeeded")
	}
	ev, _ = decodeBareBody([]byte(`{"duration":{}}`), TypeCallState)
	if diff := cmp.Diff([]string{"duration"}, ev.Skipped); diff != "" {
		t.Errorf("Skipped paths of a bare body are relative to it (-want +got):\n%s", diff)
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{``, `{}`, `{"type":"call_state","payload":{"duration":"x"}}`, `[1]`, `{"a":1}x`,
		`{"uuid":"e","type":"call_flow","call_flow":{"children":[{"children":[{}]}]}}`, "{\"message\":\"\xff\"}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, err := Decode(data)
		if err != nil {
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error %T is not a *DecodeError", err)
			}
			if ev.Kind != "" || ev.Raw != nil {
				t.Fatalf("non-zero event with error: %+v", ev)
			}
			return
		}
		if ev.Kind == "" || string(ev.Raw) != string(data) {
			t.Fatalf("Kind = %q, Raw = %q", ev.Kind, ev.Raw)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	for _, name := range []string{"call_state_init", "call_flow_answer_a", "sms_out_a"} {
		data, err := os.ReadFile(filepath.Join("testdata", name+".json"))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Decode(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestEventwireDecodeBare checks that package events fills in the hook
// package webhook decodes bare bodies with.
func TestEventwireDecodeBare(t *testing.T) {
	t.Parallel()
	v, err := eventwire.DecodeBare([]byte(`{"uuid":"s","status":"sent"}`), TypeSMS)
	if err != nil {
		t.Fatal(err)
	}
	ev, ok := v.(Event)
	if !ok {
		t.Fatalf("eventwire.DecodeBare returned a %T, want an events.Event", v)
	}
	eq(t, "Envelope", ev.Envelope, EnvelopeBare)
	eq(t, "Kind", ev.Kind, KindSMS)
	eq(t, "RefID", ev.RefID, "s")
	if _, err := eventwire.DecodeBare([]byte(`{`), TypeSMS); err == nil {
		t.Error("eventwire.DecodeBare accepted a truncated object")
	}
}
