package verbs

// Error runs its commands when a command fails: <Error play="…" tag="…">.
// It is the child of a <Dial>, <Gather>, <Callback> or <Curl>, or an item of
// a command list, where it handles the failure of the command before it.
type Error struct {
	// Play asks the platform to speak the failure reason.
	Play     Opt[bool] `xml:"play" alias:"say"`
	Tag      string    `xml:"tag"`
	Commands []Command `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Error".
func (*Error) ElementName() string { return "Error" }
func (*Error) command()            {}
func (*Error) dialChild()          {}
func (*Error) gatherChild()        {}
func (*Error) curlChild()          {}
func (*Error) callbackChild()      {}
func (*Error) switchChild()        {}
