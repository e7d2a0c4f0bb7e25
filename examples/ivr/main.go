// Command ivr is a small interactive voice response (IVR) application built
// with the SDK: a main menu (support, the tech team's own menu, voicemail)
// served to Opentact over HTTP. Option 4 asks for an account PIN and
// counts wrong attempts in signed state (webhook.WithState) carried by the
// PIN Gather's URL, so the server keeps nothing between requests.
//
// Without flags it prints the root document and exits:
//
//	go run ./examples/ivr
//
// With -addr it serves the IVR. Point a SIP control app's call_flow_url at
// the root path; every Gather in the documents points back at the server:
//
//	go run ./examples/ivr -addr 127.0.0.1:8080
//
// Behind a reverse proxy, -trusted-proxy (repeatable) names the proxy's
// address prefix so that its X-Forwarded-Proto and X-Forwarded-Host headers
// build the callback URLs.
//
// The environment configures serving: IVR_STATE_KEY is the hex key (at
// least 32 bytes) that signs the state, shared by every instance; without
// it a random key is drawn at start. IVR_STATE_KEY_PREVIOUS is the key
// before a rotation, still accepted. IVR_PIN is the account PIN (four
// digits, 2468 by default).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/opentact-go/opentact/webhook"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the whole program: it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ivr", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "", "serve the IVR on this `host:port` instead of printing the root document")
	base := fs.String("base", "http://127.0.0.1:8080", "the `URL` the printed root document sends digits to (print mode)")
	var proxies prefixes
	fs.Var(&proxies, "trusted-proxy", "a reverse proxy's address `prefix` whose X-Forwarded headers to honour (repeatable)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "ivr: unexpected arguments: %s\n", strings.Join(fs.Args(), " "))
		fs.Usage()
		return 2
	}
	var err error
	if *addr == "" {
		err = printRoot(stdout, *base)
	} else {
		err = serve(ctx, *addr, proxies, stderr)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// printRoot writes the root document, its Gather pointing at base.
func printRoot(w io.Writer, base string) error {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("ivr: -base %q is not an http or https URL without query", base)
	}
	u.Path = strings.TrimSuffix(u.Path, "/") + menuPath
	_, err = welcome(u.String()).WriteTo(w)
	return err
}

// serve serves the IVR on addr until ctx is done.
func serve(ctx context.Context, addr string, proxies prefixes, log io.Writer) error {
	cfg, err := configFromEnv(os.Getenv, log)
	if err != nil {
		return err
	}
	cfg.urlOpts = []webhook.URLOption{webhook.WithForwardedHeadersFrom(proxies...)}
	h, err := newServer(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("ivr: %w", err)
	}
	// Every timeout set: a caller (or anyone) sending a request slowly
	// cannot hold the server.
	srv := webhook.Server(addr, h)
	fmt.Fprintf(log, "ivr: serving on http://%s\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("ivr: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("ivr: shutting down: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("ivr: %w", err)
	}
	return nil
}

// prefixes is a repeatable flag of address prefixes.
type prefixes []netip.Prefix

func (p *prefixes) String() string {
	s := make([]string, len(*p))
	for i, x := range *p {
		s[i] = x.String()
	}
	return strings.Join(s, ",")
}

func (p *prefixes) Set(v string) error {
	x, err := netip.ParsePrefix(v)
	if err != nil {
		a, aerr := netip.ParseAddr(v)
		if aerr != nil {
			return err
		}
		x = netip.PrefixFrom(a, a.BitLen())
	}
	*p = append(*p, x.Masked())
	return nil
}
