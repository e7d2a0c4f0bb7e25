package verbs

import "slices"

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
