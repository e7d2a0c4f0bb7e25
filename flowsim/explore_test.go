package flowsim_test

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
	"github.com/opentact-go/opentact/webhook"
)

func findings(ds render.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestExploreGatherPage explores the Gather page's IVR: both Dials fall
// through to the goodbye, and the private menu's URL is not reachable
// offline.
func TestExploreGatherPage(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("testdata/ivr.xml")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := flowsim.Explore(doc, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := "11:13: warning: /Response/Gather[1]/DTMF[1]/Dial[1]: after the dialled party hangs up, the flow goes on with <Say> at /Response/Say[3]\n" +
		"25:13: warning: /Response/Gather[1]/DTMF[2]/Dial[1]: after the dialled party hangs up, the flow goes on with <Say> at /Response/Say[3]\n" +
		"39:13: warning: /Response/Gather[1]/DTMF[3]/Gather[1]: GET http://private.domain.com/rest/private_menu?token=TOKEN&dtmf=1111&from=15550100001&tn=15550100002&state=live&sca=30000000-0000-4000-8000-000000000001&call=20000000-0000-4000-8000-000000000001 failed: no route: the simulator does not use the network, see flowsim.Route\n"
	if got := findings(ds); got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
	// With the private menu served, the url Gather's request succeeds.
	ds, err = flowsim.Explore(doc, 3, flowsim.Reply("http://private.domain.com/", privateMenu))
	if err != nil {
		t.Fatal(err)
	}
	if got := findings(ds); strings.Contains(got, "private.domain.com") {
		t.Errorf("findings with the route:\n%s", got)
	}
}

// TestExploreFindings covers each kind of finding on small documents.
func TestExploreFindings(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		doc  string
		opts []flowsim.Option
		want string
	}{
		{
			name: "dead ends",
			doc:  `<Response><Gather dtmf_length="1"><DTMF value="1"><Say>x</Say></DTMF><Default><Hangup/></Default><Error><Hangup/></Error></Gather></Response>`,
			want: "1:51: error: /Response/Gather[1]/DTMF[1]/Say[1]: the call ends after this command without a <Hangup> or a <Dial>, after keys 1\n",
		},
		{
			name: "clean",
			doc:  `<Response><Gather dtmf_length="1"><DTMF value="1"><Hangup/></DTMF><Default><Hangup/></Default></Gather><Hangup/></Response>`,
			want: "",
		},
		{
			name: "unreachable DTMF and Default",
			doc:  `<Response><Gather dtmf_length="1" dtmf_stop="#"><DTMF value="1"><Hangup/></DTMF><DTMF value="1#"><Hangup/></DTMF></Gather><Hangup/></Response>`,
			want: "1:81: warning: /Response/Gather[1]/DTMF[2]: no key path enters this branch\n",
		},
		{
			name: "Default of a url Gather under the no-match reading",
			doc:  `<Response><Gather dtmf_length="1" url="https://app.example.com/g"><Default><Hangup/></Default></Gather><Hangup/></Response>`,
			opts: []flowsim.Option{flowsim.Reply("https://app.example.com/g", "<Response><Hangup/></Response>")},
			want: "1:67: warning: /Response/Gather[1]/Default[1]: no key path enters this branch\n",
		},
		{
			name: "a Callback that returns itself",
			doc:  `<Response><Callback url="https://app.example.com/self"/></Response>`,
			opts: []flowsim.Option{flowsim.Reply("https://app.example.com/self", `<Response><Callback url="https://app.example.com/self"/></Response>`)},
			want: "1:1: error: /Response: the flow fetches the same document from https://app.example.com/self again with no key pressed since\n",
		},
		{
			name: "an invalid reply",
			doc:  `<Response><Callback url="https://app.example.com/bad"><Error><Hangup/></Error></Callback></Response>`,
			opts: []flowsim.Option{flowsim.Reply("https://app.example.com/bad", `<Response><Dial/></Response>`)},
			want: "1:11: error: /Response/Callback[1]: GET https://app.example.com/bad returned an invalid document; 1:11: error: /Response/Dial[1]: <Dial> needs at least one destination (<To>)\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ds, err := flowsim.Explore([]byte(tt.doc), 3, tt.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if got := findings(ds); got != tt.want {
				t.Errorf("findings:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestExploreHandler explores an application whose menu repeats itself on
// silence (a loop) and whose key 3 panics (the fallback).
func TestExploreHandler(t *testing.T) {
	t.Parallel()
	menu := `<Response><Say>Menu.</Say><Gather dtmf_length="1" url="http://example.com/menu"/><Callback url="http://example.com/"/></Response>`
	fn := func(ctx context.Context, r *webhook.CallFlowRequest) (*verbs.Response, error) {
		switch r.DTMF {
		case "3":
			panic("key 3")
		case "1":
			return render.Parse([]byte(`<Response><Say>One.</Say><Hangup/></Response>`))
		case "":
			return render.Parse([]byte(menu))
		}
		return render.Parse([]byte(`<Response><Say>Bad key.</Say><Hangup/></Response>`))
	}
	h, err := webhook.NewCallFlowHandler(fn, webhook.WithErrorHook(func(*http.Request, error) {}))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := flowsim.Explore(flowsim.Handler(h, "/"), 2)
	if err != nil {
		t.Fatal(err)
	}
	got := findings(ds)
	for _, want := range []string{
		"error: /Response/Gather[1]: the flow comes back to this Gather with no key pressed since (in the document from http://example.com/), after keys (silence)",
		"error: /Response/Gather[1]: the handler answered GET http://example.com/menu?dtmf=3&from=15550100001&tn=15550100002&state=live&sca=30000000-0000-4000-8000-000000000001&call=20000000-0000-4000-8000-000000000001 with its fallback flow (it failed, panicked or timed out), after keys 3",
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("findings lack\n%s\ngot:\n%s", want, got)
		}
	}
}
