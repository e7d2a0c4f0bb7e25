package render_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// Parse reads the aliases the docs use (a Say text attribute, a Gather
// length, a lowercase method) into the canonical form, which Append writes.
func ExampleParse() {
	r, err := render.Parse([]byte(`<Response>
  <Say text="Enter your PIN"/>
  <Gather length="4" url="https://example.com/pin"/>
  <Callback method="post" url="https://example.com/next"/>
</Response>`))
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := render.Append(nil, r)
	if err != nil {
		fmt.Println(err)
		return
	}
	os.Stdout.Write(out)
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Say>Enter your PIN</Say>
	//   <Gather dtmf_length="4" url="https://example.com/pin"/>
	//   <Callback url="https://example.com/next" method="POST"/>
	// </Response>
}

// Problems come back all at once as Diagnostics, each with its line,
// column and path.
func ExampleParse_errors() {
	_, err := render.Parse([]byte(`<Response>
  <Hangupp/>
  <Pause length="5s"/>
</Response>`))
	var ds render.Diagnostics
	if errors.As(err, &ds) {
		for _, d := range ds {
			fmt.Println(d)
		}
	}
	// Output:
	// 2:3: error: /Response/Hangupp[1]: unknown element <Hangupp>; did you mean <Hangup>?
	// 3:3: error: /Response/Pause[1]/@length: invalid length "5s": want a base-10 integer without sign
}

// Lenient parsing keeps what the SDK does not model, so that it renders
// back unchanged.
func ExampleLenient() {
	r, err := render.Parse([]byte(`<Response><Say voice="alice">Hi</Say><Conference room="a"/></Response>`), render.Lenient())
	if err != nil {
		fmt.Println(err)
		return
	}
	say := r.Commands[0].(*verbs.Say)
	raw := r.Commands[1].(*verbs.RawElement)
	fmt.Println(say.Text, say.Extra)
	fmt.Println(raw.Name, raw.Attrs)
	// Output:
	// Hi [{voice alice}]
	// Conference [{room a}]
}

// ParseDocument records where each node starts, and its warnings.
func ExampleParseDocument() {
	d, err := render.ParseDocument([]byte("<Response>\n  <Hangup tag=\"\"/>\n</Response>"))
	if err != nil {
		fmt.Println(err)
		return
	}
	hangup := d.Response.Commands[0]
	fmt.Println(d.Positions[hangup])
	fmt.Println(d.Warnings)
	// Output:
	// {2 3}
	// 2:3: warning: /Response/Hangup[1]/@tag: empty attribute tag is read as absent
}
