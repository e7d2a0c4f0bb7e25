package render

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/go-playground/validator/v10"

	"github.com/opentact-go/opentact/verbs"
)

// customRule is a validator tag of our own: the predicate, the Rule id of
// its diagnostics and what a valid value looks like.
type customRule struct {
	ok   func(string) bool
	rule string
	want string
}

// customRules are the validator tags documented in package verbs.
var customRules = map[string]customRule{
	"dtmfkeys":    {isDTMFKeys, "dtmf", "one or more of the keys 0-9 * # A B C D"},
	"dtmfkey":     {isDTMFKey, "dtmf", "one of the keys 0-9 * # A B C D"},
	"dtmfvalue":   {isDTMFValue, "dtmf", "one or more of the keys 0-9 * #"},
	"langtag":     {isLangTag, "lang", "a language tag such as en-US or es"},
	"httpurl":     {isHTTPURL, "url", "an absolute http or https URL"},
	"destination": {isDestination, "destination", "a SIP URI (sip:user@host), a SIP address (user@host) or a phone number of 7 to 15 digits"},
	"usps":        {isUSPS, "state", "a two-letter USPS state or territory code"},
	"timerange":   {isTimeRange, "time", "a range HH:MM:SS-HH:MM:SS of valid 24-hour clock times"},
}

// fieldValidator is the one validator of the package, with the custom
// rules and the Opt types registered once.
var fieldValidator = newFieldValidator()

func newFieldValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	registerOpt[int](v)
	registerOpt[verbs.Millis](v)
	registerOpt[bool](v)
	registerOpt[string](v)
	for name, r := range customRules {
		ok := r.ok
		// RegisterValidation fails only for an empty name or a built-in
		// one, which none of ours is.
		_ = v.RegisterValidation(name, func(fl validator.FieldLevel) bool {
			f := fl.Field()
			return f.Kind() == reflect.String && ok(f.String())
		})
	}
	return v
}

// optTypes are the Opt types registerOpt registers with the validator.
var optTypes = map[reflect.Type]struct{}{
	reflect.TypeFor[verbs.Opt[int]]():          {},
	reflect.TypeFor[verbs.Opt[verbs.Millis]](): {},
	reflect.TypeFor[verbs.Opt[bool]]():         {},
	reflect.TypeFor[verbs.Opt[string]]():       {},
}

// registerOpt makes the validator see a set Opt[T] as a pointer to its
// value and an unset one as a nil pointer, so that a tag starting with
// omitnil applies its rules only to a present attribute. The field of a
// node the validator walks is addressable, so the pointer is one into the
// node and nothing is copied.
func registerOpt[T any](v *validator.Validate) {
	v.RegisterCustomTypeFunc(func(f reflect.Value) any {
		var o *verbs.Opt[T]
		if f.CanAddr() {
			o, _ = f.Addr().Interface().(*verbs.Opt[T])
		} else if c, ok := f.Interface().(verbs.Opt[T]); ok {
			o = &c
		}
		if o == nil || !o.Set {
			return (*T)(nil)
		}
		return &o.Val
	}, verbs.Opt[T]{})
}

// skipChildLists keeps the validator to a node's own fields: children are
// checked one by one by the walk, with their own paths.
func skipChildLists(ns []byte) bool {
	return bytes.HasSuffix(ns, []byte(".Commands")) || bytes.HasSuffix(ns, []byte(".Children")) || bytes.HasSuffix(ns, []byte(".Extra"))
}

// fields applies the struct-tag rules of n, at l, and reports each failure
// under the attribute's name. Check skips it for a node whose rules are
// quiet (see typeInfo.quiet).
func (c *checker) fields(n verbs.Node, l loc) {
	if ti := infoOf(n); ti == nil || !ti.hasFields {
		return
	}
	c.fieldsOf(n, l, func() error { return fieldValidator.StructFiltered(n, skipChildLists) })
}

// fieldsOf reports the failures of run, a validation of n's fields.
func (c *checker) fieldsOf(n verbs.Node, l loc, run func() error) {
	defer func() {
		// The validator panics on a tag it does not know; report it
		// instead of passing the panic on.
		if r := recover(); r != nil {
			c.errorf(l, "internal", "the field rules of <%s> cannot run: %v", n.ElementName(), r)
		}
	}()
	err := run()
	if err == nil {
		return
	}
	var errs validator.ValidationErrors
	if !errors.As(err, &errs) {
		return
	}
	for _, fe := range errs {
		field, _, _ := strings.Cut(fe.StructField(), "[")
		attr, _ := attrOf(n, field)
		if attr != "" {
			rule, msg := describeFieldError(attr, fe)
			c.attrErrorf(l, attr, rule, "%s", msg)
			continue
		}
		rule, msg := describeFieldError("<"+n.ElementName()+"> text", fe)
		c.errorf(l, rule, "%s", msg)
	}
}

// describeFieldError turns a validator failure into a Rule id and a
// message naming the attribute.
func describeFieldError(label string, fe validator.FieldError) (rule, msg string) {
	got := showValue(fe.Value())
	switch fe.Tag() {
	case "required":
		return "required", label + " is required"
	case "gte":
		return "range", fmt.Sprintf("%s must be at least %s, got %s", label, fe.Param(), got)
	case "lte":
		return "range", fmt.Sprintf("%s must be at most %s, got %s", label, fe.Param(), got)
	case "oneof":
		return "enum", fmt.Sprintf("%s must be one of %s, got %s", label, strings.Join(strings.Fields(fe.Param()), ", "), got)
	}
	if r, ok := customRules[fe.Tag()]; ok {
		return r.rule, fmt.Sprintf("%s must be %s, got %s", label, r.want, got)
	}
	return fe.Tag(), fmt.Sprintf("%s fails the %s rule, got %s", label, fe.Tag(), got)
}

// showValue formats a value for a message: strings quoted, numbers plain.
func showValue(v any) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.String {
		return strconv.Quote(rv.String())
	}
	return fmt.Sprint(v)
}
