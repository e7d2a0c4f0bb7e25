package flowsim_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/opentact-go/opentact/flowsim"
)

// body returns the lines of a transcript between the call line and the
// end line, and the end line.
func body(tr flowsim.Transcript) (string, string) {
	lines := strings.Split(strings.TrimSuffix(tr.String(), "\n"), "\n")
	return strings.Join(lines[1:len(lines)-1], "\n"), lines[len(lines)-1]
}

// commandCase is one run of TestCommands.
type commandCase struct {
	name string
	doc  string
	sim  []flowsim.Option
	call []flowsim.CallOption
	want string // the steps between the call line and the end line
	end  string // the end line
	// flows, when set, are the call_flow events of the call, one per
	// line: PATH NAME success|failed[ tag=TAG].
	flows string
}

// monday is a Monday morning, for <Schedule>.
var monday = time.Date(2030, 1, 7, 9, 30, 0, 0, time.UTC)

// commandCases runs every command of xml.md, the legacy dialect included;
// each want was written from the element's section of xml.md and the
// decisions in doc.go. TestElementCoverage checks that every element and
// attribute of the language appears in one of them.
var commandCases = []commandCase{
	{
		name: "Answer delay then Hangup tag",
		doc:  `<Response><Answer delay="1500" tag="a"/><Hangup tag="CallEndedByUser"/></Response>`,
		want: "0:00.000 #1 /Response/Answer[1] Answer: the call is already live (auto_answer) (1.5s)\n" +
			`0:01.500 #1 /Response/Hangup[1] Hangup: the flow hangs up, tag "CallEndedByUser"`,
		end: `0:01.500 - - end: hangup: the flow hangs up, tag "CallEndedByUser"`,
	},
	{
		name: "Answer without auto_answer",
		doc:  `<Response><Answer/><Hangup/></Response>`,
		sim:  []flowsim.Option{flowsim.AutoAnswer(false)},
		want: "0:00.000 #1 /Response/Answer[1] Answer: the call is answered\n" +
			"0:00.000 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:00.000 - - end: hangup: the flow hangs up",
	},
	{
		name: "Hangup makes later commands unreachable",
		doc:  `<Response><Hangup/><Say>never</Say></Response>`,
		want: "0:00.000 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end:  "0:00.000 - - end: hangup: the flow hangs up",
	},
	{
		name: "Pause default, length, and dtmf_stop",
		doc:  `<Response><Pause/><Pause length="2500"/><Pause length="10000" dtmf_stop="#*"/><Pause length="3000" dtmf_stop="#"/><Hangup/></Response>`,
		call: []flowsim.CallOption{flowsim.Script(flowsim.Press("12*"), flowsim.Silence())},
		want: "0:00.000 #1 /Response/Pause[1] Pause: (1s)\n" +
			"0:01.000 #1 /Response/Pause[2] Pause: (2.5s)\n" +
			"0:03.500 #1 /Response/Pause[3] Pause: caller pressed 12*; ended by the key * (3s)\n" +
			"0:06.500 #1 /Response/Pause[4] Pause: caller silent (3s)\n" +
			"0:09.500 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:09.500 - - end: hangup: the flow hangs up",
	},
	{
		name: "Say loop and attribute form",
		doc:  `<Response><Say loop="2" lang="es" type="WaveNet" gender="MALE">Hola amigo</Say><Say text="Two words"/><Hangup/></Response>`,
		want: `0:00.000 #1 /Response/Say[1] Say: "Hola amigo"; 2 times, voice es WaveNet MALE (1.6s)` + "\n" +
			`0:01.600 #1 /Response/Say[2] Say: "Two words" (0.8s)` + "\n" +
			"0:02.400 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:02.400 - - end: hangup: the flow hangs up",
	},
	{
		name: "Play url, missing audio and its Error",
		doc: `<Response><Play loop="2">https://cdn.example.com/a.mp3</Play><Play leg="both">https://cdn.example.com/missing.wav</Play>` +
			`<Error play="true"><Say>Audio failed</Say></Error><Hangup/></Response>`,
		sim: []flowsim.Option{flowsim.Audio("https://cdn.example.com/a.mp3", 3*time.Second), flowsim.MissingAudio("https://cdn.example.com/missing.wav")},
		want: `0:00.000 #1 /Response/Play[1] Play: "https://cdn.example.com/a.mp3"; 2 times (6s)` + "\n" +
			`0:06.000 #1 /Response/Play[2] Play failed: the audio https://cdn.example.com/missing.wav cannot be played` + "\n" +
			`0:06.000 #1 /Response/Error[1] Error: "the audio https://cdn.example.com/missing.wav cannot be played"; handles: the audio https://cdn.example.com/missing.wav cannot be played (2.4s)` + "\n" +
			`0:08.400 #1 /Response/Error[1]/Say[1] Say: "Audio failed" (0.8s)` + "\n" +
			"0:09.200 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:09.200 - - end: hangup: the flow hangs up",
	},
	{
		name: "Error after a command that succeeded does not run",
		doc:  `<Response><Say>Hi</Say><Error><Say>never</Say></Error><Hangup/></Response>`,
		want: `0:00.000 #1 /Response/Say[1] Say: "Hi" (0.4s)` + "\n" +
			"0:00.400 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:00.400 - - end: hangup: the flow hangs up",
	},
	{
		name: "Record container, then Play record",
		doc: `<Response><Record tag="voicemail" asr="true"><Pause length="120000" dtmf_stop="#"/></Record>` +
			`<Play record="voicemail"/><Play record="nothing"/><Error><Hangup/></Error></Response>`,
		call: []flowsim.CallOption{flowsim.Keys("55#")},
		want: `0:00.000 #1 /Response/Record[1] Record: recording "voicemail" started, transcribed` + "\n" +
			`0:00.000 #1 /Response/Record[1]/Pause[1] Pause: caller pressed 55#; ended by the key # (3s)` + "\n" +
			`0:03.000 #1 /Response/Record[1] Record: recording "voicemail" stopped, 3s` + "\n" +
			`0:03.000 #1 /Response/Play[1] Play: "recording voicemail" (3s)` + "\n" +
			`0:06.000 #1 /Response/Play[2] Play failed: no finished recording named "nothing" in this call` + "\n" +
			`0:06.000 #1 /Response/Error[1] Error: handles: no finished recording named "nothing" in this call` + "\n" +
			"0:06.000 #1 /Response/Error[1]/Hangup[1] Hangup: the flow hangs up",
		end: "0:06.000 - - end: hangup: the flow hangs up",
	},
	{
		name: "Record empty, RecordStart, RecordWait, RecordStop",
		doc: `<Response><Record/><RecordStart tag="r"/><RecordWait tag="r"/><RecordStart/><Pause/><RecordStop/>` +
			`<RecordStop tag="ghost"/><Play record="r"/><Hangup/></Response>`,
		call: []flowsim.CallOption{flowsim.Script(flowsim.Silence()), flowsim.Recordings("bg")},
		want: `0:00.000 #1 /Response/Record[1] Record: recording "bg" started in the background` + "\n" +
			`0:00.000 #1 /Response/RecordStart[1] RecordStart: recording "r" started` + "\n" +
			`0:00.000 #1 /Response/RecordWait[1] RecordWait: caller silent (30s)` + "\n" +
			`0:30.000 #1 /Response/RecordWait[1] RecordWait: recording "r" stopped, 30s` + "\n" +
			`0:30.000 #1 /Response/RecordStart[2] RecordStart: recording "recording-2" started` + "\n" +
			`0:30.000 #1 /Response/Pause[1] Pause: (1s)` + "\n" +
			`0:31.000 #1 /Response/RecordStop[1] RecordStop: recording "recording-2" stopped, 1s` + "\n" +
			`0:31.000 #1 /Response/RecordStop[2] RecordStop: no recording "ghost" is running` + "\n" +
			`0:31.000 #1 /Response/Play[1] Play: "recording r" (30s)` + "\n" +
			"1:01.000 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "1:01.000 - - end: hangup: the flow hangs up",
	},
	{
		name: "Dial answered, then the flow goes on",
		doc:  `<Response><Dial tag="sales"><To>sip:a@example.com</To><To>b@example.com</To><Meta name="k" value="v"/></Dial><Say>After</Say></Response>`,
		call: []flowsim.CallOption{flowsim.Dials(flowsim.Answered("b@example.com", 2*time.Second, 10*time.Second))},
		want: "0:00.000 #1 /Response/Dial[1] Dial: ringing sip:a@example.com, b@example.com: answered by b@example.com after 2s, talked 10s, then the dialled party hung up (12s)\n" +
			`0:12.000 #1 /Response/Say[1] Say: "After" (0.4s)`,
		end: "0:12.400 - - end: dead-end: the flow ran out of commands without a Hangup or a Dial",
	},
	{
		name: "Dial is the last command",
		doc:  `<Response><Dial><To>15550100003</To></Dial></Response>`,
		want: "0:00.000 #1 /Response/Dial[1] Dial: ringing 15550100003: answered by 15550100003 after 5s, talked 60s, then the dialled party hung up (65s)",
		end:  "1:05.000 - - end: after-dial: the flow ended after a Dial; the platform hangs up",
	},
	{
		name: "Dial failures: busy goes to a list Error, then the last outcome repeats",
		doc:  `<Response><Dial><To>15550100003</To></Dial><Error><Say>Busy</Say></Error><Dial><To>15550100004</To><Error/></Dial><Hangup/></Response>`,
		call: []flowsim.CallOption{flowsim.Dials(flowsim.Busy())},
		want: "0:00.000 #1 /Response/Dial[1] Dial failed: ringing 15550100003: busy\n" +
			"0:00.000 #1 /Response/Error[1] Error: handles: busy\n" +
			`0:00.000 #1 /Response/Error[1]/Say[1] Say: "Busy" (0.4s)` + "\n" +
			"0:00.400 #1 /Response/Dial[2] Dial failed: ringing 15550100004: busy\n" +
			"0:00.400 #1 /Response/Dial[2]/Error[1] Error: handles: busy\n" +
			"0:00.400 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:00.400 - - end: hangup: the flow hangs up",
	},
	{
		name: "Dial failed for a reason runs its Error",
		doc:  `<Response><Dial><To>sip:a@example.com</To><Error><Say>Sorry</Say></Error></Dial><Hangup/></Response>`,
		call: []flowsim.CallOption{flowsim.Dials(flowsim.DialFailed("unreachable"))},
		want: "0:00.000 #1 /Response/Dial[1] Dial failed: ringing sip:a@example.com: failed (unreachable)\n" +
			"0:00.000 #1 /Response/Dial[1]/Error[1] Error: handles: failed (unreachable)\n" +
			`0:00.000 #1 /Response/Dial[1]/Error[1]/Say[1] Say: "Sorry" (0.4s)` + "\n" +
			"0:00.400 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:00.400 - - end: hangup: the flow hangs up",
	},
	{
		name: "legacy Dial: Sip, Number, timeout in seconds, record",
		doc:  `<Response><Dial timeout="20" record="record-from-answer"><Sip>1000@192.0.2.7:9000</Sip><Number>15550100005</Number></Dial><Dial timeout="20"><Number>15550100005</Number></Dial><Hangup/></Response>`,
		call: []flowsim.CallOption{flowsim.Dials(flowsim.Answered("15550100005", time.Second, time.Second), flowsim.NoAnswer())},
		want: "0:00.000 #1 /Response/Dial[1] Dial: ringing 1000@192.0.2.7:9000, 15550100005: answered by 15550100005 after 1s, talked 1s, then the dialled party hung up, recorded from answer (2s)\n" +
			"0:02.000 #1 /Response/Dial[2] Dial failed: ringing 15550100005: no answer (20s)\n" +
			"0:22.000 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:22.000 - - end: hangup: the flow hangs up",
	},
	{
		name: "Call field to and from",
		doc:  `<Response><Call field="to" value="+15550100002"><Say>to</Say></Call><Call field="from" value="1"><Say>no</Say></Call><Call field="x" value="y"><Say>x</Say></Call><Hangup/></Response>`,
		call: []flowsim.CallOption{flowsim.CallField("x", "y")},
		want: `0:00.000 #1 /Response/Call[1] Call: matches: to is "15550100002", want "15550100002"` + "\n" +
			`0:00.000 #1 /Response/Call[1]/Say[1] Say: "to" (0.4s)` + "\n" +
			`0:00.400 #1 /Response/Call[2] Call skipped: does not match: from is "15550100001", want "1"` + "\n" +
			`0:00.400 #1 /Response/Call[3] Call: matches: x is "y", want "y"` + "\n" +
			`0:00.400 #1 /Response/Call[3]/Say[1] Say: "x" (0.4s)` + "\n" +
			"0:00.800 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:00.800 - - end: hangup: the flow hangs up",
	},
	{
		name: "Geo states and county",
		doc:  `<Response><Geo states="NY,NJ" county="ESSEX"><Say>essex</Say></Geo><Geo states="CA"><Say>no</Say></Geo><Geo><Say>all</Say></Geo><Hangup/></Response>`,
		call: []flowsim.CallOption{flowsim.CallerLocation("NJ", "Essex")},
		want: `0:00.000 #1 /Response/Geo[1] Geo: matches: the caller is in NJ, county Essex` + "\n" +
			`0:00.000 #1 /Response/Geo[1]/Say[1] Say: "essex" (0.4s)` + "\n" +
			`0:00.400 #1 /Response/Geo[2] Geo skipped: does not match: the caller is in NJ, county Essex` + "\n" +
			`0:00.400 #1 /Response/Geo[3] Geo: matches: no states or county: every call` + "\n" +
			`0:00.400 #1 /Response/Geo[3]/Say[1] Say: "all" (0.4s)` + "\n" +
			"0:00.800 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:00.800 - - end: hangup: the flow hangs up",
	},
	{
		name: "Geo with an unknown caller location",
		doc:  `<Response><Geo states="NJ"><Say>no</Say></Geo><Hangup/></Response>`,
		want: `0:00.000 #1 /Response/Geo[1] Geo skipped: does not match: the caller is in unknown (set it with flowsim.CallerLocation)` + "\n" +
			"0:00.000 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:00.000 - - end: hangup: the flow hangs up",
	},
	{
		name: "Schedule days, hours, overnight",
		doc: `<Response><Schedule dow="mon,tue" time="09:00:00-17:00:00"><Say>open</Say></Schedule>` +
			`<Schedule dow="sat,sun"><Say>weekend</Say></Schedule><Schedule time="22:00:00-10:00:00"><Say>night</Say></Schedule><Hangup/></Response>`,
		call: []flowsim.CallOption{flowsim.At(monday)},
		want: `0:00.000 #1 /Response/Schedule[1] Schedule: matches: Mon 09:30:00 UTC` + "\n" +
			`0:00.000 #1 /Response/Schedule[1]/Say[1] Say: "open" (0.4s)` + "\n" +
			`0:00.400 #1 /Response/Schedule[2] Schedule skipped: does not match: Mon 09:30:00 UTC` + "\n" +
			`0:00.400 #1 /Response/Schedule[3] Schedule: matches: Mon 09:30:00 UTC` + "\n" +
			`0:00.400 #1 /Response/Schedule[3]/Say[1] Say: "night" (0.4s)` + "\n" +
			"0:00.800 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:00.800 - - end: hangup: the flow hangs up",
	},
	{
		name: "Hold, Unhold, Tone, Meta",
		doc: `<Response><Hold timeout="2000"/><Unhold/><Tone hz="440,480" don="500" doff="500" loop="3"><Meta name="m" value="1"/></Tone>` +
			`<Tone timeout="1000"/><Meta name="note">multi</Meta><Hangup/></Response>`,
		want: `0:00.000 #1 /Response/Hold[1] Hold: "hold music"; the caller is on hold until the timeout (2s)` + "\n" +
			`0:02.000 #1 /Response/Unhold[1] Unhold: the caller is off hold` + "\n" +
			`0:02.000 #1 /Response/Tone[1] Tone: "tone 440+480 Hz" (3s)` + "\n" +
			`0:05.000 #1 /Response/Tone[2] Tone: "tone" (1s)` + "\n" +
			`0:06.000 #1 /Response/Meta[1] Meta: note="multi"` + "\n" +
			"0:06.000 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:06.000 - - end: hangup: the flow hangs up",
	},
	{
		name: "Callback runs the returned document",
		doc:  `<Response><Callback url="https://app.example.com/next?x=1" method="POST" body="true" tag="t1"/><Say>never</Say></Response>`,
		sim:  []flowsim.Option{flowsim.Reply("https://app.example.com/next", `<Response><Say>Next</Say><Hangup/></Response>`)},
		want: `0:00.000 #1 /Response/Callback[1] Callback: document #2; POST https://app.example.com/next?x=1&tag=t1 -> 200` + "\n" +
			`0:00.000 #2 /Response/Say[1] Say: "Next" (0.4s)` + "\n" +
			"0:00.400 #2 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:00.400 - - end: hangup: the flow hangs up",
	},
	{
		name: "Callback with an invalid reply runs its Error",
		doc:  `<Response><Callback url="https://app.example.com/bad"><Error><Hangup tag="bad"/></Error></Callback></Response>`,
		sim:  []flowsim.Option{flowsim.Reply("https://app.example.com/bad", `<Response><Dial/></Response>`)},
		want: `0:00.000 #1 /Response/Callback[1] Callback invalid: the reply is an invalid document; GET https://app.example.com/bad -> 200; [1:11: error: /Response/Dial[1]: <Dial> needs at least one destination (<To>)]` + "\n" +
			`0:00.000 #1 /Response/Callback[1]/Error[1] Error: handles: the reply is an invalid document` + "\n" +
			`0:00.000 #1 /Response/Callback[1]/Error[1]/Hangup[1] Hangup: the flow hangs up, tag "bad"`,
		end: `0:00.000 - - end: hangup: the flow hangs up, tag "bad"`,
	},
	{
		name: "Curl success and failure",
		doc:  `<Response><Curl url="https://crm.example.com/ok" method="POST"/><Curl url="https://crm.example.com/down"><Error><Say>CRM down</Say></Error></Curl><Hangup/></Response>`,
		sim: []flowsim.Option{
			flowsim.Reply("https://crm.example.com/ok", "ok"),
			flowsim.Route("https://crm.example.com/down", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(503) })),
		},
		want: `0:00.000 #1 /Response/Curl[1] Curl: POST https://crm.example.com/ok -> 200` + "\n" +
			`0:00.000 #1 /Response/Curl[2] Curl failed: the request failed; GET https://crm.example.com/down -> 503 (status 503)` + "\n" +
			`0:00.000 #1 /Response/Curl[2]/Error[1] Error: handles: the request failed: status 503` + "\n" +
			`0:00.000 #1 /Response/Curl[2]/Error[1]/Say[1] Say: "CRM down" (0.8s)` + "\n" +
			"0:00.800 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:00.800 - - end: hangup: the flow hangs up",
	},
	{
		name: "Gather dtmf_length with too many keys, no Default",
		doc:  `<Response><Gather dtmf_length="2"><DTMF value="12"><Say>twelve</Say></DTMF></Gather><Gather dtmf_length="2"><DTMF value="12"/></Gather><Hangup/></Response>`,
		call: []flowsim.CallOption{flowsim.Keys("123", "99")},
		want: `0:00.000 #1 /Response/Gather[1] Gather: caller pressed 123; digits "12", keys "3" not heard -> DTMF[1] (2s)` + "\n" +
			`0:02.000 #1 /Response/Gather[1]/DTMF[1]/Say[1] Say: "twelve" (0.4s)` + "\n" +
			`0:02.400 #1 /Response/Gather[2] Gather: caller pressed 99; digits "99" -> no Default, the flow goes on (2s)` + "\n" +
			"0:04.400 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:04.400 - - end: hangup: the flow hangs up",
	},
	{
		name: "Gather without length waits for the timeout",
		doc:  `<Response><Gather><DTMF value="7"><Hangup/></DTMF></Gather></Response>`,
		sim:  []flowsim.Option{flowsim.GatherTimeout(3 * time.Second)},
		call: []flowsim.CallOption{flowsim.Keys("7")},
		want: `0:00.000 #1 /Response/Gather[1] Gather: caller pressed 7; digits "7" -> DTMF[1] (4s)` + "\n" +
			"0:04.000 #1 /Response/Gather[1]/DTMF[1]/Hangup[1] Hangup: the flow hangs up",
		end: "0:04.000 - - end: hangup: the flow hangs up",
	},
	{
		name: "Gather failure without own Error goes to a list Error",
		doc:  `<Response><Gather dtmf_length="1"><DTMF value="1"/></Gather><Error><Hangup tag="none"/></Error></Response>`,
		call: []flowsim.CallOption{flowsim.Script(flowsim.Silence())},
		want: `0:00.000 #1 /Response/Gather[1] Gather failed: caller silent; no digits -> the Gather fails (no digits) (5s)` + "\n" +
			`0:05.000 #1 /Response/Error[1] Error: handles: no digits` + "\n" +
			`0:05.000 #1 /Response/Error[1]/Hangup[1] Hangup: the flow hangs up, tag "none"`,
		end: `0:05.000 - - end: hangup: the flow hangs up, tag "none"`,
	},
	{
		name: "legacy Gather: prompts inside, attempts, Switch, Case, callback",
		doc: `<Response><Gather numDigits="1" attempts="2" timeout="2000" finishOnKey="*" callback="https://app.example.com/legacy" method="POST">` +
			`<Say>Choose</Say><Switch><Case dtmf="1"><Say>one</Say></Case><Default><Say>other</Say></Default><Error><Say>nothing</Say></Error></Switch></Gather><Hangup/></Response>`,
		sim:  []flowsim.Option{flowsim.Reply("https://app.example.com/legacy", `<Response><Hangup tag="legacy"/></Response>`)},
		call: []flowsim.CallOption{flowsim.Script(flowsim.Silence(), flowsim.Press("1"))},
		want: `0:00.000 #1 /Response/Gather[1]/Say[1] Say: "Choose" (0.4s)` + "\n" +
			`0:00.400 #1 /Response/Gather[1] Gather: caller silent; no digits, attempt 1 of 2: the prompts repeat (2s)` + "\n" +
			`0:02.400 #1 /Response/Gather[1]/Say[1] Say: "Choose" (0.4s)` + "\n" +
			`0:02.800 #1 /Response/Gather[1] Gather: caller pressed 1; digits "1" -> Case[1] (1s)` + "\n" +
			`0:03.800 #1 /Response/Gather[1]/Switch[1]/Case[1]/Say[1] Say: "one" (0.4s)` + "\n" +
			"0:04.200 #1 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:04.200 - - end: hangup: the flow hangs up",
	},
	{
		name: "legacy Gather: unmatched digits go to the callback with code",
		doc: `<Response><Gather numDigits="1" callback="https://app.example.com/legacy" method="POST">` +
			`<Switch><Case dtmf="1"/></Switch></Gather></Response>`,
		sim:  []flowsim.Option{flowsim.Reply("https://app.example.com/legacy", `<Response><Hangup tag="legacy"/></Response>`)},
		call: []flowsim.CallOption{flowsim.Keys("2")},
		want: `0:00.000 #1 /Response/Gather[1] Gather: caller pressed 2; digits "2" -> sent to the url (1s)` + "\n" +
			`0:01.000 #1 /Response/Gather[1] Gather: document #2; POST https://app.example.com/legacy?code=2&success=true&attempts=1 -> 200` + "\n" +
			`0:01.000 #2 /Response/Hangup[1] Hangup: the flow hangs up, tag "legacy"`,
		end: `0:01.000 - - end: hangup: the flow hangs up, tag "legacy"`,
	},
	{
		name: "tag of each command in its call_flow event; voice code, Tone volume and leg",
		doc: `<Response><Say tag="s" code="en-US-Wavenet-D">Hi</Say><Pause tag="p" length="500"/><Play tag="pl">https://cdn.example.com/a.mp3</Play>` +
			`<Hold tag="h" timeout="1000"/><Unhold tag="u"/><Tone tag="t" v="-10" leg="aleg" don="100" doff="100"/>` +
			`<Call tag="c" field="to" value="15550100002"><Geo tag="g"><Schedule tag="sc" dow="wed"><Say>in</Say></Schedule></Geo></Call>` +
			`<Curl tag="cu" url="https://crm.example.com/ok"/><Gather tag="ga" dtmf_length="1"><DTMF value="1"/>` +
			`<Default tag="d"><Play>https://cdn.example.com/missing.wav</Play><Error tag="e"/></Default></Gather><Hangup tag="bye"/></Response>`,
		sim:  []flowsim.Option{flowsim.Reply("https://crm.example.com/ok", "ok"), flowsim.MissingAudio("https://cdn.example.com/missing.wav")},
		call: []flowsim.CallOption{flowsim.Keys("5")},
		want: `0:00.000 #1 /Response/Say[1] Say: "Hi"; voice en-US-Wavenet-D (0.4s)` + "\n" +
			`0:00.400 #1 /Response/Pause[1] Pause: (0.5s)` + "\n" +
			`0:00.900 #1 /Response/Play[1] Play: "https://cdn.example.com/a.mp3" (5s)` + "\n" +
			`0:05.900 #1 /Response/Hold[1] Hold: "hold music"; the caller is on hold until the timeout (1s)` + "\n" +
			`0:06.900 #1 /Response/Unhold[1] Unhold: the caller is off hold` + "\n" +
			`0:06.900 #1 /Response/Tone[1] Tone: "tone"; at -10 dB, leg aleg (0.2s)` + "\n" +
			`0:07.100 #1 /Response/Call[1] Call: matches: to is "15550100002", want "15550100002"` + "\n" +
			`0:07.100 #1 /Response/Call[1]/Geo[1] Geo: matches: no states or county: every call` + "\n" +
			`0:07.100 #1 /Response/Call[1]/Geo[1]/Schedule[1] Schedule: matches: Wed 10:00:07 UTC` + "\n" +
			`0:07.100 #1 /Response/Call[1]/Geo[1]/Schedule[1]/Say[1] Say: "in" (0.4s)` + "\n" +
			`0:07.500 #1 /Response/Curl[1] Curl: GET https://crm.example.com/ok -> 200` + "\n" +
			`0:07.500 #1 /Response/Gather[1] Gather: caller pressed 5; digits "5" -> Default[1] (1s)` + "\n" +
			`0:08.500 #1 /Response/Gather[1]/Default[1]/Play[1] Play failed: the audio https://cdn.example.com/missing.wav cannot be played` + "\n" +
			`0:08.500 #1 /Response/Gather[1]/Default[1]/Error[1] Error: handles: the audio https://cdn.example.com/missing.wav cannot be played` + "\n" +
			`0:08.500 #1 /Response/Hangup[1] Hangup: the flow hangs up, tag "bye"`,
		end: `0:08.500 - - end: hangup: the flow hangs up, tag "bye"`,
		flows: "Say[0] Say success tag=s\n" +
			"Pause[0] Pause success tag=p\n" +
			"Play[0] Play success tag=pl\n" +
			"Hold[0] Hold success tag=h\n" +
			"Unhold[0] Unhold success tag=u\n" +
			"Tone[0] Tone success tag=t\n" +
			"Call[0] Call success tag=c\n" +
			"Call[0]/Geo[0] Geo success tag=g\n" +
			"Call[0]/Geo[0]/Schedule[0] Schedule success tag=sc\n" +
			"Call[0]/Geo[0]/Schedule[0]/Say[0] Say success\n" +
			"Curl[0] Curl success tag=cu\n" +
			"Gather[0] Gather success tag=ga\n" +
			"Gather[0]/Default[0]/Play[0] Play failed\n" +
			"Gather[0]/Default[0]/Error[0] Error success tag=e\n" +
			"Hangup[0] Hangup success tag=bye",
	},
	{
		name: "Gather url: dtmf_stop, the URL's own query kept, the reply replaces the flow",
		doc:  `<Response><Gather dtmf_stop="#" url="https://app.example.com/menu?lang=en&amp;token=T"><DTMF value="1"><Say>one</Say></DTMF></Gather><Say>never</Say></Response>`,
		sim:  []flowsim.Option{flowsim.Reply("https://app.example.com/menu", `<Response><Say>Got it</Say><Hangup/></Response>`)},
		call: []flowsim.CallOption{flowsim.Keys("42#")},
		want: `0:00.000 #1 /Response/Gather[1] Gather: caller pressed 42#; digits "42" -> sent to the url (3s)` + "\n" +
			`0:03.000 #1 /Response/Gather[1] Gather: document #2; GET https://app.example.com/menu?lang=en&token=T&dtmf=42&from=15550100001&tn=15550100002&state=live&sca=30000000-0000-4000-8000-000000000001&call=20000000-0000-4000-8000-000000000001 -> 200` + "\n" +
			`0:03.000 #2 /Response/Say[1] Say: "Got it" (0.8s)` + "\n" +
			`0:03.800 #2 /Response/Hangup[1] Hangup: the flow hangs up`,
		end: `0:03.800 - - end: hangup: the flow hangs up`,
	},
	{
		name: "Gather url: digits matching a DTMF run it and make no request",
		doc:  `<Response><Gather url="https://app.example.com/menu"><DTMF value="1"><Say>one</Say></DTMF></Gather><Say>after</Say></Response>`,
		call: []flowsim.CallOption{flowsim.Keys("1")},
		want: `0:00.000 #1 /Response/Gather[1] Gather: caller pressed 1; digits "1" -> DTMF[1] (6s)` + "\n" +
			`0:06.000 #1 /Response/Gather[1]/DTMF[1]/Say[1] Say: "one" (0.4s)` + "\n" +
			`0:06.400 #1 /Response/Say[1] Say: "after" (0.4s)`,
		end: `0:06.800 - - end: dead-end: the flow ran out of commands without a Hangup or a Dial`,
	},
	{
		name: "Curl and Callback timeout attributes bound their requests",
		doc:  `<Response><Curl url="https://slow.example.com/crm" timeout="20"/><Callback url="https://slow.example.com/next" timeout="20"><Error><Say>Too slow</Say><Hangup/></Error></Callback></Response>`,
		sim:  []flowsim.Option{flowsim.Route("https://slow.example.com/", http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))},
		want: `0:00.000 #1 /Response/Curl[1] Curl failed: the request failed; GET https://slow.example.com/crm (no reply within 0.02s (the timeout attribute): the handler did not answer: context deadline exceeded)` + "\n" +
			`0:00.000 #1 /Response/Callback[1] Callback failed: the request failed; GET https://slow.example.com/next (no reply within 0.02s (the timeout attribute): the handler did not answer: context deadline exceeded)` + "\n" +
			`0:00.000 #1 /Response/Callback[1]/Error[1] Error: handles: the request failed: no reply within 0.02s (the timeout attribute): the handler did not answer: context deadline exceeded` + "\n" +
			`0:00.000 #1 /Response/Callback[1]/Error[1]/Say[1] Say: "Too slow" (0.8s)` + "\n" +
			`0:00.800 #1 /Response/Callback[1]/Error[1]/Hangup[1] Hangup: the flow hangs up`,
		end: `0:00.800 - - end: hangup: the flow hangs up`,
	},
	{
		name: "Record timeout cuts the recording of a container",
		doc:  `<Response><Record timeout="2000"><Pause length="5000"/></Record><Play record="recording-1"/><Hangup/></Response>`,
		want: `0:00.000 #1 /Response/Record[1] Record: recording "recording-1" started` + "\n" +
			`0:00.000 #1 /Response/Record[1]/Pause[1] Pause: (5s)` + "\n" +
			`0:05.000 #1 /Response/Record[1] Record: recording "recording-1" stopped at its timeout, 2s` + "\n" +
			`0:05.000 #1 /Response/Play[1] Play: "recording recording-1" (2s)` + "\n" +
			`0:07.000 #1 /Response/Hangup[1] Hangup: the flow hangs up`,
		end: `0:07.000 - - end: hangup: the flow hangs up`,
	},
	{
		name: "lenient reply with an unknown element",
		doc:  `<Response><Callback url="https://app.example.com/new"/></Response>`,
		sim:  []flowsim.Option{flowsim.Lenient(), flowsim.Reply("https://app.example.com/new", `<Response><Teleport/><Hangup/></Response>`)},
		want: `0:00.000 #1 /Response/Callback[1] Callback: document #2; GET https://app.example.com/new -> 200` + "\n" +
			`0:00.000 #2 /Response/Teleport[1] Teleport skipped: an element the SDK does not model; the simulator passes over it` + "\n" +
			"0:00.000 #2 /Response/Hangup[1] Hangup: the flow hangs up",
		end: "0:00.000 - - end: hangup: the flow hangs up",
	},
}

