package legacy_test

import (
	"strings"
	"testing"

	"github.com/opentact-go/opentact/internal/legacy"
	"github.com/opentact-go/opentact/render"
)

func modernize(t *testing.T, xml string) (string, render.Diagnostics) {
	t.Helper()
	doc, err := render.ParseDocument([]byte(xml))
	if err != nil {
		t.Fatal(err)
	}
	ds := legacy.Modernize(doc.Response, doc.Positions)
	out, err := render.Marshal(doc.Response)
	if err != nil {
		t.Fatalf("the modernized document is invalid: %v", err)
	}
	return string(out), ds
}

// TestModernizeInboundCallControl converts the legacy example of the
// "Inbound Call Control" page (render/testdata) into the current dialect
// of xml.md §2: prompts before the Gather, DTMF branches, To destinations.
func TestModernizeInboundCallControl(t *testing.T) {
	got, ds := modernize(t, `<Response>
  <Say>Thank you for calling Opentact.</Say>
  <Gather numDigits="1" attempts="2" timeout="10000" finishOnKey="*">
    <Say>Now please enter a 1 for man, 2 for woman.</Say>
    <Switch>
      <Case dtmf="1">
        <Say>Hi, man</Say>
      </Case>
      <!-- woman -->
      <Case dtmf="2">
        <Dial><Sip>1000@x.x.x.x:9000</Sip><Number>12223334455</Number></Dial>
      </Case>
      <Default><Say>Hi, nobody</Say></Default>
      <Error><Say>No DTMF Code entered.</Say></Error>
    </Switch>
  </Gather>
  <Hangup/>
</Response>`)
	want := `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say>Thank you for calling Opentact.</Say>
  <Say>Now please enter a 1 for man, 2 for woman.</Say>
  <Gather dtmf_length="1" dtmf_stop="*" attempts="2" timeout="10000">
    <DTMF value="1">
      <Say>Hi, man</Say>
    </DTMF>
    <!-- woman -->
    <DTMF value="2">
      <Dial>
        <To>1000@x.x.x.x:9000</To>
        <To>12223334455</To>
      </Dial>
    </DTMF>
    <Default>
      <Say>Hi, nobody</Say>
    </Default>
    <Error>
      <Say>No DTMF Code entered.</Say>
    </Error>
  </Gather>
  <Hangup/>
</Response>
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	var reported []string
	for _, d := range ds {
		reported = append(reported, d.Path)
		if d.Severity != render.SeverityWarning || d.Rule != legacy.Rule || d.Line != 3 {
			t.Errorf("finding %v", d)
		}
	}
	if strings.Join(reported, " ") != "/Response/Gather[1]/@attempts /Response/Gather[1]/@timeout" {
		t.Errorf("reported %v, want attempts and timeout", reported)
	}
}

func TestModernizeKeepsWhatHasNoCurrentForm(t *testing.T) {
	tests := []struct {
		name, xml, keep, path string
	}{
		{"Case key A", `<Response><Gather><Switch><Case dtmf="A"><Hangup/></Case></Switch></Gather></Response>`,
			`<Case dtmf="A">`, "/Response/Gather[1]/Switch[1]/Case[1]/@dtmf"},
		{"Default twice", `<Response><Gather><Default/><Switch><Default/></Switch></Gather></Response>`,
			`<Switch>`, "/Response/Gather[1]/Switch[1]/Default[1]"},
		{"DTMF value twice", `<Response><Gather><DTMF value="1"/><Switch><Case dtmf="1"/></Switch></Gather></Response>`,
			`<Case dtmf="1"/>`, "/Response/Gather[1]/Switch[1]/Case[1]/@dtmf"},
		{"both lengths", `<Response><Gather dtmf_length="2" numDigits="1"/></Response>`,
			`numDigits="1"`, "/Response/Gather[1]/@numDigits"},
		{"method", `<Response><Gather callback="https://example.com/a" method="POST"/></Response>`,
			`method="POST"`, "/Response/Gather[1]/@method"},
		{"Dial record", `<Response><Dial record="record-from-answer" timeout="30"><Sip>a@b.example</Sip></Dial></Response>`,
			`<Dial timeout="30" record="record-from-answer">`, "/Response/Dial[1]/@timeout"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ds := modernize(t, tt.xml)
			if !strings.Contains(got, tt.keep) {
				t.Errorf("%s was not kept:\n%s", tt.keep, got)
			}
			found := false
			for _, d := range ds {
				found = found || d.Path == tt.path
			}
			if !found {
				t.Errorf("no finding at %s: %v", tt.path, ds)
			}
		})
	}
}

// TestModernizeNested reaches Gathers and Dials inside every command list.
func TestModernizeNested(t *testing.T) {
	got, ds := modernize(t, `<Response><Schedule dow="mon"><Geo states="NJ"><Call field="to" value="1"><Record>
<Gather callback="https://example.com/x"><Switch><Case dtmf="1"><Dial><Number>12223334455</Number><Error><Dial><Sip>a@b.example</Sip></Dial></Error></Dial></Case></Switch></Gather>
</Record></Call></Geo></Schedule></Response>`)
	if strings.Contains(got, "<Sip>") || strings.Contains(got, "<Number>") || strings.Contains(got, "<Switch>") || strings.Contains(got, "callback=") {
		t.Errorf("legacy left:\n%s", got)
	}
	if len(ds) != 0 {
		t.Errorf("findings: %v", ds)
	}
	// Modernizing twice changes nothing more.
	again, _ := modernize(t, got)
	if again != got {
		t.Errorf("not idempotent:\n%s\nthen:\n%s", got, again)
	}
	if legacy.Modernize(nil, nil) != nil {
		t.Error("Modernize(nil) reported findings")
	}
}
