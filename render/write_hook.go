package render

import "github.com/opentact-go/opentact/internal/renderhook"

// init hands the builder's fast path the writer's escaping and the
// validator's value rules (see package renderhook).
func init() {
	renderhook.AppendEscaped = appendEscaped
	renderhook.InvalidCharAt = invalidCharAt
	renderhook.IsDTMFKey = isDTMFKey
	renderhook.IsDTMFKeys = isDTMFKeys
	renderhook.IsDTMFValue = isDTMFValue
	renderhook.IsLangTag = isLangTag
	renderhook.IsHTTPURL = isHTTPURL
	renderhook.IsDestination = isDestination
	renderhook.AudioExt = audioExt
}
