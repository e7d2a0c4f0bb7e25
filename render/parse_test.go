package render

import (
	"errors"
	"io"
	"math"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/opentact-go/opentact/verbs"
)

const xmlDecl = `<?xml version="1.0" encoding="UTF-8"?>`

// pdoc returns a document holding commands.
func pdoc(commands ...verbs.Command) *verbs.Response {
	return &verbs.Response{Commands: commands}
}

// parseTests are documents the parser accepts, with the value each one
// reads as. Aliases, layout and trimming are covered here; the writer's
// table (verbTests) covers every canonical form.
var parseTests = []struct {
	name string
	xml  string
	want *verbs.Response
}{
	{"empty root", `<Response/>`, pdoc()},
	{"declaration", xmlDecl + "\n<Response></Response>\n", pdoc()},
	{"byte-order mark", "\uFEFF" + xmlDecl + `<Response/>`, pdoc()},
	{"byte-order mark without declaration", "\uFEFF<Response/>", pdoc()},
	{"lowercase declaration encoding", `<?xml version="1.0" encoding="utf-8"?><Response/>`, pdoc()},
	{"single-quoted declaration", `<?xml version='1.0' encoding='UTF-8' standalone='yes'?><Response/>`, pdoc()},
	{"layout dropped",
		"<Response>\n\t<Hangup>\n  </Hangup>\r\n</Response>",
		pdoc(&verbs.Hangup{})},
	{"say text kept exactly",
		"<Response><Say>\n  Hello &amp; welcome  \n</Say></Response>",
		pdoc(&verbs.Say{Text: "\n  Hello & welcome  \n"})},
	{"say text attribute",
		`<Response><Say text="Hi there!"/></Response>`,
		pdoc(&verbs.Say{Text: "Hi there!"})},
	{"say text attribute with layout content",
		"<Response><Say text=\"Hi\">\n</Say></Response>",
		pdoc(&verbs.Say{Text: "Hi"})},
	{"say attributes",
		`<Response><Say type="WaveNet" gender="MALE" code="en-US-Wavenet-A" lang="en-US" loop="2" tag="t">x</Say></Response>`,
		pdoc(&verbs.Say{Text: "x", Type: verbs.WaveNet, Gender: verbs.Male, Code: "en-US-Wavenet-A", Lang: "en-US", Loop: verbs.Some(2), Tag: "t"})},
	{"cdata and character references",
		`<Response><Say><![CDATA[a < b]]> &#169;&#x41;</Say></Response>`,
		pdoc(&verbs.Say{Text: "a < b ©A"})},
	{"carriage return reference kept, line ends normalised",
		"<Response><Say>a\r\nb&#xD;</Say></Response>",
		pdoc(&verbs.Say{Text: "a\nb\r"})},
	{"play url trimmed",
		"<Response><Play loop=\"3\" leg=\"aleg\">\n  https://example.com/a.mp3\n</Play></Response>",
		pdoc(&verbs.Play{URL: "https://example.com/a.mp3", Loop: verbs.Some(3), Leg: verbs.LegA})},
	{"play url attribute, trimmed like text",
		`<Response><Play url=" https://example.com/a.wav&#xA;"/></Response>`,
		pdoc(&verbs.Play{URL: "https://example.com/a.wav"})},
	{"play record",
		`<Response><Record tag="name1"/><Play record="name1"/></Response>`,
		pdoc(&verbs.Record{Tag: "name1"}, &verbs.Play{Record: "name1"})},
	{"zero values kept",
		`<Response><Answer delay="0"/><Record asr="false" timeout="0"/><Pause length="0"/><Hold timeout="0"/></Response>`,
		pdoc(&verbs.Answer{Delay: verbs.Some[verbs.Millis](0)},
			&verbs.Record{ASR: verbs.Some(false), Timeout: verbs.Some[verbs.Millis](0)},
			&verbs.Pause{Length: verbs.Some[verbs.Millis](0)},
			&verbs.Hold{Timeout: verbs.Some[verbs.Millis](0)})},
	{"pause",
		`<Response><Pause length="60000" dtmf_stop="#" tag="p"/></Response>`,
		pdoc(&verbs.Pause{Length: verbs.Some[verbs.Millis](60000), DTMFStop: "#", Tag: "p"})},
	{"record container",
		"<Response><Record asr=\"true\">\n  <!-- wait -->\n  <Pause length=\"60000\" dtmf_stop=\"#\"/>\n</Record></Response>",
		pdoc(&verbs.Record{ASR: verbs.Some(true), Commands: []verbs.Command{
			&verbs.Comment{Text: " wait "},
			&verbs.Pause{Length: verbs.Some[verbs.Millis](60000), DTMFStop: "#"},
		}})},
	{"record start stop wait",
		`<Response><RecordStart tag="r"/><RecordWait tag="r"/><RecordStop tag="r"/></Response>`,
		pdoc(&verbs.RecordStart{Tag: "r"}, &verbs.RecordWait{Tag: "r"}, &verbs.RecordStop{Tag: "r"})},
	{"dial with destinations trimmed, error and meta",
		"<Response><Dial tag=\"d\">\n <To> sip:user@example.com </To>\n <To>12223334455</To>\n <Error><Hangup/></Error>\n <Meta name=\"k\" value=\"v\"/>\n</Dial></Response>",
		pdoc(&verbs.Dial{Tag: "d", Children: []verbs.DialChild{
			&verbs.To{Destination: "sip:user@example.com"},
			&verbs.To{Destination: "12223334455"},
			&verbs.Error{Commands: []verbs.Command{&verbs.Hangup{}}},
			&verbs.Meta{Name: "k", Value: verbs.Some("v")},
		}})},
	{"gather length alias",
		`<Response><Gather length="4" dtmf_stop="#" url="http://h/p?a=1&amp;b=2"><Error/></Gather></Response>`,
		pdoc(&verbs.Gather{DTMFLength: verbs.Some(4), DTMFStop: "#", URL: "http://h/p?a=1&b=2",
			Children: []verbs.GatherChild{&verbs.Error{}}})},
	{"gather branches",
		`<Response><Gather dtmf_length="1" tag="menu"><DTMF value="1"><Say>one</Say></DTMF><!-- x --><Default tag="d"><Hangup/></Default><Error play="true"/></Gather></Response>`,
		pdoc(&verbs.Gather{DTMFLength: verbs.Some(1), Tag: "menu", Children: []verbs.GatherChild{
			&verbs.DTMF{Value: "1", Commands: []verbs.Command{&verbs.Say{Text: "one"}}},
			&verbs.Comment{Text: " x "},
			&verbs.Default{Tag: "d", Commands: []verbs.Command{&verbs.Hangup{}}},
			&verbs.Error{Play: verbs.Some(true)},
		}})},
	{"error say alias",
		`<Response><Error say="false" tag="e"/></Response>`,
		pdoc(&verbs.Error{Play: verbs.Some(false), Tag: "e"})},
	{"callback lowercase with url text",
		"<Response>\n  <callback> http://yourcallbackurl.com </callback>\n</Response>",
		pdoc(&verbs.Callback{URL: "http://yourcallbackurl.com"})},
	{"callback lowercase method",
		`<Response><Callback method="post" url="https://h/cb" body="true" timeout="5000" tag="c"><Error><Say>x</Say></Error></Callback></Response>`,
		pdoc(&verbs.Callback{URL: "https://h/cb", Method: verbs.MethodPost, Body: verbs.Some(true), Timeout: verbs.Some[verbs.Millis](5000), Tag: "c",
			Children: []verbs.CallbackChild{&verbs.Error{Commands: []verbs.Command{&verbs.Say{Text: "x"}}}}})},
	{"curl",
		`<Response><Curl url="https://h/x" method="put" timeout="100"><Meta name="a">b</Meta><Error/></Curl></Response>`,
		pdoc(&verbs.Curl{URL: "https://h/x", Method: verbs.MethodPut, Timeout: verbs.Some[verbs.Millis](100),
			Children: []verbs.CurlChild{&verbs.Meta{Name: "a", Text: verbs.Some("b")}, &verbs.Error{}}})},
	{"call with empty value",
		`<Response><Call field="to" value=""><Hangup/></Call></Response>`,
		pdoc(&verbs.Call{Field: "to", Value: verbs.Some(""), Commands: []verbs.Command{&verbs.Hangup{}}})},
	{"geo lists",
		`<Response><Geo states="NJ,CA" county="ESSEX"/><Geo/></Response>`,
		pdoc(&verbs.Geo{States: []string{"NJ", "CA"}, County: "ESSEX"}, &verbs.Geo{})},
	{"scheduler alias",
		`<Response><Scheduler dow="mon,tue" time="09:00:00-17:00:00"><Say>open</Say></Scheduler></Response>`,
		pdoc(&verbs.Schedule{Days: []verbs.Weekday{verbs.Monday, verbs.Tuesday}, Time: "09:00:00-17:00:00",
			Commands: []verbs.Command{&verbs.Say{Text: "open"}}})},
	{"tone with negative volume and meta",
		`<Response><Tone hz="350,440" don="1000" doff="500" v="-70" loop="2" timeout="30000" leg="both" tag="t"><Meta name="category" value="music"/></Tone></Response>`,
		pdoc(&verbs.Tone{Hz: []int{350, 440}, On: verbs.Some[verbs.Millis](1000), Off: verbs.Some[verbs.Millis](500),
			Volume: verbs.Some(-70), Loop: verbs.Some(2), Timeout: verbs.Some[verbs.Millis](30000), Leg: verbs.LegBoth, Tag: "t",
			Children: []verbs.ToneChild{&verbs.Meta{Name: "category", Value: verbs.Some("music")}}})},
	{"tone volume alias",
		`<Response><Tone volume="0"/></Response>`,
		pdoc(&verbs.Tone{Volume: verbs.Some(0)})},
	{"meta text kept exactly",
		"<Response><Meta name=\"description\">\n  line 1\n  line 2\n</Meta></Response>",
		pdoc(&verbs.Meta{Name: "description", Text: verbs.Some("\n  line 1\n  line 2\n")})},
	{"meta value with new line in attribute",
		`<Response><Meta name="n" value="a&#xA;b&#x9;c"/></Response>`,
		pdoc(&verbs.Meta{Name: "n", Value: verbs.Some("a\nb\tc")})},
	{"hold unhold",
		`<Response><Hold timeout="300000" tag="h"/><Unhold tag="u"/></Response>`,
		pdoc(&verbs.Hold{Timeout: verbs.Some[verbs.Millis](300000), Tag: "h"}, &verbs.Unhold{Tag: "u"})},
	{"legacy gather",
		`<Response><Gather numDigits="1" attempts="2" timeout="10000" finishOnKey="*" callback="https://h/g" method="get">` +
			`<Say>menu</Say><Play>https://h/a.mp3</Play><Pause/>` +
			`<Switch><Case dtmf="1"><Hangup/></Case><Default/><Error/></Switch></Gather></Response>`,
		pdoc(&verbs.Gather{NumDigits: verbs.Some(1), Attempts: verbs.Some(2), Timeout: verbs.Some[verbs.Millis](10000),
			FinishOnKey: "*", Callback: "https://h/g", Method: verbs.MethodGet,
			Children: []verbs.GatherChild{
				&verbs.Say{Text: "menu"}, &verbs.Play{URL: "https://h/a.mp3"}, &verbs.Pause{},
				&verbs.Switch{Children: []verbs.SwitchChild{
					&verbs.Case{DTMF: "1", Commands: []verbs.Command{&verbs.Hangup{}}},
					&verbs.Default{}, &verbs.Error{},
				}},
			}})},
	{"legacy dial",
		`<Response><Dial timeout="30" record="record-from-answer"><Sip> 1000@x.x.x.x:9000 </Sip><Number>12223334455</Number></Dial></Response>`,
		pdoc(&verbs.Dial{Timeout: verbs.Some(30), Record: verbs.RecordFromAnswer, Children: []verbs.DialChild{
			&verbs.Sip{Address: "1000@x.x.x.x:9000"}, &verbs.Number{Digits: "12223334455"},
		}})},
	{"comments kept exactly",
		"<Response><!--a--><!-- b\n c --><Hangup/></Response>",
		pdoc(&verbs.Comment{Text: "a"}, &verbs.Comment{Text: " b\n c "}, &verbs.Hangup{})},
	{"line ends in a comment read as a conforming parser reads them",
		"<Response><!-- a\r\n b\r c --><Hangup/></Response>",
		pdoc(&verbs.Comment{Text: " a\n b\n c "}, &verbs.Hangup{})},
	{"empty url attribute read as absent, text content wins",
		`<Response><Play url="">https://h/a.mp3</Play><Callback url="">https://h/c</Callback></Response>`,
		pdoc(&verbs.Play{URL: "https://h/a.mp3"}, &verbs.Callback{URL: "https://h/c"})},
	{"leading zeros",
		`<Response><Pause length="007"/></Response>`,
		pdoc(&verbs.Pause{Length: verbs.Some[verbs.Millis](7)})},
}

