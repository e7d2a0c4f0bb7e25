// Package devpage serves a local phone page for a call flow: a keypad, the
// transcript as it happens (each prompt read aloud by the browser's speech
// synthesis), the current document with the waiting command highlighted,
// the flow's graph with the visited commands marked, every HTTP exchange
// of the call with render.Check's findings about its reply, step /
// continue / hang up, the clock, the caller and the Dial outcomes, and
// "save as test", which downloads a Go test that replays the session
// through flowsim.
//
//	srv, err := devpage.New(xmlBytes)       // any flowsim source, or devpage.URL("http://127.0.0.1:3000/calls")
//	http.ListenAndServe("127.0.0.1:8080", srv)
//
// The page talks to the server over JSON POSTs and server-sent events. The
// server answers only requests addressed to a loopback host (so a page of
// another site cannot reach it by DNS rebinding) and only JSON POSTs (so a
// plain form of another site cannot drive it). One call runs at a time.
package devpage
