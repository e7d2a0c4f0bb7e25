package bench

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// servers are the handlers BenchmarkServe compares, each answering the
// Gather request of newServeRequest with the ivr document.
type servers struct {
	floor, opentact, twilio http.Handler
	hook                    *hookErrors
}

// hookErrors records what the opentact handler reports.
type hookErrors struct {
	mu   sync.Mutex
	errs []error
}

func (h *hookErrors) record(_ *http.Request, err error) {
	h.mu.Lock()
	h.errs = append(h.errs, err)
	h.mu.Unlock()
}

func (h *hookErrors) take() []error {
	h.mu.Lock()
	defer h.mu.Unlock()
	errs := h.errs
	h.errs = nil
	return errs
}

func newServers(tb testing.TB) servers {
	tb.Helper()
	ivr, err := opentactIVR().XML()
	if err != nil {
		tb.Fatalf("ivr: %v", err)
	}
	hook := &hookErrors{}
	ot, err := opentactHandler(hook.record)
	if err != nil {
		tb.Fatalf("opentact handler: %v", err)
	}
	return servers{floor: floorHandler(ivr), opentact: ot, twilio: twilioHandler(), hook: hook}
}

// TestServeHandlersAnswer checks what every handler of BenchmarkServe
// answers, through the benchmark's own recorder and request, twice each
// (the recorder and the request are reused): opentact's body is the floor's
// bytes with the same status and Content-Type and nothing reported to its
// error hook; twilio's is well-formed TwiML of the same shape.
func TestServeHandlersAnswer(t *testing.T) {
	s := newServers(t)
	ivr, err := opentactIVR().XML()
	if err != nil {
		t.Fatal(err)
	}
	want, err := measure(ivr)
	if err != nil {
		t.Fatal(err)
	}
	r := newServeRequest()
	w := newRecorder()
	for _, tc := range []struct {
		name string
		h    http.Handler
	}{{"floor", s.floor}, {"opentact", s.opentact}, {"twilio", s.twilio}} {
		for i := range 2 {
			w.reset()
			tc.h.ServeHTTP(w, r)
			if w.statusCode() != http.StatusOK {
				t.Errorf("%s #%d: status %d\n%s", tc.name, i, w.statusCode(), w.body)
			}
			if ct := w.header.Get("Content-Type"); ct != xmlType {
				t.Errorf("%s #%d: Content-Type %q, want %q", tc.name, i, ct, xmlType)
			}
			switch tc.name {
			case "floor", "opentact":
				if !bytes.Equal(w.body, ivr) {
					t.Errorf("%s #%d: body\n%s\nwant\n%s", tc.name, i, w.body, ivr)
				}
			case "twilio":
				got, err := measure(w.body)
				if err != nil {
					t.Errorf("twilio #%d: not well-formed: %v\n%s", i, err, w.body)
				} else if got != want {
					t.Errorf("twilio #%d: shape %+v, want %+v\n%s", i, got, want, w.body)
				}
			}
		}
	}
	if errs := s.hook.take(); len(errs) != 0 {
		t.Errorf("opentact's error hook got %v", errs)
	}
}

// TestServeHandlersRefuse checks that the handlers read the request: with
// no digits, neither opentact nor twilio answers with the ivr document.
func TestServeHandlersRefuse(t *testing.T) {
	s := newServers(t)
	ivr, err := opentactIVR().XML()
	if err != nil {
		t.Fatal(err)
	}
	r := newServeRequest()
	q := r.URL.Query()
	q.Del("dtmf")
	r.URL.RawQuery = q.Encode()
	w := newRecorder()
	for name, h := range map[string]http.Handler{"opentact": s.opentact, "twilio": s.twilio} {
		w.reset()
		h.ServeHTTP(w, r)
		if bytes.Equal(w.body, ivr) || bytes.Contains(w.body, []byte("<Gather")) {
			t.Errorf("%s: answered the ivr without digits:\n%s", name, w.body)
		}
	}
}

// BenchmarkServe measures one request served in process: ServeHTTP on a
// reused request and a reused recorder, with no network in between.
func BenchmarkServe(b *testing.B) {
	s := newServers(b)
	for _, tc := range []struct {
		name string
		h    http.Handler
	}{{"ivr/floor", s.floor}, {"ivr/opentact", s.opentact}, {"ivr/twilio", s.twilio}} {
		if tc.name == "ivr/twilio" {
			b.Run("ivr/opentact-work", benchServeWork)
		}
		b.Run(tc.name, func(b *testing.B) {
			r := newServeRequest()
			w := newRecorder()
			b.ReportAllocs()
			for b.Loop() {
				w.reset()
				tc.h.ServeHTTP(w, r)
			}
			if w.statusCode() != http.StatusOK || len(w.body) == 0 {
				b.Fatalf("status %d, %d bytes", w.statusCode(), len(w.body))
			}
		})
	}
	if errs := s.hook.take(); len(errs) != 0 {
		b.Fatalf("opentact's error hook got %v", errs)
	}
}

// benchServeWork does what the opentact handler's CallFlowFunc and its
// rendering do per request, without a handler: build the ivr document and
// render it into a reused buffer. BenchmarkServe's opentact minus this is
// what serving adds.
func benchServeWork(b *testing.B) {
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if buf, err = opentactIVR().AppendXML(buf[:0]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkServeLoopback serves the same request over a loopback TCP
// connection (net/http's server and client, one kept-alive connection, one
// request at a time), to set BenchmarkServe's in-process figures beside
// what a real server adds to each request.
func BenchmarkServeLoopback(b *testing.B) {
	s := newServers(b)
	for _, tc := range []struct {
		name string
		h    http.Handler
	}{{"ivr/floor", s.floor}, {"ivr/opentact", s.opentact}, {"ivr/twilio", s.twilio}} {
		b.Run(tc.name, func(b *testing.B) {
			srv := httptest.NewServer(tc.h)
			defer srv.Close()
			client := srv.Client()
			target := srv.URL + newServeRequest().URL.RequestURI()
			req, err := http.NewRequest(http.MethodGet, target, nil)
			if err != nil {
				b.Fatal(err)
			}
			buf := make([]byte, 0, 4096)
			b.ReportAllocs()
			for b.Loop() {
				resp, err := client.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				buf, err = readAll(buf[:0], resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK || len(buf) == 0 {
					b.Fatalf("status %d, %d bytes, %v", resp.StatusCode, len(buf), err)
				}
			}
		})
	}
	if errs := s.hook.take(); len(errs) != 0 {
		b.Fatalf("opentact's error hook got %v", errs)
	}
}

// readAll appends all of r to dst.
func readAll(dst []byte, r io.Reader) ([]byte, error) {
	for {
		if len(dst) == cap(dst) {
			dst = append(dst, 0)[:len(dst)]
		}
		n, err := r.Read(dst[len(dst):cap(dst)])
		dst = dst[:len(dst)+n]
		if err == io.EOF {
			return dst, nil
		}
		if err != nil {
			return dst, err
		}
	}
}
