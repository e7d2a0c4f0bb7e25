package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	menu := write("menu.xml", `<Response>
  <Say lang="es">Hola</Say>
  <Gather dtmf_length="1"><DTMF value="1"><Say>Uno</Say><Hangup/></DTMF></Gather>
</Response>`)
	broken := write("broken.xml", "<Response><Hangupp/></Response>")
	unknown := write("unknown.xml", `<Response><Say speed="2">Hi</Say><Beep/></Response>`)
	invalid := write("invalid.xml", "<Response>\n  <Dial/>\n</Response>\n")

	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		stdout   []string // substrings of standard output
		stderr   string   // substring of standard error
		noStdout bool
	}{
		{
			name:   "file",
			args:   []string{menu},
			code:   exitOK,
			stdout: []string{"package flows\n", "func Flow() *flow.Flow {", `digit1 := flow.New().`, `Say("Hola", flow.Lang("es"))`, `flow.Digit("1", digit1)`},
		},
		{
			name:   "main program",
			args:   []string{"-main", "-func", "Menu", menu},
			code:   exitOK,
			stdout: []string{"package main\n", "func main() {", "Menu().XML()", "func Menu() *flow.Flow {"},
		},
		{
			name:   "package and function",
			args:   []string{"-pkg", "ivr", "-func", "Build", menu},
			code:   exitOK,
			stdout: []string{"package ivr\n", "func Build() *flow.Flow {"},
		},
		{
			name:   "standard input",
			args:   []string{"-"},
			stdin:  "<Response><Hangup/></Response>",
			code:   exitOK,
			stdout: []string{"// Flow returns the call flow of standard input.", "return flow.New().Hangup()"},
		},
		{
			name:   "lenient",
			args:   []string{"-lenient", unknown},
			code:   exitOK,
			stdout: []string{`Say("Hi", flow.Attr("speed", "2"))`, `Raw(&verbs.RawElement{Name: "Beep"})`},
		},
		{name: "unknown without -lenient", args: []string{unknown}, code: exitProblem, stderr: "unknown element <Beep>", noStdout: true},
		{
			name:   "invalid document",
			args:   []string{invalid},
			code:   exitProblem,
			stdout: []string{"return flow.New().Dial()"},
			stderr: "invalid.xml:2:3: error: /Response/Dial[1]: ",
		},
		{name: "does not parse", args: []string{broken}, code: exitProblem, stderr: "broken.xml:1:11: error:", noStdout: true},
		{name: "missing file", args: []string{filepath.Join(dir, "nope.xml")}, code: exitUsageErr, stderr: "opentact gen:", noStdout: true},
		{name: "no file", args: nil, code: exitUsageErr, stderr: "exactly one FILE", noStdout: true},
		{name: "two files", args: []string{menu, menu}, code: exitUsageErr, stderr: "exactly one FILE", noStdout: true},
		{name: "bad flag", args: []string{"-x", menu}, code: exitUsageErr, stderr: "flag provided but not defined", noStdout: true},
		{name: "bad package name", args: []string{"-pkg", "my-flows", menu}, code: exitUsageErr, stderr: `invalid package name "my-flows"`, noStdout: true},
		{name: "main in another package", args: []string{"-main", "-pkg", "flows", menu}, code: exitUsageErr, stderr: "package main", noStdout: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			code := runGen(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			for _, want := range tt.stdout {
				if !strings.Contains(stdout.String(), want) {
					t.Errorf("standard output lacks %q:\n%s", want, stdout.String())
				}
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("standard error lacks %q:\n%s", tt.stderr, stderr.String())
			}
			if tt.noStdout && stdout.Len() > 0 {
				t.Errorf("standard output not empty:\n%s", stdout.String())
			}
		})
	}
}
