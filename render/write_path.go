package render

import (
	"strconv"
	"strings"

	"github.com/opentact-go/opentact/verbs"
)

// pathOf returns the XPath-style path of the first occurrence of target in
// r, in document order: /Response/Gather[1]/DTMF[2], with comment()[n] and
// text()[n] steps for comments and raw text, and *[n] for a raw element
// with no name. It is used only to report a
// fault, so it may allocate.
func pathOf(r *verbs.Response, target verbs.Node) string {
	if target == verbs.Node(r) {
		return "/Response"
	}
	if p, ok := findPath("/Response", nodeList(r.Commands), target, 0); ok {
		return p
	}
	return "/Response"
}

// findPath looks for target among kids and below them.
func findPath(prefix string, kids []verbs.Node, target verbs.Node, depth int) (string, bool) {
	if depth > maxWriteDepth {
		return "", false
	}
	var counts map[string]int
	for _, k := range kids {
		if isNilNode(k) {
			continue
		}
		step := k.ElementName()
		switch v := k.(type) {
		case *verbs.Comment:
			step = "comment()"
		case *verbs.RawText:
			step = "text()"
		case *verbs.RawElement:
			step = strings.ToValidUTF8(v.Name, "\uFFFD")
			if step == "" {
				step = "*"
			}
		}
		if counts == nil {
			counts = make(map[string]int)
		}
		counts[step]++
		p := prefix + "/" + step + "[" + strconv.Itoa(counts[step]) + "]"
		if k == target {
			return p, true
		}
		if q, ok := findPath(p, childNodes(k), target, depth+1); ok {
			return q, true
		}
	}
	return "", false
}

// childNodes returns the children of n.
func childNodes(n verbs.Node) []verbs.Node {
	switch v := n.(type) {
	case *verbs.Record:
		return nodeList(v.Commands)
	case *verbs.Dial:
		return nodeList(v.Children)
	case *verbs.Gather:
		return nodeList(v.Children)
	case *verbs.DTMF:
		return nodeList(v.Commands)
	case *verbs.Default:
		return nodeList(v.Commands)
	case *verbs.Error:
		return nodeList(v.Commands)
	case *verbs.Callback:
		return nodeList(v.Children)
	case *verbs.Curl:
		return nodeList(v.Children)
	case *verbs.Call:
		return nodeList(v.Commands)
	case *verbs.Geo:
		return nodeList(v.Commands)
	case *verbs.Schedule:
		return nodeList(v.Commands)
	case *verbs.Tone:
		return nodeList(v.Children)
	case *verbs.Switch:
		return nodeList(v.Children)
	case *verbs.Case:
		return nodeList(v.Commands)
	case *verbs.RawElement:
		return nodeList(v.Children)
	}
	return nil
}

func nodeList[T verbs.Node](list []T) []verbs.Node {
	out := make([]verbs.Node, len(list))
	for i, n := range list {
		out[i] = n
	}
	return out
}

// isNilNode reports whether n is nil or a nil pointer of a node type.
func isNilNode(n verbs.Node) bool {
	switch v := n.(type) {
	case nil:
		return true
	case *verbs.Response:
		return v == nil
	case *verbs.Answer:
		return v == nil
	case *verbs.Hangup:
		return v == nil
	case *verbs.Pause:
		return v == nil
	case *verbs.Say:
		return v == nil
	case *verbs.Play:
		return v == nil
	case *verbs.Record:
		return v == nil
	case *verbs.RecordStart:
		return v == nil
	case *verbs.RecordStop:
		return v == nil
	case *verbs.RecordWait:
		return v == nil
	case *verbs.Dial:
		return v == nil
	case *verbs.To:
		return v == nil
	case *verbs.Gather:
		return v == nil
	case *verbs.DTMF:
		return v == nil
	case *verbs.Default:
		return v == nil
	case *verbs.Error:
		return v == nil
	case *verbs.Callback:
		return v == nil
	case *verbs.Curl:
		return v == nil
	case *verbs.Call:
		return v == nil
	case *verbs.Geo:
		return v == nil
	case *verbs.Schedule:
		return v == nil
	case *verbs.Hold:
		return v == nil
	case *verbs.Unhold:
		return v == nil
	case *verbs.Tone:
		return v == nil
	case *verbs.Meta:
		return v == nil
	case *verbs.Switch:
		return v == nil
	case *verbs.Case:
		return v == nil
	case *verbs.Sip:
		return v == nil
	case *verbs.Number:
		return v == nil
	case *verbs.Comment:
		return v == nil
	case *verbs.RawElement:
		return v == nil
	case *verbs.RawText:
		return v == nil
	}
	return false
}
