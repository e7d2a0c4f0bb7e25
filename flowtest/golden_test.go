package flowtest

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// hello is a small valid document and helloXML its rendering.
func hello(text string) *verbs.Response {
	return &verbs.Response{Commands: []verbs.Command{&verbs.Say{Text: text}, &verbs.Hangup{}}}
}

func helloXML(text string) string {
	return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Say>" + text + "</Say>\n  <Hangup/>\n</Response>\n"
}

// helloDoc is hello as a Builder.
func helloDoc(text string) Builder { return Response(hello(text)) }

// builderFunc is a Builder made of a function.
type builderFunc func() (*verbs.Response, error)

func (f builderFunc) Build() (*verbs.Response, error) { return f() }

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestGoldenCompare(t *testing.T) {
	t.Parallel()
	unreachable := &verbs.Response{Commands: []verbs.Command{&verbs.Hangup{}, &verbs.Say{Text: "never heard"}}}
	const unreachableXML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Hangup/>\n  <Say>never heard</Say>\n</Response>\n"
	tests := []struct {
		name    string
		golden  string // "" = no file
		doc     Builder
		opts    []Option
		wantOK  bool
		kind    string   // the only message: "", "error" or "fatal"
		message []string // substrings of that message
	}{
		{name: "match", golden: helloXML("Hi"), doc: helloDoc("Hi"), wantOK: true},
		{name: "match through a Builder", golden: helloXML("Hi"), doc: builderFunc(func() (*verbs.Response, error) { return hello("Hi"), nil }), wantOK: true},
		{name: "CRLF golden file", golden: strings.ReplaceAll(helloXML("Hi"), "\n", "\r\n"), doc: helloDoc("Hi"), wantOK: true},
		{
			name: "mismatch", golden: helloXML("Hi"), doc: helloDoc("Hello"), kind: "error",
			message: []string{
				"menu.xml: the document differs from the golden file (-want +got):",
				"-" + `"  <Say>Hi</Say>",`,
				"+" + `"  <Say>Hello</Say>",`,
				"To accept the new document, run:\n\tOPENTACT_UPDATE_GOLDEN=1 go test ./flowtest -run '^TestMenu$/^case_1$'",
			},
		},
		{
			name: "missing file", doc: helloDoc("Hi"), kind: "fatal",
			message: []string{"flowtest: golden file ", "menu.xml does not exist; create it with:\n\tOPENTACT_UPDATE_GOLDEN=1 go test ./flowtest -run '^TestMenu$/^case_1$'"},
		},
		{
			name: "warnings fail the test", golden: unreachableXML, doc: Response(unreachable), kind: "error",
			message: []string{
				"flowtest: the document has warnings (pass flowtest.AllowWarnings() to accept them):\n",
				"\twarning: /Response/Say[1]: commands after <Hangup> never run",
			},
		},
		{
			name: "warnings of a Builder whose Build reports them", golden: unreachableXML, kind: "error",
			doc: builderFunc(func() (*verbs.Response, error) {
				return unreachable, render.Check(unreachable)
			}),
			message: []string{"flowtest: the document has warnings", "/Response/Say[1]"},
		},
		{name: "warnings allowed", golden: unreachableXML, doc: Response(unreachable), opts: []Option{AllowWarnings()}, wantOK: true},
		{
			name: "warnings and a mismatch", golden: helloXML("Hi"), doc: Response(unreachable), opts: []Option{nil},
			kind: "two errors",
		},
		{
			name: "build error", golden: helloXML("Hi"), kind: "fatal",
			doc:     builderFunc(func() (*verbs.Response, error) { return nil, errors.New("no destination") }),
			message: []string{"flowtest: building the document:\nno destination"},
		},
		{
			name: "Build returns nothing", golden: helloXML("Hi"), kind: "fatal",
			doc:     builderFunc(func() (*verbs.Response, error) { return nil, nil }),
			message: []string{"flowtest: Build returned no document"},
		},
		{
			name: "invalid document", golden: helloXML("Hi"), kind: "fatal",
			doc:     Response(&verbs.Response{Commands: []verbs.Command{&verbs.Dial{}}}),
			message: []string{"flowtest: the document is invalid:\n", "/Response/Dial[1]"},
		},
		{name: "nil document", golden: helloXML("Hi"), doc: nil, kind: "fatal", message: []string{"flowtest: nil document"}},
		{name: "nil response", golden: helloXML("Hi"), doc: Response(nil), kind: "fatal", message: []string{"flowtest: nil *verbs.Response"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "menu.xml")
			if tt.golden != "" {
				writeFile(t, path, tt.golden)
			}
			tb := &fakeTB{name: "TestMenu/case_1"}
			ok := goldenDoc(tb, path, tt.doc, settingsOf(tt.opts), false)
			if ok != tt.wantOK {
				t.Errorf("golden = %v, want %v\n%s", ok, tt.wantOK, tb.report())
			}
			switch tt.kind {
			case "":
				if tb.failed() || len(tb.logs) > 0 {
					t.Errorf("want no message\n%s", tb.report())
				}
			case "two errors":
				if len(tb.errors) != 2 || len(tb.fatals)+len(tb.logs) > 0 {
					t.Errorf("want the warnings and the diff\n%s", tb.report())
				}
			default:
				kind, msg, one := tb.only()
				if !one || kind != tt.kind {
					t.Fatalf("want exactly one %s message\n%s", tt.kind, tb.report())
				}
				if missing, ok := containsAll(msg, tt.message...); !ok {
					t.Errorf("message lacks %q:\n%s", missing, msg)
				}
			}
			if tt.golden == "" {
				if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("golden file created without updating: %v", err)
				}
			} else if got := readFile(t, path); got != tt.golden {
				t.Errorf("golden file changed without updating:\n%s", got)
			}
		})
	}
}

