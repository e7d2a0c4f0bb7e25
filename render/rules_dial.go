package render

import "github.com/opentact-go/opentact/verbs"

// dialChildren applies the rules of <Dial>'s content: one or more
// destinations, then at most one <Error>, then <Meta> elements; a
// destination dialled twice is a lint.
func (c *checker) dialChildren(d *verbs.Dial, p string, kids []listItem) {
	dests := 0
	seenError, seenMeta := false, false
	dialled := make(map[string]bool)
	for _, k := range kids {
		switch v := k.node.(type) {
		case *verbs.To, *verbs.Sip, *verbs.Number:
			dests++
			if seenError || seenMeta {
				c.errorf(k.node, k.path, "order", "destination <%s> must come before <Error> and <Meta>", k.node.ElementName())
			}
			dest := destinationOf(v)
			c.legacyForm(v, k.path, dest)
			if dest != "" && dialled[dest] {
				c.warnf(k.node, k.path, "duplicate-destination", "destination %q is already dialled by this <Dial>", dest)
			}
			dialled[dest] = true
		case *verbs.Error:
			if seenError {
				c.errorf(k.node, k.path, "duplicate", "<Dial> takes at most one <Error>")
			} else if seenMeta {
				c.errorf(k.node, k.path, "order", "<Error> must come before <Meta>")
			}
			seenError = true
		case *verbs.Meta:
			seenMeta = true
		}
	}
	if dests == 0 {
		c.errorf(d, p, "required", "<Dial> needs at least one destination (<To>)")
	}
}

// destinationOf returns the text of a destination node.
func destinationOf(n verbs.Node) string {
	switch v := n.(type) {
	case *verbs.To:
		return v.Destination
	case *verbs.Sip:
		return v.Address
	case *verbs.Number:
		return v.Digits
	}
	return ""
}

// legacyForm: the legacy <Sip> holds a SIP address and <Number> a phone
// number; the other destination forms there are a lint.
func (c *checker) legacyForm(n verbs.Node, p, dest string) {
	if !isDestination(dest) {
		return // the destination rule already reports it
	}
	switch n.(type) {
	case *verbs.Sip:
		if isPhoneNumber(dest) {
			c.warnf(n, p, "destination-form", "<Sip> should hold a SIP address (user@host), got %q", dest)
		}
	case *verbs.Number:
		if !isPhoneNumber(dest) {
			c.warnf(n, p, "destination-form", "<Number> should hold a phone number, got %q", dest)
		}
	}
}
