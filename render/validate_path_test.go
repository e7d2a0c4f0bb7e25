package render

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/opentact-go/opentact/verbs"
)

func TestPaths(t *testing.T) {
	t.Parallel()
	to := []*verbs.To{{Destination: "1"}, {Destination: "2"}, {Destination: "3"}}
	shared := &verbs.Say{Text: "shared"}
	c1, c2 := &verbs.Comment{Text: "a"}, &verbs.Comment{Text: "b"}
	text := &verbs.RawText{Text: "t"}
	raw := &verbs.RawElement{Name: "Pause", Children: []verbs.RawChild{&verbs.RawElement{Name: "x"}, text}}
	dtmf2 := &verbs.DTMF{Value: "2", Commands: []verbs.Command{&verbs.Dial{Children: []verbs.DialChild{
		to[0], &verbs.Comment{}, to[1], nil, (*verbs.To)(nil), to[2]}}}}
	gather := &verbs.Gather{Children: []verbs.GatherChild{&verbs.DTMF{Value: "1"}, c2, dtmf2}}
	r := vDoc(c1, &verbs.Pause{}, shared, gather, raw, shared)

	paths := Paths(r)
	want := map[verbs.Node]string{
		r:      "/Response",
		c1:     "/Response/comment()[1]",
		shared: "/Response/Say[1]",
		gather: "/Response/Gather[1]",
		c2:     "/Response/Gather[1]/comment()[1]",
		dtmf2:  "/Response/Gather[1]/DTMF[2]",
		to[0]:  "/Response/Gather[1]/DTMF[2]/Dial[1]/To[1]",
		to[2]:  "/Response/Gather[1]/DTMF[2]/Dial[1]/To[3]",
		raw:    "/Response/Pause[2]",
		text:   "/Response/Pause[2]/text()[1]",
	}
	for n, w := range want {
		if got := paths[n]; got != w {
			t.Errorf("Paths()[%T] = %q, want %q", n, got, w)
		}
	}
	if len(paths) != 16 {
		t.Errorf("Paths() has %d entries, want 16 (nil entries skipped, the shared node once)", len(paths))
	}
	if diff := cmp.Diff(map[verbs.Node]string{}, Paths(nil)); diff != "" {
		t.Errorf("Paths(nil) (-want +got):\n%s", diff)
	}
}

// TestCheckPathsInLongLists: sibling positions are counted on the spot in
// a short list and cached for a long one; both give the paths of Paths.
func TestCheckPathsInLongLists(t *testing.T) {
	t.Parallel()
	for _, size := range []int{3, shortList, shortList + 1, 3 * shortList} {
		var cmds []verbs.Command
		for i := range size {
			if i%3 == 0 {
				cmds = append(cmds, &verbs.Pause{})
			}
			cmds = append(cmds, &verbs.Say{Text: "x"})
		}
		bad := &verbs.Say{}
		cmds = append(cmds[:len(cmds)-1], &verbs.Comment{Text: "c"}, bad, &verbs.Say{Text: "last"})
		r := vDoc(&verbs.Gather{URL: "http://x.com", Children: []verbs.GatherChild{&verbs.Default{Commands: cmds}}})
		var got []string
		for _, d := range Check(r) {
			if d.Rule == "required" {
				got = append(got, d.Path)
			}
		}
		if want := Paths(r)[bad]; len(got) != 1 || got[0] != want {
			t.Errorf("%d commands: required findings at %q, want one at %q", size, got, want)
		}
	}
}
