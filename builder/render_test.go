package flow_test

import (
	"bytes"
	"errors"
	"testing"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/client"
	"github.com/opentact-go/opentact/render"
)

// The client sends call flows through its Flow interface; a *flow.Flow must
// satisfy it.
var _ client.Flow = (*flow.Flow)(nil)

func TestRender(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := flow.New().Say("Hi").Hangup(flow.Tag("CallEndedByUser")).Render(&buf); err != nil {
		t.Fatal(err)
	}
	want := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Say>Hi</Say>\n  <Hangup tag=\"CallEndedByUser\"/>\n</Response>\n"
	if buf.String() != want {
		t.Errorf("Render wrote:\n%s\nwant:\n%s", buf.String(), want)
	}

	buf.Reset()
	err := flow.New().Dial().Render(&buf)
	var ds render.Diagnostics
	if !errors.As(err, &ds) || !ds.HasErrors() {
		t.Errorf("Render of a Dial with no destination: err = %v, want Diagnostics", err)
	}
	if buf.Len() != 0 {
		t.Errorf("Render wrote %q for an invalid flow", buf.String())
	}
}
