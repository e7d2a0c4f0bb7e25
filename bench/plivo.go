package bench

import (
	"encoding/xml"

	plivoxml "github.com/plivo/plivo-go/v7/xml"
)

// plivoBranch renders a DTMF, Default or Error element as one more item of
// plivo-go's Contents lists; plivo-go has no such elements.
type plivoBranch struct {
	XMLName  xml.Name
	Value    string `xml:"value,attr,omitempty"`
	Contents []interface{}
}

func newPlivoBranch(name, value string, contents ...interface{}) plivoBranch {
	return plivoBranch{XMLName: xml.Name{Local: name}, Value: value, Contents: contents}
}

func plivoSay(text string) plivoxml.SpeakElement { return new(plivoxml.SpeakElement).AddSpeak(text) }

func plivoSmall() string {
	return plivoxml.ResponseElement{Contents: []interface{}{
		plivoSay(smallWelcome),
		new(plivoxml.GetDigitsElement).SetNumDigits(1).SetAction(smallURL).
			SetContents([]interface{}{plivoSay(smallPrompt)}),
		new(plivoxml.HangupElement),
	}}.String()
}

func plivoIVR() string {
	var support, tech []interface{}
	for _, a := range ivrSupportSIP {
		support = append(support, new(plivoxml.UserElement).SetContents(a))
	}
	support = append(support, newPlivoBranch("Error", "", plivoSay(ivrSupportKO), new(plivoxml.HangupElement)))
	for _, n := range ivrTechTNs {
		tech = append(tech, new(plivoxml.NumberElement).SetContents(n))
	}
	tech = append(tech, newPlivoBranch("Error", "", plivoSay(ivrTechKO), new(plivoxml.HangupElement)))
	return plivoxml.ResponseElement{Contents: []interface{}{
		plivoSay(ivrHold),
		plivoSay(ivrMenu),
		new(plivoxml.GetDigitsElement).SetNumDigits(1).SetFinishOnKey("#").SetContents([]interface{}{
			newPlivoBranch("DTMF", "1", plivoSay(ivrSupport), new(plivoxml.DialElement).SetContents(support)),
			newPlivoBranch("DTMF", "2", plivoSay(ivrTech), new(plivoxml.DialElement).SetContents(tech)),
			newPlivoBranch("DTMF", "0", plivoSay(ivrPin),
				new(plivoxml.GetDigitsElement).SetNumDigits(4).SetFinishOnKey("#").SetAction(ivrPinURL).
					SetContents([]interface{}{newPlivoBranch("Error", "", plivoSay(ivrPinKO), new(plivoxml.HangupElement))})),
			newPlivoBranch("Default", "", plivoSay(ivrNoInput)),
			newPlivoBranch("Error", "", plivoSay(ivrBadInput)),
		}),
		plivoSay(ivrBye),
		new(plivoxml.HangupElement),
	}}.String()
}
