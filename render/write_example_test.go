package render_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

func ExampleMarshal() {
	r := &verbs.Response{Commands: []verbs.Command{
		&verbs.Say{Text: "Thanks for calling & goodbye!", Lang: "en-US"},
		&verbs.Pause{Length: verbs.Some[verbs.Millis](0)},
		&verbs.Hangup{Tag: "CallEndedByFlow"},
	}}
	out, err := render.Marshal(r)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Response>
	//   <Say lang="en-US">Thanks for calling &amp; goodbye!</Say>
	//   <Pause length="0"/>
	//   <Hangup tag="CallEndedByFlow"/>
	// </Response>
}

func ExampleCompact() {
	r := &verbs.Response{Commands: []verbs.Command{
		&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "support1@sip.opentact.org"}}},
	}}
	if err := render.Encode(os.Stdout, r, render.Compact()); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?><Response><Dial><To>support1@sip.opentact.org</To></Dial></Response>
}

// Append reuses one buffer for many documents and allocates nothing once
// the buffer is large enough.
func ExampleAppend() {
	buf := make([]byte, 0, 4096)
	for _, tag := range []string{"first", "second"} {
		var err error
		buf, err = render.Append(buf[:0], &verbs.Response{Commands: []verbs.Command{&verbs.Hangup{Tag: tag}}}, render.Compact())
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(string(buf))
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?><Response><Hangup tag="first"/></Response>
	// <?xml version="1.0" encoding="UTF-8"?><Response><Hangup tag="second"/></Response>
}

func ExampleWriteError() {
	r := &verbs.Response{Commands: []verbs.Command{
		&verbs.Say{Text: "ok"},
		&verbs.Say{Text: "bell\a"},
	}}
	_, err := render.Append(nil, r)
	var we *render.WriteError
	if errors.As(err, &we) {
		fmt.Println(we.Path, we.Offset)
	}
	fmt.Println(err)
	// Output:
	// /Response/Say[2] 4
	// render: /Response/Say[2]: character U+0007 not allowed in XML at byte offset 4
}
