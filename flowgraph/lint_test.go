package flowgraph_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowgraph"
	"github.com/opentact-go/opentact/render"
)

func TestLint(t *testing.T) {
	tests := []struct {
		name, xml string
		want      []string // "LINE:COL PATH RULE", in order
	}{
		{"a menu without fallback", `<Response>
<Gather dtmf_length="1"><DTMF value="1"><Hangup/></DTMF></Gather>
<Hangup/>
</Response>`, []string{"2:1 /Response/Gather[1] gather-no-fallback"}},
		{"a Default is a fallback", `<Response>
<Gather><DTMF value="1"><Hangup/></DTMF><Default><Hangup/></Default></Gather>
<Hangup/>
</Response>`, nil},
		{"an Error is a fallback", `<Response>
<Gather><DTMF value="1"><Hangup/></DTMF><Error><Hangup/></Error></Gather>
<Hangup/>
</Response>`, nil},
		{"a legacy Switch needs one too", `<Response>
<Gather numDigits="1"><Switch><Case dtmf="1"><Hangup/></Case></Switch></Gather>
<Hangup/>
</Response>`, []string{"2:1 /Response/Gather[1] gather-no-fallback"}},
		{"a Gather that only posts its digits is no menu", `<Response>
<Gather url="https://example.com/pin"/>
</Response>`, nil},
		{"Dial without Error", `<Response>
<Dial><To>12125550100</To></Dial>
<Hangup/>
</Response>`, []string{"2:1 /Response/Dial[1] dial-no-error"}},
		{"Callback without Error", `<Response>
<Callback url="https://example.com/next"/>
</Response>`, []string{"2:1 /Response/Callback[1] callback-no-error"}},
		{"the business-hours shape: a successful call falls into the closed message", `<Response>
<Schedule dow="mon,tue,wed,thu,fri" time="09:00:00-17:00:00">
  <Say>Welcome</Say>
  <Dial><To>sip:desk@example.com</To></Dial>
</Schedule>
<Say>Our office is closed.</Say>
<Hangup/>
</Response>`, []string{
			"4:3 /Response/Schedule[1]/Dial[1] dial-no-error",
			"4:3 /Response/Schedule[1]/Dial[1] dial-fallthrough",
		}},
		{"a Dial whose Error speaks to the caller may go on", `<Response>
<Dial><To>12125550100</To><Error><Say>busy</Say><Hangup/></Error></Dial>
<Say>Thanks for calling</Say>
<Hangup/>
</Response>`, nil},
		{"a DTMF value holding the stop key", `<Response>
<Gather dtmf_length="2" dtmf_stop="#"><DTMF value="1#"><Hangup/></DTMF><DTMF value="#"><Hangup/></DTMF><Default><Hangup/></Default></Gather>
<Hangup/>
</Response>`, []string{
			"2:39 /Response/Gather[1]/DTMF[1] dtmf-stop-value",
			"2:72 /Response/Gather[1]/DTMF[2] dtmf-stop-value",
		}},
		{"a document that runs out without Hangup", `<Response>
<Say>Hello</Say>
</Response>`, []string{"2:1 /Response/Say[1] no-hangup"}},
		{"every branch that runs out is named", `<Response>
<Gather><DTMF value="1"><Say>one</Say></DTMF><Default><Hangup/></Default></Gather>
</Response>`, []string{"2:25 /Response/Gather[1]/DTMF[1]/Say[1] no-hangup"}},
		{"ending with a Dial is an end", `<Response>
<Dial><To>12125550100</To><Error><Hangup/></Error></Dial>
</Response>`, nil},
		{"unreachable commands are render's finding, not this one", `<Response>
<Hangup/>
<Say>never</Say>
</Response>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.xml)
			ds := flowgraph.Lint(d.Response, d.Positions)
			var got []string
			for _, x := range ds {
				if x.Severity != render.SeverityWarning {
					t.Errorf("%v is not a warning", x)
				}
				if x.Message == "" {
					t.Errorf("%v has no message", x)
				}
				got = append(got, strings.Join([]string{strconv.Itoa(x.Line) + ":" + strconv.Itoa(x.Col), x.Path, x.Rule}, " "))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s\nmessages: %v", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), ds)
			}
		})
	}
	if ds := flowgraph.Lint(nil, nil); ds != nil {
		t.Errorf("Lint(nil) = %v", ds)
	}
}

// TestLintCorpus: the Gather page's IVR is a careful document; the lints
// find nothing in it.
func TestLintCorpus(t *testing.T) {
	d := parseFile(t, "gather-1.xml")
	if ds := flowgraph.Lint(d.Response, d.Positions); len(ds) != 0 {
		t.Errorf("lints on the Gather page's IVR:\n%v", ds)
	}
}
