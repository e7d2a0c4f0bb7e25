package render

import "github.com/opentact-go/opentact/verbs"

// commandList applies the rules of a command list: an <Error> first in the
// list has no command before it to handle, and commands after a <Hangup>
// never run. Comments do not count, nor do the <Error> and <Meta> items
// right after a <Hangup>, which belong to it.
//
// Like the other rules of a list, it reports each nil entry as it meets
// it (nilEntry), before its findings about the parent: l is the node
// being checked.
func commandList(c *checker, l loc, kids []verbs.Command) {
	first, hungUp, unreachable := true, false, false
	for i, k := range kids {
		if verbs.IsNil(k) {
			c.nilEntry(i, k)
			continue
		}
		if unreachable {
			continue // the rest only has nil entries to report
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
				unreachable = true
				continue
			}
			hungUp = true
		default:
			if hungUp {
				c.warnf(loc{k, i}, "unreachable", "commands after <Hangup> never run")
				unreachable = true
				continue
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
			c.nilEntry(i, k)
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

// listRules applies the rules of the child list of the node being checked,
// which report its nil entries too, and reports whether n has such rules.
func (c *checker) listRules(n verbs.Node) bool {
	if cmds, ok := commandsOf(n); ok {
		commandList(c, here, cmds)
		return true
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
	default:
		return false
	}
	return true
}
