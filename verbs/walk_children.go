package verbs

import "reflect"

// isNil reports a nil interface or an interface holding a nil pointer.
func isNil(n Node) bool {
	return n == nil || reflect.ValueOf(n).IsNil()
}

func eachOf[T Node](list []T, f func(Node)) {
	for _, c := range list {
		f(c)
	}
}

// eachChild calls f for every direct child of n, nil entries included.
func eachChild(n Node, f func(Node)) {
	switch v := n.(type) {
	case *Response:
		eachOf(v.Commands, f)
	case *Record:
		eachOf(v.Commands, f)
	case *Dial:
		eachOf(v.Children, f)
	case *Gather:
		eachOf(v.Children, f)
	case *DTMF:
		eachOf(v.Commands, f)
	case *Default:
		eachOf(v.Commands, f)
	case *Error:
		eachOf(v.Commands, f)
	case *Callback:
		eachOf(v.Children, f)
	case *Curl:
		eachOf(v.Children, f)
	case *Call:
		eachOf(v.Commands, f)
	case *Geo:
		eachOf(v.Commands, f)
	case *Schedule:
		eachOf(v.Commands, f)
	case *Tone:
		eachOf(v.Children, f)
	case *Switch:
		eachOf(v.Children, f)
	case *Case:
		eachOf(v.Commands, f)
	case *RawElement:
		eachOf(v.Children, f)
	}
}
