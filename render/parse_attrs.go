package render

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	table "github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/verbs"
)

// parsedAttr is one attribute being read, with what its findings need.
type parsedAttr struct {
	name  string // as written
	value string
	owner *frame
	pos   Position
}

// path returns the path of the attribute, built only for a finding.
func (a parsedAttr) path() string { return a.owner.path() + "/@" + a.name }

// attrs reads the attributes of a known element into its node: aliases
// become the canonical attribute, unknown attributes are errors (lenient:
// Extra attributes), and every value is checked for its type.
func (p *parser) attrs(f *frame, spec *table.Element, list []xmlAttr) {
	if len(list) == 0 {
		return
	}
	var canonical attrMap // canonical name → as written
	var extra []verbs.Attr
	for _, xa := range list {
		if p.fatal {
			return
		}
		a := parsedAttr{name: xa.name, value: xa.value, owner: f, pos: f.pos}
		if xa.repeat {
			p.repeatedAttr(a)
			continue
		}
		canon, alias := spec.AttrAliases[a.name]
		if !alias && spec.HasAttr(a.name) {
			canon = a.name
		}
		if !alias && canon == "" {
			if p.settings.lenient {
				extra = append(extra, verbs.Attr{Name: a.name, Value: a.value})
				p.addWarning(a.path(), a.pos, "unknown-attribute", unknownAttr(a.name, *spec)+"; kept as written")
				continue
			}
			p.addError(a.path(), a.pos, "unknown-attribute", unknownAttr(a.name, *spec))
			continue
		}
		key := canon
		if key == "" {
			key = "#text"
		}
		if other, dup := canonical.get(key); dup {
			p.addError(a.path(), a.pos, "alias-conflict",
				fmt.Sprintf("both %s and %s are set on <%s>; they are the same attribute", other, a.name, spec.Name))
			continue
		}
		canonical.set(key, a.name)
		if canon == "" && spec.TrimText {
			a.value = trimXMLSpace(a.value) // a URL, trimmed like the text it stands for
		}
		if a.value != "" && (canon == "" || canon == spec.TextForm) {
			f.textAttr = a.name // the text content may give the same value
		}
		p.setAttr(f.node, canon, a)
	}
	if extra != nil {
		if dst := extraOf(f.node); dst != nil {
			*dst = extra
		}
	}
}

// repeatedAttr reports an attribute whose name an earlier attribute of
// the same tag has.
func (p *parser) repeatedAttr(a parsedAttr) {
	p.addError(a.path(), a.pos, "duplicate-attribute", fmt.Sprintf("attribute %s is repeated", a.name))
}

// maxAttrScan is the number of canonical names of an element kept in an
// array; more go to a map.
const maxAttrScan = 8

// attrMap maps the canonical names of the attributes read so far to their
// names as written: a few pairs in an array, the rest in a map.
type attrMap struct {
	keys, vals [maxAttrScan]string
	n          int
	m          map[string]string
}

// get returns the value of key.
func (m *attrMap) get(key string) (string, bool) {
	for i := range m.n {
		if m.keys[i] == key {
			return m.vals[i], true
		}
	}
	v, ok := m.m[key]
	return v, ok
}

// set sets the value of a key not yet in m.
func (m *attrMap) set(key, val string) {
	if m.n < len(m.keys) {
		m.keys[m.n], m.vals[m.n] = key, val
		m.n++
		return
	}
	if m.m == nil {
		m.m = make(map[string]string)
	}
	m.m[key] = val
}

// unknownAttr describes an attribute the element does not have, suggesting
// a close one.
func unknownAttr(name string, spec table.Element) string {
	msg := fmt.Sprintf("unknown attribute %s on <%s>", name, spec.Name)
	if len(spec.Attrs) == 0 && len(spec.AttrAliases) == 0 {
		return msg + fmt.Sprintf("; <%s> has no attributes", spec.Name)
	}
	var aliases []string
	for alias, canon := range spec.AttrAliases {
		if canon != "" {
			aliases = append(aliases, alias)
		}
	}
	slices.Sort(aliases) // a deterministic order for ties
	candidates := append(slices.Clone(spec.Attrs), aliases...)
	if s := suggest(name, candidates); s != "" {
		msg += fmt.Sprintf("; did you mean %s?", s)
	}
	return msg
}

