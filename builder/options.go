package flow

import (
	"time"

	"github.com/opentact-go/opentact/verbs"
)

// The option interfaces, one per element. Each is implemented only by the
// options that apply to that element, so an option given to an element
// that does not have its attribute or child does not compile.
type (
	// AnswerOption configures an <Answer>: Delay, Tag, Attr.
	AnswerOption interface {
		option
		answerOption()
	}
	// HangupOption configures a <Hangup>: Tag, Attr.
	HangupOption interface {
		option
		hangupOption()
	}
	// PauseOption configures a <Pause>: Length, DTMFStop, Tag, Attr.
	PauseOption interface {
		option
		pauseOption()
	}
	// SayOption configures a <Say>: Type, Gender, Code, Lang, Loop, Tag,
	// Attr.
	SayOption interface {
		option
		sayOption()
	}
	// PlayOption configures a <Play>: Leg, Loop, Tag, Attr.
	PlayOption interface {
		option
		playOption()
	}
	// RecordOption configures a <Record>: Tag, ASR, Timeout, Attr.
	RecordOption interface {
		option
		recordOption()
	}
	// RecordControlOption configures a <RecordStart>, <RecordStop> or
	// <RecordWait>: Tag, Attr.
	RecordControlOption interface {
		option
		recordControlOption()
	}
	// DialOption configures a <Dial>: its destinations (To, and the legacy
	// Sip and Number), an OnError block, Meta, Comment, Raw, Tag, Attr and
	// the legacy DialTimeout and DialRecord.
	DialOption interface {
		option
		dialOption()
	}
	// GatherOption configures a <Gather>: DTMFLength, DTMFStop, URL, Tag, Attr,
	// its Digit branches, a Default and an OnError block, Comment, Raw, and
	// the legacy NumDigits, Attempts, GatherTimeout, FinishOnKey,
	// GatherCallback, GatherMethod, Prompts and Switch.
	GatherOption interface {
		option
		gatherOption()
	}
	// DefaultOption configures a <Default> block: Tag, Attr.
	DefaultOption interface {
		option
		defaultOption()
	}
	// ErrorOption configures an <Error> block: Play, Tag, Attr.
	ErrorOption interface {
		option
		errorOption()
	}
	// CallbackOption configures a <Callback>: Method, Body, Timeout, Tag,
	// an OnError block, Comment, Raw, Attr.
	CallbackOption interface {
		option
		callbackOption()
	}
	// CurlOption configures a <Curl>: Method, Timeout, Tag, an OnError
	// block, Meta, Comment, Raw, Attr.
	CurlOption interface {
		option
		curlOption()
	}
	// CallOption configures a <Call> condition: Tag, Attr.
	CallOption interface {
		option
		callOption()
	}
	// GeoOption configures a <Geo> condition: States, County, Tag, Attr.
	GeoOption interface {
		option
		geoOption()
	}
	// ScheduleOption configures a <Schedule> condition: Days, Time, Tag,
	// Attr.
	ScheduleOption interface {
		option
		scheduleOption()
	}
	// HoldOption configures a <Hold>: Timeout, Tag, Attr.
	HoldOption interface {
		option
		holdOption()
	}
	// UnholdOption configures an <Unhold>: Tag, Attr.
	UnholdOption interface {
		option
		unholdOption()
	}
	// ToneOption configures a <Tone>: Hz, On, Off, Volume, Loop, Timeout,
	// Leg, Tag, Meta, Comment, Raw, Attr.
	ToneOption interface {
		option
		toneOption()
	}
	// SwitchOption configures a legacy <Switch>: its Case branches, a
	// Default and an OnError block, Comment, Raw, Attr.
	//
	// Deprecated: legacy dialect; give Digit branches to the Gather.
	SwitchOption interface {
		option
		switchOption()
	}
)

// TagAttr sets the tag attribute; see Tag.
type TagAttr struct{ v string }

// Tag sets the tag attribute, echoed in the events of the command (on a
// Record it names the recording): Hangup(flow.Tag("CallEndedByUser"))
// writes <Hangup tag="CallEndedByUser"/>. An empty tag writes nothing.
func Tag(tag string) TagAttr { return TagAttr{tag} }

func (o TagAttr) apply(s *settings)  { s.tag = o.v }
func (TagAttr) answerOption()        {}
func (TagAttr) hangupOption()        {}
func (TagAttr) pauseOption()         {}
func (TagAttr) sayOption()           {}
func (TagAttr) playOption()          {}
func (TagAttr) recordOption()        {}
func (TagAttr) recordControlOption() {}
func (TagAttr) dialOption()          {}
func (TagAttr) gatherOption()        {}
func (TagAttr) defaultOption()       {}
func (TagAttr) errorOption()         {}
func (TagAttr) callbackOption()      {}
func (TagAttr) curlOption()          {}
func (TagAttr) callOption()          {}
func (TagAttr) geoOption()           {}
func (TagAttr) scheduleOption()      {}
func (TagAttr) holdOption()          {}
func (TagAttr) unholdOption()        {}
func (TagAttr) toneOption()          {}

