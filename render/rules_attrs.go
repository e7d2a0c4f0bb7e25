package render

import (
	"slices"
	"strings"

	table "github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/verbs"
)

// extra checks the unmodelled attributes of a modelled element: each a
// valid XML name, none repeating a modelled attribute, an alias of one or
// another extra attribute. <Response> takes no attributes at all.
func (c *checker) extra(n verbs.Node, l loc, spec *table.Element) {
	dst := extraOf(n)
	if dst == nil || len(*dst) == 0 {
		return
	}
	attrs := *dst
	if _, root := n.(*verbs.Response); root {
		for _, a := range attrs {
			c.attrErrorf(l, a.Name, "root-attr", "<Response> takes no attributes, got %s", quoteName(a.Name))
		}
	}
	seen := make(map[string]bool, len(attrs))
	for _, a := range attrs {
		canon, alias := spec.AttrAliases[a.Name]
		switch {
		case !validXMLName(a.Name):
			c.attrErrorf(l, a.Name, "attr-name", "attribute name %q is not a valid XML name", a.Name)
		case spec.HasAttr(a.Name):
			c.attrErrorf(l, a.Name, "extra-attr", "extra attribute %s repeats an attribute <%s> models; set it through its field", a.Name, spec.Name)
		case alias && canon == "":
			c.attrErrorf(l, a.Name, "extra-attr", "extra attribute %s is an alias of the text content of <%s>; set the text instead", a.Name, spec.Name)
		case alias:
			c.attrErrorf(l, a.Name, "extra-attr", "extra attribute %s is an alias of %s, which <%s> models; set it through its field", a.Name, canon, spec.Name)
		case seen[a.Name]:
			c.attrErrorf(l, a.Name, "duplicate", "attribute %s is repeated", a.Name)
		}
		seen[a.Name] = true
	}
}

// rawElement checks an element kept as a raw node, the node being
// checked: its name must be a valid XML name that the language does not
// model, unless it stands inside another raw element, whose content is
// not the language's (a lenient parse keeps <Bar><Say>…</Say></Bar> so);
// its attributes must have valid, distinct names.
func (c *checker) rawElement(e *verbs.RawElement, l loc) {
	if !validXMLName(e.Name) {
		c.errorf(l, "element-name", "element name %q is not a valid XML name", e.Name)
	} else if spec, ok := table.Lookup(e.Name); ok && !c.insideRaw() {
		c.errorf(l, "element-name", "raw element <%s> is <%s> of the language; use its verbs type", e.Name, spec.Name)
	}
	seen := make(map[string]bool, len(e.Attrs))
	for _, a := range e.Attrs {
		switch {
		case !validXMLName(a.Name):
			c.attrErrorf(l, a.Name, "attr-name", "attribute name %q is not a valid XML name", a.Name)
		case seen[a.Name]:
			c.attrErrorf(l, a.Name, "duplicate", "attribute %s is repeated", a.Name)
		}
		seen[a.Name] = true
	}
}

// insideRaw reports whether the node being checked is a child of a raw
// element.
func (c *checker) insideRaw() bool {
	if len(c.stack) < 2 {
		return false
	}
	_, ok := c.stack[len(c.stack)-2].node.(*verbs.RawElement)
	return ok
}

// legacyAdvice says what replaces a legacy element or attribute.
var legacyAdvice = map[string]string{
	"Switch":      "; put <DTMF> branches directly in the <Gather>",
	"Case":        "; use <DTMF value=\"…\">",
	"Sip":         "; use <To>",
	"Number":      "; use <To>",
	"numDigits":   "; use dtmf_length (DTMFLength)",
	"finishOnKey": "; use dtmf_stop (DTMFStop)",
	"callback":    "; use url (URL)",
}

// currentGatherAttrs are the Gather attributes of the current dialect that
// legacy ones replace.
var currentGatherAttrs = []string{"dtmf_length", "dtmf_stop", "url"}

// legacy reports every legacy element and every legacy attribute that is
// set, and a <Gather> mixing legacy and current attributes.
func (c *checker) legacy(n verbs.Node, l loc, spec *table.Element) {
	if spec.Legacy {
		c.warnf(l, "legacy", "<%s> is legacy%s", spec.Name, legacyAdvice[spec.Name])
	}
	if len(spec.LegacyAttrs) == 0 {
		return
	}
	hasOld, hasCurrent := false, false
	eachPresentAttr(n, func(a string) {
		switch {
		case spec.IsLegacyAttr(a):
			hasOld = true
			c.attrWarnf(l, a, "legacy", "%s is a legacy attribute%s", spec.Label(a), legacyAdvice[a])
		case spec.Name == "Gather" && slices.Contains(currentGatherAttrs, a):
			hasCurrent = true
		}
	})
	if !hasOld || !hasCurrent {
		return
	}
	var old, current []string
	eachPresentAttr(n, func(a string) {
		switch {
		case spec.IsLegacyAttr(a):
			old = append(old, a)
		case slices.Contains(currentGatherAttrs, a):
			current = append(current, a)
		}
	})
	c.warnf(l, "legacy-mix", "<%s> mixes legacy attributes (%s) with current ones (%s)",
		spec.Name, strings.Join(old, ", "), strings.Join(current, ", "))
}