func TestParse(t *testing.T) {
	t.Parallel()
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse([]byte(tt.xml))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseWarnings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		xml  string
		want *verbs.Response
		diag Diagnostics
	}{
		{"empty tag", "<Response>\n  <Hangup tag=\"\"/>\n</Response>",
			pdoc(&verbs.Hangup{}),
			Diagnostics{{Path: "/Response/Hangup[1]/@tag", Line: 2, Col: 3, Severity: SeverityWarning,
				Rule: "empty-attribute", Message: "empty attribute tag is read as absent"}}},
		{"empty code and list", `<Response><Say code="">x</Say><Geo states=""/></Response>`,
			pdoc(&verbs.Say{Text: "x"}, &verbs.Geo{}),
			Diagnostics{
				{Path: "/Response/Say[1]/@code", Line: 1, Col: 11, Severity: SeverityWarning,
					Rule: "empty-attribute", Message: "empty attribute code is read as absent"},
				{Path: "/Response/Geo[1]/@states", Line: 1, Col: 31, Severity: SeverityWarning,
					Rule: "empty-attribute", Message: "empty attribute states is read as absent"},
			}},
		{"comment outside the root", "<!-- header -->\n<Response/>",
			pdoc(),
			Diagnostics{{Path: "/", Line: 1, Col: 1, Severity: SeverityWarning, Rule: "comment-dropped",
				Message: "a comment outside the root <Response> is dropped"}}},
		{"comments inside text and empty elements", "<Response><Say>a<!-- b -->c</Say>\n<Hangup><!----></Hangup></Response>",
			pdoc(&verbs.Say{Text: "ac"}, &verbs.Hangup{}),
			Diagnostics{
				{Path: "/Response/Say[1]", Line: 1, Col: 17, Severity: SeverityWarning, Rule: "comment-dropped",
					Message: "a comment inside <Say> is dropped: <Say> has no place for comments"},
				{Path: "/Response/Hangup[1]", Line: 2, Col: 9, Severity: SeverityWarning, Rule: "comment-dropped",
					Message: "a comment inside <Hangup> is dropped: <Hangup> has no place for comments"},
			}},
		{"empty optional string kept", `<Response><Meta name="n" value=""/></Response>`,
			pdoc(&verbs.Meta{Name: "n", Value: verbs.Some("")}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d, err := ParseDocument([]byte(tt.xml))
			if err != nil {
				t.Fatalf("ParseDocument: %v", err)
			}
			if diff := cmp.Diff(tt.want, d.Response); diff != "" {
				t.Errorf("Response mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.diag, d.Warnings); diff != "" {
				t.Errorf("Warnings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// parseDiag builds an expected error finding.
func parseDiag(line, col int, path, rule, msg string) Diagnostic {
	return Diagnostic{Path: path, Line: line, Col: col, Severity: SeverityError, Rule: rule, Message: msg}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		xml  string
		opts []ParseOption
		want Diagnostics
	}{
		{"unknown element with suggestion",
			"<Response>\n  <Hangupp/>\n</Response>",
			nil, Diagnostics{parseDiag(2, 3, "/Response/Hangupp[1]", "unknown-element", "unknown element <Hangupp>; did you mean <Hangup>?")}},
		{"unknown element in another case",
			`<Response><say>x</say></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/say[1]", "unknown-element", "unknown element <say>; did you mean <Say>?")}},
		{"unknown element with swapped letters",
			`<Response><Gahter/></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/Gahter[1]", "unknown-element", "unknown element <Gahter>; did you mean <Gather>?")}},
		{"unknown element far from any",
			`<Response><Conference/></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/Conference[1]", "unknown-element", "unknown element <Conference>")}},
		{"unknown element subtree skipped, later siblings still checked",
			"<Response><Foo><Bar/></Foo>\n<Foo/><Pause length=\"x\"/></Response>",
			nil, Diagnostics{
				parseDiag(1, 11, "/Response/Foo[1]", "unknown-element", "unknown element <Foo>"),
				parseDiag(2, 1, "/Response/Foo[2]", "unknown-element", "unknown element <Foo>"),
				parseDiag(2, 7, "/Response/Pause[1]/@length", "value", `invalid length "x": want a base-10 integer without sign`),
			}},
		{"namespaced element",
			`<Response><x:Say xmlns:x="urn:x">a</x:Say></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/x:Say[1]", "unknown-element", "unknown element <x:Say>; did you mean <Say>?")}},
		{"unknown attribute with suggestion",
			`<Response><Pause lenght="3"/></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/Pause[1]/@lenght", "unknown-attribute", "unknown attribute lenght on <Pause>; did you mean length?")}},
		{"unknown attribute without suggestion",
			`<Response><Hangup reason="x"/></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/Hangup[1]/@reason", "unknown-attribute", "unknown attribute reason on <Hangup>")}},
		{"attribute on the root",
			`<Response version="2"/>`,
			nil, Diagnostics{parseDiag(1, 1, "/Response/@version", "unknown-attribute", "unknown attribute version on <Response>; <Response> has no attributes")}},
		{"duplicate attribute",
			`<Response><Hangup tag="a" tag="b"/></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/Hangup[1]/@tag", "duplicate-attribute", "attribute tag is repeated")}},
		{"alias and canonical attribute",
			`<Response><Gather dtmf_length="1" length="1"/></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/Gather[1]/@length", "alias-conflict", "both dtmf_length and length are set on <Gather>; they are the same attribute")}},
		{"error say and play",
			`<Response><Error say="true" play="true"/></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/Error[1]/@play", "alias-conflict", "both say and play are set on <Error>; they are the same attribute")}},
		{"tone volume and v",
			`<Response><Tone v="-1" volume="-2"/></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/Tone[1]/@volume", "alias-conflict", "both v and volume are set on <Tone>; they are the same attribute")}},
		{"say text attribute and content",
			`<Response><Say text="a">b</Say></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/Say[1]/@text", "alias-conflict", "<Say> has both the text attribute and text content; write one of them")}},
		{"play url attribute and content",
			`<Response><Play url="https://h/a.mp3">https://h/b.mp3</Play></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/Play[1]/@url", "alias-conflict", "<Play> has both the url attribute and text content; write one of them")}},
		{"callback url attribute and content",
			`<Response><callback url="https://h/a">https://h/b</callback></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/Callback[1]/@url", "alias-conflict", "<Callback> has both the url attribute and text content; write one of them")}},
		{"values with white space quoted as written",
			"<Response>\n<Pause length=\" 1\"/>\n<Say loop=\"2&#xA;\">x</Say>\n<Record asr=\"true \"/>\n<Tone hz=\"350 \"/>\n</Response>",
			nil, Diagnostics{
				parseDiag(2, 1, "/Response/Pause[1]/@length", "value", `invalid length " 1": want a base-10 integer without sign`),
				parseDiag(3, 1, "/Response/Say[1]/@loop", "value", `invalid loop "2\n": want a base-10 integer without sign`),
				parseDiag(4, 1, "/Response/Record[1]/@asr", "value", `invalid asr "true ": want true or false`),
				parseDiag(5, 1, "/Response/Tone[1]/@hz", "value", `invalid hz "350 ": item 1 "350 ": want a base-10 integer without sign`),
			}},
		{"values, all reported",
			"<Response>\n<Pause length=\"+5\"/>\n<Pause length=\"1.5\"/>\n<Record asr=\"TRUE\"/>\n<Say loop=\"99999999999999999999\">x</Say>\n<Tone hz=\"350, 440\" v=\"loud\"/>\n</Response>",
			nil, Diagnostics{
				parseDiag(2, 1, "/Response/Pause[1]/@length", "value", `invalid length "+5": want a base-10 integer without sign`),
				parseDiag(3, 1, "/Response/Pause[2]/@length", "value", `invalid length "1.5": want a base-10 integer without sign`),
				parseDiag(4, 1, "/Response/Record[1]/@asr", "value", `invalid asr "TRUE": want true or false`),
				parseDiag(5, 1, "/Response/Say[1]/@loop", "value", `invalid loop "99999999999999999999": out of range`),
				parseDiag(6, 1, "/Response/Tone[1]/@hz", "value", `invalid hz "350, 440": item 2 " 440": want a base-10 integer without sign`),
				parseDiag(6, 1, "/Response/Tone[1]/@v", "value", `invalid v "loud": want a base-10 integer`),
			}},
		{"to in a command list",
			`<Response><To>123</To></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/To[1]", "placement", "<To> is not allowed in <Response>; it belongs in <Dial>")}},
		{"dtmf outside gather",
			`<Response><Geo><DTMF value="1"/></Geo></Response>`,
			nil, Diagnostics{parseDiag(1, 16, "/Response/Geo[1]/DTMF[1]", "placement", "<DTMF> is not allowed in <Geo>; it belongs in <Gather>")}},
		{"say inside dial",
			`<Response><Dial><To>123</To><Say>x</Say></Dial></Response>`,
			nil, Diagnostics{parseDiag(1, 29, "/Response/Dial[1]/Say[1]", "placement", "<Say> is not allowed in <Dial>; it belongs in a command list or <Gather>")}},
		{"meta inside say",
			`<Response><Say>x<Meta name="a" value="b"/></Say></Response>`,
			nil, Diagnostics{parseDiag(1, 17, "/Response/Say[1]/Meta[1]", "placement", "<Meta> is not allowed in <Say>; it belongs in a command list, <Dial>, <Tone> or <Curl>")}},
		{"nested response",
			`<Response><Response/></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response/Response[1]", "placement", "<Response> is not allowed in <Response>; it may only be the root element")}},
		{"text in a command list",
			"<Response>\n  Hello\n</Response>",
			nil, Diagnostics{parseDiag(1, 11, "/Response", "text", `unexpected text "Hello" in <Response>; text belongs only in <Say>, <Play>, <To> and <Meta>`)}},
		{"text in an empty element",
			`<Response><Hangup>now</Hangup></Response>`,
			nil, Diagnostics{parseDiag(1, 19, "/Response/Hangup[1]", "text", `unexpected text "now" in <Hangup>; text belongs only in <Say>, <Play>, <To> and <Meta>`)}},
		{"wrong root",
			`<Respons/>`,
			nil, Diagnostics{parseDiag(1, 1, "/Respons", "root", "the root element is <Respons>; it must be <Response>")}},
		{"two roots",
			`<Response/><Response/>`,
			nil, Diagnostics{parseDiag(1, 12, "/Response", "root", "a second root element <Response>: a document has exactly one root <Response>")}},
		{"no root",
			xmlDecl + "\n",
			nil, Diagnostics{parseDiag(2, 1, "/", "root", "no <Response> element: a document has exactly one root <Response>")}},
		{"empty input",
			"",
			nil, Diagnostics{parseDiag(1, 1, "/", "root", "no <Response> element: a document has exactly one root <Response>")}},
		{"text outside the root",
			`<Response/>junk`,
			nil, Diagnostics{parseDiag(1, 12, "/", "text", `text "junk" outside the root <Response>`)}},
		{"mismatched end tag",
			"<Response>\n  <Say>x</Sya>\n</Response>",
			nil, Diagnostics{parseDiag(2, 9, "/Response/Say[1]", "syntax", "element <Say> closed by </Sya>")}},
		{"unclosed root",
			"<Response>\n<Hangup/>",
			nil, Diagnostics{parseDiag(2, 10, "/Response", "syntax", "unexpected end of input: <Response> is not closed")}},
		{"syntax error with its line",
			"<Response>\n\n  <Say loop=2>x</Say>\n</Response>",
			nil, Diagnostics{parseDiag(3, 13, "/Response", "syntax", "the value of attribute loop must be in quotes")}},
		{"undefined entity",
			"<Response><Say>&nbsp;</Say></Response>",
			nil, Diagnostics{parseDiag(1, 16, "/Response/Say[1]", "syntax", "invalid character entity &nbsp; (only &amp; &lt; &gt; &quot; &apos; and character references are defined)")}},
		{"doctype",
			"<!DOCTYPE Response [<!ENTITY x \"y\">]>\n<Response/>",
			nil, Diagnostics{parseDiag(1, 1, "/", "dtd", "DTDs and other <!…> declarations are not allowed")}},
		{"external entity",
			"<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<Response><Say>&xxe;</Say></Response>",
			nil, Diagnostics{
				parseDiag(1, 1, "/", "dtd", "DTDs and other <!…> declarations are not allowed"),
				parseDiag(2, 16, "/Response/Say[1]", "syntax", "invalid character entity &xxe; (only &amp; &lt; &gt; &quot; &apos; and character references are defined)"),
			}},
		{"processing instruction",
			`<Response><?php echo 1 ?></Response>`,
			nil, Diagnostics{parseDiag(1, 11, "/Response", "processing-instruction", "processing instruction <?php?> is not allowed")}},
		{"late declaration",
			"\n" + xmlDecl + "<Response/>",
			nil, Diagnostics{parseDiag(2, 1, "/", "declaration", "the XML declaration must come first in the document")}},
		{"latin-1",
			`<?xml version="1.0" encoding="ISO-8859-1"?><Response/>`,
			nil, Diagnostics{parseDiag(1, 1, "/", "encoding", `encoding "ISO-8859-1" is not supported: documents must be UTF-8`)}},
		{"utf-16 declared",
			"\n<?xml version=\"1.0\" encoding=\"UTF-16\"?><Response/>",
			nil, Diagnostics{parseDiag(2, 1, "/", "encoding", `encoding "UTF-16" is not supported: documents must be UTF-8`)}},
		{"invalid utf-8 in text",
			"<Response><Say>a\xffb</Say></Response>",
			nil, Diagnostics{parseDiag(1, 17, "/Response/Say[1]", "character", "invalid UTF-8 (the byte 0xff)")}},
		{"invalid utf-8 in a comment",
			"<Response><!-- a\xff --></Response>",
			nil, Diagnostics{parseDiag(1, 17, "/Response", "character", "invalid UTF-8 (the byte 0xff)")}},
		{"forbidden character reference",
			"<Response><Say>&#1;</Say></Response>",
			nil, Diagnostics{parseDiag(1, 16, "/Response/Say[1]", "character", "character reference &#1; names U+0001, which is not an XML character")}},
		{"bad comment",
			"<Response><!-- a -- b --></Response>",
			nil, Diagnostics{parseDiag(1, 18, "/Response", "syntax", `invalid sequence "--" not allowed in comments`)}},
		{"comment ending in a dash",
			"<Response><!-- a ---></Response>",
			nil, Diagnostics{parseDiag(1, 18, "/Response", "syntax", `invalid sequence "--" not allowed in comments`)}},
		{"stylesheet instruction",
			"<?xml-stylesheet href=\"a.xsl\"?><Response/>",
			nil, Diagnostics{parseDiag(1, 1, "/", "processing-instruction", "processing instruction <?xml-stylesheet?> is not allowed")}},
		{"xml version 1.1",
			`<?xml version="1.1"?><Response/>`,
			nil, Diagnostics{parseDiag(1, 1, "/", "syntax", `unsupported version "1.1"; only version 1.0 is supported`)}},
		{"depth limit",
			`<Response><Geo><Geo><Geo/></Geo></Geo></Response>`,
			[]ParseOption{MaxDepth(3)}, Diagnostics{parseDiag(1, 21, "/Response/Geo[1]/Geo[1]", "limit", "elements nested deeper than 3 levels (the MaxDepth limit)")}},
		{"element limit",
			`<Response><Hangup/><Hangup/></Response>`,
			[]ParseOption{MaxElements(2)}, Diagnostics{parseDiag(1, 20, "/Response", "limit", "more than 2 elements (the MaxElements limit)")}},
		{"element limit counts skipped subtrees",
			`<Response><Foo><Bar/></Foo></Response>`,
			[]ParseOption{MaxElements(2)}, Diagnostics{
				parseDiag(1, 11, "/Response/Foo[1]", "unknown-element", "unknown element <Foo>"),
				parseDiag(1, 16, "/Response/Foo[1]", "limit", "more than 2 elements (the MaxElements limit)"),
			}},
		{"byte limit",
			`<Response/>`,
			[]ParseOption{MaxBytes(10)}, Diagnostics{parseDiag(1, 1, "/", "limit", "the document is more than the MaxBytes limit of 10 bytes")}},
		{"lenient unknown element in a text element",
			`<Response><Say>a<break/></Say></Response>`,
			[]ParseOption{Lenient()}, Diagnostics{parseDiag(1, 17, "/Response/Say[1]/break[1]", "placement", "<break> is not allowed in <Say>, which has no child elements")}},
		{"lenient still checks values",
			`<Response><Pause length="x" foo="1"/></Response>`,
			[]ParseOption{Lenient()}, Diagnostics{parseDiag(1, 11, "/Response/Pause[1]/@length", "value", `invalid length "x": want a base-10 integer without sign`)}},
		{"lenient duplicate raw attribute",
			`<Response><Foo a="1" a="2"/></Response>`,
			[]ParseOption{Lenient()}, Diagnostics{parseDiag(1, 11, "/Response/Foo[1]/@a", "duplicate-attribute", "attribute a is repeated")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d, err := ParseDocument([]byte(tt.xml), tt.opts...)
			if d != nil {
				t.Errorf("ParseDocument returned a document with error %v", err)
			}
			var got Diagnostics
			if !errors.As(err, &got) {
				t.Fatalf("ParseDocument error = %v, want Diagnostics", err)
			}
			if diff := cmp.Diff(tt.want, got.Errors()); diff != "" {
				t.Errorf("diagnostics mismatch (-want +got):\n%s", diff)
			}
			r, err := Parse([]byte(tt.xml), tt.opts...)
			if r != nil || err == nil {
				t.Errorf("Parse = %v, %v; want nil and an error", r, err)
			}
		})
	}
}

func TestParseLenient(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		xml  string
		want *verbs.Response
	}{
		{"unknown element with its subtree",
			"<Response>\n  <Conference room=\"a\" x:y=\"1\">\n    <Say>kept raw</Say>\n    <!-- note -->\n  </Conference>\n</Response>",
			pdoc(&verbs.RawElement{Name: "Conference", Attrs: []verbs.Attr{{Name: "room", Value: "a"}, {Name: "x:y", Value: "1"}},
				Children: []verbs.RawChild{
					&verbs.RawElement{Name: "Say", Children: []verbs.RawChild{&verbs.RawText{Text: "kept raw"}}},
					&verbs.Comment{Text: " note "},
				}})},
		{"mixed content kept exactly",
			"<Response><Foo>\n a <b>c</b> </Foo></Response>",
			pdoc(&verbs.RawElement{Name: "Foo", Children: []verbs.RawChild{
				&verbs.RawText{Text: "\n a "},
				&verbs.RawElement{Name: "b", Children: []verbs.RawChild{&verbs.RawText{Text: "c"}}},
				&verbs.RawText{Text: " "},
			}})},
		{"adjacent text and cdata merged",
			"<Response><Foo>a<![CDATA[<b>]]>c</Foo></Response>",
			pdoc(&verbs.RawElement{Name: "Foo", Children: []verbs.RawChild{&verbs.RawText{Text: "a<b>c"}}})},
		{"white space only content dropped",
			"<Response><Foo>\n  </Foo></Response>",
			pdoc(&verbs.RawElement{Name: "Foo"})},
		{"namespaced element",
			`<Response><x:Say xmlns:x="urn:x"/></Response>`,
			pdoc(&verbs.RawElement{Name: "x:Say", Attrs: []verbs.Attr{{Name: "xmlns:x", Value: "urn:x"}}})},
		{"unknown element inside dial and gather",
			`<Response><Dial><To>123</To><Ring/></Dial><Gather><Prompt/></Gather></Response>`,
			pdoc(&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "123"}, &verbs.RawElement{Name: "Ring"}}},
				&verbs.Gather{Children: []verbs.GatherChild{&verbs.RawElement{Name: "Prompt"}}})},
		{"unknown attributes become extra, after known ones",
			`<Response caller="x"><Say voice="v" lang="en-US" x-pitch="2">Hi</Say><Hangup xmlns="urn:a"/></Response>`,
			&verbs.Response{Extra: []verbs.Attr{{Name: "caller", Value: "x"}}, Commands: []verbs.Command{
				&verbs.Say{Text: "Hi", Lang: "en-US", Extra: []verbs.Attr{{Name: "voice", Value: "v"}, {Name: "x-pitch", Value: "2"}}},
				&verbs.Hangup{Extra: []verbs.Attr{{Name: "xmlns", Value: "urn:a"}}},
			}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse([]byte(tt.xml), Lenient())
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
			if _, err := Parse([]byte(tt.xml)); err == nil {
				t.Error("strict Parse accepted the document")
			}
		})
	}
}

func TestParsePositions(t *testing.T) {
	t.Parallel()
	src := "\uFEFF" + xmlDecl + "\n<Response>\n  <!-- c -->\n  <Gather>\n    <DTMF value=\"1\"><Say>é</Say><Hangup/></DTMF>\n  </Gather>\n</Response>\n"
	d, err := ParseDocument([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := d.Response
	g := r.Commands[1].(*verbs.Gather)
	dtmf := g.Children[0].(*verbs.DTMF)
	want := Positions{
		r:                {Line: 2, Col: 1},
		r.Commands[0]:    {Line: 3, Col: 3},
		g:                {Line: 4, Col: 3},
		dtmf:             {Line: 5, Col: 5},
		dtmf.Commands[0]: {Line: 5, Col: 21},
		dtmf.Commands[1]: {Line: 5, Col: 34}, // columns count bytes: é is two
	}
	if diff := cmp.Diff(want, d.Positions); diff != "" {
		t.Errorf("Positions mismatch (-want +got):\n%s", diff)
	}
}

func TestParseLimitsAtTheBoundary(t *testing.T) {
	t.Parallel()
	deep := strings.Repeat("<Geo>", 63) + strings.Repeat("</Geo>", 63)
	tests := []struct {
		name string
		xml  string
		opts []ParseOption
	}{
		{"default depth 64", "<Response>" + deep + "</Response>", nil},
		{"default elements 10000", "<Response>" + strings.Repeat("<Hangup/>", 9999) + "</Response>", nil},
		{"exact byte limit", "<Response/>", []ParseOption{MaxBytes(11)}},
		{"raised limits", "<Response>" + strings.Repeat("<Geo>", 5000) + strings.Repeat("</Geo>", 5000) + "</Response>",
			[]ParseOption{MaxDepth(5001), MaxElements(5001)}},
		{"non-positive limits keep the defaults", "<Response><Hangup/></Response>", []ParseOption{MaxBytes(0), MaxDepth(-1), MaxElements(0), nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := Parse([]byte(tt.xml), tt.opts...); err != nil {
				t.Errorf("Parse: %v", err)
			}
		})
	}
	over := []struct {
		name string
		xml  string
	}{
		{"depth 65", "<Response>" + strings.Repeat("<Geo>", 64) + strings.Repeat("</Geo>", 64) + "</Response>"},
		{"10001 elements", "<Response>" + strings.Repeat("<Hangup/>", 10000) + "</Response>"},
		{"more than 1 MiB", "<Response>" + strings.Repeat(" ", 1<<20) + "</Response>"},
	}
	for _, tt := range over {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse([]byte(tt.xml))
			var ds Diagnostics
			if !errors.As(err, &ds) || len(ds) != 1 || ds[0].Rule != "limit" {
				t.Errorf("Parse error = %v, want one limit diagnostic", err)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	t.Parallel()
	r, err := Decode(iotest.OneByteReader(strings.NewReader("<Response><Hangup/></Response>")))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(pdoc(&verbs.Hangup{}), r); diff != "" {
		t.Errorf("Decode mismatch (-want +got):\n%s", diff)
	}

	_, err = Decode(strings.NewReader("<Response/>   "), MaxBytes(12))
	var ds Diagnostics
	if !errors.As(err, &ds) || ds[0].Rule != "limit" {
		t.Errorf("Decode over the limit: error = %v, want a limit diagnostic", err)
	}

	boom := errors.New("boom")
	_, err = Decode(iotest.ErrReader(boom))
	if !errors.Is(err, boom) || !strings.HasPrefix(err.Error(), "render: ") {
		t.Errorf("Decode of a failing reader: error = %v, want it wrapped with a render: prefix", err)
	}

	if _, err := Decode(strings.NewReader("<Response/>"), MaxBytes(math.MaxInt64)); err != nil {
		t.Errorf("Decode with the largest limit: %v", err)
	}
	if _, err := Decode(nil); err == nil {
		t.Error("Decode(nil) succeeded")
	}
	if _, err := Decode(io.LimitReader(strings.NewReader("<Response><Say>"), 15)); err == nil {
		t.Error("Decode of a truncated document succeeded")
	}
}

// TestParseLenientExtraOnEveryElement checks that lenient parsing keeps an
// unknown attribute of every element of the language as an Extra
// attribute, in order, after the modelled ones.
func TestParseLenientExtraOnEveryElement(t *testing.T) {
	t.Parallel()
	// where wraps an element in the elements it must stand in.
	where := map[string][2]string{
		"To":      {"<Dial>", "</Dial>"},
		"Sip":     {"<Dial>", "</Dial>"},
		"Number":  {"<Dial>", "</Dial>"},
		"DTMF":    {"<Gather>", "</Gather>"},
		"Default": {"<Gather>", "</Gather>"},
		"Switch":  {"<Gather>", "</Gather>"},
		"Case":    {"<Gather><Switch>", "</Switch></Gather>"},
	}
	for _, name := range verbs.ElementNames() {
		if name == "Response" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := where[name]
			src := "<Response>" + ctx[0] + "<" + name + ` x-a="1" x-b=""/>` + ctx[1] + "</Response>"
			d, err := ParseDocument([]byte(src), Lenient())
			if err != nil {
				t.Fatal(err)
			}
			var node verbs.Node
			for n := range d.Positions {
				if n.ElementName() == name {
					node = n
				}
			}
			extra := extraOf(node)
			if extra == nil {
				t.Fatalf("no %s node, or it keeps no Extra attributes", name)
			}
			want := []verbs.Attr{{Name: "x-a", Value: "1"}, {Name: "x-b", Value: ""}}
			if diff := cmp.Diff(want, *extra); diff != "" {
				t.Errorf("Extra mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestQuoteShort(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", 50)
	tests := []struct {
		in, want string
	}{
		{"  hello\n", `"hello"`},
		{`say "hi"`, `"say \"hi\""`},
		{long, `"` + strings.Repeat("é", 40) + `"…`},
	}
	for _, tt := range tests {
		if got := quoteShort(tt.in); got != tt.want {
			t.Errorf("quoteShort(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
