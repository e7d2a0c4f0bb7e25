package flowtest_test

import (
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
// running the test with -update rewrites the file.
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
