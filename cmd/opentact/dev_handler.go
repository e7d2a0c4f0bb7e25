package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"
	"time"

	"github.com/opentact-go/opentact/flowsim/devpage"
)

// The environment of the handler process started by -handler-cmd.
const (
	// addrEnv holds the loopback host:port the handler must listen on.
	addrEnv = "OPENTACT_ADDR"
	// portEnv holds the port alone, for handlers that read PORT.
	portEnv = "PORT"
)

// handlerProc is the user's handler process of `opentact dev
// -handler-cmd`: started in its own process group, its output shown on
// the page, stopped with its children when dev exits.
type handlerProc struct {
	command string
	addr    string
	srv     *devpage.Server
	stderr  io.Writer

	cmd      *exec.Cmd
	stopping atomic.Bool   // dev is stopping it
	done     chan struct{} // closed when the process has exited
	err      error         // its exit status, once done
	outs     sync.WaitGroup
}

// freeLoopbackAddr returns a free 127.0.0.1 port for the handler.
func freeLoopbackAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// startHandler starts command with OPENTACT_ADDR and PORT set to addr and
// watches it: the page says when it listens, exits, or does not listen
// within wait.
func startHandler(command, addr string, wait time.Duration, srv *devpage.Server, stderr io.Writer) (*handlerProc, error) {
	_, port, _ := net.SplitHostPort(addr)
	h := &handlerProc{command: command, addr: addr, srv: srv, stderr: stderr, done: make(chan struct{})}
	h.cmd = shellCommand(command)
	h.cmd.Env = append(os.Environ(), addrEnv+"="+addr, portEnv+"="+port)
	h.cmd.Stdin = nil
	setProcessGroup(h.cmd)
	stdout, err := h.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	errout, err := h.cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	srv.SetNotice(fmt.Sprintf("starting the handler: %s (%s=%s) …", command, addrEnv, addr))
	srv.Log("dev", fmt.Sprintf("starting %s with %s=%s %s=%s", command, addrEnv, addr, portEnv, port))
	if err := h.cmd.Start(); err != nil {
		msg := fmt.Sprintf("the handler did not start: %v", err)
		srv.SetNotice(msg)
		srv.Log("dev", msg)
		return nil, fmt.Errorf("-handler-cmd %q: %v", command, err)
	}
	h.outs.Add(2)
	go h.copy("stdout", stdout)
	go h.copy("stderr", errout)
	go func() {
		h.outs.Wait() // the pipes must be read to the end before Wait
		h.err = h.cmd.Wait()
		close(h.done)
	}()
	go h.watch(wait)
	return h, nil
}

// copy shows each line of the handler's output on the page and on dev's
// standard error.
func (h *handlerProc) copy(stream string, r io.Reader) {
	defer h.outs.Done()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		h.srv.Log(stream, sc.Text())
		fmt.Fprintf(h.stderr, "handler %s: %s\n", stream, sc.Text())
	}
}

// watch waits until the handler listens, exits or runs out of time, and
// says so on the page and the command line; then it waits for its exit.
func (h *handlerProc) watch(wait time.Duration) {
	deadline := time.NewTimer(wait)
	defer deadline.Stop()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	listening := false
	for !listening {
		select {
		case <-h.done:
			if h.stopping.Load() {
				return
			}
			h.say(fmt.Sprintf("the handler exited before it listened on %s (%v); calls fail until it runs: fix it and restart opentact dev", h.addr, h.exit()))
			return
		case <-deadline.C:
			h.say(fmt.Sprintf("the handler did not listen on %s within %s; it must listen on $%s (or 127.0.0.1:$%s); calls fail until it does", h.addr, wait, addrEnv, portEnv))
		case <-tick.C:
			if c, err := net.DialTimeout("tcp", h.addr, time.Second); err == nil {
				c.Close()
				listening = true
			}
		}
	}
	h.srv.SetNotice("")
	h.srv.Log("dev", "the handler listens on "+h.addr)
	fmt.Fprintf(h.stderr, "opentact dev: the handler listens on %s\n", h.addr)
	<-h.done
	if h.stopping.Load() {
		return
	}
	h.say(fmt.Sprintf("the handler exited (%v); calls fail until it runs again: restart opentact dev", h.exit()))
}

// exit describes how the process ended.
func (h *handlerProc) exit() string {
	if h.err == nil {
		return "exit status 0"
	}
	return h.err.Error()
}

// say shows msg as the page's notice, in its log and on standard error.
func (h *handlerProc) say(msg string) {
	h.srv.SetNotice(msg)
	h.srv.Log("dev", msg)
	fmt.Fprintf(h.stderr, "opentact dev: %s\n", msg)
}

// stop ends the handler's process group: a polite signal first, then a
// kill after grace.
func (h *handlerProc) stop(grace time.Duration) {
	h.stopping.Store(true)
	select {
	case <-h.done:
		killGroup(h.cmd, true) // children it left behind
		return
	default:
	}
	killGroup(h.cmd, false)
	select {
	case <-h.done:
	case <-time.After(grace):
		killGroup(h.cmd, true)
		<-h.done
	}
}

// handlerURL is the call_flow_url of a handler listening on addr.
func handlerURL(addr, path string) string {
	return "http://" + addr + path
}