// flowLines writes the call_flow events of c, one per line.
func flowLines(c *flowsim.Call) string {
	var lines []string
	for _, ev := range c.Events() {
		cf, ok := ev.CallFlow()
		if !ok {
			continue
		}
		line := cf.Path + " " + cf.Name + " "
		if cf.Success {
			line += "success"
		} else {
			line += "failed"
		}
		if cf.Tag != "" {
			line += " tag=" + cf.Tag
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// TestCommands runs commandCases and compares what each call did with the
// specification.
func TestCommands(t *testing.T) {
	t.Parallel()
	for _, tt := range commandCases {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sim, err := flowsim.New([]byte(tt.doc), tt.sim...)
			if err != nil {
				t.Fatal(err)
			}
			c := sim.Run(t.Context(), tt.call...)
			got, end := body(c.Transcript())
			if got != tt.want {
				t.Errorf("steps:\n%s\nwant:\n%s", got, tt.want)
			}
			if end != tt.end {
				t.Errorf("end:\n%s\nwant:\n%s", end, tt.end)
			}
			if tt.flows != "" {
				if got := flowLines(c); got != tt.flows {
					t.Errorf("call_flow events:\n%s\nwant:\n%s", got, tt.flows)
				}
			}
			checkEvents(t, c)
		})
	}
}
