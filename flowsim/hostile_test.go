package flowsim_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/opentact-go/opentact/flowsim"
)

// hostileMenu is a one-key menu with a Default, for the hostile scripts.
const hostileMenu = `<Response><Gather dtmf_length="1"><DTMF value="1"><Say>One.</Say><Hangup/></DTMF><Default><Say>Default.</Say><Hangup/></Default></Gather><Say>After.</Say><Hangup/></Response>`

// TestInvalidKeys: a script that presses something no phone keypad has (a
// letter, a line break, a non-ASCII digit) is not taken as digits: the
// call ends as invalid at the command that waited, the step names the
// keys on one line, and Err says which key it was. The keys A-D are real
// DTMF keys and are taken.
func TestInvalidKeys(t *testing.T) {
	t.Parallel()
	sim, err := flowsim.New([]byte(hostileMenu))
	if err != nil {
		t.Fatal(err)
	}
	for _, keys := range []string{"x", "1x", "\n1", "a", " ", "\uff11", "\xff"} {
		c := sim.Run(t.Context(), flowsim.Keys(keys))
		tr := c.Transcript()
		if n := strings.Count(tr.String(), "\n"); n != len(tr) {
			t.Errorf("keys %q: %d lines for %d steps:\n%s", keys, n, len(tr), tr)
		}
		if c.End() != flowsim.EndInvalid || len(c.Heard()) != 0 {
			t.Errorf("keys %q: end %q, heard %q, want invalid and nothing heard\n%s", keys, c.End(), c.Heard(), tr)
			continue
		}
		if err := c.Err(); err == nil || !strings.Contains(err.Error(), "not a key of a phone keypad") {
			t.Errorf("keys %q: Err() = %v", keys, err)
		}
		st := tr[1]
		if st.Path != "/Response/Gather[1]" || st.Outcome != flowsim.Invalid || !strings.Contains(st.Detail, "not a key of a phone keypad") {
			t.Errorf("keys %q: the Gather step reads %s", keys, st)
		}
	}
	c := sim.Run(t.Context(), flowsim.Keys("D"))
	if got := strings.Join(c.Heard(), "|"); got != "Default." || c.End() != flowsim.EndHangup || c.Err() != nil {
		t.Errorf("key D: heard %q, end %q, err %v\n%s", got, c.End(), c.Err(), c.Transcript())
	}

	// Step by step, Press refuses the keys and the call goes on waiting.
	c = sim.Call(t.Context())
	if err := c.Press("1\n"); err == nil || !strings.Contains(err.Error(), `"\n"`) {
		t.Errorf("Press(\"1\\n\") = %v, want an error naming the line break", err)
	}
	if w, ok := c.Waiting(); !ok || w.Path != "/Response/Gather[1]" || c.Ended() {
		t.Fatalf("after the refused press: waiting %v %v, ended %v", w, ok, c.Ended())
	}
	if err := c.Press("1"); err != nil || strings.Join(c.Heard(), "|") != "One." {
		t.Errorf("Press(1) = %v, heard %q\n%s", err, c.Heard(), c.Transcript())
	}
}

// TestURLFragment: a Gather url or a Callback url with a fragment gets the
// digits and the call's fields in its query, before the fragment, so the
// application sees them (a fragment is never sent to a server).
func TestURLFragment(t *testing.T) {
	t.Parallel()
	var queries []string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.Path+"?"+r.URL.RawQuery)
		_, _ = w.Write([]byte(`<Response><Hangup/></Response>`))
	})
	for _, tt := range []struct{ doc, want string }{
		{`<Response><Gather dtmf_length="1" url="https://app.example.com/menu#top"/></Response>`, "/menu?dtmf=1&from="},
		{`<Response><Gather dtmf_length="1" url="https://app.example.com/menu?lang=en#a?b"/></Response>`, "/menu?lang=en&dtmf=1&from="},
		{`<Response><Callback url="https://app.example.com/next#x" tag="t1"/></Response>`, "/next?tag=t1"},
	} {
		queries = nil
		sim, err := flowsim.New([]byte(tt.doc), flowsim.Route("https://app.example.com/", h))
		if err != nil {
			t.Fatal(err)
		}
		c := sim.Run(t.Context(), flowsim.Keys("1"))
		if len(queries) != 1 || !strings.HasPrefix(queries[0], tt.want) || c.End() != flowsim.EndHangup {
			t.Errorf("%s: the handler saw %q, want %q…; end %q\n%s", tt.doc, queries, tt.want, c.End(), c.Transcript())
		}
	}
}