func TestGoldenUpdate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		golden  string // "" = no file
		wantLog bool
	}{
		{name: "creates a missing file and its directories", wantLog: true},
		{name: "rewrites a different file", golden: helloXML("Old"), wantLog: true},
		{name: "rewrites CRLF", golden: strings.ReplaceAll(helloXML("New"), "\n", "\r\n"), wantLog: true},
		{name: "leaves an equal file", golden: helloXML("New")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "testdata", "TestMenu", "root.xml")
			if tt.golden != "" {
				writeFile(t, path, tt.golden)
			}
			tb := &fakeTB{name: "TestMenu"}
			if !goldenDoc(tb, path, helloDoc("New"), settings{}, true) || tb.failed() {
				t.Fatalf("golden failed while updating\n%s", tb.report())
			}
			if got := readFile(t, path); got != helloXML("New") {
				t.Errorf("golden file =\n%s\nwant\n%s", got, helloXML("New"))
			}
			if wrote := len(tb.logs) == 1 && tb.logs[0] == "flowtest: wrote "+path; wrote != tt.wantLog {
				t.Errorf("log %q, want a write log: %v", tb.logs, tt.wantLog)
			}
			// Once updated, the file compares equal.
			tb = &fakeTB{name: "TestMenu"}
			if !goldenDoc(tb, path, helloDoc("New"), settings{}, false) {
				t.Errorf("updated file does not match\n%s", tb.report())
			}
		})
	}
}

// TestGoldenUpdateEnv changes the environment, so it does not run in
// parallel.
func TestGoldenUpdateEnv(t *testing.T) {
	t.Setenv(UpdateEnv, "1")
	path := filepath.Join(t.TempDir(), "env.xml")
	if !Golden(t, path, helloDoc("Env")) {
		t.Fatal("Golden with OPENTACT_UPDATE_GOLDEN=1 failed")
	}
	if got := readFile(t, path); got != helloXML("Env") {
		t.Errorf("golden file =\n%s\nwant\n%s", got, helloXML("Env"))
	}
	t.Setenv(UpdateEnv, "0")
	if updating() {
		t.Error("updating with OPENTACT_UPDATE_GOLDEN=0")
	}
}

// TestNoUpdateFlag checks that importing flowtest defines no command-line
// flag: "go test ./... -update" would otherwise work only in the packages
// that import it and fail with "flag provided but not defined" in every
// other one.
func TestNoUpdateFlag(t *testing.T) {
	t.Parallel()
	if f := flag.Lookup("update"); f != nil {
		t.Errorf("flowtest defines -update (%q); the environment variable %s is the way", f.Usage, UpdateEnv)
	}
	if got := updateCommand("TestMenu"); got != "OPENTACT_UPDATE_GOLDEN=1 go test ./flowtest -run '^TestMenu$'" {
		t.Errorf("update command = %s", got)
	}
}

