package render

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/opentact-go/opentact/verbs"
)

// doc wraps commands in a <Response>.
func vDoc(cmds ...verbs.Command) *verbs.Response { return &verbs.Response{Commands: cmds} }

// bad is an expected error, lint an expected warning.
func vErr(path, rule, msg string) Diagnostic {
	return Diagnostic{Path: path, Severity: SeverityError, Rule: rule, Message: msg}
}

func vLint(path, rule, msg string) Diagnostic {
	return Diagnostic{Path: path, Severity: SeverityWarning, Rule: rule, Message: msg}
}

// vSortDiags compares findings as a set; TestCheckSorted covers the order.
var vSortDiags = cmpopts.SortSlices(func(a, b Diagnostic) bool {
	return a.Path+"\x00"+a.Rule+"\x00"+a.Message < b.Path+"\x00"+b.Rule+"\x00"+b.Message
})

type vRuleCase struct {
	name string
	doc  *verbs.Response
	want []Diagnostic
}

func vRunCases(t *testing.T, cases []vRuleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := Check(tc.doc)
			if diff := cmp.Diff(tc.want, []Diagnostic(got), vSortDiags, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Check findings (-want +got):\n%s", diff)
			}
		})
	}
}

const vDestWant = "a SIP URI (sip:user@host), a SIP address (user@host) or a phone number of 7 to 15 digits"

func TestCheckSimpleCommands(t *testing.T) {
	t.Parallel()
	vRunCases(t, []vRuleCase{
		{"say ok", vDoc(&verbs.Say{Text: "Hi", Type: verbs.WaveNet, Gender: verbs.Male, Lang: "es", Loop: verbs.Some(1)}), nil},
		{"say text required", vDoc(&verbs.Say{}),
			[]Diagnostic{vErr("/Response/Say[1]", "required", "<Say> needs text to speak")}},
		{"say text blank", vDoc(&verbs.Say{Text: " \n\t"}),
			[]Diagnostic{vErr("/Response/Say[1]", "blank", "<Say> text must not be only white space")}},
		{"say loop zero", vDoc(&verbs.Say{Text: "Hi", Loop: verbs.Some(0)}),
			[]Diagnostic{vErr("/Response/Say[1]/@loop", "range", "loop (Loop) must be at least 1, got 0")}},
		{"say second loop", vDoc(&verbs.Say{Text: "a"}, &verbs.Say{Text: "b", Loop: verbs.Some(-1)}),
			[]Diagnostic{vErr("/Response/Say[2]/@loop", "range", "loop (Loop) must be at least 1, got -1")}},
		{"say type", vDoc(&verbs.Say{Text: "Hi", Type: "Neural"}),
			[]Diagnostic{vErr("/Response/Say[1]/@type", "enum", `type (Type) must be one of Standard, WaveNet, got "Neural"`)}},
		{"say gender", vDoc(&verbs.Say{Text: "Hi", Gender: "female"}),
			[]Diagnostic{vErr("/Response/Say[1]/@gender", "enum", `gender (Gender) must be one of FEMALE, MALE, got "female"`)}},
		{"say lang", vDoc(&verbs.Say{Text: "Hi", Lang: "english"}),
			[]Diagnostic{vErr("/Response/Say[1]/@lang", "lang", `lang (Lang) must be a language tag such as en-US or es, got "english"`)}},

		{"play url ok", vDoc(&verbs.Play{URL: "https://example.com/a.MP3?x=1", Leg: verbs.LegBoth, Loop: verbs.Some(2)}), nil},
		{"play wav ok", vDoc(&verbs.Play{URL: "http://example.com/a.wav"}), nil},
		{"play neither", vDoc(&verbs.Play{}),
			[]Diagnostic{vErr("/Response/Play[1]", "one-of", "<Play> needs a URL (its text) or a record attribute")}},
		{"play both", vDoc(&verbs.Record{Tag: "r"}, &verbs.Play{URL: "http://x.com/a.mp3", Record: "r"}),
			[]Diagnostic{vErr("/Response/Play[1]", "one-of", "<Play> takes a URL or a record attribute, not both")}},
		{"play url scheme", vDoc(&verbs.Play{URL: "ftp://x.com/a.mp3"}),
			[]Diagnostic{vErr("/Response/Play[1]", "url", `<Play> text must be an absolute http or https URL, got "ftp://x.com/a.mp3"`)}},
		{"play extension", vDoc(&verbs.Play{URL: "http://x.com/a.ogg"}),
			[]Diagnostic{vLint("/Response/Play[1]", "audio-ext", `audio URL "http://x.com/a.ogg" does not end in .mp3 or .wav`)}},
		{"play record earlier", vDoc(&verbs.Record{Tag: "msg"}, &verbs.Play{Record: "msg"}), nil},
		{"play record of container", vDoc(&verbs.Record{Tag: "msg", Commands: []verbs.Command{&verbs.Play{Record: "msg"}}}), nil},
		{"play record of RecordStart", vDoc(&verbs.RecordStart{Tag: "msg"}, &verbs.Play{Record: "msg"}), nil},
		{"play record unknown", vDoc(&verbs.Play{Record: "msg"}, &verbs.Record{Tag: "msg"}),
			[]Diagnostic{vLint("/Response/Play[1]/@record", "record-ref", `record "msg" names no earlier <Record tag="msg">`)}},
		{"play leg", vDoc(&verbs.Play{URL: "http://x.com/a.mp3", Leg: "cleg"}),
			[]Diagnostic{vErr("/Response/Play[1]/@leg", "enum", `leg (Leg) must be one of aleg, bleg, both, got "cleg"`)}},

		{"pause ok", vDoc(&verbs.Pause{Length: verbs.Some[verbs.Millis](0), DTMFStop: "12#*ABCD"}), nil},
		{"pause length", vDoc(&verbs.Pause{Length: verbs.Some[verbs.Millis](-1)}),
			[]Diagnostic{vErr("/Response/Pause[1]/@length", "range", "length (Length) must be at least 0, got -1")}},
		{"pause dtmf_stop", vDoc(&verbs.Pause{DTMFStop: "x"}),
			[]Diagnostic{vErr("/Response/Pause[1]/@dtmf_stop", "dtmf", `dtmf_stop (DTMFStop) must be one or more of the keys 0-9 * # A B C D, got "x"`)}},
		{"answer delay", vDoc(&verbs.Answer{Delay: verbs.Some[verbs.Millis](-5)}),
			[]Diagnostic{vErr("/Response/Answer[1]/@delay", "range", "delay (Delay) must be at least 0, got -5")}},
		{"answer delay zero", vDoc(&verbs.Answer{Delay: verbs.Some[verbs.Millis](0)}), nil},
		{"hold timeout", vDoc(&verbs.Hold{Timeout: verbs.Some[verbs.Millis](-1)}, &verbs.Unhold{}),
			[]Diagnostic{vErr("/Response/Hold[1]/@timeout", "range", "timeout (Timeout) must be at least 0, got -1")}},
		{"record timeout", vDoc(&verbs.Record{Timeout: verbs.Some[verbs.Millis](-1), ASR: verbs.Some(false)}),
			[]Diagnostic{vErr("/Response/Record[1]/@timeout", "range", "timeout (Timeout) must be at least 0, got -1")}},
		{"huge values", vDoc(&verbs.Pause{Length: verbs.Some[verbs.Millis](1 << 62)}, &verbs.Say{Text: "a", Loop: verbs.Some(1 << 62)}), nil},

		{"record stop without start", vDoc(&verbs.RecordStop{Tag: "a"}, &verbs.RecordWait{Tag: "b"}),
			[]Diagnostic{
				vLint("/Response/RecordStop[1]/@tag", "record-ref", `tag "a" matches no <RecordStart> in the document`),
				vLint("/Response/RecordWait[1]/@tag", "record-ref", `tag "b" matches no <RecordStart> in the document`),
			}},
		{"record stop with start anywhere", vDoc(&verbs.RecordWait{Tag: "a"}, &verbs.RecordStop{},
			&verbs.Call{Field: "to", Value: verbs.Some("1"), Commands: []verbs.Command{&verbs.RecordStart{Tag: "a"}}}), nil},

		{"tone ok", vDoc(&verbs.Tone{Hz: []int{1, 440, 20000}, Volume: verbs.Some(0), Loop: verbs.Some(1),
			On: verbs.Some[verbs.Millis](0), Off: verbs.Some[verbs.Millis](0), Timeout: verbs.Some[verbs.Millis](0),
			Leg: verbs.LegA, Children: []verbs.ToneChild{&verbs.Meta{Name: "a", Value: verbs.Some("b")}}}), nil},
		{"tone ranges", vDoc(&verbs.Tone{Hz: []int{0, 20001}, Volume: verbs.Some(1), Loop: verbs.Some(0),
			On: verbs.Some[verbs.Millis](-1), Off: verbs.Some[verbs.Millis](-2), Timeout: verbs.Some[verbs.Millis](-3)}),
			[]Diagnostic{
				vErr("/Response/Tone[1]/@hz", "range", "hz (Hz) must be at least 1, got 0"),
				vErr("/Response/Tone[1]/@hz", "range", "hz (Hz) must be at most 20000, got 20001"),
				vErr("/Response/Tone[1]/@v", "range", "v (Volume) must be at most 0, got 1"),
				vErr("/Response/Tone[1]/@loop", "range", "loop (Loop) must be at least 1, got 0"),
				vErr("/Response/Tone[1]/@don", "range", "don (On) must be at least 0, got -1"),
				vErr("/Response/Tone[1]/@doff", "range", "doff (Off) must be at least 0, got -2"),
				vErr("/Response/Tone[1]/@timeout", "range", "timeout (Timeout) must be at least 0, got -3"),
			}},

		{"meta ok value", vDoc(&verbs.Meta{Name: "a", Value: verbs.Some("")}), nil},
		{"meta ok text", vDoc(&verbs.Meta{Name: "a", Text: verbs.Some("line 1\nline 2")}), nil},
		{"meta name", vDoc(&verbs.Meta{Value: verbs.Some("x")}),
			[]Diagnostic{vErr("/Response/Meta[1]/@name", "required", "name (Name) is required")}},
		{"meta neither", vDoc(&verbs.Meta{Name: "a"}),
			[]Diagnostic{vErr("/Response/Meta[1]", "one-of", "<Meta> needs a value attribute or text content")}},
		{"meta both", vDoc(&verbs.Meta{Name: "a", Value: verbs.Some("x"), Text: verbs.Some("y")}),
			[]Diagnostic{vErr("/Response/Meta[1]", "one-of", "<Meta> takes a value attribute or text content, not both")}},
		{"meta empty text", vDoc(&verbs.Meta{Name: "a", Text: verbs.Some("")}),
			[]Diagnostic{vErr("/Response/Meta[1]", "empty-text", `<Meta> text content is set but empty, which cannot be written and read back; use value=""`)}},
	})
}

