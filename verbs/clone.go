package verbs

import (
	"reflect"
	"slices"
)

// Clone returns a deep copy of r that shares no memory with it, so that
// changing one never changes the other. Clone(nil) is nil.
func Clone(r *Response) *Response {
	if r == nil {
		return nil
	}
	return &Response{Commands: cloneList(r.Commands), Extra: slices.Clone(r.Extra)}
}

// CloneNode returns a deep copy of any node of a document.
func CloneNode[N Node](n N) N {
	c, _ := cloneNode(Node(n)).(N)
	return c
}

func cloneList[T Node](list []T) []T {
	if list == nil {
		return nil
	}
	out := make([]T, len(list))
	for i, n := range list {
		out[i], _ = cloneNode(n).(T) // a nil entry stays nil
	}
	return out
}

func cloneNode(n Node) Node {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return n
	}
	switch v := n.(type) {
	case *Response:
		return Clone(v)
	case *Answer:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *Hangup:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *Pause:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *Say:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *Play:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *Record:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.Commands = cloneList(v.Commands)
		return &c
	case *RecordStart:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *RecordStop:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *RecordWait:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *Dial:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.Children = cloneList(v.Children)
		return &c
	case *To:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *Gather:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.Children = cloneList(v.Children)
		return &c
	case *DTMF:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.Commands = cloneList(v.Commands)
		return &c
	case *Default:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.Commands = cloneList(v.Commands)
		return &c
	case *Error:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.Commands = cloneList(v.Commands)
		return &c
	case *Callback:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.Children = cloneList(v.Children)
		return &c
	case *Curl:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.Children = cloneList(v.Children)
		return &c
	case *Call:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.Commands = cloneList(v.Commands)
		return &c
	case *Geo:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.States = slices.Clone(v.States)
		c.Commands = cloneList(v.Commands)
		return &c
	case *Schedule:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.Days = slices.Clone(v.Days)
		c.Commands = cloneList(v.Commands)
		return &c
	case *Hold:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *Unhold:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *Tone:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.Hz = slices.Clone(v.Hz)
		c.Children = cloneList(v.Children)
		return &c
	case *Meta:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *Switch:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.Children = cloneList(v.Children)
		return &c
	case *Case:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		c.Commands = cloneList(v.Commands)
		return &c
	case *Sip:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *Number:
		c := *v
		c.Extra = slices.Clone(v.Extra)
		return &c
	case *Comment:
		c := *v
		return &c
	case *RawElement:
		return &RawElement{Name: v.Name, Attrs: slices.Clone(v.Attrs), Children: cloneList(v.Children)}
	case *RawText:
		c := *v
		return &c
	}
	return n
}
