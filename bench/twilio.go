package bench

import "github.com/twilio/twilio-go/twiml"

// twilioBranch renders a DTMF, Default or Error element through twilio-go's
// open Element interface; twilio-go has no such verbs.
type twilioBranch struct {
	name, value string
	children    []twiml.Element
}

func (b twilioBranch) GetName() string { return b.name }
func (b twilioBranch) GetText() string { return "" }
func (b twilioBranch) GetAttr() (map[string]string, map[string]string) {
	if b.value == "" {
		return nil, nil
	}
	return nil, map[string]string{"value": b.value}
}
func (b twilioBranch) GetInnerElements() []twiml.Element { return b.children }

func twilioSmall() (string, error) {
	return twiml.Voice([]twiml.Element{
		twiml.VoiceSay{Message: smallWelcome},
		twiml.VoiceGather{NumDigits: "1", Action: smallURL, InnerElements: []twiml.Element{
			twiml.VoiceSay{Message: smallPrompt},
		}},
		twiml.VoiceHangup{},
	})
}

func twilioIVR() (string, error) {
	var support, tech []twiml.Element
	for _, a := range ivrSupportSIP {
		support = append(support, twiml.VoiceSip{SipUrl: a})
	}
	support = append(support, twilioBranch{name: "Error", children: []twiml.Element{
		twiml.VoiceSay{Message: ivrSupportKO}, twiml.VoiceHangup{}}})
	for _, n := range ivrTechTNs {
		tech = append(tech, twiml.VoiceNumber{PhoneNumber: n})
	}
	tech = append(tech, twilioBranch{name: "Error", children: []twiml.Element{
		twiml.VoiceSay{Message: ivrTechKO}, twiml.VoiceHangup{}}})
	return twiml.Voice([]twiml.Element{
		twiml.VoiceSay{Message: ivrHold},
		twiml.VoiceSay{Message: ivrMenu},
		twiml.VoiceGather{NumDigits: "1", FinishOnKey: "#", InnerElements: []twiml.Element{
			twilioBranch{name: "DTMF", value: "1", children: []twiml.Element{
				twiml.VoiceSay{Message: ivrSupport},
				twiml.VoiceDial{InnerElements: support},
			}},
			twilioBranch{name: "DTMF", value: "2", children: []twiml.Element{
				twiml.VoiceSay{Message: ivrTech},
				twiml.VoiceDial{InnerElements: tech},
			}},
			twilioBranch{name: "DTMF", value: "0", children: []twiml.Element{
				twiml.VoiceSay{Message: ivrPin},
				twiml.VoiceGather{NumDigits: "4", FinishOnKey: "#", Action: ivrPinURL, InnerElements: []twiml.Element{
					twilioBranch{name: "Error", children: []twiml.Element{
						twiml.VoiceSay{Message: ivrPinKO}, twiml.VoiceHangup{}}},
				}},
			}},
			twilioBranch{name: "Default", children: []twiml.Element{twiml.VoiceSay{Message: ivrNoInput}}},
			twilioBranch{name: "Error", children: []twiml.Element{twiml.VoiceSay{Message: ivrBadInput}}},
		}},
		twiml.VoiceSay{Message: ivrBye},
		twiml.VoiceHangup{},
	})
}