func TestCheckConditions(t *testing.T) {
	t.Parallel()
	vRunCases(t, []vRuleCase{
		{"call ok", vDoc(&verbs.Call{Field: verbs.CallFieldFrom, Value: verbs.Some(""), Commands: []verbs.Command{&verbs.Hangup{}}}), nil},
		{"call required", vDoc(&verbs.Call{}),
			[]Diagnostic{
				vErr("/Response/Call[1]/@field", "required", "field (Field) is required"),
				vErr("/Response/Call[1]/@value", "required", "value (Value) is required"),
			}},
		{"call field undocumented", vDoc(&verbs.Call{Field: "caller", Value: verbs.Some("1")}),
			[]Diagnostic{vLint("/Response/Call[1]/@field", "call-field", `field "caller" is not one of the documented fields to and from`)}},

		{"geo ok", vDoc(&verbs.Geo{States: []string{"NY", "NJ", "DC", "PR", "GU", "VI", "AS", "MP"}, County: "ESSEX"}), nil},
		{"geo no attributes", vDoc(&verbs.Geo{}), nil},
		{"geo bad state", vDoc(&verbs.Geo{States: []string{"NY", "XX", ""}}),
			[]Diagnostic{
				vErr("/Response/Geo[1]/@states", "state", `states (States) must be a two-letter USPS state or territory code, got "XX"`),
				vErr("/Response/Geo[1]/@states", "state", `states (States) must be a two-letter USPS state or territory code, got ""`),
			}},
		{"geo duplicate", vDoc(&verbs.Geo{States: []string{"NY", "NJ", "NY", "NY"}}),
			[]Diagnostic{vErr("/Response/Geo[1]/@states", "duplicate", `states (States) lists "NY" more than once`)}},
		{"geo lower case", vDoc(&verbs.Geo{States: []string{"ny"}}),
			[]Diagnostic{vLint("/Response/Geo[1]/@states", "state-case", `state code "ny" should be written in upper case, NY`)}},
		{"geo county alone", vDoc(&verbs.Geo{County: "ESSEX"}),
			[]Diagnostic{vLint("/Response/Geo[1]/@county", "county", "county (County) is set without states (States)")}},

		{"schedule ok", vDoc(&verbs.Schedule{Days: []verbs.Weekday{verbs.Monday, verbs.Friday}, Time: "00:00:00-23:59:59"}), nil},
		{"schedule same start and end", vDoc(&verbs.Schedule{Time: "09:00:00-09:00:00"}), nil},
		{"schedule day", vDoc(&verbs.Schedule{Days: []verbs.Weekday{"Mon"}}),
			[]Diagnostic{vErr("/Response/Schedule[1]/@dow", "enum", `dow (Days) must be one of sun, mon, tue, wed, thu, fri, sat, got "Mon"`)}},
		{"schedule duplicate day", vDoc(&verbs.Schedule{Days: []verbs.Weekday{"sat", "sun", "sat"}}),
			[]Diagnostic{vErr("/Response/Schedule[1]/@dow", "duplicate", `dow (Days) lists "sat" more than once`)}},
		{"schedule bad time", vDoc(&verbs.Schedule{Time: "24:00:00-25:00:00"}),
			[]Diagnostic{vErr("/Response/Schedule[1]/@time", "time", `time (Time) must be a range HH:MM:SS-HH:MM:SS of valid 24-hour clock times, got "24:00:00-25:00:00"`)}},
		{"schedule overnight", vDoc(&verbs.Schedule{Time: "22:00:00-06:00:00"}),
			[]Diagnostic{vLint("/Response/Schedule[1]/@time", "overnight", `time range "22:00:00-06:00:00" ends before it starts, so it spans midnight`)}},

		{"callback ok", vDoc(&verbs.Callback{URL: "https://x.com/f", Method: verbs.MethodPatch, Body: verbs.Some(true),
			Timeout: verbs.Some[verbs.Millis](0), Children: []verbs.CallbackChild{&verbs.Error{}}}), nil},
		{"callback url required", vDoc(&verbs.Callback{}),
			[]Diagnostic{vErr("/Response/Callback[1]/@url", "required", "url (URL) is required")}},
		{"callback url scheme", vDoc(&verbs.Callback{URL: "x.com/f"}),
			[]Diagnostic{vErr("/Response/Callback[1]/@url", "url", `url (URL) must be an absolute http or https URL, got "x.com/f"`)}},
		{"callback method", vDoc(&verbs.Callback{URL: "http://x.com", Method: verbs.MethodPut}),
			[]Diagnostic{vErr("/Response/Callback[1]/@method", "enum", `method (Method) must be one of GET, POST, PATCH, DELETE, got "PUT"`)}},
		{"callback two errors", vDoc(&verbs.Callback{URL: "http://x.com", Children: []verbs.CallbackChild{&verbs.Error{}, &verbs.Comment{Text: "x"}, &verbs.Error{}}}),
			[]Diagnostic{vErr("/Response/Callback[1]/Error[2]", "duplicate", "<Callback> takes at most one <Error>")}},
		{"curl ok", vDoc(&verbs.Curl{URL: "http://x.com", Method: verbs.MethodPut, Children: []verbs.CurlChild{
			&verbs.Meta{Name: "a", Value: verbs.Some("b")}, &verbs.Error{}, &verbs.Meta{Name: "c", Value: verbs.Some("d")}}}), nil},
		{"curl url and errors", vDoc(&verbs.Curl{Timeout: verbs.Some[verbs.Millis](-1), Children: []verbs.CurlChild{&verbs.Error{}, &verbs.Error{}}}),
			[]Diagnostic{
				vErr("/Response/Curl[1]/@url", "required", "url (URL) is required"),
				vErr("/Response/Curl[1]/@timeout", "range", "timeout (Timeout) must be at least 0, got -1"),
				vErr("/Response/Curl[1]/Error[2]", "duplicate", "<Curl> takes at most one <Error>"),
			}},
	})
}

