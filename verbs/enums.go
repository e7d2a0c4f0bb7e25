package verbs

// SayType is the text-to-speech engine of a <Say> (attribute type).
type SayType string

// The documented speech engines.
const (
	Standard SayType = "Standard"
	WaveNet  SayType = "WaveNet"
)

// Gender is the voice gender of a <Say> (attribute gender).
type Gender string

// The documented voice genders.
const (
	Female Gender = "FEMALE"
	Male   Gender = "MALE"
)

// Leg names the call leg a <Play> or <Tone> is heard on (attribute leg).
type Leg string

// The documented call legs.
const (
	LegA    Leg = "aleg"
	LegB    Leg = "bleg"
	LegBoth Leg = "both"
)

// Method is an HTTP method of a <Callback>, a <Curl> or a legacy <Gather>.
type Method string

// The HTTP methods the language accepts (Callback: GET, POST, PATCH,
// DELETE; Curl adds PUT; legacy Gather: GET, POST).
const (
	MethodGet    Method = "GET"
	MethodPost   Method = "POST"
	MethodPut    Method = "PUT"
	MethodPatch  Method = "PATCH"
	MethodDelete Method = "DELETE"
)

// Weekday is a day of a <Schedule> dow list.
type Weekday string

// The days of the week as written in a dow list.
const (
	Sunday    Weekday = "sun"
	Monday    Weekday = "mon"
	Tuesday   Weekday = "tue"
	Wednesday Weekday = "wed"
	Thursday  Weekday = "thu"
	Friday    Weekday = "fri"
	Saturday  Weekday = "sat"
)

// DialRecord is the legacy record attribute of a <Dial>.
type DialRecord string

// The legacy Dial recording modes.
const (
	RecordFromAnswer DialRecord = "record-from-answer"
	DoNotRecord      DialRecord = "do-not-record"
)

// The documented values of the field attribute of <Call>.
const (
	CallFieldTo   = "to"
	CallFieldFrom = "from"
)
