package flow_test

import (
	"fmt"
	"os"
	"time"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/verbs"
)

// A greeting: answer, speak in Spanish, hang up.
func Example() {
	f := flow.New().
		Answer().
		Say("Bienvenido a Opentact", flow.Lang("es")).
		Hangup(flow.Tag("CallEndedByUser"))

	if _, err := f.WriteTo(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Answer/>
	//   <Say lang="es">Bienvenido a Opentact</Say>
	//   <Hangup tag="CallEndedByUser"/>
	// </Response>
}

// The multi-level IVR of the Gather page: each branch is a sub-flow of its
// own, and the team branches come from one function.
func Example_ivr() {
	team := func(name string, destinations ...string) *flow.Flow {
		busy := flow.New().
			Say("Sorry, our " + name + " team is busy right now, please call again later").
			Hangup()
		var dial []flow.DialOption
		for _, d := range destinations {
			dial = append(dial, flow.To(d))
		}
		dial = append(dial, flow.OnError(busy))
		return flow.New().
			Say("Switching the call to the " + name + " team").
			Dial(dial...)
	}
	private := flow.New().
		Say("Now please enter a 4-digit code or # to stop entering a pin").
		Gather(
			flow.DTMFLength(4), flow.DTMFStop("#"),
			flow.URL("http://private.domain.com/rest/private_menu?token=TOKEN"),
			flow.OnError(flow.New().
				Say("Oops, something is going wrong, please call again later").
				Hangup()),
		)

	f := flow.New().
		Say("Thank you for calling Opentact. Please hold.").
		Say("Now please enter a 1 to call the support team, 2 to call the tech team, or 0 to enter a private menu").
		Gather(
			flow.DTMFLength(1), flow.DTMFStop("#"),
			flow.Digit("1", team("support", "support1@sip.opentact.org", "support2@sip.opentact.org")),
			flow.Digit("2", team("tech", "12223334455", "12223334456")),
			flow.Digit("0", private),
			flow.Default(flow.New().Say("No DTMF code entered. Please call again")),
			flow.OnError(flow.New().Say("Wrong input menu code entered. Please call again")),
		).
		Say("Thank you for using our service, have a nice day!").
		Hangup()

	xml, err := f.XML()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(xml))
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Say>Thank you for calling Opentact. Please hold.</Say>
	//   <Say>Now please enter a 1 to call the support team, 2 to call the tech team, or 0 to enter a private menu</Say>
	//   <Gather dtmf_length="1" dtmf_stop="#">
	//     <DTMF value="1">
	//       <Say>Switching the call to the support team</Say>
	//       <Dial>
	//         <To>support1@sip.opentact.org</To>
	//         <To>support2@sip.opentact.org</To>
	//         <Error>
	//           <Say>Sorry, our support team is busy right now, please call again later</Say>
	//           <Hangup/>
	//         </Error>
	//       </Dial>
	//     </DTMF>
	//     <DTMF value="2">
	//       <Say>Switching the call to the tech team</Say>
	//       <Dial>
	//         <To>12223334455</To>
	//         <To>12223334456</To>
	//         <Error>
	//           <Say>Sorry, our tech team is busy right now, please call again later</Say>
	//           <Hangup/>
	//         </Error>
	//       </Dial>
	//     </DTMF>
	//     <DTMF value="0">
	//       <Say>Now please enter a 4-digit code or # to stop entering a pin</Say>
	//       <Gather dtmf_length="4" dtmf_stop="#" url="http://private.domain.com/rest/private_menu?token=TOKEN">
	//         <Error>
	//           <Say>Oops, something is going wrong, please call again later</Say>
	//           <Hangup/>
	//         </Error>
	//       </Gather>
	//     </DTMF>
	//     <Default>
	//       <Say>No DTMF code entered. Please call again</Say>
	//     </Default>
	//     <Error>
	//       <Say>Wrong input menu code entered. Please call again</Say>
	//     </Error>
	//   </Gather>
	//   <Say>Thank you for using our service, have a nice day!</Say>
	//   <Hangup/>
	// </Response>
}

// Recording a name and playing it back: the Record's tag names the
// recording, PlayRecording replays it. RecordWhile records while its
// commands run.
func Example_recording() {
	f := flow.New().
		Say("Say your name").
		Record(flow.Tag("name1"), flow.Timeout(10*time.Second)).
		Pause(flow.Length(3*time.Second)).
		PlayRecording("name1").
		Say("Leave a message after the tone or enter a # to stop recording").
		RecordWhile(flow.New().Pause(flow.Length(time.Minute), flow.DTMFStop("#")), flow.ASR(true))

	fmt.Print(string(f.MustXML()))
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Say>Say your name</Say>
	//   <Record tag="name1" timeout="10000"/>
	//   <Pause length="3000"/>
	//   <Play record="name1"/>
	//   <Say>Leave a message after the tone or enter a # to stop recording</Say>
	//   <Record asr="true">
	//     <Pause length="60000" dtmf_stop="#"/>
	//   </Record>
	// </Response>
}

