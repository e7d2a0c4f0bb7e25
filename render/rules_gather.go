package render

import "github.com/opentact-go/opentact/verbs"

// gatherChildren applies the rules of <Gather>'s content: <DTMF> branches
// with distinct values, then at most one <Default>, then at most one
// <Error>; in the legacy dialect, prompts then one <Switch>. Mixing the
// two dialects and a Gather whose digits nothing uses are lints.
func (c *checker) gatherChildren(g *verbs.Gather, p string, kids []listItem) {
	var hasDTMF, hasDefault, hasError, hasPrompt, hasSwitch, hasCase bool
	values := make(map[string]bool)
	for _, k := range kids {
		name := k.node.ElementName()
		switch v := k.node.(type) {
		case *verbs.Say, *verbs.Play, *verbs.Pause:
			hasPrompt = true
			c.warnf(k.node, k.path, "legacy", "a prompt inside <Gather> is legacy; put the <%s> before the <Gather>", name)
			if hasSwitch {
				c.errorf(k.node, k.path, "order", "prompt <%s> must come before the <Switch>", name)
			}
		case *verbs.Switch:
			if hasSwitch {
				c.errorf(k.node, k.path, "duplicate", "<Gather> takes at most one <Switch>")
			}
			hasSwitch = true
			hasCase = hasCase || switchHasCase(v)
		case *verbs.DTMF:
			if hasDefault || hasError {
				c.errorf(k.node, k.path, "order", "<DTMF> must come before <Default> and <Error>")
			}
			hasDTMF = true
			c.dtmfValue(g, v, k.path, values)
		case *verbs.Default:
			if hasDefault {
				c.errorf(k.node, k.path, "duplicate", "<Gather> takes at most one <Default>")
			} else if hasError {
				c.errorf(k.node, k.path, "order", "<Default> must come before <Error>")
			}
			hasDefault = true
		case *verbs.Error:
			if hasError {
				c.errorf(k.node, k.path, "duplicate", "<Gather> takes at most one <Error>")
			}
			hasError = true
		}
	}
	if (hasPrompt || hasSwitch) && (hasDTMF || hasDefault) {
		c.warnf(g, p, "legacy-mix", "<Gather> mixes legacy content (prompts, <Switch>) with <DTMF> and <Default> branches")
	}
	if !hasDTMF && !hasCase && g.URL == "" && g.Callback == "" {
		c.warnf(g, p, "gather-unused", "<Gather> has neither <DTMF> branches nor a url, so the digits it collects are not used")
	}
}

// dtmfValue: values are unique within a Gather (a repeated value is
// reported at its <DTMF>, like any extra child) and, when dtmf_length is
// set, expected to have that many keys.
func (c *checker) dtmfValue(g *verbs.Gather, d *verbs.DTMF, p string, values map[string]bool) {
	if d.Value == "" {
		return
	}
	if values[d.Value] {
		c.errorf(d, p, "duplicate", "value %q is already used by an earlier <DTMF> of this <Gather>", d.Value)
	}
	values[d.Value] = true
	if n, ok := g.DTMFLength.Get(); ok && n >= 1 && len(d.Value) != n {
		c.warnf(d, attrPath(p, "value"), "dtmf-length", "value %q has %d keys but dtmf_length is %d", d.Value, len(d.Value), n)
	}
}

func switchHasCase(s *verbs.Switch) bool {
	for _, k := range s.Children {
		if cs, ok := k.(*verbs.Case); ok && cs != nil {
			return true
		}
	}
	return false
}

// switchChildren applies the rules of the legacy <Switch>: <Case> branches
// with distinct dtmf values, then at most one <Default>, then at most one
// <Error>.
func (c *checker) switchChildren(kids []listItem) {
	var hasDefault, hasError bool
	values := make(map[string]bool)
	for _, k := range kids {
		switch v := k.node.(type) {
		case *verbs.Case:
			if hasDefault || hasError {
				c.errorf(k.node, k.path, "order", "<Case> must come before <Default> and <Error>")
			}
			if v.DTMF != "" && values[v.DTMF] {
				c.errorf(k.node, k.path, "duplicate", "dtmf %q is already used by an earlier <Case> of this <Switch>", v.DTMF)
			}
			values[v.DTMF] = true
		case *verbs.Default:
			if hasDefault {
				c.errorf(k.node, k.path, "duplicate", "<Switch> takes at most one <Default>")
			} else if hasError {
				c.errorf(k.node, k.path, "order", "<Default> must come before <Error>")
			}
			hasDefault = true
		case *verbs.Error:
			if hasError {
				c.errorf(k.node, k.path, "duplicate", "<Switch> takes at most one <Error>")
			}
			hasError = true
		}
	}
}
