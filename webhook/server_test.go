package webhook

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	flow "github.com/opentact-go/opentact/builder"
)

// TestServerSettings holds Server to its documented values.
func TestServerSettings(t *testing.T) {
	t.Parallel()
	h := http.NotFoundHandler()
	srv := Server("127.0.0.1:8080", h)
	if srv.Addr != "127.0.0.1:8080" || srv.Handler == nil ||
		srv.ReadHeaderTimeout != 5*time.Second || srv.ReadTimeout != 10*time.Second ||
		srv.WriteTimeout != 15*time.Second || srv.IdleTimeout != time.Minute ||
		srv.MaxHeaderBytes != 32<<10 {
		t.Errorf("Server = %+v", srv)
	}
	if srv.WriteTimeout <= DefaultTimeout {
		t.Errorf("WriteTimeout %v does not leave room for a reply after DefaultTimeout %v", srv.WriteTimeout, DefaultTimeout)
	}
}

// TestSlowloris attacks a real loopback server made by Server, its timeouts
// shortened, with many connections sending their headers or their bodies
// one byte at a time. The slow-header connections are closed by the
// server without an answer; the slow-body ones get the fallback flow when
// the handler's deadline ends the body, and the hook one timeout each;
// meanwhile a normal caller keeps getting its document.
func TestSlowloris(t *testing.T) {
	t.Parallel()
	var hooks hookRecorder
	doc := flow.New().Say("Welcome.").Hangup()
	h, err := NewCallFlowHandler(func(context.Context, *CallFlowRequest) (*flow.Flow, error) {
		return doc, nil
	}, WithTimeout(400*time.Millisecond), WithErrorHook(hooks.hook))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := Server("", h)
	srv.ReadHeaderTimeout = 300 * time.Millisecond
	srv.ReadTimeout = 2 * time.Second
	srv.WriteTimeout = 3 * time.Second
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	addr := ln.Addr().String()

	const slowHeaders, slowBodies = 40, 10
	stop := make(chan struct{})
	var wg sync.WaitGroup
	headerReplies := make(chan string, slowHeaders)
	bodyReplies := make(chan string, slowBodies)
	attack := func(prefix string, drip byte, replies chan<- string, parse bool) {
		defer wg.Done()
		c, err := net.Dial("tcp", addr)
		if err != nil {
			replies <- "dial: " + err.Error()
			return
		}
		defer c.Close()
		if _, err := io.WriteString(c, prefix); err != nil {
			replies <- "write: " + err.Error()
			return
		}
		go func() { // one byte every 20 ms until the server gives up
			for {
				select {
				case <-stop:
					return
				case <-time.After(20 * time.Millisecond):
				}
				if _, err := c.Write([]byte{drip}); err != nil {
					return
				}
			}
		}()
		// A safety bound for the test only: the server cuts far sooner.
		c.SetReadDeadline(time.Now().Add(20 * time.Second))
		br := bufio.NewReader(c)
		if parse {
			resp, err := http.ReadResponse(br, nil)
			if err != nil {
				replies <- "no reply: " + err.Error()
				return
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			// The rest of the body is not waited for: the connection ends.
			end := "closed"
			// The server closes with body bytes unread, so the kernel may
			// end the connection with a reset instead of a FIN: both close it.
			if _, err := br.ReadByte(); err != io.EOF && !errors.Is(err, syscall.ECONNRESET) {
				end = fmt.Sprintf("not closed after the reply: %v", err)
			}
			replies <- resp.Status + "\n" + string(body) + end
			return
		}
		b, err := io.ReadAll(br)
		if ne := (net.Error)(nil); errors.As(err, &ne) && ne.Timeout() {
			replies <- "still open"
			return
		}
		replies <- "closed:" + string(b)
	}
	for range slowHeaders {
		wg.Add(1)
		go attack("GET /?dtmf=1 HTTP/1.1\r\nHost: ivr.example.com\r\nX-Slow: ", 'a', headerReplies, false)
	}
	for range slowBodies {
		wg.Add(1)
		go attack("POST / HTTP/1.1\r\nHost: ivr.example.com\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"a\":\"", 'a', bodyReplies, true)
	}

	// A normal caller is served throughout.
	client := &http.Client{Timeout: 10 * time.Second}
	for i := range 5 {
		resp, err := client.Get("http://" + addr + "/?dtmf=1")
		if err != nil {
			t.Fatalf("normal caller, request %d: %v", i, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || string(body) != string(doc.MustXML()) {
			t.Errorf("normal caller, request %d: %s\n%s", i, resp.Status, body)
		}
		time.Sleep(50 * time.Millisecond)
	}

	wg.Wait()
	close(stop)
	close(headerReplies)
	close(bodyReplies)
	for r := range headerReplies {
		if r != "closed:" && !strings.HasPrefix(r, "closed:HTTP/1.1 408") {
			t.Errorf("slow headers: %q, want the connection closed with no document", r)
		}
	}
	for r := range bodyReplies {
		if r != "200 OK\n"+defaultFallback+"closed" {
			t.Errorf("slow body: %q, want the fallback flow, then the connection closed", r)
		}
	}
	errs := hooks.errors()
	if len(errs) != slowBodies {
		t.Errorf("hook got %d errors, want %d (one per slow body): %v", len(errs), slowBodies, errs)
	}
	for _, err := range errs {
		if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "request body did not arrive within 400ms") {
			t.Errorf("hook got %v, want the body timeout", err)
		}
	}
}