func TestCheckDial(t *testing.T) {
	t.Parallel()
	to := func(d string) *verbs.To { return &verbs.To{Destination: d} }
	vRunCases(t, []vRuleCase{
		{"ok", vDoc(&verbs.Dial{Children: []verbs.DialChild{
			to("sip:user@host.com"), to("sips:user@host.com:5061"), to("support1@sip.opentact.org"), to("+12223334455"),
			&verbs.Comment{Text: "fallback"}, &verbs.Error{}, &verbs.Meta{Name: "a", Value: verbs.Some("b")},
			&verbs.Meta{Name: "c", Value: verbs.Some("d")}}}), nil},
		{"no destination", vDoc(&verbs.Dial{Children: []verbs.DialChild{&verbs.Error{}}}),
			[]Diagnostic{vErr("/Response/Dial[1]", "required", "<Dial> needs at least one destination (<To>)")}},
		{"empty", vDoc(&verbs.Dial{}),
			[]Diagnostic{vErr("/Response/Dial[1]", "required", "<Dial> needs at least one destination (<To>)")}},
		{"bad destinations", vDoc(&verbs.Dial{Children: []verbs.DialChild{to("12345"), to(""), to("sip:host.com")}}),
			[]Diagnostic{
				vErr("/Response/Dial[1]/To[1]", "destination", "<To> text must be "+vDestWant+`, got "12345"`),
				vErr("/Response/Dial[1]/To[2]", "destination", "<To> text must be "+vDestWant+`, got ""`),
				vErr("/Response/Dial[1]/To[3]", "destination", "<To> text must be "+vDestWant+`, got "sip:host.com"`),
			}},
		{"duplicate destination", vDoc(&verbs.Dial{Children: []verbs.DialChild{to("12223334455"), to("12223334456"), to("12223334455")}}),
			[]Diagnostic{vLint("/Response/Dial[1]/To[3]", "duplicate-destination", `destination "12223334455" is already dialled by this <Dial>`)}},
		{"destination after error", vDoc(&verbs.Dial{Children: []verbs.DialChild{&verbs.Error{}, to("12223334455")}}),
			[]Diagnostic{vErr("/Response/Dial[1]/To[1]", "order", "destination <To> must come before <Error> and <Meta>")}},
		{"destination after meta", vDoc(&verbs.Dial{Children: []verbs.DialChild{to("12223334455"), &verbs.Meta{Name: "a", Value: verbs.Some("b")}, to("12223334456")}}),
			[]Diagnostic{vErr("/Response/Dial[1]/To[2]", "order", "destination <To> must come before <Error> and <Meta>")}},
		{"error after meta", vDoc(&verbs.Dial{Children: []verbs.DialChild{to("12223334455"), &verbs.Meta{Name: "a", Value: verbs.Some("b")}, &verbs.Error{}}}),
			[]Diagnostic{vErr("/Response/Dial[1]/Error[1]", "order", "<Error> must come before <Meta>")}},
		{"two errors", vDoc(&verbs.Dial{Children: []verbs.DialChild{to("12223334455"), &verbs.Error{}, &verbs.Error{}}}),
			[]Diagnostic{vErr("/Response/Dial[1]/Error[2]", "duplicate", "<Dial> takes at most one <Error>")}},
		{"legacy", vDoc(&verbs.Dial{Timeout: verbs.Some(30), Record: verbs.RecordFromAnswer, Children: []verbs.DialChild{
			&verbs.Sip{Address: "a@b.com:5060"}, &verbs.Number{Digits: "12223334455"}, &verbs.Number{Digits: "12223334455"}}}),
			[]Diagnostic{
				vLint("/Response/Dial[1]/@timeout", "legacy", "timeout (Timeout) is a legacy attribute"),
				vLint("/Response/Dial[1]/@record", "legacy", "record (Record) is a legacy attribute"),
				vLint("/Response/Dial[1]/Sip[1]", "legacy", "<Sip> is legacy; use <To>"),
				vLint("/Response/Dial[1]/Number[1]", "legacy", "<Number> is legacy; use <To>"),
				vLint("/Response/Dial[1]/Number[2]", "legacy", "<Number> is legacy; use <To>"),
				vLint("/Response/Dial[1]/Number[2]", "duplicate-destination", `destination "12223334455" is already dialled by this <Dial>`),
			}},
		{"legacy forms", vDoc(&verbs.Dial{Children: []verbs.DialChild{&verbs.Sip{Address: "12223334455"}, &verbs.Number{Digits: "sip:a@b.com"},
			&verbs.Sip{Address: "sips:a@b.com:5061"}, &verbs.Number{Digits: "+12223334455"}, &verbs.Number{Digits: "x"}}}),
			[]Diagnostic{
				vLint("/Response/Dial[1]/Sip[1]", "legacy", "<Sip> is legacy; use <To>"),
				vLint("/Response/Dial[1]/Sip[2]", "legacy", "<Sip> is legacy; use <To>"),
				vLint("/Response/Dial[1]/Number[1]", "legacy", "<Number> is legacy; use <To>"),
				vLint("/Response/Dial[1]/Number[2]", "legacy", "<Number> is legacy; use <To>"),
				vLint("/Response/Dial[1]/Number[3]", "legacy", "<Number> is legacy; use <To>"),
				vLint("/Response/Dial[1]/Sip[1]", "destination-form", `<Sip> should hold a SIP address (user@host), got "12223334455"`),
				vLint("/Response/Dial[1]/Number[1]", "destination-form", `<Number> should hold a phone number, got "sip:a@b.com"`),
				vErr("/Response/Dial[1]/Number[3]", "destination", "<Number> text must be "+vDestWant+`, got "x"`),
			}},
		{"legacy values", vDoc(&verbs.Dial{Timeout: verbs.Some(-1), Record: "always", Children: []verbs.DialChild{to("12223334455")}}),
			[]Diagnostic{
				vLint("/Response/Dial[1]/@timeout", "legacy", "timeout (Timeout) is a legacy attribute"),
				vLint("/Response/Dial[1]/@record", "legacy", "record (Record) is a legacy attribute"),
				vErr("/Response/Dial[1]/@timeout", "range", "timeout (Timeout) must be at least 0, got -1"),
				vErr("/Response/Dial[1]/@record", "enum", `record (Record) must be one of record-from-answer, do-not-record, got "always"`),
			}},
	})
}

