package opentact_test

import (
	"fmt"
	"reflect"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
)

// Write a call flow in Go, render it, and read the XML back into the same
// document.
func Example() {
	sales := flow.New().
		Say("Connecting you to sales").
		Dial(flow.To("sip:sales@example.com"), flow.OnError(flow.New().Say("Sales is busy").Hangup()))

	f := flow.New().
		Answer().
		Say("Welcome to Opentact. Press 1 for sales.").
		Gather(flow.DTMFLength(1), flow.Digit("1", sales), flow.Default(flow.New().Hangup()))

	xml, err := f.XML()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(xml))

	built, _ := f.Build()
	parsed, err := render.Parse(xml)
	fmt.Println(err == nil && reflect.DeepEqual(built, parsed))
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Answer/>
	//   <Say>Welcome to Opentact. Press 1 for sales.</Say>
	//   <Gather dtmf_length="1">
	//     <DTMF value="1">
	//       <Say>Connecting you to sales</Say>
	//       <Dial>
	//         <To>sip:sales@example.com</To>
	//         <Error>
	//           <Say>Sales is busy</Say>
	//           <Hangup/>
	//         </Error>
	//       </Dial>
	//     </DTMF>
	//     <Default>
	//       <Hangup/>
	//     </Default>
	//   </Gather>
	// </Response>
	// true
}

// Read an existing document, written in the forms the Opentact
// documentation uses, list what the validator thinks of it and print its
// canonical form: what `opentact fmt` does.
func Example_format() {
	doc := []byte(`<Response>
<Scheduler dow="sat,sun">
    <Say text="Try calling on weekdays, please."/>
    <Hangup />
    <Say>Never spoken</Say>
</Scheduler>
<Error play="true"/>
</Response>`)

	d, err := render.ParseDocument(doc)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, finding := range d.Check() {
		fmt.Println(finding)
	}
	xml, err := render.Marshal(d.Response)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(xml))
	// Output:
	// 5:5: warning: /Response/Schedule[1]/Say[2]: commands after <Hangup> never run
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Schedule dow="sat,sun">
	//     <Say>Try calling on weekdays, please.</Say>
	//     <Hangup/>
	//     <Say>Never spoken</Say>
	//   </Schedule>
	//   <Error play="true"/>
	// </Response>
}
