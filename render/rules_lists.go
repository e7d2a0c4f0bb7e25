package render

import "github.com/opentact-go/opentact/verbs"

// commandList applies the rules of a command list: an <Error> first in the
// list has no command before it to handle, and commands after a <Hangup>
// never run. Comments do not count, nor do the <Error> and <Meta> items
// right after a <Hangup>, which belong to it.
func commandList(c *checker, l loc, kids []verbs.Command) {
	first, hungUp := true, false
	for i, k := range kids {
		if verbs.IsNil(k) {
			continue
		}
		switch k.(type) {
		case *verbs.Comment:
			continue
		case *verbs.Error:
			if first {
				c.warnf(loc{k, i}, "error-first", "<Error> is first in its list, so there is no command before it whose failure it could handle")
			}
		case *verbs.Meta:
		case *verbs.Hangup:
			if hungUp {
				c.warnf(loc{k, i}, "unreachable", "commands after <Hangup> never run")
				return
			}
			hungUp = true
		default:
			if hungUp {
				c.warnf(loc{k, i}, "unreachable", "commands after <Hangup> never run")
				return
			}
		}
		first = false
	}
}

// atMostOneError applies the rule of <Callback> and <Curl>: at most one
// <Error> child.
func atMostOneError[T verbs.Node](c *checker, l loc, kids []T) {
	seen := false
	for i, k := range kids {
		if verbs.IsNil(k) {
			continue
		}
		if _, ok := verbs.Node(k).(*verbs.Error); ok {
			if seen {
				c.errorf(loc{k, i}, "duplicate", "<%s> takes at most one <Error>", c.nodeAt(l).ElementName())
			}
			seen = true
		}
	}
}

// listRules applies the rules of the child list of the node being checked.
func (c *checker) listRules(n verbs.Node) {
	if cmds, ok := commandsOf(n); ok {
		commandList(c, here, cmds)
		return
	}
	switch v := n.(type) {
	case *verbs.Dial:
		dialChildren(c, here, v.Children)
	case *verbs.Gather:
		gatherChildren(c, here, v.Children)
	case *verbs.Switch:
		switchChildren(c, here, v.Children)
	case *verbs.Callback:
		atMostOneError(c, here, v.Children)
	case *verbs.Curl:
		atMostOneError(c, here, v.Children)
	}
}