func TestCheckGather(t *testing.T) {
	t.Parallel()
	dtmf := func(v string) *verbs.DTMF { return &verbs.DTMF{Value: v} }
	gather := func(g verbs.Gather, kids ...verbs.GatherChild) *verbs.Response {
		g.Children = kids
		return vDoc(&verbs.Say{Text: "Press 1"}, &g)
	}
	const g1 = "/Response/Gather[1]"
	vRunCases(t, []vRuleCase{
		{"ok", gather(verbs.Gather{DTMFLength: verbs.Some(1), DTMFStop: "#", URL: "https://x.com/d"},
			dtmf("1"), &verbs.Comment{Text: "two"}, dtmf("2"), &verbs.Default{}, &verbs.Error{}), nil},
		{"url only", gather(verbs.Gather{URL: "https://x.com/d"}), nil},
		{"unused", gather(verbs.Gather{}, &verbs.Default{}),
			[]Diagnostic{vLint(g1, "gather-unused", "<Gather> has neither <DTMF> branches nor a url, so the digits it collects are not used")}},
		{"dtmf after default", gather(verbs.Gather{}, dtmf("1"), &verbs.Default{}, dtmf("2")),
			[]Diagnostic{vErr(g1+"/DTMF[2]", "order", "<DTMF> must come before <Default> and <Error>")}},
		{"dtmf after error", gather(verbs.Gather{}, &verbs.Error{}, dtmf("2")),
			[]Diagnostic{vErr(g1+"/DTMF[1]", "order", "<DTMF> must come before <Default> and <Error>")}},
		{"default after error", gather(verbs.Gather{}, dtmf("1"), &verbs.Error{}, &verbs.Default{}),
			[]Diagnostic{vErr(g1+"/Default[1]", "order", "<Default> must come before <Error>")}},
		{"two defaults", gather(verbs.Gather{}, dtmf("1"), &verbs.Default{}, &verbs.Default{}),
			[]Diagnostic{vErr(g1+"/Default[2]", "duplicate", "<Gather> takes at most one <Default>")}},
		{"two errors", gather(verbs.Gather{}, dtmf("1"), &verbs.Error{}, &verbs.Error{}),
			[]Diagnostic{vErr(g1+"/Error[2]", "duplicate", "<Gather> takes at most one <Error>")}},
		{"duplicate value", gather(verbs.Gather{}, dtmf("1"), dtmf("2"), dtmf("1")),
			[]Diagnostic{vErr(g1+"/DTMF[3]", "duplicate", `value "1" is already used by an earlier <DTMF> of this <Gather>`)}},
		{"value length", gather(verbs.Gather{DTMFLength: verbs.Some(2)}, dtmf("12"), dtmf("3")),
			[]Diagnostic{vLint(g1+"/DTMF[2]/@value", "dtmf-length", `value "3" has 1 keys but dtmf_length is 2`)}},
		{"value rules", gather(verbs.Gather{}, dtmf(""), dtmf("1A")),
			[]Diagnostic{
				vErr(g1+"/DTMF[1]/@value", "required", "value (Value) is required"),
				vErr(g1+"/DTMF[2]/@value", "dtmf", `value (Value) must be one or more of the keys 0-9 * #, got "1A"`),
			}},
		{"attribute rules", gather(verbs.Gather{DTMFLength: verbs.Some(0), DTMFStop: "##", URL: "mailto:a@b.com"}, dtmf("1")),
			[]Diagnostic{
				vErr(g1+"/@dtmf_length", "range", "dtmf_length (DTMFLength) must be at least 1, got 0"),
				vErr(g1+"/@dtmf_stop", "dtmf", `dtmf_stop (DTMFStop) must be one of the keys 0-9 * # A B C D, got "##"`),
				vErr(g1+"/@url", "url", `url (URL) must be an absolute http or https URL, got "mailto:a@b.com"`),
			}},
		{"nested gather paths", vDoc(&verbs.Gather{Children: []verbs.GatherChild{dtmf("1"), &verbs.DTMF{Value: "2", Commands: []verbs.Command{
			&verbs.Say{Text: "sub"}, &verbs.Gather{Children: []verbs.GatherChild{dtmf("1"), dtmf("1")}}}}}}),
			[]Diagnostic{vErr("/Response/Gather[1]/DTMF[2]/Gather[1]/DTMF[2]", "duplicate", `value "1" is already used by an earlier <DTMF> of this <Gather>`)}},
	})
}

