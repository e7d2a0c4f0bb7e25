package render

import (
	"fmt"
	"strings"

	"github.com/opentact-go/opentact/verbs"
)

// accepts reports whether the language allows child among the children of
// parent.
func accepts(parent, child verbs.Node) bool { return childList(parent, child, nil) }

// setChildren sets the children of parent, each of which it accepts. The
// list is left nil when there are none.
func setChildren(parent verbs.Node, kids []verbs.Node) {
	if len(kids) > 0 {
		childList(parent, nil, kids)
	}
}

// listOp checks child against the element type of list when kids is nil,
// and otherwise sets list to kids, which have that type.
func listOp[T verbs.Node](list *[]T, child verbs.Node, kids []verbs.Node) bool {
	if kids == nil {
		_, ok := child.(T)
		return ok
	}
	l := make([]T, len(kids))
	for i, k := range kids {
		l[i] = k.(T)
	}
	*list = l
	return true
}

// misplaced describes an element found where the language does not allow
// it, naming where it belongs.
func misplaced(name string, parent *frame, child verbs.Node) string {
	if _, raw := child.(*verbs.RawElement); raw {
		return fmt.Sprintf("<%s> is not allowed in <%s>, which has no child elements", name, parent.name)
	}
	places := placesOf(child)
	if len(places) == 0 {
		return fmt.Sprintf("<%s> is not allowed in <%s>; it may only be the root element", name, parent.name)
	}
	where := places[0]
	if n := len(places); n > 1 {
		where = strings.Join(places[:n-1], ", ") + " or " + places[n-1]
	}
	return fmt.Sprintf("<%s> is not allowed in <%s>; it belongs in %s", name, parent.name, where)
}
