package bench

import (
	"encoding/xml"

	"github.com/BTBurke/twiml"
)

// btburkeBranch renders a DTMF, Default or Error element through
// BTBurke/twiml's Markup interface. The library's validator accepts only
// Say, Play and Pause inside a Gather and only nouns such as Sip inside a
// Dial, so the branch reports to it the type of a child allowed where it
// stands (kind), and validates its own children.
type btburkeBranch struct {
	XMLName  xml.Name
	Value    string `xml:"value,attr,omitempty"`
	Children []twiml.Markup
	kind     string
}

func (b *btburkeBranch) Type() string { return b.kind }

func (b *btburkeBranch) Validate() error {
	for _, c := range b.Children {
		if err := c.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// newBTBurkeBranch returns a branch to place inside a Gather.
func newBTBurkeBranch(name, value string, children ...twiml.Markup) *btburkeBranch {
	return &btburkeBranch{XMLName: xml.Name{Local: name}, Value: value, Children: children, kind: "Say"}
}

// newBTBurkeDialError returns an Error branch to place inside a Dial.
func newBTBurkeDialError(children ...twiml.Markup) *btburkeBranch {
	return &btburkeBranch{XMLName: xml.Name{Local: "Error"}, Children: children, kind: "Sip"}
}

func btburkeSmall() (string, error) {
	r := twiml.NewResponse()
	g := &twiml.Gather{NumDigits: 1, Action: smallURL}
	g.Add(&twiml.Say{Text: smallPrompt})
	r.Add(&twiml.Say{Text: smallWelcome}, g, &twiml.Hangup{})
	return r.String()
}

func btburkeIVR() (string, error) {
	support := &twiml.Dial{}
	for _, a := range ivrSupportSIP {
		support.Add(&twiml.Sip{Address: a})
	}
	support.Add(newBTBurkeDialError(&twiml.Say{Text: ivrSupportKO}, &twiml.Hangup{}))
	tech := &twiml.Dial{}
	for _, n := range ivrTechTNs {
		tech.Add(&twiml.Number{Number: n})
	}
	tech.Add(newBTBurkeDialError(&twiml.Say{Text: ivrTechKO}, &twiml.Hangup{}))
	pin := &twiml.Gather{NumDigits: 4, FinishOnKey: "#", Action: ivrPinURL}
	pin.Add(newBTBurkeBranch("Error", "", &twiml.Say{Text: ivrPinKO}, &twiml.Hangup{}))
	menu := &twiml.Gather{NumDigits: 1, FinishOnKey: "#"}
	menu.Add(
		newBTBurkeBranch("DTMF", "1", &twiml.Say{Text: ivrSupport}, support),
		newBTBurkeBranch("DTMF", "2", &twiml.Say{Text: ivrTech}, tech),
		newBTBurkeBranch("DTMF", "0", &twiml.Say{Text: ivrPin}, pin),
		newBTBurkeBranch("Default", "", &twiml.Say{Text: ivrNoInput}),
		newBTBurkeBranch("Error", "", &twiml.Say{Text: ivrBadInput}),
	)
	r := twiml.NewResponse()
	r.Add(&twiml.Say{Text: ivrHold}, &twiml.Say{Text: ivrMenu}, menu, &twiml.Say{Text: ivrBye}, &twiml.Hangup{})
	return r.String()
}