func TestCheckLegacyGather(t *testing.T) {
	t.Parallel()
	const g1 = "/Response/Gather[1]"
	sw := func(kids ...verbs.SwitchChild) *verbs.Switch { return &verbs.Switch{Children: kids} }
	cs := func(d string) *verbs.Case { return &verbs.Case{DTMF: d} }
	legacySwitch := vLint(g1+"/Switch[1]", "legacy", "<Switch> is legacy; put <DTMF> branches directly in the <Gather>")
	legacyCase := func(p string) Diagnostic { return vLint(p, "legacy", `<Case> is legacy; use <DTMF value="…">`) }
	vRunCases(t, []vRuleCase{
		{"legacy attributes", vDoc(&verbs.Gather{NumDigits: verbs.Some(1), Attempts: verbs.Some(3), Timeout: verbs.Some[verbs.Millis](5000),
			FinishOnKey: "#", Callback: "https://x.com/g", Method: verbs.MethodGet}),
			[]Diagnostic{
				vLint(g1+"/@numDigits", "legacy", "numDigits (NumDigits) is a legacy attribute; use dtmf_length (DTMFLength)"),
				vLint(g1+"/@attempts", "legacy", "attempts (Attempts) is a legacy attribute"),
				vLint(g1+"/@timeout", "legacy", "timeout (Timeout) is a legacy attribute"),
				vLint(g1+"/@finishOnKey", "legacy", "finishOnKey (FinishOnKey) is a legacy attribute; use dtmf_stop (DTMFStop)"),
				vLint(g1+"/@callback", "legacy", "callback (Callback) is a legacy attribute; use url (URL)"),
				vLint(g1+"/@method", "legacy", "method (Method) is a legacy attribute"),
			}},
		{"legacy attribute values", vDoc(&verbs.Gather{URL: "http://x.com", NumDigits: verbs.Some(0), Attempts: verbs.Some(0),
			Timeout: verbs.Some[verbs.Millis](-1), FinishOnKey: "x", Callback: "x", Method: verbs.MethodPut}),
			[]Diagnostic{
				vLint(g1, "legacy-mix", "<Gather> mixes legacy attributes (numDigits, attempts, timeout, finishOnKey, callback, method) with current ones (url)"),
				vLint(g1+"/@numDigits", "legacy", "numDigits (NumDigits) is a legacy attribute; use dtmf_length (DTMFLength)"),
				vLint(g1+"/@attempts", "legacy", "attempts (Attempts) is a legacy attribute"),
				vLint(g1+"/@timeout", "legacy", "timeout (Timeout) is a legacy attribute"),
				vLint(g1+"/@finishOnKey", "legacy", "finishOnKey (FinishOnKey) is a legacy attribute; use dtmf_stop (DTMFStop)"),
				vLint(g1+"/@callback", "legacy", "callback (Callback) is a legacy attribute; use url (URL)"),
				vLint(g1+"/@method", "legacy", "method (Method) is a legacy attribute"),
				vErr(g1+"/@numDigits", "range", "numDigits (NumDigits) must be at least 1, got 0"),
				vErr(g1+"/@attempts", "range", "attempts (Attempts) must be at least 1, got 0"),
				vErr(g1+"/@timeout", "range", "timeout (Timeout) must be at least 0, got -1"),
				vErr(g1+"/@finishOnKey", "dtmf", `finishOnKey (FinishOnKey) must be one of the keys 0-9 * # A B C D, got "x"`),
				vErr(g1+"/@callback", "url", `callback (Callback) must be an absolute http or https URL, got "x"`),
				vErr(g1+"/@method", "enum", `method (Method) must be one of GET, POST, got "PUT"`),
			}},
		{"mixed attributes", vDoc(&verbs.Gather{DTMFLength: verbs.Some(1), NumDigits: verbs.Some(1), URL: "http://x.com"}),
			[]Diagnostic{
				vLint(g1, "legacy-mix", "<Gather> mixes legacy attributes (numDigits) with current ones (dtmf_length, url)"),
				vLint(g1+"/@numDigits", "legacy", "numDigits (NumDigits) is a legacy attribute; use dtmf_length (DTMFLength)"),
			}},
		{"legacy content", vDoc(&verbs.Gather{Children: []verbs.GatherChild{&verbs.Say{Text: "Press 1"}, &verbs.Pause{},
			sw(cs("1"), cs("2"), &verbs.Default{}, &verbs.Error{})}}),
			[]Diagnostic{
				vLint(g1+"/Say[1]", "legacy", "a prompt inside <Gather> is legacy; put the <Say> before the <Gather>"),
				vLint(g1+"/Pause[1]", "legacy", "a prompt inside <Gather> is legacy; put the <Pause> before the <Gather>"),
				legacySwitch, legacyCase(g1 + "/Switch[1]/Case[1]"), legacyCase(g1 + "/Switch[1]/Case[2]"),
			}},
		{"prompt after switch", vDoc(&verbs.Gather{Children: []verbs.GatherChild{sw(cs("1")), &verbs.Play{URL: "http://x.com/a.mp3"}}}),
			[]Diagnostic{
				legacySwitch, legacyCase(g1 + "/Switch[1]/Case[1]"),
				vLint(g1+"/Play[1]", "legacy", "a prompt inside <Gather> is legacy; put the <Play> before the <Gather>"),
				vErr(g1+"/Play[1]", "order", "prompt <Play> must come before the <Switch>"),
			}},
		{"two switches", vDoc(&verbs.Gather{Children: []verbs.GatherChild{sw(cs("1")), sw()}}),
			[]Diagnostic{
				legacySwitch, legacyCase(g1 + "/Switch[1]/Case[1]"),
				vLint(g1+"/Switch[2]", "legacy", "<Switch> is legacy; put <DTMF> branches directly in the <Gather>"),
				vErr(g1+"/Switch[2]", "duplicate", "<Gather> takes at most one <Switch>"),
			}},
		{"switch without case", vDoc(&verbs.Gather{Children: []verbs.GatherChild{sw(&verbs.Default{})}}),
			[]Diagnostic{
				legacySwitch,
				vLint(g1, "gather-unused", "<Gather> has neither <DTMF> branches nor a url, so the digits it collects are not used"),
			}},
		{"mixed content", vDoc(&verbs.Gather{Children: []verbs.GatherChild{sw(cs("1")), &verbs.DTMF{Value: "2"}}}),
			[]Diagnostic{
				legacySwitch, legacyCase(g1 + "/Switch[1]/Case[1]"),
				vLint(g1, "legacy-mix", "<Gather> mixes legacy content (prompts, <Switch>) with <DTMF> and <Default> branches"),
			}},
		{"switch order", vDoc(&verbs.Gather{Children: []verbs.GatherChild{sw(&verbs.Error{}, cs("1"), &verbs.Default{}, &verbs.Error{}, &verbs.Default{}, cs("1"), cs("*A"), cs(""))}}),
			[]Diagnostic{
				legacySwitch,
				legacyCase(g1 + "/Switch[1]/Case[1]"), legacyCase(g1 + "/Switch[1]/Case[2]"),
				legacyCase(g1 + "/Switch[1]/Case[3]"), legacyCase(g1 + "/Switch[1]/Case[4]"),
				vErr(g1+"/Switch[1]/Case[1]", "order", "<Case> must come before <Default> and <Error>"),
				vErr(g1+"/Switch[1]/Case[2]", "order", "<Case> must come before <Default> and <Error>"),
				vErr(g1+"/Switch[1]/Case[2]", "duplicate", `dtmf "1" is already used by an earlier <Case> of this <Switch>`),
				vErr(g1+"/Switch[1]/Case[3]", "order", "<Case> must come before <Default> and <Error>"),
				vErr(g1+"/Switch[1]/Case[4]", "order", "<Case> must come before <Default> and <Error>"),
				vErr(g1+"/Switch[1]/Case[4]/@dtmf", "required", "dtmf (DTMF) is required"),
				vErr(g1+"/Switch[1]/Default[1]", "order", "<Default> must come before <Error>"),
				vErr(g1+"/Switch[1]/Error[2]", "duplicate", "<Switch> takes at most one <Error>"),
				vErr(g1+"/Switch[1]/Default[2]", "duplicate", "<Switch> takes at most one <Default>"),
			}},
	})
}

