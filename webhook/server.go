package webhook

import (
	"net/http"
	"time"
)

// The settings of the *http.Server that Server returns. Each bounds what a
// slow or idle client can hold: a connection that sends its request headers
// byte by byte is closed after ServerReadHeaderTimeout, one that sends its
// body slowly after ServerReadTimeout (a CallFlowHandler's own timeout, 10
// s by default, also covers the body and answers with the fallback flow).
const (
	// ServerReadHeaderTimeout bounds reading a request's headers.
	ServerReadHeaderTimeout = 5 * time.Second
	// ServerReadTimeout bounds reading a whole request, body included.
	ServerReadTimeout = 10 * time.Second
	// ServerWriteTimeout bounds the time from the end of the request
	// headers to the end of the reply: above DefaultTimeout, so that a
	// CallFlowHandler's fallback is still written.
	ServerWriteTimeout = 15 * time.Second
	// ServerIdleTimeout is how long a kept-alive connection may wait for
	// its next request.
	ServerIdleTimeout = 60 * time.Second
	// ServerMaxHeaderBytes bounds the request line and headers: 32 KiB,
	// far above Opentact's query parameters and a signed state (WithState)
	// in a Gather URL.
	ServerMaxHeaderBytes = 32 << 10
)

// Server returns an *http.Server for h on addr with every timeout set
// (http.ListenAndServe sets none, so a client sending its request slowly
// holds a connection and a goroutine for as long as it likes):
// ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout and
// MaxHeaderBytes take the Server… constants above. The fields may be
// changed before the server starts.
//
//	srv := webhook.Server(":8080", h)
//	log.Fatal(srv.ListenAndServe())
func Server(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: ServerReadHeaderTimeout,
		ReadTimeout:       ServerReadTimeout,
		WriteTimeout:      ServerWriteTimeout,
		IdleTimeout:       ServerIdleTimeout,
		MaxHeaderBytes:    ServerMaxHeaderBytes,
	}
}
