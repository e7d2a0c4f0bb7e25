//go:build unix

package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestCheckSymlinkedDirectory: a directory named through a symbolic link,
// as DIR or DIR/..., is walked like the directory itself, rather than
// checked as nothing with exit 0.
func TestCheckSymlinkedDirectory(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{"bad.xml": unknownElementDoc})
	link := filepath.Join(t.TempDir(), "flows")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{link, link + "/..."} {
		r := runCLI("", "check", arg)
		want := filepath.Join(link, "bad.xml") + ":1:11: error: /Response/Hangupp[1]: "
		if r.code != exitProblem || !strings.HasPrefix(r.stdout, want) {
			t.Errorf("check %s: exit %d, stdout %q, stderr %q; want exit 1 and a line starting %q", arg, r.code, r.stdout, r.stderr, want)
		}
	}
}

// TestFmtWriteSymlink: fmt -w on a symbolic link rewrites the file it
// points to and keeps the link, as writing through it does; gen -o
// through a link does the same.
func TestFmtWriteSymlink(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{"real.xml": messyDoc})
	link := filepath.Join(dir, "link.xml")
	if err := os.Symlink("real.xml", link); err != nil {
		t.Fatal(err)
	}
	if r := runCLI("", "fmt", "-w", link); r.code != exitOK {
		t.Fatalf("fmt -w: exit %d, stderr %q", r.code, r.stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("fmt -w replaced the link with a file: %v, %v", info.Mode(), err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "real.xml")); string(got) != validDoc {
		t.Errorf("the linked file is now %q, want it formatted", got)
	}

	goLink := filepath.Join(dir, "flow.go")
	if err := os.Symlink("real.go", goLink); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "real.go"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(validDoc, "gen", "-o", goLink, "-"); r.code != exitOK {
		t.Fatalf("gen -o: exit %d, stderr %q", r.code, r.stderr)
	}
	if info, err := os.Lstat(goLink); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("gen -o replaced the link with a file: %v, %v", info.Mode(), err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "real.go")); !strings.Contains(string(got), "package flows") {
		t.Errorf("the linked file is now %q, want the generated code", got)
	}
}

// TestFmtWriteReadOnly: fmt -w leaves a read-only file as it is and says
// so with exit 2, rather than replacing it through its directory.
func TestFmtWriteReadOnly(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{"ro.xml": messyDoc, "ok.xml": messyDoc})
	ro := filepath.Join(dir, "ro.xml")
	if err := os.Chmod(ro, 0o444); err != nil {
		t.Fatal(err)
	}
	r := runCLI("", "fmt", "-w", ro, filepath.Join(dir, "ok.xml"))
	if r.code != exitUsageErr || !strings.Contains(r.stderr, ro) {
		t.Errorf("fmt -w on a read-only file: exit %d, stderr %q; want exit 2 and the file named", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(ro); string(got) != messyDoc {
		t.Errorf("the read-only file was rewritten: %q", got)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "ok.xml")); string(got) != validDoc {
		t.Errorf("the writable file after it was not rewritten: %q", got)
	}
}

// failWriter is an output that takes nothing, as /dev/full.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

// TestOutputWriteError: a command whose standard output cannot be written
// says so and exits 2, rather than exiting 0 or 1 with its output lost.
func TestOutputWriteError(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{"m.xml": messyDoc, "legacy.xml": legacyDoc, "open.xml": "<Response><Say>Hi</Say></Response>"})
	for _, args := range [][]string{
		{"fmt", filepath.Join(dir, "m.xml")},
		{"fmt", "-d", filepath.Join(dir, "m.xml")},
		{"check", filepath.Join(dir, "legacy.xml")},
		{"check", "-json", filepath.Join(dir, "legacy.xml")},
		{"gen", filepath.Join(dir, "m.xml")},
		{"graph", filepath.Join(dir, "m.xml")},
		{"doc", filepath.Join(dir, "m.xml")},
		{"sim", filepath.Join(dir, "m.xml")},
		{"sim", "-explore", filepath.Join(dir, "open.xml")}, // a finding: no Hangup
		{"version"},
		{"help"},
	} {
		var errOut strings.Builder
		code := run(args, strings.NewReader(""), failWriter{}, &errOut)
		if code != exitUsageErr || !strings.Contains(errOut.String(), os.ErrClosed.Error()) {
			t.Errorf("opentact %s to an output that fails: exit %d, stderr %q; want exit 2 and the error", strings.Join(args, " "), code, errOut.String())
		}
	}
}

// TestFmtDiffAndWrite: fmt -d -w prints the diff and rewrites the file,
// both, as gofmt -d -w does; neither flag is dropped.
func TestFmtDiffAndWrite(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{"m.xml": messyDoc})
	name := filepath.Join(dir, "m.xml")
	r := runCLI("", "fmt", "-d", "-w", name)
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "--- "+name+".orig\n+++ "+name+"\n") {
		t.Errorf("fmt -d -w: exit %d, stdout %q, stderr %q; want the diff", r.code, r.stdout, r.stderr)
	}
	if got, _ := os.ReadFile(name); string(got) != validDoc {
		t.Errorf("fmt -d -w left the file as %q, want it formatted", got)
	}
}