func TestCheckCommandLists(t *testing.T) {
	t.Parallel()
	errorFirst := "<Error> is first in its list, so there is no command before it whose failure it could handle"
	vRunCases(t, []vRuleCase{
		{"error after command", vDoc(&verbs.Play{URL: "http://x.com/a.mp3"}, &verbs.Error{Play: verbs.Some(true)}), nil},
		{"error first", vDoc(&verbs.Error{}),
			[]Diagnostic{vLint("/Response/Error[1]", "error-first", errorFirst)}},
		{"error first after comment", vDoc(&verbs.Comment{Text: "c"}, &verbs.Error{}, &verbs.Error{}),
			[]Diagnostic{vLint("/Response/Error[1]", "error-first", errorFirst)}},
		{"error first in branch", vDoc(&verbs.Gather{URL: "http://x.com", Children: []verbs.GatherChild{
			&verbs.DTMF{Value: "1", Commands: []verbs.Command{&verbs.Error{}}}}}),
			[]Diagnostic{vLint("/Response/Gather[1]/DTMF[1]/Error[1]", "error-first", errorFirst)}},
		{"hangup last", vDoc(&verbs.Say{Text: "Bye"}, &verbs.Hangup{Tag: "CallEndedByUser"}, &verbs.Comment{Text: "end"}), nil},
		{"after hangup", vDoc(&verbs.Hangup{}, &verbs.Comment{Text: "c"}, &verbs.Say{Text: "a"}, &verbs.Say{Text: "b"}),
			[]Diagnostic{vLint("/Response/Say[1]", "unreachable", "commands after <Hangup> never run")}},
		{"error and meta after hangup", vDoc(&verbs.Hangup{}, &verbs.Error{}, &verbs.Meta{Name: "a", Value: verbs.Some("b")}), nil},
		{"command after error after hangup", vDoc(&verbs.Hangup{}, &verbs.Error{}, &verbs.Pause{}),
			[]Diagnostic{vLint("/Response/Pause[1]", "unreachable", "commands after <Hangup> never run")}},
		{"after hangup in branch", vDoc(&verbs.Schedule{Commands: []verbs.Command{&verbs.Hangup{}, &verbs.Hangup{}}}),
			[]Diagnostic{vLint("/Response/Schedule[1]/Hangup[2]", "unreachable", "commands after <Hangup> never run")}},
	})
}

