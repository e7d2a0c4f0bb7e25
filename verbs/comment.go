package verbs

// Comment is an XML comment, <!-- Text -->, kept at its place so that
// formatting a document never deletes it. Text may not contain "--" or end
// in "-".
type Comment struct {
	Text string
}

// ElementName returns "" (a comment is not an element).
func (*Comment) ElementName() string { return "" }
func (*Comment) command()            {}
func (*Comment) dialChild()          {}
func (*Comment) gatherChild()        {}
func (*Comment) toneChild()          {}
func (*Comment) curlChild()          {}
func (*Comment) callbackChild()      {}
func (*Comment) switchChild()        {}
func (*Comment) rawChild()           {}
