package flow

// TakesFastPath reports whether the rendering helpers write f from its
// records, without the tree.
func TakesFastPath(f *Flow) bool { return f.fast() }
