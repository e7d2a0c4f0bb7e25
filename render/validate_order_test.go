package render

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/opentact-go/opentact/verbs"
)

// TestCheckOrderAtOnePath pins the order of findings that share a path,
// which Sort keeps as Check found them: the nil entries of a list, then
// the rules of the list about the parent; the rules of a list about a
// child before the child's own findings. A nil entry after the command
// that ends a list's reachable part is still reported.
func TestCheckOrderAtOnePath(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		doc  *verbs.Response
		want Diagnostics
	}{
		{"list rule before the child's own", vDoc(&verbs.Hangup{}, &verbs.Say{}), Diagnostics{
			vLint("/Response/Say[1]", "unreachable", "commands after <Hangup> never run"),
			vErr("/Response/Say[1]", "required", "<Say> needs text to speak"),
		}},
		{"nil entries before the list's rules", vDoc(&verbs.Dial{Children: []verbs.DialChild{nil, &verbs.Error{}, (*verbs.To)(nil)}}), Diagnostics{
			vErr("/Response/Dial[1]", "nil", "child 1 of <Dial> is nil"),
			vErr("/Response/Dial[1]", "nil", "child 3 of <Dial> is a nil *verbs.To"),
			vErr("/Response/Dial[1]", "required", "<Dial> needs at least one destination (<To>)"),
		}},
		{"gather", vDoc(&verbs.Gather{Children: []verbs.GatherChild{&verbs.Error{}, nil, &verbs.Error{}}}), Diagnostics{
			vErr("/Response/Gather[1]", "nil", "child 2 of <Gather> is nil"),
			vLint("/Response/Gather[1]", "gather-unused", "<Gather> has neither <DTMF> branches nor a url, so the digits it collects are not used"),
			vErr("/Response/Gather[1]/Error[2]", "duplicate", "<Gather> takes at most one <Error>"),
		}},
		{"nil after the unreachable", vDoc(&verbs.Hangup{}, &verbs.Say{}, nil, &verbs.Hangup{}), Diagnostics{
			vErr("/Response", "nil", "child 3 of <Response> is nil"),
			vLint("/Response/Say[1]", "unreachable", "commands after <Hangup> never run"),
			vErr("/Response/Say[1]", "required", "<Say> needs text to speak"),
		}},
		{"switch", vDoc(&verbs.Gather{Children: []verbs.GatherChild{&verbs.Switch{Children: []verbs.SwitchChild{
			&verbs.Error{}, &verbs.Case{DTMF: "1"}, nil, &verbs.Case{DTMF: "1"}}}}}), Diagnostics{
			vLint("/Response/Gather[1]/Switch[1]", "legacy", "<Switch> is legacy; put <DTMF> branches directly in the <Gather>"),
			vErr("/Response/Gather[1]/Switch[1]", "nil", "child 3 of <Switch> is nil"),
			vErr("/Response/Gather[1]/Switch[1]/Case[1]", "order", "<Case> must come before <Default> and <Error>"),
			vLint("/Response/Gather[1]/Switch[1]/Case[1]", "legacy", "<Case> is legacy; use <DTMF value=\"…\">"),
			vErr("/Response/Gather[1]/Switch[1]/Case[2]", "order", "<Case> must come before <Default> and <Error>"),
			vErr("/Response/Gather[1]/Switch[1]/Case[2]", "duplicate", "dtmf \"1\" is already used by an earlier <Case> of this <Switch>"),
			vLint("/Response/Gather[1]/Switch[1]/Case[2]", "legacy", "<Case> is legacy; use <DTMF value=\"…\">"),
		}},
		{"callback", vDoc(&verbs.Callback{URL: "http://x.com", Children: []verbs.CallbackChild{nil, &verbs.Error{}, &verbs.Error{Commands: []verbs.Command{&verbs.Hangup{}, &verbs.Say{}}}}}), Diagnostics{
			vErr("/Response/Callback[1]", "nil", "child 1 of <Callback> is nil"),
			vErr("/Response/Callback[1]/Error[2]", "duplicate", "<Callback> takes at most one <Error>"),
			vLint("/Response/Callback[1]/Error[2]/Say[1]", "unreachable", "commands after <Hangup> never run"),
			vErr("/Response/Callback[1]/Error[2]/Say[1]", "required", "<Say> needs text to speak"),
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.want, Check(tc.doc)); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
		})
	}
}
