package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/opentact-go/opentact/flowsim"
	"github.com/opentact-go/opentact/render"
)

// simTimeout bounds each request of a simulated call to a URL.
const simTimeout = 10 * time.Second

// runSim simulates a call to a document (FILE, "-") or to a call_flow_url
// (URL), or with -explore walks its key paths.
func runSim(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("sim", stderr)
	press := fs.String("press", "", "the caller's keys at each menu, comma-separated (an empty entry stays silent), e.g. 1,2,#")
	from := fs.String("from", "15550100001", "the caller's `number`")
	to := fs.String("to", "15550100002", "the called `number`")
	at := fs.String("at", "2030-01-02T10:00:00Z", "when the call starts (RFC 3339); <Schedule> uses its time zone")
	dial := fs.String("dial", "answer", "what every <Dial> gets: answer, busy or noanswer")
	reading := fs.String("default", "no-match", "when <Default> runs: no-match or no-input")
	explore := fs.Bool("explore", false, "walk every key path and print the findings in check's format")
	depth := fs.Int("depth", 3, "how many menus deep -explore goes")
	lenient := fs.Bool("lenient", false, "pass over unknown elements instead of refusing the document")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, "opentact sim: want exactly one FILE or URL\n", usageText())
		return exitUsageErr
	}
	start, err := time.Parse(time.RFC3339, *at)
	if err != nil {
		fmt.Fprintf(stderr, "opentact sim: -at %q is not an RFC 3339 time\n", *at)
		return exitUsageErr
	}
	var outcome flowsim.DialOutcome
	switch *dial {
	case "answer":
		outcome = flowsim.Answered("", 0, 0)
	case "busy":
		outcome = flowsim.Busy()
	case "noanswer":
		outcome = flowsim.NoAnswer()
	default:
		fmt.Fprintf(stderr, "opentact sim: -dial %q is not answer, busy or noanswer\n", *dial)
		return exitUsageErr
	}
	opts := []flowsim.Option{}
	switch *reading {
	case "no-match":
	case "no-input":
		opts = append(opts, flowsim.DefaultOn(flowsim.DefaultOnNoInput))
	default:
		fmt.Fprintf(stderr, "opentact sim: -default %q is not no-match or no-input\n", *reading)
		return exitUsageErr
	}
	if *explore && *press != "" {
		fmt.Fprint(stderr, "opentact sim: -press has no meaning with -explore, which presses every key path\n")
		return exitUsageErr
	}
	if *explore && *depth < 1 {
		fmt.Fprint(stderr, "opentact sim: -depth must be at least 1\n")
		return exitUsageErr
	}
	if *lenient {
		opts = append(opts, flowsim.Lenient())
	}
	name := fs.Arg(0)
	var src any
	if strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://") {
		client := &http.Client{Timeout: simTimeout}
		src = flowsim.URL(name)
		opts = append(opts, flowsim.Client(client), flowsim.RequestTimeout(simTimeout))
	} else {
		data, err := readInput(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "opentact sim: %v\n", err)
			return exitUsageErr
		}
		src = data
	}
	callOpts := []flowsim.CallOption{
		flowsim.From(*from), flowsim.To(*to), flowsim.At(start), flowsim.Dials(outcome),
	}
	if *explore {
		ds, err := flowsim.ExploreContext(context.Background(), src, *depth, callOpts, opts...)
		if err != nil {
			fmt.Fprintf(stderr, "opentact sim: %v\n", err)
			return exitUsageErr
		}
		code := exitOK
		for _, d := range ds {
			if d.Severity == render.SeverityError {
				code = exitProblem
			}
			if _, err := fmt.Fprintln(stdout, newFinding(name, d)); err != nil {
				fmt.Fprintf(stderr, "opentact sim: %v\n", err)
				return exitUsageErr
			}
		}
		return code
	}
	sim, err := flowsim.New(src, opts...)
	if err != nil {
		fmt.Fprintf(stderr, "opentact sim: %v\n", err)
		return exitUsageErr
	}
	callOpts = append(callOpts, flowsim.Script(script(*press)...))
	c := sim.Run(context.Background(), callOpts...)
	tr := c.Transcript()
	if _, err := fmt.Fprint(stdout, tr); err != nil {
		fmt.Fprintf(stderr, "opentact sim: %v\n", err)
		return exitUsageErr
	}
	if !c.End().Normal() {
		return exitProblem
	}
	for _, st := range tr {
		if st.Outcome == flowsim.Invalid {
			return exitProblem
		}
	}
	return exitOK
}

// script turns -press into the caller's actions.
func script(press string) []flowsim.Action {
	if press == "" {
		return nil
	}
	var out []flowsim.Action
	for _, keys := range strings.Split(press, ",") {
		if keys = strings.TrimSpace(keys); keys == "" {
			out = append(out, flowsim.Silence())
		} else {
			out = append(out, flowsim.Press(keys))
		}
	}
	return out
}