// TestGoldenText compares a text form with a golden file.
func TestGoldenText(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "call.txt")
	writeFile(t, path, "0:00.000 #1 /Response/Say[1] Say: Hi\n")
	tb := &fakeTB{name: "TestCall"}
	if !GoldenText(tb, path, text("0:00.000 #1 /Response/Say[1] Say: Hi\n")) || tb.failed() {
		t.Errorf("equal text did not match\n%s", tb.report())
	}
	tb = &fakeTB{name: "TestCall"}
	if GoldenText(tb, path, text("0:00.000 #1 /Response/Say[1] Say: Bye\n")) {
		t.Error("different text matched")
	}
	if kind, msg, _ := tb.only(); kind != "error" || !strings.Contains(msg, "call.txt: the document differs from the golden file") {
		t.Errorf("mismatch reported as %s %q", kind, msg)
	}
	tb = &fakeTB{name: "TestCall"}
	if GoldenText(tb, path, nil) || len(tb.fatals) != 1 {
		t.Errorf("nil text\n%s", tb.report())
	}
}

// text is a string with a text form.
type text string

func (s text) MarshalText() ([]byte, error) { return []byte(s), nil }

func TestUpdateCommand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		want string
	}{
		{"TestMenu", "OPENTACT_UPDATE_GOLDEN=1 go test ./flowtest -run '^TestMenu$'"},
		{"TestMenu/support_line", "OPENTACT_UPDATE_GOLDEN=1 go test ./flowtest -run '^TestMenu$/^support_line$'"},
		{"TestA.B/x+y(1)", `OPENTACT_UPDATE_GOLDEN=1 go test ./flowtest -run '^TestA\.B$/^x\+y\(1\)$'`},
		{"TestQuote/it's", `OPENTACT_UPDATE_GOLDEN=1 go test ./flowtest -run '^TestQuote$/^it'\''s$'`},
	}
	for _, tt := range tests {
		if got := updateCommand(tt.name); got != tt.want {
			t.Errorf("updateCommand(%q) =\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

// TestUpdateFlagOfAnotherPackage covers an -update flag that some other
// package defined before this one could.
func TestUpdateFlagOfAnotherPackage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		define      func(fs *flag.FlagSet)
		set         string
		wantOn      bool
		wantCommand string
	}{
		{
			name:        "no flag",
			define:      func(*flag.FlagSet) {},
			wantCommand: "OPENTACT_UPDATE_GOLDEN=1 go test ./flowtest -run '^TestMenu$'",
		},
		{
			name:        "a bool flag, on",
			define:      func(fs *flag.FlagSet) { fs.Bool("update", false, "theirs") },
			set:         "true",
			wantOn:      true,
			wantCommand: "go test ./flowtest -run '^TestMenu$' -update",
		},
		{
			name:        "a string flag",
			define:      func(fs *flag.FlagSet) { fs.String("update", "", "theirs") },
			set:         "golden",
			wantCommand: "OPENTACT_UPDATE_GOLDEN=1 go test ./flowtest -run '^TestMenu$'",
		},
		{
			name:        "a string flag saying true",
			define:      func(fs *flag.FlagSet) { fs.String("update", "", "theirs") },
			set:         "1",
			wantOn:      true,
			wantCommand: "OPENTACT_UPDATE_GOLDEN=1 go test ./flowtest -run '^TestMenu$'",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			tt.define(fs)
			if tt.set != "" {
				if err := fs.Set("update", tt.set); err != nil {
					t.Fatal(err)
				}
			}
			if on := flagUpdating(fs); on != tt.wantOn {
				t.Errorf("flagUpdating = %v, want %v", on, tt.wantOn)
			}
			if got := updateCommandFor("TestMenu", fs); got != tt.wantCommand {
				t.Errorf("update command =\n%s\nwant\n%s", got, tt.wantCommand)
			}
		})
	}
}