// TestExploreURLStopKey: at a url Gather of two digits whose stop key is 1,
// Explore still sends digits to the url (not 11, which only stops entry),
// so it finds the invalid document the url returns.
func TestExploreURLStopKey(t *testing.T) {
	t.Parallel()
	doc := `<Response><Gather dtmf_length="2" dtmf_stop="1" url="https://app.example.com/menu"/><Hangup/></Response>`
	ds, err := flowsim.Explore([]byte(doc), 2, flowsim.Reply("https://app.example.com/", `<Response><Dial/></Response>`))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range ds {
		if d.Rule == flowsim.RuleRequest && strings.Contains(d.Message, "https://app.example.com/menu?dtmf=") {
			found = true
		}
	}
	if !found {
		t.Errorf("no request finding for the url's invalid reply: %v", ds)
	}
}

// TestExploreLegacyAttempts: the repeated attempts of one legacy Gather are
// one menu, not one each, so its Default (entered once every attempt went
// unmatched) is reached at depth 1 and not reported unreachable.
func TestExploreLegacyAttempts(t *testing.T) {
	t.Parallel()
	doc := `<Response><Gather numDigits="1" attempts="3"><Say>Press 1.</Say><Switch>` +
		`<Case dtmf="1"><Say>One.</Say><Hangup/></Case><Default><Say>Bye.</Say><Hangup/></Default></Switch></Gather><Hangup/></Response>`
	for _, depth := range []int{1, 2} {
		ds, err := flowsim.Explore([]byte(doc), depth)
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) != 0 {
			t.Errorf("depth %d: %v", depth, ds)
		}
	}
}