// RawAttr is an attribute the SDK does not model; see Attr.
type RawAttr struct{ a verbs.Attr }

// Attr adds an attribute the SDK does not model, written after the modelled
// ones in the order given: Say("Hi", flow.Attr("speed", "1.2")) writes
// <Say speed="1.2">Hi</Say>. It is the escape hatch for platform features
// newer than the SDK. An Attr may never stand for a modelled attribute:
// render.Check reports Attr("tag", …) on any command as an error; use the
// typed option instead.
func Attr(name, value string) RawAttr { return RawAttr{verbs.Attr{Name: name, Value: value}} }

func (o RawAttr) apply(s *settings)  { s.extra = append(s.extra, o.a) }
func (RawAttr) answerOption()        {}
func (RawAttr) hangupOption()        {}
func (RawAttr) pauseOption()         {}
func (RawAttr) sayOption()           {}
func (RawAttr) playOption()          {}
func (RawAttr) recordOption()        {}
func (RawAttr) recordControlOption() {}
func (RawAttr) dialOption()          {}
func (RawAttr) gatherOption()        {}
func (RawAttr) defaultOption()       {}
func (RawAttr) errorOption()         {}
func (RawAttr) callbackOption()      {}
func (RawAttr) curlOption()          {}
func (RawAttr) callOption()          {}
func (RawAttr) geoOption()           {}
func (RawAttr) scheduleOption()      {}
func (RawAttr) holdOption()          {}
func (RawAttr) unholdOption()        {}
func (RawAttr) toneOption()          {}
func (RawAttr) switchOption()        {}

// extraOf returns the raw attributes as an Extra list, nil when there are
// none.
func extraOf(attrs []RawAttr) []verbs.Attr {
	if len(attrs) == 0 {
		return nil
	}
	out := make([]verbs.Attr, len(attrs))
	for i, a := range attrs {
		out[i] = a.a
	}
	return out
}

// DelayAttr sets the delay of an Answer; see Delay.
type DelayAttr struct{ d time.Duration }

// Delay sets how long to wait after answering before the next command:
// Answer(flow.Delay(2*time.Second)) writes <Answer delay="2000"/>.
func Delay(d time.Duration) DelayAttr { return DelayAttr{d} }

func (o DelayAttr) apply(s *settings) { s.delay = s.millis("delay", o.d) }
func (DelayAttr) answerOption()       {}

// LengthAttr sets the length of a Pause; see Length.
type LengthAttr struct{ d time.Duration }

// Length sets how long a Pause waits: Pause(flow.Length(5*time.Second))
// writes <Pause length="5000"/>.
func Length(d time.Duration) LengthAttr { return LengthAttr{d} }

func (o LengthAttr) apply(s *settings) { s.length = s.millis("length", o.d) }
func (LengthAttr) pauseOption()        {}

// DTMFStopAttr sets the dtmf_stop attribute; see DTMFStop.
type DTMFStopAttr struct{ keys string }

// DTMFStop sets the keys that end a Pause or the digit entry of a Gather
// early: Pause(flow.DTMFStop("#")) writes <Pause dtmf_stop="#"/>. A Pause
// accepts one or more of 0-9 * # A B C D, a Gather exactly one.
func DTMFStop(keys string) DTMFStopAttr { return DTMFStopAttr{keys} }

func (o DTMFStopAttr) apply(s *settings) { s.stop = o.keys }
func (DTMFStopAttr) pauseOption()        {}
func (DTMFStopAttr) gatherOption()       {}

// TypeAttr sets the speech engine of a Say; see Type.
type TypeAttr struct{ v verbs.SayType }

// Type sets the text-to-speech engine of a Say:
// Say("Hi", flow.Type(verbs.WaveNet)) writes <Say type="WaveNet">Hi</Say>.
func Type(t verbs.SayType) TypeAttr { return TypeAttr{t} }

func (o TypeAttr) apply(s *settings) { s.engine = o.v }
func (TypeAttr) sayOption()          {}

// GenderAttr sets the voice gender of a Say; see Gender.
type GenderAttr struct{ v verbs.Gender }

// Gender sets the voice gender of a Say: Say("Hi", flow.Gender(verbs.Male))
// writes <Say gender="MALE">Hi</Say>.
func Gender(g verbs.Gender) GenderAttr { return GenderAttr{g} }

func (o GenderAttr) apply(s *settings) { s.gender = o.v }
func (GenderAttr) sayOption()          {}

// CodeAttr sets the voice code of a Say; see Code.
type CodeAttr struct{ v string }

