package render

import (
	"fmt"
	"strings"

	"github.com/opentact-go/opentact/verbs"
)

// appendChild adds child to the children of parent and reports whether the
// language allows it there.
func appendChild(parent, child verbs.Node) bool {
	switch p := parent.(type) {
	case *verbs.Response:
		return appendNode(&p.Commands, child)
	case *verbs.DTMF:
		return appendNode(&p.Commands, child)
	case *verbs.Default:
		return appendNode(&p.Commands, child)
	case *verbs.Error:
		return appendNode(&p.Commands, child)
	case *verbs.Call:
		return appendNode(&p.Commands, child)
	case *verbs.Geo:
		return appendNode(&p.Commands, child)
	case *verbs.Schedule:
		return appendNode(&p.Commands, child)
	case *verbs.Record:
		return appendNode(&p.Commands, child)
	case *verbs.Case:
		return appendNode(&p.Commands, child)
	case *verbs.Dial:
		return appendNode(&p.Children, child)
	case *verbs.Gather:
		return appendNode(&p.Children, child)
	case *verbs.Tone:
		return appendNode(&p.Children, child)
	case *verbs.Curl:
		return appendNode(&p.Children, child)
	case *verbs.Callback:
		return appendNode(&p.Children, child)
	case *verbs.Switch:
		return appendNode(&p.Children, child)
	case *verbs.RawElement:
		return appendNode(&p.Children, child)
	}
	return false
}

// appendNode appends child to list when it is of the list's element type.
func appendNode[T verbs.Node](list *[]T, child verbs.Node) bool {
	c, ok := child.(T)
	if ok {
		*list = append(*list, c)
	}
	return ok
}

// misplaced describes an element found where the language does not allow
// it, naming where it belongs.
func misplaced(name string, parent *frame, child verbs.Node) string {
	if _, raw := child.(*verbs.RawElement); raw {
		return fmt.Sprintf("<%s> is not allowed in <%s>, which has no child elements", name, parent.name)
	}
	var places []string
	if _, ok := child.(verbs.Command); ok {
		places = append(places, "a command list")
	}
	if _, ok := child.(verbs.DialChild); ok {
		places = append(places, "<Dial>")
	}
	if _, ok := child.(verbs.GatherChild); ok {
		places = append(places, "<Gather>")
	}
	if _, ok := child.(verbs.ToneChild); ok {
		places = append(places, "<Tone>")
	}
	if _, ok := child.(verbs.CurlChild); ok {
		places = append(places, "<Curl>")
	}
	if _, ok := child.(verbs.CallbackChild); ok {
		places = append(places, "<Callback>")
	}
	if _, ok := child.(verbs.SwitchChild); ok {
		places = append(places, "<Switch>")
	}
	if len(places) == 0 {
		return fmt.Sprintf("<%s> is not allowed in <%s>; it may only be the root element", name, parent.name)
	}
	where := places[0]
	if n := len(places); n > 1 {
		where = strings.Join(places[:n-1], ", ") + " or " + places[n-1]
	}
	return fmt.Sprintf("<%s> is not allowed in <%s>; it belongs in %s", name, parent.name, where)
}