// TestBeforeCommandEveryBlock: BeforeCommand also sees an <Error> child of
// a Dial, a Gather or a Callback before it runs, and the prompts inside a
// legacy Gather, as it sees an <Error> item of a list.
func TestBeforeCommandEveryBlock(t *testing.T) {
	t.Parallel()
	doc := `<Response><Dial><To>15550100003</To><Error><Say>busy</Say></Error></Dial>` +
		`<Gather dtmf_length="1"><DTMF value="1"><Say>one</Say></DTMF><Error><Say>nothing</Say></Error></Gather>` +
		`<Gather numDigits="1"><Say>legacy</Say><Switch><Case dtmf="1"><Say>one</Say></Case></Switch></Gather>` +
		`<Callback url="https://app.example.com/down"><Error><Hangup/></Error></Callback></Response>`
	sim, err := flowsim.New([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	c := sim.Run(t.Context(), flowsim.Keys("", "1"), flowsim.Dials(flowsim.Busy()), flowsim.BeforeCommand(func(_ *flowsim.Call, next flowsim.Wait) bool {
		seen = append(seen, next.Path)
		return true
	}))
	want := []string{
		"/Response/Dial[1]", "/Response/Dial[1]/Error[1]", "/Response/Dial[1]/Error[1]/Say[1]",
		"/Response/Gather[1]", "/Response/Gather[1]/Error[1]", "/Response/Gather[1]/Error[1]/Say[1]",
		"/Response/Gather[2]", "/Response/Gather[2]/Say[1]", "/Response/Gather[2]/Switch[1]/Case[1]/Say[1]",
		"/Response/Callback[1]", "/Response/Callback[1]/Error[1]", "/Response/Callback[1]/Error[1]/Hangup[1]",
	}
	if strings.Join(seen, "\n") != strings.Join(want, "\n") || c.End() != flowsim.EndHangup {
		t.Errorf("end %q; BeforeCommand saw:\n%s\nwant:\n%s\n%s", c.End(), strings.Join(seen, "\n"), strings.Join(want, "\n"), c.Transcript())
	}
	// Returning false at an Error child hangs up there.
	c = sim.Run(t.Context(), flowsim.Dials(flowsim.Busy()), flowsim.BeforeCommand(func(_ *flowsim.Call, next flowsim.Wait) bool {
		return next.Element != "Error"
	}))
	if c.End() != flowsim.EndCaller || len(c.Heard()) != 0 {
		t.Errorf("end %q, heard %q\n%s", c.End(), c.Heard(), c.Transcript())
	}
}

// TestEndlessReply: a handler that writes a reply without end is cut at the
// reply limit, and the request is judged on what came (a document over the
// parser's limit) at once, not left to the request timeout as a handler
// that did not answer.
func TestEndlessReply(t *testing.T) {
	t.Parallel()
	endless := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("<Response>"))
		chunk := []byte(strings.Repeat("<Say>more</Say>", 100))
		for r.Context().Err() == nil {
			_, _ = w.Write(chunk)
		}
	})
	doc := `<Response><Callback url="https://app.example.com/endless"><Error><Say>Too long.</Say><Hangup/></Error></Callback></Response>`
	sim, err := flowsim.New([]byte(doc), flowsim.Route("https://app.example.com/", endless), flowsim.RequestTimeout(30*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	c := sim.Run(t.Context())
	tr := c.Transcript()
	st := tr[1]
	if st.Outcome != flowsim.Invalid || st.Exchange == nil || st.Exchange.Err != "" || len(st.Findings) == 0 ||
		!strings.Contains(st.Findings[0].Message, "MaxBytes") || strings.Join(c.Heard(), "|") != "Too long." {
		t.Errorf("the Callback step reads %s\n%s", st, tr)
	}
}

// TestHangUpTakesNoTime: a caller who hangs up at a Pause with dtmf_stop or
// at a RecordWait ends the call there, not after the pause's length or the
// 30 s a RecordWait listens, so the call and its recording end at once.
func TestHangUpTakesNoTime(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{
		`<Response><Say>Hi.</Say><Pause length="60000" dtmf_stop="#"/><Hangup/></Response>`,
		`<Response><Say>Hi.</Say><RecordStart tag="r"/><RecordWait tag="r"/><Hangup/></Response>`,
	} {
		sim, err := flowsim.New([]byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, script := range [][]flowsim.Action{nil, {flowsim.HangUp()}} {
			c := sim.Run(t.Context(), flowsim.Script(script...))
			tr := c.Transcript()
			st, end := tr[len(tr)-2], tr[len(tr)-1]
			if c.End() != flowsim.EndCaller || st.Caller != "hung up" || st.Duration != 0 || end.Elapsed != 400*time.Millisecond {
				t.Errorf("%s, script %v: end %q\n%s", doc, script, c.End(), tr)
			}
		}
	}
}

// TestLenientSource: Lenient passes over an unknown element of the XML
// given to New, as it does in a fetched document, instead of refusing the
// whole document; without it the document is refused.
func TestLenientSource(t *testing.T) {
	t.Parallel()
	doc := []byte(`<Response><Say>Hi.</Say><Frobnicate level="2"/><Hangup/></Response>`)
	sim, err := flowsim.New(doc, flowsim.Lenient())
	if err != nil {
		t.Fatal(err)
	}
	c := sim.Run(t.Context())
	tr := c.Transcript()
	if c.End() != flowsim.EndHangup || tr[2].Element != "Frobnicate" || tr[2].Outcome != flowsim.Skipped {
		t.Errorf("end %q\n%s", c.End(), tr)
	}
	sim, err = flowsim.New(doc)
	if err != nil {
		t.Fatal(err)
	}
	if c := sim.Run(t.Context()); c.End() != flowsim.EndInvalid {
		t.Errorf("strict: end %q\n%s", c.End(), c.Transcript())
	}
}

// TestExploreInvalidSource: Explore of a document that does not parse or
// validate reports why, as errors, instead of no findings at all.
func TestExploreInvalidSource(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{`<Response><Dial/></Response>`, `<Response><Say>Hi</Sai></Response>`} {
		ds, err := flowsim.Explore([]byte(doc), 2)
		if err != nil {
			t.Fatal(err)
		}
		if !ds.HasErrors() || ds[0].Path == "" || ds[0].Line == 0 {
			t.Errorf("%s: %v", doc, ds)
		}
	}
}

// TestBackgroundRecordTimeout: an empty <Record timeout> records in the
// background until its timeout: a Play of it before then fails (it is not
// finished), a RecordStop before then stops it at that time, and a Play
// after the timeout plays the timeout's length.
func TestBackgroundRecordTimeout(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ doc, want string }{
		{`<Response><Record tag="m" timeout="10000"/><Play record="m"/><Error><Say>Not yet.</Say></Error><Hangup/></Response>`, "Not yet."},
		{`<Response><Record tag="m" timeout="10000"/><Pause length="3000"/><RecordStop tag="m"/><Play record="m"/><Hangup/></Response>`, "recording m (3s)"},
		{`<Response><Record tag="m" timeout="10000"/><Pause length="15000"/><Play record="m"/><Hangup/></Response>`, "recording m (10s)"},
	} {
		sim, err := flowsim.New([]byte(tt.doc))
		if err != nil {
			t.Fatal(err)
		}
		c := sim.Run(t.Context())
		var got []string
		for _, st := range c.Transcript() {
			switch {
			case st.Element == "Play" && st.Outcome == flowsim.OK:
				got = append(got, st.Heard+" ("+strings.TrimSuffix(strings.SplitAfter(st.String(), "(")[1], ")")+")")
			case st.Heard != "":
				got = append(got, st.Heard)
			}
		}
		if strings.Join(got, "|") != tt.want || c.End() != flowsim.EndHangup {
			t.Errorf("%s: heard %q, want %q; end %q\n%s", tt.doc, got, tt.want, c.End(), c.Transcript())
		}
	}
}
