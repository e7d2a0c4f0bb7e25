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

// Tag sets the tag attribute, echoed in the events of the command (on a
// Record it names the recording): Hangup(flow.Tag("CallEndedByUser"))
// writes <Hangup tag="CallEndedByUser"/>. An empty tag writes nothing.
func Tag(tag string) TagAttr { return TagAttr{tag} }

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

// Delay sets how long to wait after answering before the next command:
// Answer(flow.Delay(2*time.Second)) writes <Answer delay="2000"/>.
func Delay(d time.Duration) DelayAttr { return DelayAttr{d} }

// Length sets how long a Pause waits: Pause(flow.Length(5*time.Second))
// writes <Pause length="5000"/>.
func Length(d time.Duration) LengthAttr { return LengthAttr{d} }

// DTMFStop sets the keys that end a Pause or the digit entry of a Gather
// early: Pause(flow.DTMFStop("#")) writes <Pause dtmf_stop="#"/>. A Pause
// accepts one or more of 0-9 * # A B C D, a Gather exactly one.
func DTMFStop(keys string) DTMFStopAttr { return DTMFStopAttr{keys} }

// Type sets the text-to-speech engine of a Say:
// Say("Hi", flow.Type(verbs.WaveNet)) writes <Say type="WaveNet">Hi</Say>.
func Type(t verbs.SayType) TypeAttr { return TypeAttr{t} }

// Gender sets the voice gender of a Say: Say("Hi", flow.Gender(verbs.Male))
// writes <Say gender="MALE">Hi</Say>.
func Gender(g verbs.Gender) GenderAttr { return GenderAttr{g} }

// Code sets the voice code of a Say, one from the TTS voice dictionary:
// Say("Hi", flow.Code("en-US-Wavenet-D")) writes
// <Say code="en-US-Wavenet-D">Hi</Say>.
func Code(code string) CodeAttr { return CodeAttr{code} }

// Lang sets the language of a Say, a BCP 47 tag: Say("Hola", flow.Lang("es"))
// writes <Say lang="es">Hola</Say>.
func Lang(tag string) LangAttr { return LangAttr{tag} }

// Loop sets how many times a Say, Play or Tone runs, at least 1:
// Say("Hi", flow.Loop(2)) writes <Say loop="2">Hi</Say>.
func Loop(n int) LoopAttr { return LoopAttr{n} }

// Leg sets the call leg a Play or Tone is heard on:
// Play(url, flow.Leg(verbs.LegBoth)) writes <Play leg="both">url</Play>.
func Leg(l verbs.Leg) LegAttr { return LegAttr{l} }

// ASR sets whether a recording is transcribed (speech to text):
// Record(flow.ASR(true)) writes <Record asr="true"/>.
func ASR(on bool) ASRAttr { return ASRAttr{on} }

// Timeout sets the longest time a Record, Callback, Curl, Hold or Tone
// takes: Hold(flow.Timeout(time.Minute)) writes <Hold timeout="60000"/>.
func Timeout(d time.Duration) TimeoutAttr { return TimeoutAttr{d} }

// Method sets the HTTP method of a Callback or Curl:
// Callback(url, flow.Method(verbs.MethodPost)) writes
// <Callback url="…" method="POST"/>.
func Method(m verbs.Method) MethodAttr { return MethodAttr{m} }

// Body sets whether a Callback sends the call's data in the request body:
// Callback(url, flow.Body(true)) writes <Callback url="…" body="true"/>.
func Body(on bool) BodyAttr { return BodyAttr{on} }

// Play sets whether the platform speaks the reason of the failure
// an Error block handles: OnError(flow.New(), flow.Play(true))
// writes <Error play="true"/>.
func Play(on bool) PlayAttr { return PlayAttr{on} }

// DTMFLength sets the number of digits a Gather collects, at least 1:
// Gather(flow.DTMFLength(1)) writes <Gather dtmf_length="1"/>.
func DTMFLength(n int) DTMFLengthAttr { return DTMFLengthAttr{n} }

// URL sets the http or https address a Gather sends the digits to; its
// reply, a call-flow document, drives the rest of the call:
// Gather(flow.URL("https://example.com/menu")) writes
// <Gather url="https://example.com/menu"/>.
func URL(u string) URLAttr { return URLAttr{u} }

// Hz sets the frequencies of a Tone, each 1 to 20000:
// Tone(flow.Hz(350, 440)) writes <Tone hz="350,440"/>.
func Hz(hz ...int) HzAttr { return HzAttr{append([]int(nil), hz...)} }

// On sets how long a Tone sounds: Tone(flow.On(time.Second)) writes
// <Tone don="1000"/>.
func On(d time.Duration) OnAttr { return OnAttr{d} }

// Off sets the silence between the tones of a Tone:
// Tone(flow.Off(500*time.Millisecond)) writes <Tone doff="500"/>.
func Off(d time.Duration) OffAttr { return OffAttr{d} }

// Volume sets the volume of a Tone in dB, 0 the loudest:
// Tone(flow.Volume(-10)) writes <Tone v="-10"/>.
func Volume(db int) VolumeAttr { return VolumeAttr{db} }

// States sets the US states a Geo condition matches, as two-letter USPS
// codes: Geo(sub, flow.States("NJ", "NY")) writes <Geo states="NJ,NY">.
func States(codes ...string) StatesAttr { return StatesAttr{append([]string(nil), codes...)} }

// County sets the county a Geo condition matches:
// Geo(sub, flow.States("NJ"), flow.County("ESSEX")) writes
// <Geo states="NJ" county="ESSEX">.
func County(name string) CountyAttr { return CountyAttr{name} }

// Days sets the days of the week a Schedule condition matches:
// Schedule(sub, flow.Days(verbs.Saturday, verbs.Sunday)) writes
// <Schedule dow="sat,sun">.
func Days(days ...verbs.Weekday) DaysAttr { return DaysAttr{append([]verbs.Weekday(nil), days...)} }

// Time sets the time range a Schedule condition matches, HH:MM:SS-HH:MM:SS
// on the 24-hour clock: Schedule(sub, flow.Time("09:00:00-17:00:00"))
// writes <Schedule time="09:00:00-17:00:00">.
func Time(timeRange string) TimeAttr { return TimeAttr{timeRange} }
