package render

import (
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/opentact-go/opentact/verbs"
)

// Paths returns the XPath-style path of every node of r, the same paths
// Check reports: 1-based positions among same-named siblings
// (/Response/Gather[1]/DTMF[2]/Say[1]), comment()[n] for comments and
// text()[n] for the text of a raw element, where comments count only among
// comments. It is keyed by node pointer, like Positions. A node that stands
// at several places of r keeps the path of its first place in document
// order; nil entries, nodes met again inside themselves and content nested
// more than 1000 levels deep are left out. A nil r has no paths.
func Paths(r *verbs.Response) map[verbs.Node]string {
	paths := make(map[verbs.Node]string)
	if r == nil {
		return paths
	}
	var visit func(n verbs.Node, path string, depth int)
	onStack := make(map[verbs.Node]bool)
	visit = func(n verbs.Node, path string, depth int) {
		if _, seen := paths[n]; !seen {
			paths[n] = path
		}
		if onStack[n] || depth > maxCheckDepth {
			return
		}
		onStack[n] = true
		kids := childrenOf(n)
		for i, p := range siblingPaths(path, kids) {
			if p != "" {
				visit(kids[i], p, depth+1)
			}
		}
		delete(onStack, n)
	}
	visit(r, "/Response", 0)
	return paths
}

// siblingPaths returns the path of each item of a child list under parent;
// a nil or typed-nil item gets "".
func siblingPaths(parent string, kids []verbs.Node) []string {
	out := make([]string, len(kids))
	count := make(map[string]int, len(kids))
	for i, k := range kids {
		if nodeIsNil(k) {
			continue
		}
		step := stepName(k)
		count[step]++
		out[i] = parent + "/" + step + "[" + strconv.Itoa(count[step]) + "]"
	}
	return out
}

// stepName is the name a node is counted by among its siblings.
func stepName(n verbs.Node) string {
	switch v := n.(type) {
	case *verbs.Comment:
		return "comment()"
	case *verbs.RawText:
		return "text()"
	case *verbs.RawElement:
		if v.Name == "" {
			return "*"
		}
		return strings.ToValidUTF8(v.Name, string(utf8.RuneError))
	}
	return n.ElementName()
}

// attrPath is the path of an element's attribute.
func attrPath(elem, attr string) string {
	return elem + "/@" + strings.ToValidUTF8(attr, string(utf8.RuneError))
}

// nodeIsNil reports a nil interface or an interface holding a nil pointer.
func nodeIsNil(n verbs.Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// childrenOf returns the child nodes of a non-nil node, in document order.
func childrenOf(n verbs.Node) []verbs.Node {
	switch v := n.(type) {
	case *verbs.Response:
		return asNodes(v.Commands)
	case *verbs.Record:
		return asNodes(v.Commands)
	case *verbs.Dial:
		return asNodes(v.Children)
	case *verbs.Gather:
		return asNodes(v.Children)
	case *verbs.DTMF:
		return asNodes(v.Commands)
	case *verbs.Default:
		return asNodes(v.Commands)
	case *verbs.Error:
		return asNodes(v.Commands)
	case *verbs.Callback:
		return asNodes(v.Children)
	case *verbs.Curl:
		return asNodes(v.Children)
	case *verbs.Call:
		return asNodes(v.Commands)
	case *verbs.Geo:
		return asNodes(v.Commands)
	case *verbs.Schedule:
		return asNodes(v.Commands)
	case *verbs.Tone:
		return asNodes(v.Children)
	case *verbs.Switch:
		return asNodes(v.Children)
	case *verbs.Case:
		return asNodes(v.Commands)
	case *verbs.RawElement:
		return asNodes(v.Children)
	}
	return nil
}

// asNodes converts a typed child list to a list of nodes.
func asNodes[T verbs.Node](list []T) []verbs.Node {
	out := make([]verbs.Node, len(list))
	for i, n := range list {
		out[i] = n
	}
	return out
}
