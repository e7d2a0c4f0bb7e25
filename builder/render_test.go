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

// TestAppendXML appends a flow's XML after what the buffer holds, returns
// warnings with the bytes, and leaves the buffer alone on an error.
func TestAppendXML(t *testing.T) {
	t.Parallel()
	const doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Say>Hi</Say>\n  <Hangup/>\n</Response>\n"
	b, err := flow.New().Say("Hi").Hangup().AppendXML([]byte("prefix:"))
	if err != nil || string(b) != "prefix:"+doc {
		t.Errorf("AppendXML = %q, %v; want %q, nil", b, err, "prefix:"+doc)
	}

	compact, err := flow.New().Say("Hi").Hangup().AppendXML(nil, render.Compact())
	if err != nil || string(compact) != `<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hi</Say><Hangup/></Response>` {
		t.Errorf("AppendXML(Compact) = %q, %v", compact, err)
	}

	// A Say after Hangup never runs: a warning, and the document is
	// appended all the same.
	b, err = flow.New().Hangup().Say("never").AppendXML(nil)
	if !render.IsWarnings(err) || !bytes.Contains(b, []byte("<Say>never</Say>")) {
		t.Errorf("AppendXML with a warning = %q, %v; want the document and warnings", b, err)
	}

	dst := []byte("keep")
	b, err = flow.New().Dial().AppendXML(dst)
	var ds render.Diagnostics
	if !errors.As(err, &ds) || !ds.HasErrors() || string(b) != "keep" {
		t.Errorf("AppendXML of a Dial with no destination = %q, %v; want %q and errors", b, err, "keep")
	}
}