// Code sets the voice code of a Say, one from the TTS voice dictionary:
// Say("Hi", flow.Code("en-US-Wavenet-D")) writes
// <Say code="en-US-Wavenet-D">Hi</Say>.
func Code(code string) CodeAttr { return CodeAttr{code} }

func (o CodeAttr) apply(s *settings) { s.voice = o.v }
func (CodeAttr) sayOption()          {}

// LangAttr sets the language of a Say; see Lang.
type LangAttr struct{ v string }

// Lang sets the language of a Say, a BCP 47 tag: Say("Hola", flow.Lang("es"))
// writes <Say lang="es">Hola</Say>.
func Lang(tag string) LangAttr { return LangAttr{tag} }

func (o LangAttr) apply(s *settings) { s.lang = o.v }
func (LangAttr) sayOption()          {}

// LoopAttr sets how many times a Say, Play or Tone repeats; see Loop.
type LoopAttr struct{ n int }

// Loop sets how many times a Say, Play or Tone runs, at least 1:
// Say("Hi", flow.Loop(2)) writes <Say loop="2">Hi</Say>.
func Loop(n int) LoopAttr { return LoopAttr{n} }

func (o LoopAttr) apply(s *settings) { s.loop = verbs.Some(o.n) }
func (LoopAttr) sayOption()          {}
func (LoopAttr) playOption()         {}
func (LoopAttr) toneOption()         {}

// LegAttr sets the call leg of a Play or Tone; see Leg.
type LegAttr struct{ v verbs.Leg }

// Leg sets the call leg a Play or Tone is heard on:
// Play(url, flow.Leg(verbs.LegBoth)) writes <Play leg="both">url</Play>.
func Leg(l verbs.Leg) LegAttr { return LegAttr{l} }

func (o LegAttr) apply(s *settings) { s.leg = o.v }
func (LegAttr) playOption()         {}
func (LegAttr) toneOption()         {}

// ASRAttr sets the asr attribute of a Record; see ASR.
type ASRAttr struct{ v bool }

// ASR sets whether a recording is transcribed (speech to text):
// Record(flow.ASR(true)) writes <Record asr="true"/>.
func ASR(on bool) ASRAttr { return ASRAttr{on} }

func (o ASRAttr) apply(s *settings) { s.asr = verbs.Some(o.v) }
func (ASRAttr) recordOption()       {}

// TimeoutAttr sets the timeout of a Record, Callback, Curl, Hold or Tone;
// see Timeout.
type TimeoutAttr struct{ d time.Duration }

// Timeout sets the longest time a Record, Callback, Curl, Hold or Tone
// takes: Hold(flow.Timeout(time.Minute)) writes <Hold timeout="60000"/>.
func Timeout(d time.Duration) TimeoutAttr { return TimeoutAttr{d} }

func (o TimeoutAttr) apply(s *settings) { s.timeout = s.millis("timeout", o.d) }
func (TimeoutAttr) recordOption()       {}
func (TimeoutAttr) callbackOption()     {}
func (TimeoutAttr) curlOption()         {}
func (TimeoutAttr) holdOption()         {}
func (TimeoutAttr) toneOption()         {}

// MethodAttr sets the HTTP method of a Callback or Curl; see Method.
type MethodAttr struct{ v verbs.Method }

// Method sets the HTTP method of a Callback or Curl:
// Callback(url, flow.Method(verbs.MethodPost)) writes
// <Callback url="…" method="POST"/>.
func Method(m verbs.Method) MethodAttr { return MethodAttr{m} }

func (o MethodAttr) apply(s *settings) { s.method = o.v }
func (MethodAttr) callbackOption()     {}
func (MethodAttr) curlOption()         {}

// BodyAttr sets the body attribute of a Callback; see Body.
type BodyAttr struct{ v bool }

// Body sets whether a Callback sends the call's data in the request body:
// Callback(url, flow.Body(true)) writes <Callback url="…" body="true"/>.
func Body(on bool) BodyAttr { return BodyAttr{on} }

func (o BodyAttr) apply(s *settings) { s.body = verbs.Some(o.v) }
func (BodyAttr) callbackOption()     {}

// PlayAttr sets the play attribute of an Error block; see Play.
type PlayAttr struct{ v bool }

// Play sets whether the platform speaks the reason of the failure
// an Error block handles: OnError(flow.New(), flow.Play(true))
// writes <Error play="true"/>.
func Play(on bool) PlayAttr { return PlayAttr{on} }

func (o PlayAttr) apply(s *settings) { s.playReason = verbs.Some(o.v) }
func (PlayAttr) errorOption()        {}

// DTMFLengthAttr sets the number of digits a Gather collects; see DTMFLength.
type DTMFLengthAttr struct{ n int }

