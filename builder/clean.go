package flow

import (
	"strings"

	"github.com/opentact-go/opentact/internal/renderhook"
	"github.com/opentact-go/opentact/verbs"
)

// The predicates below tell whether a record's own values certainly pass
// the error rules of render.Check: the field rules of its struct tags and
// the element rules. They may say no to a value that is fine (the tree
// then decides), never yes to one that is not; the equivalence tests
// (equiv_test.go) hold them to that. The value rules are render's own
// functions, through package renderhook. The XML character rule is left
// to the fast writer for every value it escapes: the escaping function
// reports the first character XML cannot hold, and the writer then gives
// the flow to the tree (appendFast).

// clean reports a value XML can hold: valid UTF-8 without a character XML
// forbids. Only comment text, written as it is, needs it beforehand.
func clean(s string) bool { return renderhook.InvalidCharAt(s) < 0 }

// okCount reports an unset count or one of at least 1 (gte=1).
func okCount(o verbs.Opt[int]) bool { return !o.Set || o.Val >= 1 }

// okMillis reports an unset duration or one of at least 0 (gte=0).
func okMillis(o verbs.Opt[verbs.Millis]) bool { return !o.Set || o.Val >= 0 }

// okURL reports an empty URL or an http or https one (httpurl).
func okURL(s string) bool { return s == "" || isHTTPURL(s) }

// okLeg reports an empty leg or one of aleg, bleg and both.
func okLeg(l verbs.Leg) bool { return l == "" || l == "aleg" || l == "bleg" || l == "both" }

// noAttrs is the attribute set of an element given no attribute option.
var noAttrs recAttrs

// attrsOf returns the attribute values of a record.
func attrsOf(a *recAttrs) *recAttrs {
	if a == nil {
		return &noAttrs
	}
	return a
}

func sayClean(text string, a *recAttrs) bool {
	if text == "" || !notBlank(text) {
		return false
	}
	if a == nil {
		return true
	}
	return (a.Type == "" || a.Type == "Standard" || a.Type == "WaveNet") &&
		(a.Gender == "" || a.Gender == "FEMALE" || a.Gender == "MALE") &&
		(a.Lang == "" || renderhook.IsLangTag(a.Lang)) && okCount(a.Loop)
}

// notBlank reports a text with a character other than white space. A
// text that starts with a printable ASCII character other than the space
// is not blank, which strings.TrimSpace would take a call to find.
func notBlank(text string) bool {
	if c := text[0]; c > ' ' && c < 0x7f {
		return true
	}
	return strings.TrimSpace(text) != ""
}

func playClean(url string, a *recAttrs) bool {
	a = attrsOf(a)
	return url != "" && okURL(url) && okLeg(a.Leg) && okCount(a.Loop)
}

func pauseClean(a *recAttrs) bool {
	a = attrsOf(a)
	return okMillis(a.Length) && (a.DTMFStop == "" || renderhook.IsDTMFKeys(a.DTMFStop))
}

func gatherClean(a *recAttrs) bool {
	a = attrsOf(a)
	return okCount(a.DTMFLength) && (a.DTMFStop == "" || renderhook.IsDTMFKey(a.DTMFStop)) &&
		okURL(a.URL)
}

func commentClean(text string) bool {
	return clean(text) && !strings.Contains(text, "--") && !strings.HasSuffix(text, "-") &&
		!strings.Contains(text, "\r")
}

func destinationClean(d string) bool { return isDestination(d) }

func dtmfClean(value string) bool {
	return value != "" && renderhook.IsDTMFValue(value)
}

// gatherKidsClean applies the rules of a Gather's children: DTMF branches
// with distinct values before one Default before one Error, prompts and
// comments anywhere (a legacy Switch is a node: only the tree checks it).
func gatherKidsClean(kids []item) bool {
	var hasDefault, hasError bool
	for i := range kids {
		switch kids[i].kind() {
		case kindDTMF:
			if hasDefault || hasError || !dtmfClean(kids[i].text()) {
				return false
			}
		case kindDefault:
			if hasDefault || hasError {
				return false
			}
			hasDefault = true
		case kindError:
			if hasError {
				return false
			}
			hasError = true
		case kindSay, kindPlay, kindPause, kindComment:
		default:
			return false
		}
	}
	return true
}

// dialKidsClean applies the rules of a Dial's children: one or more valid
// destinations before at most one Error, comments anywhere.
func dialKidsClean(kids []item) bool {
	dests, hasError := 0, false
	for i := range kids {
		switch kids[i].kind() {
		case kindTo:
			if hasError || !kids[i].plain() && !destinationClean(kids[i].text()) {
				return false
			}
			dests++
		case kindError:
			if hasError {
				return false
			}
			hasError = true
		case kindComment:
		default:
			return false
		}
	}
	return dests > 0
}

// duplicateDigit reports two digit branches with the same value, which
// the tree reports on a copy of the second (see checkUnique).
func duplicateDigit(kids []item) bool {
	for i := range kids {
		v, ok := digitValue(&kids[i])
		if !ok {
			continue
		}
		for j := range i {
			if w, ok := digitValue(&kids[j]); ok && w == v {
				return true
			}
		}
	}
	return false
}

// digitValue returns the value of a digit branch, a record or a node.
func digitValue(it *item) (string, bool) {
	if it.kind() == kindDTMF {
		return it.text(), true
	}
	if d, ok := it.node().(*verbs.DTMF); ok && d != nil {
		return d.Value, true
	}
	return "", false
}
