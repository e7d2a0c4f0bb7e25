package verbs_test

import (
	"strings"
	"testing"

	"github.com/opentact-go/opentact/verbs"
)

func name(n verbs.Node) string {
	switch v := n.(type) {
	case *verbs.Comment:
		return "#comment"
	case *verbs.RawText:
		return "#text"
	case *verbs.RawElement:
		return "raw:" + v.Name
	}
	return n.ElementName()
}

func TestInspectVisitsEveryNodeInDocumentOrder(t *testing.T) {
	doc := &verbs.Response{Commands: []verbs.Command{
		&verbs.Say{Text: "menu"},
		nil,
		(*verbs.Play)(nil),
		&verbs.Gather{Children: []verbs.GatherChild{
			&verbs.DTMF{Value: "1", Commands: []verbs.Command{&verbs.Dial{Children: []verbs.DialChild{
				&verbs.To{Destination: "12125550100"}, &verbs.Error{Commands: []verbs.Command{&verbs.Hangup{}}}, &verbs.Meta{Name: "a"},
			}}}},
			&verbs.Default{Commands: []verbs.Command{&verbs.Comment{Text: "x"}}},
			&verbs.Switch{Children: []verbs.SwitchChild{&verbs.Case{DTMF: "2", Commands: []verbs.Command{&verbs.Pause{}}}}},
		}},
		&verbs.Record{Commands: []verbs.Command{&verbs.Geo{Commands: []verbs.Command{&verbs.Schedule{Commands: []verbs.Command{&verbs.Call{}}}}}}},
		&verbs.Tone{Children: []verbs.ToneChild{&verbs.Meta{}}},
		&verbs.Curl{Children: []verbs.CurlChild{&verbs.Error{}}},
		&verbs.Callback{Children: []verbs.CallbackChild{&verbs.Error{}}},
		&verbs.RawElement{Name: "New", Children: []verbs.RawChild{&verbs.RawText{Text: "t"}, &verbs.RawElement{Name: "Inner"}}},
	}}
	var got []string
	depth := 0
	verbs.Inspect(doc, func(n verbs.Node) bool {
		if n == nil {
			depth--
			return false
		}
		got = append(got, strings.Repeat(" ", depth)+name(n))
		depth++
		return true
	})
	want := strings.Join([]string{
		"Response", " Say", " Gather", "  DTMF", "   Dial", "    To", "    Error", "     Hangup", "    Meta",
		"  Default", "   #comment", "  Switch", "   Case", "    Pause",
		" Record", "  Geo", "   Schedule", "    Call", " Tone", "  Meta", " Curl", "  Error", " Callback", "  Error",
		" raw:New", "  #text", "  raw:Inner",
	}, "\n")
	if g := strings.Join(got, "\n"); g != want {
		t.Errorf("visit order:\n%s\nwant:\n%s", g, want)
	}
	if depth != 0 {
		t.Errorf("Visit(nil) calls unbalanced: depth %d", depth)
	}
}

func TestInspectSkipsChildrenWhenFalse(t *testing.T) {
	doc := &verbs.Response{Commands: []verbs.Command{
		&verbs.Gather{Children: []verbs.GatherChild{&verbs.DTMF{Value: "1", Commands: []verbs.Command{&verbs.Say{Text: "deep"}}}}},
		&verbs.Hangup{},
	}}
	var got []string
	verbs.Inspect(doc, func(n verbs.Node) bool {
		if n == nil {
			return false
		}
		got = append(got, name(n))
		_, isGather := n.(*verbs.Gather)
		return !isGather
	})
	if g := strings.Join(got, ","); g != "Response,Gather,Hangup" {
		t.Errorf("got %s", g)
	}
}

func TestWalkNilRoot(t *testing.T) {
	calls := 0
	verbs.Inspect(nil, func(verbs.Node) bool { calls++; return true })
	verbs.Inspect((*verbs.Response)(nil), func(verbs.Node) bool { calls++; return true })
	if calls != 0 {
		t.Errorf("nil roots visited %d times", calls)
	}
}