func TestCheckText(t *testing.T) {
	t.Parallel()
	vRunCases(t, []vRuleCase{
		{"allowed characters", vDoc(&verbs.Say{Text: "tab\there\r\nnew line \uFFFD \u007f é 😀", Tag: "a&b<c>\"d\""},
			&verbs.Comment{Text: " a - b "}), nil},
		{"control character in text", vDoc(&verbs.Say{Text: "ab\x00c"}),
			[]Diagnostic{vErr("/Response/Say[1]", "xml-char", "<Say> text contains the character U+0000, which XML forbids, at byte offset 2")}},
		{"invalid UTF-8 in attribute", vDoc(&verbs.Hangup{Tag: "ok\xffno"}),
			[]Diagnostic{vErr("/Response/Hangup[1]/@tag", "xml-char", "tag (Tag) contains invalid UTF-8 at byte offset 2")}},
		{"surrogate", vDoc(&verbs.Say{Text: "a\xed\xa0\x80"}),
			[]Diagnostic{vErr("/Response/Say[1]", "xml-char", "<Say> text contains invalid UTF-8 at byte offset 1")}},
		{"noncharacter", vDoc(&verbs.Meta{Name: "n", Value: verbs.Some("é\uFFFE")}),
			[]Diagnostic{vErr("/Response/Meta[1]/@value", "xml-char", "value (Value) contains the character U+FFFE, which XML forbids, at byte offset 2")}},
		{"list attribute", vDoc(&verbs.Geo{States: []string{"NY", "N\x01"}}),
			[]Diagnostic{
				vErr("/Response/Geo[1]/@states", "xml-char", "states (States) contains the character U+0001, which XML forbids, at byte offset 4"),
				vErr("/Response/Geo[1]/@states", "state", `states (States) must be a two-letter USPS state or territory code, got "N\x01"`),
			}},
		{"comment", vDoc(&verbs.Say{Text: "a"}, &verbs.Comment{Text: "x\x1by"}),
			[]Diagnostic{vErr("/Response/comment()[1]", "xml-char", "comment contains the character U+001B, which XML forbids, at byte offset 1")}},
		{"comment double hyphen", vDoc(&verbs.Comment{Text: "a"}, &verbs.Say{Text: "a"}, &verbs.Comment{Text: "a -- b"}),
			[]Diagnostic{vErr("/Response/comment()[2]", "comment", `comment must not contain "--"`)}},
		{"comment trailing hyphen", vDoc(&verbs.Gather{URL: "http://x.com", Children: []verbs.GatherChild{&verbs.Comment{Text: "press 1 -"}}}),
			[]Diagnostic{vErr("/Response/Gather[1]/comment()[1]", "comment", `comment must not end in "-"`)}},
		{"comment carriage return", vDoc(&verbs.Say{Text: "a"}, &verbs.Comment{Text: "line 1\r\nline 2"}),
			[]Diagnostic{vErr("/Response/comment()[1]", "comment", "comment must not contain a carriage return (XML parsers read it as a line feed)")}},
		{"extra attribute value", vDoc(&verbs.Hangup{Extra: []verbs.Attr{{Name: "x-note", Value: "\x02"}}}),
			[]Diagnostic{vErr("/Response/Hangup[1]/@x-note", "xml-char", "attribute x-note contains the character U+0002, which XML forbids, at byte offset 0")}},
		{"raw text and attribute", vDoc(&verbs.RawElement{Name: "Future", Attrs: []verbs.Attr{{Name: "a", Value: "\xc3"}},
			Children: []verbs.RawChild{&verbs.RawText{Text: "ok"}, &verbs.RawElement{Name: "Sub"}, &verbs.RawText{Text: "\x7f\x08"}}}),
			[]Diagnostic{
				vErr("/Response/Future[1]/@a", "xml-char", "attribute a contains invalid UTF-8 at byte offset 0"),
				vErr("/Response/Future[1]/text()[2]", "xml-char", "text contains the character U+0008, which XML forbids, at byte offset 1"),
			}},
	})
}

