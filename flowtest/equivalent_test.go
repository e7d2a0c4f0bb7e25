package flowtest

import (
	"errors"
	"testing"

	"github.com/opentact-go/opentact/verbs"
)

func TestEquivalent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		want    string
		doc     Builder
		wantOK  bool
		kind    string
		message []string
	}{
		{name: "same layout", want: helloXML("Hi"), doc: helloDoc("Hi"), wantOK: true},
		{name: "compact, no declaration", want: "<Response><Say>Hi</Say><Hangup/></Response>", doc: helloDoc("Hi"), wantOK: true},
		{
			name:   "other layout and an alias",
			want:   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<Response>\r\n\t<Say text=\"Hi\"/>\r\n\t<Hangup></Hangup>\r\n</Response>",
			doc:    helloDoc("Hi"),
			wantOK: true,
		},
		{
			name: "different text", want: "<Response><Say>Hi</Say><Hangup/></Response>", doc: helloDoc("Bye"), kind: "error",
			message: []string{
				"flowtest: the document differs from the expected XML (-want +got):",
				"-" + `"  <Say>Hi</Say>",`,
				"+" + `"  <Say>Bye</Say>",`,
			},
		},
		{
			name: "missing command", want: "<Response><Say>Hi</Say></Response>", doc: helloDoc("Hi"), kind: "error",
			message: []string{"+" + `"  <Hangup/>",`},
		},
		{
			name: "expected XML does not parse", want: "<Response><Sayy>Hi</Sayy></Response>", doc: helloDoc("Hi"), kind: "fatal",
			message: []string{"flowtest: parsing the expected XML:\n", "Sayy"},
		},
		{
			name: "document does not build", want: helloXML("Hi"), kind: "fatal",
			doc:     builderFunc(func() (*verbs.Response, error) { return nil, errors.New("no destination") }),
			message: []string{"flowtest: building the document:\nno destination"},
		},
		{
			name: "warnings", want: "<Response><Hangup/><Say>never heard</Say></Response>", kind: "error",
			doc:     Response(&verbs.Response{Commands: []verbs.Command{&verbs.Hangup{}, &verbs.Say{Text: "never heard"}}}),
			message: []string{"flowtest: the document has warnings (pass flowtest.AllowWarnings() to accept them):", "commands after <Hangup> never run"},
		},
		{
			name: "builder", want: helloXML("Hi"), wantOK: true,
			doc: builderFunc(func() (*verbs.Response, error) { return hello("Hi"), nil }),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tb := &fakeTB{name: "TestX"}
			if ok := Equivalent(tb, tt.want, tt.doc); ok != tt.wantOK {
				t.Errorf("Equivalent = %v, want %v\n%s", ok, tt.wantOK, tb.report())
			}
			if tt.kind == "" {
				if tb.failed() {
					t.Errorf("want no failure\n%s", tb.report())
				}
				return
			}
			kind, msg, one := tb.only()
			if !one || kind != tt.kind {
				t.Fatalf("want exactly one %s message\n%s", tt.kind, tb.report())
			}
			if missing, ok := containsAll(msg, tt.message...); !ok {
				t.Errorf("message lacks %q:\n%s", missing, msg)
			}
		})
	}
}

func TestEquivalentAllowWarnings(t *testing.T) {
	t.Parallel()
	doc := Response(&verbs.Response{Commands: []verbs.Command{&verbs.Hangup{}, &verbs.Say{Text: "never heard"}}})
	tb := &fakeTB{name: "TestX"}
	if !Equivalent(tb, "<Response><Hangup/><Say>never heard</Say></Response>", doc, AllowWarnings()) || tb.failed() {
		t.Errorf("Equivalent with AllowWarnings failed\n%s", tb.report())
	}
}
