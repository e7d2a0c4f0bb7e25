package bench

import (
	"context"
	"net/http"
	"net/url"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/webhook"
)

// serveTarget is the request Opentact sends to a <Gather url> after the
// caller pressed 1 in the IVR's menu: the URL's own query, then the
// parameters Opentact appends (dtmf, from, tn, state, sca, call).
const serveTarget = "https://ivr.example.com/ivr/menu?step=menu" +
	"&dtmf=1&from=%2B15550100001&tn=15550100002&state=live" +
	"&sca=30000000-0000-4000-8000-000000000001&call=20000000-0000-4000-8000-000000000001"

// newServeRequest returns the GET request every serving benchmark answers,
// as net/http's server hands it to a handler (a non-nil, empty body).
func newServeRequest() *http.Request {
	r, err := http.NewRequestWithContext(context.Background(), http.MethodGet, serveTarget, http.NoBody)
	if err != nil {
		panic("bench: newServeRequest: " + err.Error())
	}
	r.RequestURI = r.URL.RequestURI()
	r.RemoteAddr = "192.0.2.10:5060"
	return r
}

// xmlType is the Content-Type every serving handler sets.
const xmlType = "application/xml; charset=utf-8"

// floorHandler writes precomputed bytes with their Content-Type: what
// serving costs when nothing is built, validated or rendered.
func floorHandler(body []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", xmlType)
		_, _ = w.Write(body)
	})
}

// opentactHandler serves the IVR with webhook.NewCallFlowHandler, the
// document built per request as a *flow.Flow. Every error the handler
// reports goes to hook.
func opentactHandler(hook func(*http.Request, error)) (http.Handler, error) {
	return webhook.NewCallFlowHandler(func(_ context.Context, r *webhook.CallFlowRequest) (*flow.Flow, error) {
		if r.DTMF == "" {
			return flow.New().Hangup(), nil // never in the benchmark: its request has dtmf
		}
		return opentactIVR(), nil
	}, webhook.WithErrorHook(hook))
}

// twilioHandler serves the IVR as TwiML built and rendered per request
// with twilio-go, after reading the same parameters a CallFlowRequest
// holds; a failure answers 500.
func twilioHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := twilioParams(r.URL.Query())
		if p.dtmf == "" {
			http.Error(w, "no digits", http.StatusBadRequest) // never in the benchmark
			return
		}
		doc, err := twilioIVR()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", xmlType)
		_, _ = w.Write([]byte(doc))
	})
}

// gatherParams are the parameters Opentact appends to a <Gather url>.
type gatherParams struct {
	dtmf, from, tn, state, sca, call string
}

// twilioParams reads the last value of each parameter, as webhook does.
func twilioParams(q url.Values) gatherParams {
	last := func(name string) string {
		vs := q[name]
		if len(vs) == 0 {
			return ""
		}
		return vs[len(vs)-1]
	}
	return gatherParams{last("dtmf"), last("from"), last("tn"), last("state"), last("sca"), last("call")}
}

// recorder is a minimal http.ResponseWriter for an in-process serving
// loop: one header map and one body buffer, reused after reset.
type recorder struct {
	header http.Header
	code   int
	body   []byte
}

func newRecorder() *recorder {
	return &recorder{header: make(http.Header, 4), body: make([]byte, 0, 4096)}
}

// Header implements http.ResponseWriter.
func (w *recorder) Header() http.Header { return w.header }

// WriteHeader implements http.ResponseWriter; the first status wins.
func (w *recorder) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}

// Write implements http.ResponseWriter.
func (w *recorder) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	w.body = append(w.body, b...)
	return len(b), nil
}

// reset empties the recorder, keeping its map and buffer.
func (w *recorder) reset() {
	clear(w.header)
	w.code = 0
	w.body = w.body[:0]
}

// statusCode is the status written, 200 when only a body was.
func (w *recorder) statusCode() int {
	if w.code == 0 {
		return http.StatusOK
	}
	return w.code
}
