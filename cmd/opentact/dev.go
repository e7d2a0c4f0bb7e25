package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/opentact-go/opentact/flowsim/devpage"
)

// runDev implements `opentact dev`: it serves the phone page for a FILE, a
// loopback call_flow_url, or a handler process it starts (-handler-cmd),
// until interrupted.
func runDev(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("dev", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "the loopback `address` to listen on (port 0 picks a free one)")
	lenient := fs.Bool("lenient", false, "pass over unknown elements instead of refusing the document")
	handlerCmd := fs.String("handler-cmd", "", "start your handler with this shell `command` (e.g. 'go run ./myhandler'), "+
		"with "+addrEnv+" set to the loopback host:port it must listen on and "+portEnv+" to the port; "+
		"the page calls it at PATH (default /), shows its output, and stops its process group when dev exits")
	handlerWait := fs.Duration("handler-wait", time.Minute, "how long -handler-cmd may take to listen before the page says it does not")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	switch {
	case *handlerCmd != "" && fs.NArg() > 1, *handlerCmd != "" && fs.NArg() == 1 && !strings.HasPrefix(fs.Arg(0), "/"):
		fmt.Fprint(stderr, "opentact dev: with -handler-cmd give at most a PATH such as /calls (the call_flow_url's path on the handler)\n", usageText())
		return exitUsageErr
	case *handlerCmd == "" && fs.NArg() != 1:
		fmt.Fprint(stderr, "opentact dev: want exactly one FILE or URL, or -handler-cmd\n", usageText())
		return exitUsageErr
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil || !loopback(host) {
		fmt.Fprintf(stderr, "opentact dev: -addr %q: want a loopback host:port such as 127.0.0.1:8080; the page is for this machine only\n", *addr)
		return exitUsageErr
	}
	var opts []devpage.Option
	if *lenient {
		opts = append(opts, devpage.Lenient())
	}
	name := fs.Arg(0)
	var src any
	var handlerAddr string
	switch {
	case *handlerCmd != "":
		if name == "" {
			name = "/"
		}
		if handlerAddr, err = freeLoopbackAddr(); err != nil {
			fmt.Fprintf(stderr, "opentact dev: -handler-cmd: no free loopback port: %v\n", err)
			return exitUsageErr
		}
		name = handlerURL(handlerAddr, name)
		src = devpage.URL(name)
	case isURL(name):
		src = devpage.URL(name)
	default:
		data, err := readInput(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "opentact dev: %v\n", err)
			return exitUsageErr
		}
		src = data
	}
	srv, err := devpage.New(src, opts...)
	if err != nil {
		fmt.Fprintf(stderr, "opentact dev: %v\n", err)
		return exitUsageErr
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "opentact dev: %v\n", err)
		return exitUsageErr
	}
	fmt.Fprintf(stdout, "opentact dev: %s on http://%s/ (loopback only; nothing leaves this machine). Ctrl-C stops.\n", name, ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *handlerCmd != "" {
		h, err := startHandler(*handlerCmd, handlerAddr, *handlerWait, srv, stderr)
		if err != nil {
			// The page says so too; it keeps serving.
			fmt.Fprintf(stderr, "opentact dev: %v\n", err)
		} else {
			defer h.stop(3 * time.Second)
		}
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Close()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(shut)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "opentact dev: %v\n", err)
		return exitUsageErr
	}
	return exitOK
}

// loopback reports localhost or a loopback IP.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
