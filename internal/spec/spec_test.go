package spec_test

import (
	"strings"
	"testing"

	"github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/verbs"
)

func TestElements(t *testing.T) {
	t.Parallel()
	names := verbs.ElementNames()
	if len(names) != 29 {
		t.Errorf("ElementNames has %d names, want the spec's 29: %v", len(names), names)
	}
	for _, name := range names {
		s, ok := spec.Lookup(name)
		if !ok {
			t.Fatalf("LookupElement(%q) not found", name)
		}
		if got := s.New().ElementName(); got != name {
			t.Errorf("%s: New().ElementName() = %q", name, got)
		}
		for _, a := range s.LegacyAttrs {
			if !s.HasAttr(a) {
				t.Errorf("%s: legacy attribute %q missing from Attrs", name, a)
			}
		}
		for alias, canon := range s.AttrAliases {
			if canon != "" && !s.HasAttr(canon) {
				t.Errorf("%s: alias %q points at unknown attribute %q", name, alias, canon)
			}
			if s.HasAttr(alias) {
				t.Errorf("%s: alias %q is also a canonical attribute", name, alias)
			}
		}
	}
	for alias, want := range map[string]string{"callback": "Callback", "Scheduler": "Schedule"} {
		s, ok := spec.Lookup(alias)
		if !ok || s.Name != want {
			t.Errorf("LookupElement(%q) = %q, %v; want %q", alias, s.Name, ok, want)
		}
		if canon, ok := spec.Alias(alias); !ok || canon != want {
			t.Errorf("ElementAlias(%q) = %q, %v", alias, canon, ok)
		}
	}
	if _, ok := spec.Lookup("Hangupp"); ok {
		t.Error("LookupElement accepted an unknown name")
	}
	if _, ok := spec.Lookup("hangup"); ok {
		t.Error("names are case-sensitive: LookupElement accepted hangup")
	}
	// Attribute render order of a few elements, straight from spec §2.
	order := map[string]string{
		"Say":      "type gender code lang loop tag",
		"Record":   "tag asr timeout",
		"Tone":     "hz don doff v loop timeout leg tag",
		"Callback": "url method body timeout tag",
		"Gather":   "dtmf_length dtmf_stop url tag numDigits attempts timeout finishOnKey callback method",
	}
	for name, want := range order {
		s, _ := spec.Lookup(name)
		if !inOrder(strings.Fields(want), s.Attrs) {
			t.Errorf("%s attribute order = %q, want %q in this order", name, strings.Join(s.Attrs, " "), want)
		}
	}
}

// TestTableAsWrittenByHand compares the generated table with the one
// that was written by hand before the generator, the facts of spec §2:
// every attribute, legacy attribute and alias written here stays, in this
// order. An attribute added since (a field and its tag in package verbs)
// may stand anywhere among them.
func TestTableAsWrittenByHand(t *testing.T) {
	t.Parallel()
	want := []spec.Element{
		{Name: "Response"},
		{Name: "Answer", Attrs: []string{"delay", "tag"}},
		{Name: "Hangup", Attrs: []string{"tag"}},
		{Name: "Pause", Attrs: []string{"length", "dtmf_stop", "tag"}},
		{Name: "Say", Attrs: []string{"type", "gender", "code", "lang", "loop", "tag"},
			AttrAliases: map[string]string{"text": ""}},
		{Name: "Play", Attrs: []string{"record", "leg", "loop", "tag"},
			AttrAliases: map[string]string{"url": ""}},
		{Name: "Record", Attrs: []string{"tag", "asr", "timeout"}},
		{Name: "RecordStart", Attrs: []string{"tag"}},
		{Name: "RecordStop", Attrs: []string{"tag"}},
		{Name: "RecordWait", Attrs: []string{"tag"}},
		{Name: "Dial", Attrs: []string{"tag", "timeout", "record"},
			LegacyAttrs: []string{"timeout", "record"}},
		{Name: "To"},
		{Name: "Gather", Attrs: []string{"dtmf_length", "dtmf_stop", "url", "tag",
			"numDigits", "attempts", "timeout", "finishOnKey", "callback", "method"},
			LegacyAttrs: []string{"numDigits", "attempts", "timeout", "finishOnKey", "callback", "method"},
			AttrAliases: map[string]string{"length": "dtmf_length"}},
		{Name: "DTMF", Attrs: []string{"value"}},
		{Name: "Default", Attrs: []string{"tag"}},
		{Name: "Error", Attrs: []string{"play", "tag"},
			AttrAliases: map[string]string{"say": "play"}},
		{Name: "Callback", Attrs: []string{"url", "method", "body", "timeout", "tag"}},
		{Name: "Curl", Attrs: []string{"url", "method", "timeout", "tag"}},
		{Name: "Call", Attrs: []string{"field", "value", "tag"}},
		{Name: "Geo", Attrs: []string{"states", "county", "tag"}},
		{Name: "Schedule", Attrs: []string{"dow", "time", "tag"}},
		{Name: "Hold", Attrs: []string{"timeout", "tag"}},
		{Name: "Unhold", Attrs: []string{"tag"}},
		{Name: "Tone", Attrs: []string{"hz", "don", "doff", "v", "loop", "timeout", "leg", "tag"},
			AttrAliases: map[string]string{"volume": "v"}},
		{Name: "Meta", Attrs: []string{"name", "value"}},
		{Name: "Switch", Legacy: true},
		{Name: "Case", Attrs: []string{"dtmf"}, Legacy: true},
		{Name: "Sip", Legacy: true},
		{Name: "Number", Legacy: true},
	}
	for _, w := range want {
		got, ok := spec.Lookup(w.Name)
		if !ok {
			t.Errorf("%s missing", w.Name)
			continue
		}
		ok = got.Name == w.Name && got.Legacy == w.Legacy &&
			inOrder(w.Attrs, got.Attrs) && inOrder(w.LegacyAttrs, got.LegacyAttrs)
		for alias, canon := range w.AttrAliases {
			if c, has := got.AttrAliases[alias]; !has || c != canon {
				ok = false
			}
		}
		if !ok {
			got.New, got.Fields = nil, nil
			t.Errorf("%s:\n got %+v\nwant %+v (attributes in this order, others may be added)", w.Name, got, w)
		}
	}
	if n := len(spec.All()); n != len(want) {
		t.Errorf("%d elements, want %d", n, len(want))
	}
}

// inOrder reports whether got holds every name of want, in the order of
// want.
func inOrder(want, got []string) bool {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want)
}