// TestReadErrorMessage: an I/O error names the file once
// ("read DIR: is a directory"), not "read DIR: read DIR: …".
func TestReadErrorMessage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, command := range []string{"gen", "graph", "doc"} {
		r := runCLI("", command, dir)
		want := "opentact " + command + ": read " + dir + ": is a directory\n"
		if r.code != exitUsageErr || r.stderr != want {
			t.Errorf("%s DIR: exit %d, stderr %q; want exit 2 and %q", command, r.code, r.stderr, want)
		}
	}
}

// TestHelpFlag: -h on version and help shows their usage with exit 0, as
// it does on every other command.
func TestHelpFlag(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"version", "-h"}, {"help", "-h"}, {"help", "-help"}} {
		r := runCLI("", args...)
		if r.code != exitOK || !strings.Contains(r.stdout+r.stderr, "usage:") || !strings.Contains(r.stdout+r.stderr, "opentact "+args[0]) {
			t.Errorf("opentact %s: exit %d, stdout %q, stderr %q; want exit 0 and the usage", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
}

// TestGenNamesTheFileCannotHold: gen refuses, with exit 2, a function name
// the generated file already uses for a package it imports, and the blank
// identifier as a function or package name, instead of writing Go that
// does not compile.
func TestGenNamesTheFileCannotHold(t *testing.T) {
	t.Parallel()
	// A document whose code imports verbs and time besides flow.
	const doc = `<Response><Pause length="2000"/><Foo/><Hangup/></Response>`
	for _, args := range [][]string{
		{"-func", "flow"}, {"-func", "verbs"}, {"-func", "time"}, {"-func", "_"},
		{"-main", "-func", "fmt"}, {"-main", "-func", "os"}, {"-main", "-func", "render"},
		{"-pkg", "_"},
	} {
		r := runCLI(doc, append(append([]string{"gen", "-lenient"}, args...), "-")...)
		if r.code != exitUsageErr || r.stdout != "" || !strings.Contains(r.stderr, "invalid") {
			t.Errorf("gen %s: exit %d, stderr %q, %d bytes of code; want exit 2, no code and the name refused", strings.Join(args, " "), r.code, r.stderr, len(r.stdout))
		}
	}
}

// TestURLErrorNamesTheURL: when the document of graph or doc comes from a
// URL that answers with an error status or too large a reply, the message
// names the URL, as it does for a URL -follow reaches.
func TestURLErrorNamesTheURL(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/big" {
			w.Write([]byte("<Response>" + strings.Repeat("<Say>x</Say>", 100_000)))
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	for _, command := range []string{"graph", "doc"} {
		for _, url := range []string{srv.URL + "/missing", srv.URL + "/big"} {
			r := runCLI("", command, url)
			if r.code != exitUsageErr || !strings.Contains(r.stderr, url+":") {
				t.Errorf("%s %s: exit %d, stderr %q; want exit 2 and the URL named", command, url, r.code, r.stderr)
			}
		}
	}
}

// TestCheckTreeSkipsSpecialFiles: walking a directory reads regular .xml
// files (and links to them) only: a named pipe called x.xml, which would
// block check until something writes to it, is passed over.
func TestCheckTreeSkipsSpecialFiles(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{"ok.xml": validDoc})
	fifo := filepath.Join(dir, "pipe.xml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// Should check open the pipe, this writer gets through and gives it a
	// document to report, so the test fails instead of hanging.
	done := make(chan struct{})
	go func() {
		defer close(done)
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.WriteString(unknownElementDoc)
			f.Close()
		}
	}()
	r := runCLI("", "check", dir)
	if r.code != exitOK || r.stdout != "" || r.stderr != "" {
		t.Errorf("check DIR with a named pipe: exit %d, stdout %q, stderr %q; want exit 0 and nothing", r.code, r.stdout, r.stderr)
	}
	// Release the writer if check never opened the pipe.
	if f, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0); err == nil {
		<-done
		f.Close()
	}
}

// TestStdinTwice: "-" given twice is a usage error (exit 2, nothing read),
// rather than a second, empty document reported as having no <Response>.
func TestStdinTwice(t *testing.T) {
	t.Parallel()
	for _, command := range []string{"check", "fmt"} {
		r := runCLI(validDoc, command, "-", "-")
		if r.code != exitUsageErr || r.stdout != "" || !strings.Contains(r.stderr, `"-"`) {
			t.Errorf("%s - -: exit %d, stdout %q, stderr %q; want exit 2, nothing on stdout and the usage error", command, r.code, r.stdout, r.stderr)
		}
	}
}