func TestCheckExtraAndRaw(t *testing.T) {
	t.Parallel()
	vRunCases(t, []vRuleCase{
		{"extra ok", vDoc(&verbs.Say{Text: "a", Extra: []verbs.Attr{{Name: "voice-speed", Value: "2"}, {Name: "x:y", Value: ""}}}), nil},
		{"extra repeats attribute", vDoc(&verbs.Say{Text: "a", Extra: []verbs.Attr{{Name: "loop", Value: "2"}}}),
			[]Diagnostic{vErr("/Response/Say[1]/@loop", "extra-attr", "extra attribute loop repeats an attribute <Say> models; set it through its field")}},
		{"extra repeats legacy attribute", vDoc(&verbs.Gather{URL: "http://x.com", Extra: []verbs.Attr{{Name: "numDigits", Value: "2"}}}),
			[]Diagnostic{vErr("/Response/Gather[1]/@numDigits", "extra-attr", "extra attribute numDigits repeats an attribute <Gather> models; set it through its field")}},
		{"extra repeats text alias", vDoc(&verbs.Say{Text: "a", Extra: []verbs.Attr{{Name: "text", Value: "b"}}}),
			[]Diagnostic{vErr("/Response/Say[1]/@text", "extra-attr", "extra attribute text is an alias of the text content of <Say>; set the text instead")}},
		{"extra bad name", vDoc(&verbs.Hangup{Extra: []verbs.Attr{{Name: "1a"}, {Name: ""}, {Name: "a b"}}}),
			[]Diagnostic{
				vErr("/Response/Hangup[1]/@1a", "attr-name", `attribute name "1a" is not a valid XML name`),
				vErr("/Response/Hangup[1]/@", "attr-name", `attribute name "" is not a valid XML name`),
				vErr("/Response/Hangup[1]/@a b", "attr-name", `attribute name "a b" is not a valid XML name`),
			}},
		{"extra repeated", vDoc(&verbs.Hangup{Extra: []verbs.Attr{{Name: "a"}, {Name: "b"}, {Name: "a"}}}),
			[]Diagnostic{vErr("/Response/Hangup[1]/@a", "duplicate", "attribute a is repeated")}},
		{"root attributes", &verbs.Response{Extra: []verbs.Attr{{Name: "xmlns", Value: "urn:x"}}},
			[]Diagnostic{vErr("/Response/@xmlns", "root-attr", "<Response> takes no attributes, got xmlns")}},
		{"raw ok", vDoc(&verbs.RawElement{Name: "Transfer", Attrs: []verbs.Attr{{Name: "to", Value: "x"}},
			Children: []verbs.RawChild{&verbs.Comment{Text: "c"}, &verbs.RawElement{Name: "Transfer"}}}), nil},
		{"raw bad name", vDoc(&verbs.RawElement{Name: "1st"}),
			[]Diagnostic{vErr("/Response/1st[1]", "element-name", `element name "1st" is not a valid XML name`)}},
		{"raw empty name", vDoc(&verbs.RawElement{}),
			[]Diagnostic{vErr("/Response/*[1]", "element-name", `element name "" is not a valid XML name`)}},
		{"raw known name", vDoc(&verbs.Say{Text: "a"}, &verbs.RawElement{Name: "Say"}),
			[]Diagnostic{vErr("/Response/Say[2]", "element-name", "raw element <Say> is <Say> of the language; use its verbs type")}},
		{"raw known name inside raw", vDoc(&verbs.RawElement{Name: "Bar", Children: []verbs.RawChild{
			&verbs.RawElement{Name: "Say", Children: []verbs.RawChild{&verbs.RawElement{Name: "Hangup"}}}}}), nil},
		{"raw known name below a typed element", vDoc(&verbs.Gather{URL: "https://ivr.example.com/menu", Children: []verbs.GatherChild{&verbs.RawElement{Name: "DTMF"}}}),
			[]Diagnostic{vErr("/Response/Gather[1]/DTMF[1]", "element-name", "raw element <DTMF> is <DTMF> of the language; use its verbs type")}},
		{"raw alias name", vDoc(&verbs.RawElement{Name: "Scheduler"}),
			[]Diagnostic{vErr("/Response/Scheduler[1]", "element-name", "raw element <Scheduler> is <Schedule> of the language; use its verbs type")}},
		{"raw attributes", vDoc(&verbs.RawElement{Name: "X", Attrs: []verbs.Attr{{Name: "a"}, {Name: "a"}, {Name: "-"}}}),
			[]Diagnostic{
				vErr("/Response/X[1]/@a", "duplicate", "attribute a is repeated"),
				vErr("/Response/X[1]/@-", "attr-name", `attribute name "-" is not a valid XML name`),
			}},
		{"raw commands count", vDoc(&verbs.Hangup{}, &verbs.RawElement{Name: "X"}),
			[]Diagnostic{vLint("/Response/X[1]", "unreachable", "commands after <Hangup> never run")}},
	})
}

func TestCheckAliasExtra(t *testing.T) {
	t.Parallel()
	cases := []struct {
		node verbs.Command
		path string
		msg  string
	}{
		{&verbs.Gather{URL: "http://x.com", Extra: []verbs.Attr{{Name: "length"}}}, "/Response/Gather[1]/@length",
			"extra attribute length is an alias of dtmf_length, which <Gather> models; set it through its field"},
		{&verbs.Tone{Extra: []verbs.Attr{{Name: "volume"}}}, "/Response/Tone[1]/@volume",
			"extra attribute volume is an alias of v, which <Tone> models; set it through its field"},
		{&verbs.Play{URL: "http://x.com/a.mp3", Extra: []verbs.Attr{{Name: "url"}}}, "/Response/Play[1]/@url",
			"extra attribute url is an alias of the text content of <Play>; set the text instead"},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			t.Parallel()
			got := Check(vDoc(&verbs.Say{Text: "x"}, tc.node))
			want := []Diagnostic{vErr(tc.path, "extra-attr", tc.msg)}
			if diff := cmp.Diff(want, []Diagnostic(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestCheckMessagesNameAttributes guards the format of messages about a
// modelled attribute: they start with its XML name and, in parentheses,
// the Go name of its field and builder option, which the builder's
// messages share; the path names the XML attribute alone.
func TestCheckMessagesNameAttributes(t *testing.T) {
	t.Parallel()
	r := vDoc(&verbs.Gather{DTMFLength: verbs.Some(0), DTMFStop: "x", FinishOnKey: "y", NumDigits: verbs.Some(0)},
		&verbs.Tone{On: verbs.Some[verbs.Millis](-1), Off: verbs.Some[verbs.Millis](-1), Volume: verbs.Some(9)},
		&verbs.Schedule{Days: []verbs.Weekday{"x"}}, &verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "x"}}})
	want := map[string]string{
		"/Response/Gather[1]/@dtmf_length": "dtmf_length (DTMFLength) must be at least 1, got 0",
		"/Response/Gather[1]/@dtmf_stop":   `dtmf_stop (DTMFStop) must be one of the keys 0-9 * # A B C D, got "x"`,
		"/Response/Tone[1]/@don":           "don (On) must be at least 0, got -1",
		"/Response/Tone[1]/@doff":          "doff (Off) must be at least 0, got -1",
		"/Response/Tone[1]/@v":             "v (Volume) must be at most 0, got 9",
		"/Response/Schedule[1]/@dow":       `dow (Days) must be one of sun, mon, tue, wed, thu, fri, sat, got "x"`,
	}
	got := map[string]string{}
	for _, d := range Check(r) {
		if d.Severity == SeverityError && strings.Contains(d.Path, "/@") {
			got[d.Path] = d.Message
		}
		if strings.Contains(d.Message, "Key:") || strings.Contains(d.Message, "Destination") {
			t.Errorf("%s: message leaks the validator's wording", d)
		}
	}
	for path, msg := range want {
		if got[path] != msg {
			t.Errorf("%s: message %q, want %q", path, got[path], msg)
		}
	}
}
