package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/opentact-go/opentact/flowtest"
	"github.com/opentact-go/opentact/render"
)

// runMainEnv makes the test binary run main instead of the tests, so that
// TestMainProcess can check the real program's output and exit code.
const runMainEnv = "IVR_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

func TestMainProcess(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     []string
		wantCode int
		golden   string // expected stdout, "" for none
	}{
		{name: "print mode", golden: "testdata/root.xml"},
		{name: "usage error", args: []string{"-nope"}, wantCode: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(os.Args[0], tt.args...)
			cmd.Env = append(os.Environ(), runMainEnv+"=1")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tt.wantCode {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.wantCode, stderr.String())
			}
			want := ""
			if tt.golden != "" {
				b, err := os.ReadFile(tt.golden)
				if err != nil {
					t.Fatal(err)
				}
				want = string(b)
			}
			if stdout.String() != want {
				t.Errorf("stdout =\n%s\nwant\n%s", stdout.String(), want)
			}
		})
	}
}

func TestPrintMode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{name: "default", golden: "testdata/root.xml"},
		{name: "base with a path", args: []string{"-base", "https://ivr.example.com/opentact/"}, golden: "testdata/root_base.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), tt.args, &stdout, &stderr); code != 0 {
				t.Fatalf("exit code %d, stderr:\n%s", code, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("stderr:\n%s", stderr.String())
			}
			doc, err := render.Parse(stdout.Bytes())
			if err != nil {
				t.Fatalf("output does not parse: %v\n%s", err, stdout.String())
			}
			if ds := render.Check(doc); len(ds) > 0 {
				t.Errorf("output has findings:\n%v", ds)
			}
			canonical, err := render.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(canonical, stdout.Bytes()) {
				t.Errorf("output is not in canonical form:\n%s", stdout.String())
			}
			flowtest.Golden(t, tt.golden, flowtest.Response(doc))
		})
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{name: "unknown flag", args: []string{"-port", "80"}, code: 2, stderr: "flag provided but not defined: -port"},
		{name: "extra argument", args: []string{"serve"}, code: 2, stderr: "ivr: unexpected arguments: serve"},
		{name: "bad proxy prefix", args: []string{"-trusted-proxy", "proxy.local"}, code: 2, stderr: `invalid value "proxy.local" for flag -trusted-proxy`},
		{name: "base not http", args: []string{"-base", "ftp://example.com"}, code: 1, stderr: `ivr: -base "ftp://example.com" is not an http or https URL without query`},
		{name: "base with a query", args: []string{"-base", "https://example.com/?a=1"}, code: 1, stderr: "is not an http or https URL without query"},
		{name: "address in use or invalid", args: []string{"-addr", "256.0.0.1:80"}, code: 1, stderr: "ivr: listen tcp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			if code := run(context.Background(), tt.args, &stdout, &stderr); code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr.String())
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout:\n%s", stdout.String())
			}
		})
	}
}

// lines is a concurrency-safe writer that hands out what is written line by
// line.
type lines struct {
	mu  sync.Mutex
	buf bytes.Buffer
	ch  chan string
}

func (l *lines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Write(p)
	for {
		line, err := l.buf.ReadString('\n')
		if err != nil {
			l.buf.WriteString(line) // keep the unfinished line
			return len(p), nil
		}
		select {
		case l.ch <- strings.TrimSuffix(line, "\n"):
		default:
		}
	}
}

func TestServeMode(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := &lines{ch: make(chan string, 16)}
	exit := make(chan int, 1)
	go func() { exit <- run(ctx, []string{"-addr", "127.0.0.1:0"}, io.Discard, log) }()

	// Without IVR_STATE_KEY the server says it draws a random key, then
	// where it serves.
	var base, notice string
	for base == "" {
		select {
		case line := <-log.ch:
			if b, ok := strings.CutPrefix(line, "ivr: serving on "); ok {
				base = b
			} else if notice == "" {
				notice = line
			} else {
				t.Fatalf("unexpected log line %q", line)
			}
		case code := <-exit:
			t.Fatalf("run exited with %d before serving", code)
		}
	}
	if os.Getenv(envStateKey) == "" && !strings.HasPrefix(notice, "ivr: IVR_STATE_KEY is not set: signing state with a random key") {
		t.Errorf("log line before serving = %q, want the random-key notice", notice)
	}

	c := call{t: t, client: http.DefaultClient}
	doc := c.fetch(http.MethodGet, base+"/")
	if got, want := gatherURL(t, doc), base+"/menu"; got != want {
		t.Errorf("Gather url = %q, want %q", got, want)
	}
	doc = c.press(doc, "3")
	flowtest.Equivalent(t, "<Response>"+voicemailXML+"</Response>", flowtest.Response(doc))

	cancel()
	if code := <-exit; code != 0 {
		t.Errorf("exit code %d after shutdown, want 0", code)
	}
}
