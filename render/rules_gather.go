package render

import "github.com/opentact-go/opentact/verbs"

// gatherChildren applies the rules of <Gather>'s content: <DTMF> branches
// with distinct values, then at most one <Default>, then at most one
// <Error>; in the legacy dialect, prompts then one <Switch>. Mixing the
// two dialects and a Gather whose digits nothing uses are lints.
func gatherChildren(c *checker, l loc, kids []verbs.GatherChild) {
	g, _ := c.nodeAt(l).(*verbs.Gather)
	var hasDTMF, hasDefault, hasError, hasPrompt, hasSwitch, hasCase bool
	var values seenStrings
	for i, k := range kids {
		if verbs.IsNil(k) {
			c.nilEntry(i, k)
			continue
		}
		at := loc{k, i}
		switch v := k.(type) {
		case *verbs.Say, *verbs.Play, *verbs.Pause:
			hasPrompt = true
			c.warnf(at, "legacy", "a prompt inside <Gather> is legacy; put the <%s> before the <Gather>", k.ElementName())
			if hasSwitch {
				c.errorf(at, "order", "prompt <%s> must come before the <Switch>", k.ElementName())
			}
		case *verbs.Switch:
			if hasSwitch {
				c.errorf(at, "duplicate", "<Gather> takes at most one <Switch>")
			}
			hasSwitch = true
			hasCase = hasCase || switchHasCase(v)
		case *verbs.DTMF:
			if hasDefault || hasError {
				c.errorf(at, "order", "<DTMF> must come before <Default> and <Error>")
			}
			hasDTMF = true
			c.dtmfValue(g, v, at, &values)
		case *verbs.Default:
			if hasDefault {
				c.errorf(at, "duplicate", "<Gather> takes at most one <Default>")
			} else if hasError {
				c.errorf(at, "order", "<Default> must come before <Error>")
			}
			hasDefault = true
		case *verbs.Error:
			if hasError {
				c.errorf(at, "duplicate", "<Gather> takes at most one <Error>")
			}
			hasError = true
		}
	}
	if (hasPrompt || hasSwitch) && (hasDTMF || hasDefault) {
		c.warnf(l, "legacy-mix", "<Gather> mixes legacy content (prompts, <Switch>) with <DTMF> and <Default> branches")
	}
	if !hasDTMF && !hasCase && g.URL == "" && g.Callback == "" {
		c.warnf(l, "gather-unused", "<Gather> has neither <DTMF> branches nor a url, so the digits it collects are not used")
	}
}

// dtmfValue: values are unique within a Gather (a repeated value is
// reported at its <DTMF>, like any extra child) and, when dtmf_length is
// set, expected to have that many keys.
func (c *checker) dtmfValue(g *verbs.Gather, d *verbs.DTMF, l loc, values *seenStrings) {
	if d.Value == "" {
		return
	}
	if values.add(d.Value) {
		c.errorf(l, "duplicate", "value %q is already used by an earlier <DTMF> of this <Gather>", d.Value)
	}
	if n, ok := g.DTMFLength.Get(); ok && n >= 1 && len(d.Value) != n {
		c.attrWarnf(l, "value", "dtmf-length", "value %q has %d keys but dtmf_length is %d", d.Value, len(d.Value), n)
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
func switchChildren(c *checker, l loc, kids []verbs.SwitchChild) {
	var hasDefault, hasError bool
	var values seenStrings
	for i, k := range kids {
		if verbs.IsNil(k) {
			c.nilEntry(i, k)
			continue
		}
		at := loc{k, i}
		switch v := k.(type) {
		case *verbs.Case:
			if hasDefault || hasError {
				c.errorf(at, "order", "<Case> must come before <Default> and <Error>")
			}
			if values.add(v.DTMF) && v.DTMF != "" {
				c.errorf(at, "duplicate", "dtmf %q is already used by an earlier <Case> of this <Switch>", v.DTMF)
			}
		case *verbs.Default:
			if hasDefault {
				c.errorf(at, "duplicate", "<Switch> takes at most one <Default>")
			} else if hasError {
				c.errorf(at, "order", "<Default> must come before <Error>")
			}
			hasDefault = true
		case *verbs.Error:
			if hasError {
				c.errorf(at, "duplicate", "<Switch> takes at most one <Error>")
			}
			hasError = true
		}
	}
}
