package flowtest_test

import (
	"fmt"
	"testing"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/flowtest"
)

// mainMenu is the flow under test.
func mainMenu() *flow.Flow {
	sales := flow.New().Say("Connecting you to sales.").Dial(flow.To("sales@sip.example.com"))
	return flow.New().
		Say("Welcome to Example Corp. For sales, press 1.").
		Gather(flow.DTMFLength(1), flow.Digit("1", sales), flow.Default(flow.New().Hangup()))
}

// TestMainMenu compares the rendered menu with testdata/main_menu.xml;
// OPENTACT_UPDATE_GOLDEN=1 go test rewrites the file.
func TestMainMenu(t *testing.T) {
	flowtest.Golden(t, "testdata/main_menu.xml", mainMenu())
}

// TestMainMenuEquivalent checks the same flow against XML written by hand,
// in any layout.
func TestMainMenuEquivalent(t *testing.T) {
	flowtest.Equivalent(t, `
		<Response>
		  <Say>Welcome to Example Corp. For sales, press 1.</Say>
		  <Gather dtmf_length="1">
		    <DTMF value="1">
		      <Say>Connecting you to sales.</Say>
		      <Dial><To>sales@sip.example.com</To></Dial>
		    </DTMF>
		    <Default><Hangup/></Default>
		  </Gather>
		</Response>`, mainMenu())
}

// printTB is a flowtest.TB that prints what a test would report, so that
// the example can show it.
type printTB struct{}

func (printTB) Helper()                      {}
func (printTB) Name() string                 { return "TestGoodbye" }
func (printTB) Logf(f string, args ...any)   { fmt.Printf("log: "+f+"\n", args...) }
func (printTB) Errorf(f string, args ...any) { fmt.Printf("FAIL: "+f+"\n", args...) }
func (printTB) Fatalf(f string, args ...any) { fmt.Printf("FATAL: "+f+"\n", args...) }

// Example shows the strict default: a flow with a command that never runs
// renders, but its warning fails the test until AllowWarnings accepts it.
func Example() {
	var t printTB // in a test: the *testing.T
	goodbye := flow.New().Say("Goodbye.").Hangup().Say("never heard")
	want := `<Response><Say>Goodbye.</Say><Hangup/><Say>never heard</Say></Response>`

	fmt.Println(flowtest.Equivalent(t, want, goodbye))
	fmt.Println(flowtest.Equivalent(t, want, goodbye, flowtest.AllowWarnings()))
	// Output:
	// FAIL: flowtest: the document has warnings (pass flowtest.AllowWarnings() to accept them):
	// 	warning: /Response/Say[2]: commands after <Hangup> never run
	// false
	// true
}
