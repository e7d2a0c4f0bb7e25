package render

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
