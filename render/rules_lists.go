package render

import "github.com/opentact-go/opentact/verbs"

// commandList applies the rules of a command list: an <Error> first in the
// list has no command before it to handle, and commands after a <Hangup>
// never run. Comments do not count, nor do the <Error> and <Meta> items
// right after a <Hangup>, which belong to it.
func (c *checker) commandList(kids []listItem) {
	first, hungUp := true, false
	for _, k := range kids {
		switch k.node.(type) {
		case *verbs.Comment:
			continue
		case *verbs.Error:
			if first {
				c.warnf(k.node, k.path, "error-first", "<Error> is first in its list, so there is no command before it whose failure it could handle")
			}
		case *verbs.Meta:
		case *verbs.Hangup:
			if hungUp {
				c.warnf(k.node, k.path, "unreachable", "commands after <Hangup> never run")
				return
			}
			hungUp = true
		default:
			if hungUp {
				c.warnf(k.node, k.path, "unreachable", "commands after <Hangup> never run")
				return
			}
		}
		first = false
	}
}

// atMostOneError applies the rule of <Callback> and <Curl>: at most one
// <Error> child.
func (c *checker) atMostOneError(parent verbs.Node, kids []listItem) {
	seen := false
	for _, k := range kids {
		if _, ok := k.node.(*verbs.Error); ok {
			if seen {
				c.errorf(k.node, k.path, "duplicate", "<%s> takes at most one <Error>", parent.ElementName())
			}
			seen = true
		}
	}
}
