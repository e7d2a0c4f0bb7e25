package flow_test

import (
	"testing"

	flow "github.com/opentact-go/opentact/builder"
)

// ivr builds the multi-level IVR of the Gather page.
func ivr() *flow.Flow {
	team := func(name string, destinations ...string) *flow.Flow {
		opts := make([]flow.DialOption, 0, len(destinations)+1)
		for _, d := range destinations {
			opts = append(opts, flow.To(d))
		}
		opts = append(opts, flow.OnError(flow.New().
			Say("Sorry, our "+name+" team is busy right now, please call again later").
			Hangup()))
		return flow.New().Say("Switching the call to the " + name + " team").Dial(opts...)
	}
	return flow.New().
		Say("Thank you for calling Opentact. Please hold.").
		Say("Now please enter a 1 to call the support team, 2 to call the tech team, or 0 to enter a private menu").
		Gather(
			flow.DTMFLength(1), flow.DTMFStop("#"),
			flow.Comment(" SUPPORT TEAM "),
			flow.Digit("1", team("support", "support1@sip.opentact.org", "support2@sip.opentact.org", "support3@sip.opentact.org")),
			flow.Comment(" TECH TEAM "),
			flow.Digit("2", team("tech", "12223334455", "12223334456", "12223334457")),
			flow.Comment(" PRIVATE MENU "),
			flow.Digit("0", flow.New().
				Say("Now please enter a 4-digit code or # to stop entering a pin").
				Gather(flow.DTMFLength(4), flow.DTMFStop("#"),
					flow.URL("http://private.domain.com/rest/private_menu?token=TOKEN"),
					flow.OnError(flow.New().Say("Oops, something is going wrong, please call again later").Hangup()))),
			flow.Comment(" DEFAULT BEHAVIOR "),
			flow.Default(flow.New().Say("No DTMF code entered. Please call again")),
			flow.OnError(flow.New().Say("Wrong input menu code entered. Please call again")),
		).
		Say("Thank you for using our service, have a nice day!").
		Hangup()
}

// BenchmarkBuildIVR measures building the multi-level IVR with the
// builder, validating it and rendering its XML.
func BenchmarkBuildIVR(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ivr().XML(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderIVR measures validating and rendering an IVR already
// built, without the builder calls.
func BenchmarkRenderIVR(b *testing.B) {
	f := ivr()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.XML(); err != nil {
			b.Fatal(err)
		}
	}
}