// rawAttrs reads the attributes of a raw element as written.
func (p *parser) rawAttrs(f *frame, list []xmlAttr) []verbs.Attr {
	var out []verbs.Attr
	for _, xa := range list {
		if p.fatal {
			return out
		}
		a := parsedAttr{name: xa.name, value: xa.value, owner: f, pos: f.pos}
		if xa.repeat {
			p.repeatedAttr(a)
			continue
		}
		if out == nil {
			out = make([]verbs.Attr, 0, len(list))
		}
		out = append(out, verbs.Attr{Name: a.name, Value: a.value})
	}
	return out
}

// str reads a string attribute the model keeps as a plain string, where
// empty means absent: an empty value is read as absent and reported.
func (p *parser) str(a parsedAttr) string {
	if a.value == "" {
		p.addWarning(a.path(), a.pos, "empty-attribute", fmt.Sprintf("empty attribute %s is read as absent", a.name))
	}
	return a.value
}

// list reads a comma-separated list; an empty value is read as absent and
// reported.
func (p *parser) list(a parsedAttr) []string {
	if a.value == "" {
		p.addWarning(a.path(), a.pos, "empty-attribute", fmt.Sprintf("empty attribute %s is read as absent", a.name))
		return nil
	}
	return strings.Split(a.value, ",")
}

// method reads an HTTP method, accepting lowercase.
func (p *parser) method(a parsedAttr) verbs.Method {
	return verbs.Method(strings.ToUpper(p.str(a)))
}

// count reads a base-10 integer without sign.
func (p *parser) count(a parsedAttr) verbs.Opt[int] {
	v, err := parseDecimal(a.value, false, strconv.IntSize)
	if err != nil {
		p.badValue(a, err)
		return verbs.Opt[int]{}
	}
	return verbs.Some(int(v))
}

// millis reads a duration in milliseconds, a base-10 integer without sign.
func (p *parser) millis(a parsedAttr) verbs.Opt[verbs.Millis] {
	v, err := parseDecimal(a.value, false, 64)
	if err != nil {
		p.badValue(a, err)
		return verbs.Opt[verbs.Millis]{}
	}
	return verbs.Some(verbs.Millis(v))
}

// boolean reads true or false.
func (p *parser) boolean(a parsedAttr) verbs.Opt[bool] {
	switch a.value {
	case "true":
		return verbs.Some(true)
	case "false":
		return verbs.Some(false)
	}
	p.badValue(a, errors.New("want true or false"))
	return verbs.Opt[bool]{}
}

// signed reads a base-10 integer that may have a minus sign.
func (p *parser) signed(a parsedAttr) verbs.Opt[int] {
	v, err := parseDecimal(a.value, true, strconv.IntSize)
	if err != nil {
		p.badValue(a, err)
		return verbs.Opt[int]{}
	}
	return verbs.Some(int(v))
}

// ints reads a comma-separated list of base-10 integers without sign; a
// bad item is reported and the whole list read as absent.
func (p *parser) ints(a parsedAttr) []int {
	var out []int
	for i, item := range p.list(a) {
		v, err := parseDecimal(item, false, strconv.IntSize)
		if err != nil {
			p.addError(a.path(), a.pos, "value", fmt.Sprintf("invalid %s %s: item %d %s: %s", a.name, quoteCapped(a.value), i+1, strconv.Quote(item), err))
			return nil
		}
		out = append(out, int(v))
	}
	return out
}

// badValue reports a value that does not have its attribute's type.
func (p *parser) badValue(a parsedAttr, err error) {
	p.addError(a.path(), a.pos, "value", fmt.Sprintf("invalid %s %s: %s", a.name, quoteCapped(a.value), err))
}

// parseDecimal reads a base-10 integer: digits only, with a leading minus sign
// when signed allows it.
func parseDecimal(s string, signed bool, bits int) (int64, error) {
	digits := s
	if signed {
		digits = strings.TrimPrefix(s, "-")
	}
	if digits == "" || strings.Trim(digits, "0123456789") != "" {
		if signed {
			return 0, errors.New("want a base-10 integer")
		}
		return 0, errors.New("want a base-10 integer without sign")
	}
	v, err := strconv.ParseInt(s, 10, bits)
	if err != nil {
		return 0, errors.New("out of range")
	}
	return v, nil
}
