//go:build unix

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
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
// line:column, and none takes the command over 64 MiB (measurePeakRSS).
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
			peakRSS := measurePeakRSS(t, cmd)
			err := cmd.Run()
			if _, ok := err.(*exec.ExitError); !ok {
				t.Fatalf("check: %v\n%s", err, out.Bytes())
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("output does not hold %q:\n%.2000s", tt.want, out.String())
			}
			peak := peakRSS()
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

// hostileInput is a document of TestCommandsHostileInput, made on demand
// so that a file can be written from it and standard input fed with it.
type hostileInput struct {
	name string
	open func() io.Reader
}

// hostileInputs are the 100 MB document (a start tag, then Say elements)
// and the document with a million attributes of issue 12.
func hostileInputs() []hostileInput {
	var attrs strings.Builder
	attrs.WriteString("<Response>\n<Foo")
	for i := range 999_999 {
		fmt.Fprintf(&attrs, " a%d=\"\"", i)
	}
	attrs.WriteString(" a0=\"\"/>\n</Response>")
	doc := attrs.String()
	return []hostileInput{
		{"100MB", func() io.Reader {
			return &repeatReader{head: "<Response>", unit: "<Say>hello</Say>\n", n: 100 << 20}
		}},
		{"1M-attributes", func() io.Reader { return strings.NewReader(doc) }},
	}
}

// TestCommandsHostileInput runs every command that reads a document on
// the 100 MB document and on the one with a million attributes, each from
// standard input and from a file: each names the limit at 1:1 and none
// takes more than 64 MiB of resident memory (measurePeakRSS). The
// dev server is asked for its page, which shows the finding, then stopped.
func TestCommandsHostileInput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI and writes and reads hundreds of megabytes")
	}
	const want = "1:1: error: /: the document is more than the MaxBytes limit of 1048576 bytes"
	dir := t.TempDir()
	for _, in := range hostileInputs() {
		file := filepath.Join(dir, in.name+".xml")
		f, err := os.Create(file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(f, in.open()); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		for _, command := range []string{"check", "fmt", "gen", "graph", "doc", "sim", "dev"} {
			for _, arg := range []string{"-", file} {
				source := "stdin"
				if arg != "-" {
					source = "file"
				}
				t.Run(in.name+"/"+command+"/"+source, func(t *testing.T) {
					args := []string{command, arg}
					if command == "dev" {
						args = []string{command, "-addr", "127.0.0.1:0", arg}
					}
					cmd := exec.Command(binary(t), args...)
					if arg == "-" {
						cmd.Stdin = in.open()
					}
					peakRSS := measurePeakRSS(t, cmd)
					var out bytes.Buffer
					if command == "dev" {
						out = devPage(t, cmd)
					} else {
						cmd.Stdout, cmd.Stderr = &out, &out
						if err := cmd.Run(); err != nil {
							if _, ok := err.(*exec.ExitError); !ok {
								t.Fatalf("%s: %v\n%s", command, err, out.Bytes())
							}
						}
					}
					if !strings.Contains(out.String(), want) {
						t.Errorf("output does not hold %q:\n%.2000s", want, out.String())
					}
					peak := peakRSS()
					t.Logf("peak RSS %.1f MiB", float64(peak)/(1<<20))
					if peak > maxCLIMemory {
						t.Errorf("peak RSS %d MiB, want at most %d MiB", peak>>20, maxCLIMemory>>20)
					}
				})
			}
		}
	}
}

// devPage starts cmd, a dev server, reads the address it prints, starts a
// call as the page's Call button does and stops the server with an
// interrupt. It returns the state the call answered with (its findings).
func devPage(t *testing.T, cmd *exec.Cmd) bytes.Buffer {
	t.Helper()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("dev: %v\n%s", err, errOut.Bytes())
	}
	var page bytes.Buffer
	if i, j := strings.Index(line, "http://"), strings.Index(line, "/ ("); i < 0 || j < i {
		t.Errorf("dev printed %q, no address", line)
	} else if resp, err := http.Post(line[i:j]+"/api/call", "application/json", strings.NewReader("{}")); err != nil {
		t.Error(err)
	} else {
		io.Copy(&page, resp.Body)
		resp.Body.Close()
	}
	syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
	if err := cmd.Wait(); err != nil {
		t.Errorf("dev: %v\n%s", err, errOut.Bytes())
	}
	return page
}

// TestFmtDiffMemory runs fmt -d on a document of the most elements the
// parser takes, every line of it indented with a tab, so that no line of
// the canonical form equals one of the input: the diff stays within 64 MiB
// of resident memory (it took about 600 MiB for 3,000 lines, growing with
// the square of the lines), and it removes every indented line and adds
// its canonical form.
func TestFmtDiffMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI")
	}
	const n = 9998 // with <Response> and <Hangup>, the MaxElements limit
	var doc strings.Builder
	doc.WriteString("<Response>\n")
	for i := range n {
		fmt.Fprintf(&doc, "\t<Say>x%d</Say>\n", i)
	}
	doc.WriteString("\t<Hangup/>\n</Response>\n")
	file := filepath.Join(t.TempDir(), "tabs.xml")
	if err := os.WriteFile(file, []byte(doc.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary(t), "fmt", "-d", file)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	peakRSS := measurePeakRSS(t, cmd)
	if err := cmd.Run(); err != nil {
		t.Fatalf("fmt -d: %v\n%s", err, errOut.Bytes())
	}
	removed, added := strings.Count(out.String(), "\n-\t<Say>"), strings.Count(out.String(), "\n+  <Say>")
	if removed != n || added != n {
		t.Errorf("the diff removes %d lines and adds %d, want %d each", removed, added, n)
	}
	peak := peakRSS()
	t.Logf("peak RSS %.1f MiB", float64(peak)/(1<<20))
	if peak > maxCLIMemory {
		t.Errorf("peak RSS %d MiB, want at most %d MiB", peak>>20, maxCLIMemory>>20)
	}
}
