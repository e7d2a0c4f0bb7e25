package verbs

// Schedule runs its commands only on the given days and times: <Schedule
// dow="mon,tue" time="09:00:00-17:00:00" tag="…">.
//
//elemgen:alias Scheduler
type Schedule struct {
	// Days are rendered comma-separated as the dow attribute.
	Days []Weekday `xml:"dow" validate:"dive,oneof=sun mon tue wed thu fri sat"`
	// Time is a range HH:MM:SS-HH:MM:SS on the 24-hour clock.
	Time     string    `xml:"time" validate:"omitempty,timerange"`
	Tag      string    `xml:"tag"`
	Commands []Command `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Schedule".
func (*Schedule) ElementName() string { return "Schedule" }
func (*Schedule) command()            {}
