package bench

import (
	flow "github.com/opentact-go/opentact/builder"
)

// opentactSmall builds the small document. Its Say inside the Gather is a
// prompt of the legacy dialect, the shape the peers use; the current
// dialect would put the prompt before the Gather.
func opentactSmall() *flow.Flow {
	return flow.New().
		Say(smallWelcome).
		Gather(flow.DTMFLength(1), flow.URL(smallURL), flow.Prompts(flow.New().Say(smallPrompt))). //nolint:staticcheck // the peers' shape
		Hangup()
}

// opentactIVR builds the multi-level IVR of Opentact's Gather page, without
// its comments (the peers cannot write comments).
func opentactIVR() *flow.Flow {
	support := flow.New().Say(ivrSupport).Dial(
		flow.To(ivrSupportSIP[0]), flow.To(ivrSupportSIP[1]), flow.To(ivrSupportSIP[2]),
		flow.OnError(flow.New().Say(ivrSupportKO).Hangup()),
	)
	tech := flow.New().Say(ivrTech).Dial(
		flow.To(ivrTechTNs[0]), flow.To(ivrTechTNs[1]), flow.To(ivrTechTNs[2]),
		flow.OnError(flow.New().Say(ivrTechKO).Hangup()),
	)
	private := flow.New().Say(ivrPin).Gather(
		flow.DTMFLength(4), flow.DTMFStop("#"), flow.URL(ivrPinURL),
		flow.OnError(flow.New().Say(ivrPinKO).Hangup()),
	)
	return flow.New().
		Say(ivrHold).
		Say(ivrMenu).
		Gather(flow.DTMFLength(1), flow.DTMFStop("#"),
			flow.Digit("1", support),
			flow.Digit("2", tech),
			flow.Digit("0", private),
			flow.Default(flow.New().Say(ivrNoInput)),
			flow.OnError(flow.New().Say(ivrBadInput)),
		).
		Say(ivrBye).
		Hangup()
}
