package events

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// eq reports a mismatch of one field.
func eq[T comparable](t *testing.T, field string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", field, got, want)
	}
}

// ts parses an RFC 3339 time for expectations.
func ts(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// need calls a detail accessor and fails the test when it reports no detail.
func need[T any](t *testing.T, accessor func() (T, bool)) T {
	t.Helper()
	d, ok := accessor()
	if !ok {
		t.Fatalf("detail of type %T missing", d)
	}
	return d
}

const (
	call1    = "20000000-0000-4000-8000-000000000001"
	call2    = "20000000-0000-4000-8000-000000000002"
	account1 = "40000000-0000-4000-8000-000000000001"
)

// TestDecodeSpecExamples decodes every example of the spec's event catalogue
// (§3) and checks the values its text lists.
func TestDecodeSpecExamples(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file  string
		kind  Kind
		env   Envelope
		check func(t *testing.T, ev Event)
	}{
		{"auth", KindAuth, EnvelopeB, func(t *testing.T, ev Event) {
			a := need(t, ev.Auth)
			eq(t, "ID", ev.ID, "10000000-0000-4000-8000-000000000001")
			eq(t, "ConnectionID", a.ConnectionID, "70000000-0000-4000-8000-000000000001")
			eq(t, "IP", a.IP, "192.0.2.10")
			eq(t, "User.Email", a.User.Email, "dev@example.com")
			eq(t, "User.WSSOnline", a.User.WSSOnline, true)
			eq(t, "User.PhoneNumber", a.User.PhoneNumber, "15550100009")
			eq(t, "Account.Phone", a.Account.Phone, "15550100009")
			eq(t, "Event.Account.UUID", ev.Account.UUID, account1)
			eq(t, "Event.Account.Phone", ev.Account.Phone, "") // the top-level account has no phone
			eq(t, "RefID", ev.RefID, "70000000-0000-4000-8000-000000000001")
			eq(t, "Time", ev.Time, ts(t, "2030-01-02T03:04:00Z"))
			eq(t, "Call()", ev.Call(), nil)
		}},
		{"call_state_init", KindCallState, EnvelopeB, func(t *testing.T, ev Event) {
			s := need(t, ev.CallState)
			eq(t, "State", s.State, CallStatusInit)
			eq(t, "Duration", s.Duration, 0)
			eq(t, "Ended", s.Ended(), false)
			eq(t, "Call.Direction", s.Call.Direction, "in")
			eq(t, "Call.From", s.Call.From, "+15550100001")
			eq(t, "Call.TN.TN", s.Call.TN.TN, "15550100002")
			eq(t, "Call.Account.Phone", s.Call.Account.Phone, "15550100009")
			eq(t, "Call.Account.Balance", *s.Call.Account.Balance, 100.5)
			eq(t, "Call.SIPControlApp.AutoAnswer", s.Call.SIPControlApp.AutoAnswer, true)
			eq(t, "Call.SIPControlApp.ShakenMinAttestLevel", s.Call.SIPControlApp.ShakenMinAttestLevel, "C")
			eq(t, "Call.InitOn", s.Call.InitOn, ts(t, "2030-01-02T03:04:05.05Z"))
			eq(t, "Call.SwitchChannelState", s.Call.SwitchChannelState, "CS_INIT")
			eq(t, "len(Call.Records)", len(s.Call.Records), 0)
			eq(t, "RefID", ev.RefID, call1)
			eq(t, "Account.UUID", ev.Account.UUID, account1)
			eq(t, "Modified", ev.Modified, ts(t, "2030-01-02T03:04:05.1Z"))
			eq(t, "len(DeliveryReport)", len(ev.DeliveryReport), 0)
			eq(t, "Call()", ev.Call(), s.Call)
		}},
		{"call_state_ringing", KindCallState, EnvelopeB, func(t *testing.T, ev Event) {
			s := need(t, ev.CallState)
			eq(t, "State", s.State, CallStatusRinging)
			eq(t, "Call.RingOn", s.Call.RingOn, ts(t, "2030-01-02T03:04:05.25Z"))
			eq(t, "Account", ev.Account, nil)
		}},
		{"call_state_live", KindCallState, EnvelopeB, func(t *testing.T, ev Event) {
			s := need(t, ev.CallState)
			eq(t, "State", s.State, CallStatusLive)
			eq(t, "Duration", s.Duration, 1)
			eq(t, "Call.Duration", s.Call.Duration, 2)
			eq(t, "Call.AnswerOn", s.Call.AnswerOn, ts(t, "2030-01-02T03:04:06.45Z"))
		}},
		{"call_state_hangup_out", KindCallState, EnvelopeB, func(t *testing.T, ev Event) {
			s := need(t, ev.CallState)
			eq(t, "State", s.State, CallStatusHangup)
			eq(t, "Ended", s.Ended(), true)
			eq(t, "Call.Q850Cause", s.Call.Q850Cause, 18)
			eq(t, "Call.Q850CauseString", s.Call.Q850CauseString, "NO_USER_RESPONSE")
			eq(t, "Call.Parent.UUID", s.Call.Parent.UUID, call1)
			eq(t, "Call.Parent.Q850Cause", s.Call.Parent.Q850Cause, 0)
			eq(t, "Call.Parent.Thread", s.Call.Parent.Thread, "0123456789abcdef0123456789abcdef")
			eq(t, "Call.Parent.HangupOn.IsZero", s.Call.Parent.HangupOn.IsZero(), true)
			eq(t, "Call.To", s.Call.To, "test_sip_user")
			eq(t, "RefID", ev.RefID, call2)
		}},
		{"call_state_destroyed", KindCallState, EnvelopeB, func(t *testing.T, ev Event) {
			s := need(t, ev.CallState)
			eq(t, "State", s.State, CallStatusDestroyed)
			eq(t, "Ended", s.Ended(), true)
			eq(t, "Duration", s.Duration, 10)
			eq(t, "Call.DestroyOn", s.Call.DestroyOn, ts(t, "2030-01-02T03:04:14.95Z"))
		}},
		{"call_state_bridged", KindCallState, EnvelopeB, func(t *testing.T, ev Event) {
			s := need(t, ev.CallState)
			eq(t, "State", s.State, CallStatusBridged)
			eq(t, "Ended", s.Ended(), false)
		}},
		{"call_state_ringing_a", KindCallState, EnvelopeA, func(t *testing.T, ev Event) {
			s := need(t, ev.CallState)
			eq(t, "ID", ev.ID, "")
			eq(t, "Time", ev.Time, ts(t, "2030-01-02T03:04:05.3Z"))
			eq(t, "RefID", ev.RefID, call1)
			eq(t, "Account.UUID", ev.Account.UUID, account1)
			eq(t, "State", s.State, CallStatusRinging)
			eq(t, "Call.SIPControlApp.TechPrefix", s.Call.SIPControlApp.TechPrefix, "123456")
			eq(t, "Call.SIPControlApp.WebhookMethod", s.Call.SIPControlApp.WebhookMethod, "POST")
			eq(t, "Call.SIPControlApp.UUID", s.Call.SIPControlApp.UUID, "30000000-0000-4000-8000-000000000001")
			eq(t, "Call.TN.TN", s.Call.TN.TN, "15550100002")
		}},
		{"call_flow_answer_a", KindCallFlow, EnvelopeA, func(t *testing.T, ev Event) {
			f := need(t, ev.CallFlow)
			eq(t, "Name", f.Name, "Answer")
			eq(t, "Success", f.Success, true)
			eq(t, "Reason", f.Reason, "Call answered")
			eq(t, "Path", f.Path, "Answer[0]")
			eq(t, "Tag", f.Tag, "greeting-1")
			eq(t, "Event.Success", *ev.Success, true)
			eq(t, "Call.State", f.Call.State, CallStatusRinging)
			eq(t, "RefID", ev.RefID, call1)
			eq(t, "Account.UUID", ev.Account.UUID, account1)
			eq(t, "Call()", ev.Call(), f.Call)
		}},
		{"call_flow_dial_b", KindCallFlow, EnvelopeB, func(t *testing.T, ev Event) {
			f := need(t, ev.CallFlow)
			eq(t, "Name", f.Name, "Dial")
			eq(t, "Success", f.Success, false)
			eq(t, "State", f.State, "failed")
			eq(t, "ID", f.ID, "90000000-0000-4000-8000-000000000001")
			eq(t, "Tag", f.Tag, "sales")
			eq(t, "Reason", f.Reason, "[originate] ERR NO_USER_RESPONSE")
			eq(t, "Call.State", f.Call.State, CallStatusLive)
			eq(t, "Command", string(f.Command), `{"name": "Dial", "destinations": ["15550100003"]}`)
			eq(t, "Event.Success", ev.Success, nil)
		}},
		{"sms_out_a", KindSMS, EnvelopeA, func(t *testing.T, ev Event) {
			s := need(t, ev.SMS)
			eq(t, "Direction", s.Direction(), "out")
			eq(t, "State", s.State, SMSStatusSuccess)
			eq(t, "Accepted", s.Accepted(), true)
			eq(t, "Failed", s.Failed(), false)
			eq(t, "Delivered", s.Delivered, true)
			eq(t, "Text", s.Text, "Hello from the test suite")
			eq(t, "TN.TN", s.TN.TN, "15550100002")
			eq(t, "MessagingProfile.CallbackURL", s.MessagingProfile.CallbackURL, "https://app.example.com/sms")
			eq(t, "RefID", ev.RefID, "50000000-0000-4000-8000-000000000001")
			eq(t, "Account.UUID", ev.Account.UUID, account1)
		}},
		{"sms_in_a", KindSMS, EnvelopeA, func(t *testing.T, ev Event) {
			s := need(t, ev.SMS)
			eq(t, "Direction", s.Direction(), "in")
			eq(t, "To", s.To, "15550100002")
			eq(t, "Read", s.Read, false)
			eq(t, "Event.Success", *ev.Success, true)
			eq(t, "MessagingProfile.UUID", s.MessagingProfile.UUID, "c0000000-0000-4000-8000-000000000001")
			eq(t, "MessagingProfile.CallbackURL", s.MessagingProfile.CallbackURL, "https://app.example.com/sms")
		}},
		{"tn_order", KindTNOrder, EnvelopeA, func(t *testing.T, ev Event) {
			o := need(t, ev.TNOrder)
			eq(t, "UUID", o.UUID, "60000000-0000-4000-8000-000000000001")
			eq(t, "State", o.State, "success")
			eq(t, "ModifiedOn", o.ModifiedOn, ts(t, "2030-01-02T04:00:00Z"))
			eq(t, "RefID", ev.RefID, o.UUID)
		}},
		{"call_record", KindRecording, EnvelopeB, func(t *testing.T, ev Event) {
			r := need(t, ev.Recording)
			eq(t, "UUID", r.UUID, "a0000000-0000-4000-8000-000000000001")
			eq(t, "Tag", r.Tag, "voicemail")
			eq(t, "URL", r.URL, "https://files.example.com/rec/a0000000.wav")
			eq(t, "Duration", r.Duration, 12)
			eq(t, "Call.UUID", r.Call.UUID, call1)
			eq(t, "RefID", ev.RefID, call1)
			eq(t, "Call()", ev.Call(), r.Call)
		}},
		{"call_transcript", KindTranscript, EnvelopeB, func(t *testing.T, ev Event) {
			tr := need(t, ev.Transcript)
			eq(t, "UUID", tr.UUID, "b0000000-0000-4000-8000-000000000001")
			eq(t, "RecordingUUID", tr.RecordingUUID, "a0000000-0000-4000-8000-000000000001")
			eq(t, "Tag", tr.Tag, "voicemail")
			eq(t, "Text", tr.Text, "please call me back")
			eq(t, "RefID", ev.RefID, call1)
		}},
		{"balance_changed", KindBalance, EnvelopeA, func(t *testing.T, ev Event) {
			b := need(t, ev.Balance)
			eq(t, "Balance", *b.Balance, 99.25)
			eq(t, "Account.UUID", b.Account.UUID, account1)
			eq(t, "Event.Account.UUID", ev.Account.UUID, account1)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(filepath.Join("testdata", tt.file+".json"))
			if err != nil {
				t.Fatal(err)
			}
			ev, err := Decode(data)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			eq(t, "Kind", ev.Kind, tt.kind)
			eq(t, "Envelope", ev.Envelope, tt.env)
			eq(t, "Transport", ev.Transport, TransportNone)
			eq(t, "Received.IsZero", ev.Received.IsZero(), true)
			eq(t, "Raw", string(ev.Raw), string(data))
			if len(ev.Skipped) != 0 {
				t.Errorf("Skipped = %q, want none", ev.Skipped)
			}
			if ev.Detail() == nil {
				t.Errorf("Detail() = nil")
			}
			tt.check(t, ev)
		})
	}
}
