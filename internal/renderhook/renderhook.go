// Package renderhook hands the builder the pieces of package render that
// its fast path shares with the writer and the validator: the escaping
// function and the value rules. Package render sets every variable in its
// init function, so they are set before any code of package flow runs
// (flow imports render). Sharing the very functions keeps the bytes and
// the findings of the fast path those of render.Append and render.Check,
// without widening render's public API.
package renderhook

var (
	// AppendEscaped appends s escaped as text, or as an attribute value
	// when attr is true, and returns the byte offset of the first
	// character XML cannot hold, or -1.
	AppendEscaped func(dst []byte, s string, attr bool) ([]byte, int)
	// InvalidCharAt returns the byte offset of the first invalid UTF-8
	// sequence or character XML forbids in s, or -1.
	InvalidCharAt func(s string) int
	// IsDTMFKey reports a single DTMF key (dtmfkey).
	IsDTMFKey func(s string) bool
	// IsDTMFKeys reports one or more DTMF keys (dtmfkeys).
	IsDTMFKeys func(s string) bool
	// IsDTMFValue reports a DTMF branch value (dtmfvalue).
	IsDTMFValue func(s string) bool
	// IsLangTag reports a language tag (langtag).
	IsLangTag func(s string) bool
	// IsHTTPURL reports an absolute http or https URL (httpurl).
	IsHTTPURL func(s string) bool
	// IsDestination reports a destination of a Dial (destination).
	IsDestination func(s string) bool
	// AudioExt returns the lower-case extension of a URL's path, as the
	// audio-ext warning reads it.
	AudioExt func(s string) string
)
