package main

import (
	"bytes"
	"strings"
	"testing"
)

// endless is standard input that never ends: the commands must stop
// reading it at the size limit rather than hold it all (issue 12: 300 MB
// on standard input took ~784 MiB).
type endless struct{ read int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	e.read += int64(len(p))
	return len(p), nil
}

// TestInputBeyondTheLimit feeds every command that reads a document an
// endless standard input and checks each stops after the limit and reports
// the limit, with the exit code of a document that does not parse.
func TestInputBeyondTheLimit(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"check", "-"},
		{"fmt", "-"},
		{"gen", "-"},
		{"graph", "-"},
		{"doc", "-"},
		{"sim", "-"},
	} {
		t.Run(args[0], func(t *testing.T) {
			t.Parallel()
			in := &endless{}
			var out, errOut bytes.Buffer
			code := run(args, in, &out, &errOut)
			if in.read > 2*maxInput {
				t.Errorf("read %d bytes of standard input, want at most about %d", in.read, maxInput)
			}
			msg := out.String() + errOut.String()
			if code != exitProblem || !strings.Contains(msg, "MaxBytes limit of 1048576 bytes") {
				t.Errorf("exit %d, output %q; want exit %d and the limit named", code, msg, exitProblem)
			}
			if !strings.Contains(msg, "1:1") {
				t.Errorf("output %q does not give the place (1:1)", msg)
			}
		})
	}
}

// TestGenDurationBeyondTimeDuration checks gen refuses, with exit 1 and the
// option named, a duration no time.Duration holds, instead of writing Go
// that does not compile (issue 12), and still writes the largest one that fits.
func TestGenDurationBeyondTimeDuration(t *testing.T) {
	t.Parallel()
	r := runCLI(`<Response><Pause length="9223372036854775807"/></Response>`, "gen", "-")
	if r.code != exitProblem || !strings.Contains(r.stderr, "Length: 9223372036854775807 ms is more than a time.Duration holds") || r.stdout != "" {
		t.Errorf("gen: exit %d, stdout %q, stderr %q; want exit %d, nothing written and Length named", r.code, r.stdout, r.stderr, exitProblem)
	}
	r = runCLI(`<Response><Pause length="9223372036854"/></Response>`, "gen", "-")
	if r.code != exitOK || !strings.Contains(r.stdout, "flow.Length(9223372036854 * time.Millisecond)") {
		t.Errorf("gen at the limit: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}
