package flowsim_test

import (
	"context"
	"fmt"

	"github.com/opentact-go/opentact/flowsim"
)

// A menu run with the caller pressing 2, and the dialled party busy.
func Example() {
	doc := []byte(`<Response>
  <Say>For sales, press 1. For support, press 2.</Say>
  <Gather dtmf_length="1">
    <DTMF value="1"><Dial><To>15550100010</To></Dial></DTMF>
    <DTMF value="2">
      <Dial>
        <To>support@sip.example.com</To>
        <Error><Say>Support is busy.</Say><Hangup/></Error>
      </Dial>
    </DTMF>
  </Gather>
</Response>`)
	sim, err := flowsim.New(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := sim.Run(context.Background(), flowsim.Keys("2"), flowsim.Dials(flowsim.Busy()))
	fmt.Print(c.Transcript())
	fmt.Println(c.End(), c.End().Normal())
	// Output:
	// 0:00.000 - - call: from 15550100001 to 15550100002 at 2030-01-02T10:00:00Z
	// 0:00.000 #1 /Response/Say[1] Say: "For sales, press 1. For support, press 2." (3.2s)
	// 0:03.200 #1 /Response/Gather[1] Gather: caller pressed 2; digits "2" -> DTMF[2] (1s)
	// 0:04.200 #1 /Response/Gather[1]/DTMF[2]/Dial[1] Dial failed: ringing support@sip.example.com: busy
	// 0:04.200 #1 /Response/Gather[1]/DTMF[2]/Dial[1]/Error[1] Error: handles: busy
	// 0:04.200 #1 /Response/Gather[1]/DTMF[2]/Dial[1]/Error[1]/Say[1] Say: "Support is busy." (1.2s)
	// 0:05.400 #1 /Response/Gather[1]/DTMF[2]/Dial[1]/Error[1]/Hangup[1] Hangup: the flow hangs up
	// 0:05.400 - - end: hangup: the flow hangs up
	// hangup true
}

// Step by step: look at what the caller heard after each action.
func ExampleSim_Call() {
	doc := []byte(`<Response><Say>Press 1.</Say><Gather dtmf_length="1"><DTMF value="1"><Say>Thanks.</Say><Hangup/></DTMF></Gather></Response>`)
	sim, _ := flowsim.New(doc)
	c := sim.Call(context.Background())
	fmt.Println(c.Heard(), c.Ended())
	c.Press("1")
	fmt.Println(c.Heard(), c.Ended())
	// Output:
	// [Press 1.] false
	// [Press 1. Thanks.] true
}

// Explore presses every key path of a menu and reports what goes wrong.
func ExampleExplore() {
	doc := []byte(`<Response>
  <Gather dtmf_length="1">
    <DTMF value="1"><Say>Goodbye.</Say><Hangup/></DTMF>
    <DTMF value="2"><Dial><To>15550100010</To></Dial><Say>Thanks for calling.</Say></DTMF>
  </Gather>
</Response>`)
	ds, err := flowsim.Explore(doc, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range ds {
		fmt.Println(d)
	}
	// Output:
	// 2:3: error: /Response/Gather[1]: the call ends after this command without a <Hangup> or a <Dial>, after keys 9
	// 4:21: warning: /Response/Gather[1]/DTMF[2]/Dial[1]: after the dialled party hangs up, the flow goes on with <Say> at /Response/Gather[1]/DTMF[2]/Say[1]
	// 4:54: error: /Response/Gather[1]/DTMF[2]/Say[1]: the call ends after this command without a <Hangup> or a <Dial>, after keys 2
}
