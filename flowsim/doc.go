// Package flowsim runs Opentact calls offline: a scripted caller against a
// call-flow document or the application's own HTTP handler, in process,
// with a transcript of what the caller heard and did, the HTTP requests
// the platform made and the websocket events it would have sent.
//
//	sim, err := flowsim.New(doc)                         // *verbs.Response, *flow.Flow, XML, or flowsim.Handler(h, "/")
//	c := sim.Run(ctx, flowsim.Keys("1", "2"))            // the whole call, scripted up front
//	fmt.Print(c.Transcript())
//
//	c := sim.Call(ctx, flowsim.From("12125550100"))      // step by step
//	c.Press("1"); c.Heard(); c.Silence(); c.HangUp()
//	w, ok := c.Waiting()                                 // the Gather, Pause or RecordWait waiting for the caller
//
// Explore walks every DTMF path of a flow up to a depth and reports dead
// ends, loops, unreachable branches, fallbacks and falls-through after a
// Dial as render.Diagnostic findings.
//
// # Semantics
//
// Commands run top to bottom as xml.md describes. Where the docs are
// silent, the simulator decides as follows (each decision is one place in
// the code):
//
//   - Default. The docs disagree on when <Default> runs. DefaultOn picks the
//     reading: DefaultOnNoMatch (the default; the Default page and the
//     legacy example) runs it for digits that match no DTMF, and entering
//     nothing fails the Gather; DefaultOnNoInput (the Gather page's example)
//     runs it when nothing was entered, and unmatched digits fail the
//     Gather. Without a Default the flow goes on after the Gather.
//   - Failure and Error. A failed command runs its own <Error> child
//     (Dial, Gather, Callback, Curl); without one, an <Error> item right
//     after it in the list runs; without either the flow goes on. An
//     <Error> item after a command that succeeded is passed over. After an
//     Error block the flow goes on after it. Commands that can fail: Dial
//     (busy, no answer), Gather (the no-input/no-match case of the reading,
//     a url request that fails or returns an invalid document), Callback
//     and Curl (no route, timeout, panic, status not 2xx, invalid reply),
//     Play (MissingAudio, or a record name no finished recording has).
//   - Gather entry. The caller presses keys one a second, those of a phone
//     keypad (0-9 * # A-D); a script pressing any other ends the call as
//     invalid at the command waiting for it. Entry ends at
//     dtmf_length digits, at the dtmf_stop key (not part of the digits), or
//     GatherTimeout (5 s) after the last key; keys after that are not heard.
//     A matching DTMF branch runs, then the flow goes on after the Gather.
//     Otherwise non-empty digits go to the url, if any: GET with the URL's
//     own query followed by dtmf, from, tn, state=live, sca, call; no digits
//     never make a request. The reply document replaces the call's flow:
//     commands after the Gather never run. The same holds for Callback
//     (method default GET, tag appended to the query, body="true" posts the
//     call object as JSON).
//   - Legacy Gather. Prompts inside it play first; while nothing matched
//     the prompts and the entry repeat up to attempts; numDigits,
//     finishOnKey and timeout act as dtmf_length, dtmf_stop and the entry
//     timeout; the Switch's Cases are the branches; callback gets code,
//     success and attempts. Legacy Dial timeout is in seconds.
//   - Documents. Each document is checked with render.Check; one with an
//     error does not run at all (a fetched one fails its Gather or
//     Callback, the first one ends the call as EndInvalid) and its findings
//     are in the transcript. A document equal to the handler's fallback
//     flow (Fallback) is marked "fallback". Unknown elements (Lenient) are
//     passed over. A call_flow_url that fails ends the call (the docs do
//     not say what the platform does). Requests go in process to the
//     source handler (same scheme and host) or a Route; any other URL
//     fails, unless Client allows the network.
//   - Conditions. <Call> compares to/from ignoring a leading +, other
//     fields set with CallField; <Geo> needs CallerLocation, compares
//     without case, and one without attributes matches every call;
//     <Schedule> uses the simulated clock in the location of At, the range
//     includes its start and excludes its end and spans midnight when its
//     start is later.
//   - Recording. An empty <Record> or <RecordStart> records in the
//     background until <RecordStop>, its timeout or the end of the call; a
//     container records while its commands run; <RecordWait> lets the
//     caller speak until a key (or 30 s of silence) and stops the
//     recording. A recording is named by its tag, else by Recordings, else
//     recording-N; <Play record> plays it for its recorded length.
//   - Voice and legs. The voice of a <Say> (lang, type, gender, code), the
//     leg of a <Play> or <Tone> and a tone's volume are shown in the step's
//     detail; they change nothing else in the call.
//   - Tags. The tag of each command run is in its call_flow event. The
//     <DTMF>, <Default> and legacy <Case> branches are not commands: the
//     <Gather>'s event carries the Gather's tag, a branch's tag is in no
//     event.
//   - Others. <Hold> keeps the caller on hold for its timeout (300 s);
//     <Unhold> and <Meta> take no time; <Answer> makes the call live when
//     the app does not auto-answer; a flow that runs out of commands ends
//     the call, normally right after a Dial (EndAfterDial) and otherwise
//     as a dead end (EndDeadEnd).
//
// # Time
//
// Simulated time advances per command: Say 400 ms a word (150 words a
// minute) times loop; Play 5 s or its Audio length, times loop; Pause its
// length (1 s), less when a stop key ends it; Gather one second a key plus
// the timeout when entry was not complete; Dial its ring time plus the
// conversation (Answered; 5 s and 60 s by default), 30 s (or the legacy
// timeout) when nobody answers, nothing when busy; Tone loop × (don+doff),
// at most its timeout (30 s); Answer its delay; requests take no simulated
// time (RequestTimeout, or a Callback's or Curl's timeout attribute,
// bounds them in real time; a request cut off names the bound in its
// step). Durations saturate at the largest time.Duration instead of
// overflowing, so a loop count or a timeout at the limit of its type makes
// a very long call, never a negative time.
//
// # Transcript
//
// Transcript.String writes one line per step, stable for golden files
// (flowtest.GoldenText compares a Transcript):
//
//	ELAPSED DOC PATH ELEMENT[ OUTCOME]: PART; PART; … (DURATION)
//
// ELAPSED is the simulated time at the step's start as M:SS.mmm. DOC is
// #N, the document the step ran in (the first document is #1, each fetched
// one the next number), or - for the steps of the call itself. PATH is the
// element's XPath-style path in that document, as render reports it, or -.
// ELEMENT is the element's name, or call, fetch, check and end. OUTCOME is
// left out when the step went well, else failed, skipped, invalid or
// fallback. The parts, each present only when not empty, are: what the
// caller heard, quoted as a Go string; "caller" and what the caller did
// (pressed 12#, silent, hung up); the detail in words; the HTTP exchange
// as METHOD URL[ -> STATUS][ (ERROR)]; each finding in brackets. A step
// that took simulated time ends with its duration in parentheses.
//
// # Events
//
// For each call the simulator builds the websocket frames the platform
// sends, in the documented generation-B shapes: call_state at init,
// ringing, live, bridged (a Dial answered), hangup and destroyed, and a
// call_flow frame for each command run, whose path is in the platform's
// form (Gather[0]/DTMF[1]/Dial[0]). Each frame is decoded with
// events.Decode, so Call.Events returns exactly what an event handler sees.
package flowsim
