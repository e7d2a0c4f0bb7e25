package client

import (
	"encoding/json"
	"testing"
)

// TestReferenceForms checks that nested references decode from every form
// Opentact uses.
func TestReferenceForms(t *testing.T) {
	t.Parallel()
	var lease Lease
	in := `{"uuid":"l","tn":"+12029822917","messaging_profile":"mp","sip_connection":{},"sip_control_app":null,
		"tnorder":{"uuid":"o","state":"success"},"subscriptions":[{"uuid":"s","type":"sms"}]}`
	if err := json.Unmarshal([]byte(in), &lease); err != nil {
		t.Fatal(err)
	}
	if lease.TN.Number != 12029822917 || lease.MessagingProfile.UUID != "mp" || lease.SIPConnection == nil ||
		lease.SIPControlApp != nil || !lease.Order.Done() || lease.Subscriptions[0].Type != "sms" {
		t.Errorf("lease = %+v", lease)
	}
	cases := []struct {
		name string
		in   string
		v    any
		ok   bool
	}{
		{"product int", `7`, new(SIPProduct), true},
		{"product digits", `"7"`, new(SIPProduct), true},
		{"product name", `"x"`, new(SIPProduct), false},
		{"product float", `7.5`, new(SIPProduct), false},
		{"tn number", `12029822917`, new(TNRecord), true},
		{"tn bool", `true`, new(TNRecord), false},
		{"lease number", `42`, new(Lease), true},
		{"domain", `"acme"`, new(SIPDomain), true},
		{"user", `"u"`, new(User), true},
		{"account", `"a"`, new(Account), true},
		{"profile", `"p"`, new(TNProfile), true},
		{"app", `"a"`, new(SIPControlApp), true},
		{"voice profile", `"o"`, new(OutboundVoiceProfile), true},
		{"sip user", `"s"`, new(SIPUser), true},
		{"call", `"c"`, new(Call), true},
		{"call array", `[]`, new(Call), false},
		{"order bad", `{"uuid":1}`, new(Order), false},
		{"message bad", `{"from":true}`, new(Message), false},
		{"available bad", `{"tn":"x"}`, new(AvailableNumber), false},
		{"broken string", `"x`, new(Lease), false},
		{"broken number", `1x`, new(SIPProduct), false},
	}
	for _, tc := range cases {
		err := json.Unmarshal([]byte(tc.in), tc.v)
		if (err == nil) != tc.ok {
			t.Errorf("%s: error = %v", tc.name, err)
		}
	}
	var d SIPDomain
	_ = json.Unmarshal([]byte(`"acme.sip.opentact.org"`), &d)
	var p SIPProduct
	_ = json.Unmarshal([]byte(`"12"`), &p)
	var l Lease
	_ = json.Unmarshal([]byte(`42`), &l)
	if d.Domain != "acme.sip.opentact.org" || p.ID != 12 || l.UUID != "42" {
		t.Errorf("domain %q product %d lease %q", d.Domain, p.ID, l.UUID)
	}
}

func TestMatchVoice(t *testing.T) {
	t.Parallel()
	voices := []*Voice{
		nil,
		{Code: "en-US", Type: VoiceStandard, Gender: VoiceMale, Name: "a"},
		{Code: "en-US", Type: VoiceWaveNet, Gender: VoiceFemale, Name: "b"},
		{Code: "de-DE", Type: VoiceWaveNet, Gender: VoiceFemale, Name: "c"},
	}
	cases := []struct {
		code   string
		typ    VoiceType
		gender VoiceGender
		want   string
	}{
		{"en-US", "", "", "a"},
		{"en-US", VoiceWaveNet, "", "b"},
		{"en-US", "", VoiceFemale, "b"},
		{"de-DE", VoiceStandard, "", ""},
		{"fr-FR", "", "", ""},
	}
	for _, tc := range cases {
		v, ok := MatchVoice(voices, tc.code, tc.typ, tc.gender)
		if (tc.want == "") == ok || (ok && v.Name != tc.want) {
			t.Errorf("MatchVoice(%s, %s, %s) = %+v, %v", tc.code, tc.typ, tc.gender, v, ok)
		}
	}
}
