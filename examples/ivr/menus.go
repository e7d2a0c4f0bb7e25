package main

import (
	"time"

	flow "github.com/opentact-go/opentact/builder"
)

// The SIP destinations of the teams. A real application would read them
// from its configuration.
const (
	supportDest    = "support@sip.example.com"
	networkingDest = "networking@sip.example.com"
	networkingAlt  = "networking-backup@sip.example.com"
	softwareDest   = "15550100050"
)

// welcome is the root menu. Opentact sends the digit the caller presses to
// menuURL, whose reply continues the call.
func welcome(menuURL string) *flow.Flow {
	return menu("Welcome to Example Corp. For support, press 1. For the tech team, press 2. To leave a voicemail, press 3. For your account, press 4.", menuURL)
}

// techMenu is the tech team's menu; its digit goes to techURL.
func techMenu(techURL string) *flow.Flow {
	return menu("Tech team. For networking, press 1. For software, press 2. To go back, press 0.", techURL)
}

// menu speaks a prompt and sends the digit the caller presses to url. When
// url does not answer with a document, the Gather's Error block apologises;
// when no digit comes, the flow goes on past the Gather.
func menu(prompt, url string) *flow.Flow {
	unavailable := flow.New().Say("Sorry, the menu is not available right now. Goodbye.").Hangup()
	return flow.New().
		Say(prompt).
		Gather(flow.DTMFLength(1), flow.URL(url), flow.OnError(unavailable)).
		Say("We did not get your choice. Goodbye.").
		Hangup()
}

// support connects the caller to the support desk, and takes a voicemail
// when nobody answers.
func support(caller string) *flow.Flow {
	return connect("Connecting you to support.", caller, flow.To(supportDest))
}

// networking rings both networking lines.
func networking(caller string) *flow.Flow {
	return connect("Connecting you to networking.", caller, flow.To(networkingDest), flow.To(networkingAlt))
}

// software rings the software team's phone number.
func software(caller string) *flow.Flow {
	return connect("Connecting you to software.", caller, flow.To(softwareDest))
}

// connect announces a transfer and dials the destinations, falling back to
// voicemail.
func connect(announce, caller string, to ...flow.Destination) *flow.Flow {
	opts := make([]flow.DialOption, 0, len(to)+1)
	for _, d := range to {
		opts = append(opts, d)
	}
	busy := flow.New().Say("Nobody is available right now.").Append(voicemail(caller))
	opts = append(opts, flow.OnError(busy))
	return flow.New().Say(announce).Dial(opts...).Hangup()
}

// voicemail records a message until the caller presses # or two minutes
// pass. The caller's number travels with the recording's events as Meta.
func voicemail(caller string) *flow.Flow {
	f := flow.New()
	if caller != "" {
		f.Meta("caller", caller)
	}
	return f.
		Say("Please leave a message after the tone, then press the hash key.").
		Tone(flow.Hz(440), flow.On(500*time.Millisecond)).
		RecordWhile(flow.New().Pause(flow.Length(2*time.Minute), flow.DTMFStop("#")), flow.Tag("voicemail")).
		Say("Thank you for your message. Goodbye.").
		Hangup()
}

// invalid tells the caller the choice was not valid and repeats a menu.
func invalid(menu *flow.Flow) *flow.Flow {
	return flow.New().Say("Sorry, that is not a valid choice.").Append(menu)
}
