package main

import (
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// maxCLIMemory is the most resident memory `opentact check` may use on
// any input (issue 12).
const maxCLIMemory = 64 << 20

// repeatReader yields head, then unit over and over up to n bytes.
type repeatReader struct {
	head, unit string
	n, off     int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.off >= r.n {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && r.off < r.n {
		if r.off < int64(len(r.head)) {
			p[k] = r.head[r.off]
		} else {
			p[k] = r.unit[(r.off-int64(len(r.head)))%int64(len(r.unit))]
		}
		k++
		r.off++
	}
	return k, nil
}

// TestCheckHostileInputMemory runs the built CLI's check command on
// hostile documents on standard input and measures its peak resident
// memory (the kernel's ru_maxrss): each is refused with a finding at its
// line:column, and none takes the command over 64 MiB.
func TestCheckHostileInputMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI and feeds it hundreds of megabytes")
	}
	const mib = 1 << 20
	tests := []struct {
		name string
		in   io.Reader
		want string // a part of the output
	}{
		{"300 MB", &repeatReader{head: "<Response>", unit: "<Say>hello</Say>\n", n: 300 * mib}, "-:1:1: error: /: the document is more than the MaxBytes limit"},
		{"1 MiB of one attribute", attrsDoc(mib-100, false), "100 errors: the rest of the document is not read"},
		{"1 MiB of unknown attributes", attrsDoc(mib-100, true), "unknown attribute x99 on <Say>"},
		{"1 MiB of nesting", &repeatReader{head: "<Response>", unit: "<Geo>", n: mib - 100}, "-:1:326: error: /Response/Geo[1]"},
		{"1 MiB of elements", &repeatReader{head: "<Response>", unit: "<Hangup/>", n: mib - 100}, "more than 10000 elements"},
		{"1 MiB of text", &repeatReader{head: "<Response><Say>", unit: "a&amp;b\r\n", n: mib - 100}, "<Say> is not closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(binary(t), "check", "-")
			cmd.Stdin = tt.in
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			err := cmd.Run()
			if _, ok := err.(*exec.ExitError); !ok {
				t.Fatalf("check: %v\n%s", err, out.Bytes())
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("output does not hold %q:\n%.2000s", tt.want, out.String())
			}
			ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			if !ok {
				t.Skip("no rusage on this system")
			}
			peak := ru.Maxrss * 1024 // KiB on Linux
			t.Logf("peak RSS %.1f MiB", float64(peak)/mib)
			if peak > maxCLIMemory {
				t.Errorf("peak RSS %d MiB, want at most %d MiB", peak/mib, maxCLIMemory/mib)
			}
		})
	}
}

// attrsDoc returns a reader of a document of about n bytes whose <Say>
// has as many unknown attributes as fit, all distinct or all named a.
func attrsDoc(n int, distinct bool) io.Reader {
	var b strings.Builder
	b.WriteString("<Response><Say")
	for i := 0; b.Len() < n-30; i++ {
		if distinct {
			fmt.Fprintf(&b, " x%d=\"\"", i)
		} else {
			b.WriteString(` a=""`)
		}
	}
	b.WriteString(">a</Say></Response>")
	return strings.NewReader(b.String())
}
