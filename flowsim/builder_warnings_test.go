package flowsim_test

import (
	"slices"
	"testing"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/flowsim"
)

// TestBuilderWithWarnings checks that a flow whose Build returns only
// warnings is simulated like any valid document.
func TestBuilderWithWarnings(t *testing.T) {
	t.Parallel()
	sim, err := flowsim.New(flow.New().Say("Hello.").Hangup().Say("never heard"))
	if err != nil {
		t.Fatal(err)
	}
	c := sim.Run(t.Context())
	if got, want := c.Heard(), []string{"Hello."}; !slices.Equal(got, want) {
		t.Errorf("heard %q, want %q (err %v)", got, want, c.Err())
	}
}