// TestFmtWriteKeepsOwner: fmt -w run by root on a file of another user
// keeps its owner and group, as writing it in place would, rather than
// handing the file to root.
func TestFmtWriteKeepsOwner(t *testing.T) {
	t.Parallel()
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	dir := writeFiles(t, map[string]string{"m.xml": messyDoc})
	name := filepath.Join(dir, "m.xml")
	const uid, gid = 65534, 65534
	if err := os.Chown(name, uid, gid); err != nil {
		t.Fatal(err)
	}
	if r := runCLI("", "fmt", "-w", name); r.code != exitOK {
		t.Fatalf("fmt -w: exit %d, stderr %q", r.code, r.stderr)
	}
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	st := info.Sys().(*syscall.Stat_t)
	if st.Uid != uid || st.Gid != gid {
		t.Errorf("the rewritten file belongs to %d:%d, want %d:%d kept", st.Uid, st.Gid, uid, gid)
	}
	if got, _ := os.ReadFile(name); string(got) != validDoc {
		t.Errorf("the file is %q, want it formatted", got)
	}
}

// TestCheckTreeSkipsDotFiles: walking a directory passes over files whose
// names start with a dot, as go vet and gofmt do: an editor's lock file
// (Emacs's .#flow.xml, a link to nowhere) is not a document that fails to
// open.
func TestCheckTreeSkipsDotFiles(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{"flow.xml": validDoc, ".flow.xml.swp.xml": unknownElementDoc})
	if err := os.Symlink("user@host.1234:1700000000", filepath.Join(dir, ".#flow.xml")); err != nil {
		t.Fatal(err)
	}
	r := runCLI("", "check", dir)
	if r.code != exitOK || r.stdout != "" || r.stderr != "" {
		t.Errorf("check DIR: exit %d, stdout %q, stderr %q; want exit 0 and nothing", r.code, r.stdout, r.stderr)
	}
	// Named on the command line, such a file is read.
	if r := runCLI("", "check", filepath.Join(dir, ".flow.xml.swp.xml")); r.code != exitProblem {
		t.Errorf("check .FILE: exit %d, want 1", r.code)
	}
}

// TestFmtOutputBeyondTheLimit: a document deep enough that its indented
// form is more than the 1 MiB the parser reads (109 KB compact, 1.2 MB
// indented) is refused by fmt with exit 1 and left as it is by fmt -w,
// rather than rewritten into a file check and fmt then refuse; -compact
// still formats it.
func TestFmtOutputBeyondTheLimit(t *testing.T) {
	t.Parallel()
	const depth = 30
	doc := "<Response>" + strings.Repeat(`<Gather><DTMF value="1">`, depth) + strings.Repeat("<Say>x</Say>", 9000) +
		strings.Repeat("</DTMF></Gather>", depth) + "</Response>"
	dir := writeFiles(t, map[string]string{"fat.xml": doc})
	name := filepath.Join(dir, "fat.xml")
	want := name + ":1:1: error: /: the canonical form is "
	for _, args := range [][]string{{"fmt", name}, {"fmt", "-w", name}, {"fmt", "-d", name}} {
		r := runCLI("", args...)
		if r.code != exitProblem || r.stdout != "" || !strings.HasPrefix(r.stderr, want) || !strings.Contains(r.stderr, "MaxBytes limit of 1048576 bytes") {
			t.Errorf("%s: exit %d, %d bytes out, stderr %q; want exit 1, nothing out and a line starting %q", strings.Join(args, " "), r.code, len(r.stdout), r.stderr, want)
		}
	}
	if got, _ := os.ReadFile(name); string(got) != doc {
		t.Error("fmt -w rewrote the document")
	}
	r := runCLI("", "fmt", "-compact", name)
	if r.code != exitOK {
		t.Fatalf("fmt -compact: exit %d, stderr %q", r.code, r.stderr)
	}
	if again := runCLI(r.stdout, "fmt", "-compact", "-"); again.code != exitOK || again.stdout != r.stdout {
		t.Errorf("fmt -compact of its own output: exit %d, stderr %q", again.code, again.stderr)
	}
}

// TestOutputDash: -o - is standard output, as "-" is standard input
// everywhere else, not a file named "-" in the working directory.
func TestOutputDash(t *testing.T) {
	dir := writeFiles(t, map[string]string{"menu.xml": menuDoc})
	t.Chdir(dir)
	for _, tt := range []struct {
		command, want string
	}{
		{"gen", "package flows"}, {"graph", "flowchart TD"}, {"doc", "# menu.xml"},
	} {
		r := runCLI("", tt.command, "-o", "-", "menu.xml")
		if r.code != exitOK || !strings.Contains(r.stdout, tt.want) {
			t.Errorf("%s -o -: exit %d, stdout %q, stderr %q; want exit 0 and %q on standard output", tt.command, r.code, r.stdout, r.stderr, tt.want)
		}
		if _, err := os.Stat("-"); err == nil {
			t.Errorf(`%s -o - wrote a file named "-"`, tt.command)
			os.Remove("-")
		}
	}
}