// Business hours: the Schedule blocks run only on their days and hours; a
// call outside them falls through to the voicemail prompt.
func Example_businessHours() {
	weekdays := flow.Days(verbs.Monday, verbs.Tuesday, verbs.Wednesday, verbs.Thursday, verbs.Friday)
	open := flow.New().
		Say("Welcome to our service!").
		Dial(flow.To("sip:desk@example.com"))

	f := flow.New().
		Schedule(open, weekdays, flow.Time("09:00:00-17:00:00")).
		Schedule(flow.New().Say("We are closed on weekends.").Hangup(),
			flow.Days(verbs.Saturday, verbs.Sunday)).
		Say("Our office is closed. Please call again between 9 am and 5 pm.")

	fmt.Print(string(f.MustXML()))
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Schedule dow="mon,tue,wed,thu,fri" time="09:00:00-17:00:00">
	//     <Say>Welcome to our service!</Say>
	//     <Dial>
	//       <To>sip:desk@example.com</To>
	//     </Dial>
	//   </Schedule>
	//   <Schedule dow="sat,sun">
	//     <Say>We are closed on weekends.</Say>
	//     <Hangup/>
	//   </Schedule>
	//   <Say>Our office is closed. Please call again between 9 am and 5 pm.</Say>
	// </Response>
}

// Geo routing: callers from New Jersey and New York reach the east-coast
// office, callers from Essex County get their own greeting first, every
// other caller the main office.
func Example_geo() {
	east := flow.New().Dial(flow.To("sip:east@example.com"))
	f := flow.New().
		Say("Thanks for calling Opentact!", flow.Tag("greeting")).
		Geo(flow.New().Say("Hello Essex County"), flow.States("NJ"), flow.County("ESSEX")).
		Geo(east, flow.States("NJ", "NY")).
		Dial(flow.To("sip:main@example.com"))

	fmt.Print(string(f.MustXML()))
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Say tag="greeting">Thanks for calling Opentact!</Say>
	//   <Geo states="NJ" county="ESSEX">
	//     <Say>Hello Essex County</Say>
	//   </Geo>
	//   <Geo states="NJ,NY">
	//     <Dial>
	//       <To>sip:east@example.com</To>
	//     </Dial>
	//   </Geo>
	//   <Dial>
	//     <To>sip:main@example.com</To>
	//   </Dial>
	// </Response>
}

// Error handling: an Error block after a command handles its failure; the
// Error child of a Dial or Callback runs when nobody answers or the URL
// does not reply with a document.
func Example_errorHandling() {
	goodbye := flow.New().Say("Sorry, please call again later").Hangup()
	f := flow.New().
		Answer().
		Play("https://example.com/audio/welcome.wav").
		OnError(nil, flow.Play(true)).
		Dial(flow.To("12223334455"), flow.OnError(goodbye)).
		Callback("https://example.com/next", flow.Method(verbs.MethodPost),
			flow.Timeout(5*time.Second), flow.OnError(goodbye))

	fmt.Print(string(f.MustXML()))
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Answer/>
	//   <Play>https://example.com/audio/welcome.wav</Play>
	//   <Error play="true"/>
	//   <Dial>
	//     <To>12223334455</To>
	//     <Error>
	//       <Say>Sorry, please call again later</Say>
	//       <Hangup/>
	//     </Error>
	//   </Dial>
	//   <Callback url="https://example.com/next" method="POST" timeout="5000">
	//     <Error>
	//       <Say>Sorry, please call again later</Say>
	//       <Hangup/>
	//     </Error>
	//   </Callback>
	// </Response>
}

// What Build returns for a wrong flow: nil and one render.Diagnostics
// holding every problem, the builder's and the validator's, each with the
// path of its element.
func ExampleFlow_Build() {
	menu := flow.New().Dial(flow.To("12223334455"), flow.To(""))
	f := flow.New().
		Pause(flow.Length(1500*time.Microsecond)).
		Say("Press 1", flow.Loop(0)).
		Gather(flow.Digit("1", menu), flow.Digit("1", nil))

	r, err := f.Build()
	fmt.Println(r == nil)
	fmt.Println(err)
	// Output:
	// true
	// error: /Response/Gather[1]/DTMF[1]/Dial[1]/To[2]: flow: empty destination
	// error: /Response/Gather[1]/DTMF[2]: flow: duplicate digit branch "1"
	// error: /Response/Pause[1]/@length: flow: length (Length) 1.5ms is not a whole number of milliseconds
	// error: /Response/Say[1]/@loop: loop (Loop) must be at least 1, got 0
}

// Sub-flows are plain values: compose them with Append and build them
// conditionally with ordinary Go.
func ExampleFlow_Append() {
	greeting := flow.New().Answer().Say("Thanks for calling")
	closing := flow.New().Say("Goodbye").Hangup()

	for _, vip := range []bool{false, true} {
		f := flow.New().Append(greeting)
		if vip {
			f.Dial(flow.To("sip:vip@example.com"))
		}
		f.Append(closing)
		fmt.Print(string(f.MustXML()))
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Answer/>
	//   <Say>Thanks for calling</Say>
	//   <Say>Goodbye</Say>
	//   <Hangup/>
	// </Response>
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Answer/>
	//   <Say>Thanks for calling</Say>
	//   <Dial>
	//     <To>sip:vip@example.com</To>
	//   </Dial>
	//   <Say>Goodbye</Say>
	//   <Hangup/>
	// </Response>
}

// Attr and Raw reach attributes and elements the SDK does not model yet;
// they are written after the modelled ones, escaped like every value.
func ExampleAttr() {
	f := flow.New().
		Say("Hi", flow.Lang("en-US"), flow.Attr("speed", "1.2")).
		Raw(&verbs.RawElement{Name: "Beep", Attrs: []verbs.Attr{{Name: "count", Value: "2"}}})

	fmt.Print(string(f.MustXML()))
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Say lang="en-US" speed="1.2">Hi</Say>
	//   <Beep count="2"/>
	// </Response>
}