// DTMFLength sets the number of digits a Gather collects, at least 1:
// Gather(flow.DTMFLength(1)) writes <Gather dtmf_length="1"/>.
func DTMFLength(n int) DTMFLengthAttr { return DTMFLengthAttr{n} }

func (o DTMFLengthAttr) apply(s *settings) { s.digits = verbs.Some(o.n) }
func (DTMFLengthAttr) gatherOption()       {}

// URLAttr sets the url of a Gather; see URL.
type URLAttr struct{ v string }

// URL sets the http or https address a Gather sends the digits to; its
// reply, a call-flow document, drives the rest of the call:
// Gather(flow.URL("https://example.com/menu")) writes
// <Gather url="https://example.com/menu"/>.
func URL(u string) URLAttr { return URLAttr{u} }

func (o URLAttr) apply(s *settings) { s.url = o.v }
func (URLAttr) gatherOption()       {}

// HzAttr sets the frequencies of a Tone; see Hz.
type HzAttr struct{ hz []int }

// Hz sets the frequencies of a Tone, each 1 to 20000:
// Tone(flow.Hz(350, 440)) writes <Tone hz="350,440"/>.
func Hz(hz ...int) HzAttr { return HzAttr{append([]int(nil), hz...)} }

func (o HzAttr) apply(s *settings) { s.hz = append([]int(nil), o.hz...) }
func (HzAttr) toneOption()         {}

// OnAttr sets how long a Tone sounds; see On.
type OnAttr struct{ d time.Duration }

// On sets how long a Tone sounds: Tone(flow.On(time.Second)) writes
// <Tone don="1000"/>.
func On(d time.Duration) OnAttr { return OnAttr{d} }

func (o OnAttr) apply(s *settings) { s.on = s.millis("don", o.d) }
func (OnAttr) toneOption()         {}

// OffAttr sets the silence between tones; see Off.
type OffAttr struct{ d time.Duration }

// Off sets the silence between the tones of a Tone:
// Tone(flow.Off(500*time.Millisecond)) writes <Tone doff="500"/>.
func Off(d time.Duration) OffAttr { return OffAttr{d} }

func (o OffAttr) apply(s *settings) { s.off = s.millis("doff", o.d) }
func (OffAttr) toneOption()         {}

// VolumeAttr sets the volume of a Tone; see Volume.
type VolumeAttr struct{ db int }

// Volume sets the volume of a Tone in dB, 0 the loudest:
// Tone(flow.Volume(-10)) writes <Tone v="-10"/>.
func Volume(db int) VolumeAttr { return VolumeAttr{db} }

func (o VolumeAttr) apply(s *settings) { s.volume = verbs.Some(o.db) }
func (VolumeAttr) toneOption()         {}

// StatesAttr sets the states of a Geo condition; see States.
type StatesAttr struct{ states []string }

// States sets the US states a Geo condition matches, as two-letter USPS
// codes: Geo(sub, flow.States("NJ", "NY")) writes <Geo states="NJ,NY">.
func States(codes ...string) StatesAttr { return StatesAttr{append([]string(nil), codes...)} }

func (o StatesAttr) apply(s *settings) { s.states = append([]string(nil), o.states...) }
func (StatesAttr) geoOption()          {}

// CountyAttr sets the county of a Geo condition; see County.
type CountyAttr struct{ v string }

// County sets the county a Geo condition matches:
// Geo(sub, flow.States("NJ"), flow.County("ESSEX")) writes
// <Geo states="NJ" county="ESSEX">.
func County(name string) CountyAttr { return CountyAttr{name} }

func (o CountyAttr) apply(s *settings) { s.county = o.v }
func (CountyAttr) geoOption()          {}

// DaysAttr sets the days of a Schedule condition; see Days.
type DaysAttr struct{ days []verbs.Weekday }

// Days sets the days of the week a Schedule condition matches:
// Schedule(sub, flow.Days(verbs.Saturday, verbs.Sunday)) writes
// <Schedule dow="sat,sun">.
func Days(days ...verbs.Weekday) DaysAttr { return DaysAttr{append([]verbs.Weekday(nil), days...)} }

func (o DaysAttr) apply(s *settings) { s.days = append([]verbs.Weekday(nil), o.days...) }
func (DaysAttr) scheduleOption()     {}

// TimeAttr sets the time range of a Schedule condition; see Time.
type TimeAttr struct{ v string }

// Time sets the time range a Schedule condition matches, HH:MM:SS-HH:MM:SS
// on the 24-hour clock: Schedule(sub, flow.Time("09:00:00-17:00:00"))
// writes <Schedule time="09:00:00-17:00:00">.
func Time(timeRange string) TimeAttr { return TimeAttr{timeRange} }

func (o TimeAttr) apply(s *settings) { s.hours = o.v }
func (TimeAttr) scheduleOption()     {}
