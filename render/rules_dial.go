package render

import "github.com/opentact-go/opentact/verbs"

// dialChildren applies the rules of <Dial>'s content: one or more
// destinations, then at most one <Error>, then <Meta> elements; a
// destination dialled twice is a lint.
func dialChildren(c *checker, l loc, kids []verbs.DialChild) {
	dests := 0
	seenError, seenMeta := false, false
	var dialled seenStrings
	for i, k := range kids {
		if verbs.IsNil(k) {
			c.nilEntry(i, k)
			continue
		}
		switch v := k.(type) {
		case *verbs.To, *verbs.Sip, *verbs.Number:
			dests++
			if seenError || seenMeta {
				c.errorf(loc{k, i}, "order", "destination <%s> must come before <Error> and <Meta>", k.ElementName())
			}
			dest := destinationOf(v)
			c.legacyForm(v, i, dest)
			if dialled.add(dest) && dest != "" {
				c.warnf(loc{k, i}, "duplicate-destination", "destination %q is already dialled by this <Dial>", dest)
			}
		case *verbs.Error:
			if seenError {
				c.errorf(loc{k, i}, "duplicate", "<Dial> takes at most one <Error>")
			} else if seenMeta {
				c.errorf(loc{k, i}, "order", "<Error> must come before <Meta>")
			}
			seenError = true
		case *verbs.Meta:
			seenMeta = true
		}
	}
	if dests == 0 {
		c.errorf(l, "required", "<Dial> needs at least one destination (<To>)")
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
// number; the other destination forms there are a lint. n is child i of
// the <Dial> being checked.
func (c *checker) legacyForm(n verbs.DialChild, i int, dest string) {
	switch n.(type) {
	case *verbs.Sip:
		if isDestination(dest) && isPhoneNumber(dest) {
			c.warnf(loc{n, i}, "destination-form", "<Sip> should hold a SIP address (user@host), got %q", dest)
		}
	case *verbs.Number:
		if isDestination(dest) && !isPhoneNumber(dest) {
			c.warnf(loc{n, i}, "destination-form", "<Number> should hold a phone number, got %q", dest)
		}
	}
}
