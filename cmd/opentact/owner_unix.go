//go:build unix

package main

import (
	"os"
	"syscall"
)

// keepOwner gives f the owner and group of the file info describes, where
// they differ from f's and the user may do so (root may; others may change
// the group to one of theirs); a file the user could not give away keeps
// the user's.
func keepOwner(f *os.File, info os.FileInfo) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if cur, err := f.Stat(); err == nil {
		if c, ok := cur.Sys().(*syscall.Stat_t); ok && c.Uid == st.Uid && c.Gid == st.Gid {
			return
		}
	}
	if f.Chown(int(st.Uid), int(st.Gid)) != nil {
		_ = f.Chown(-1, int(st.Gid))
	}
}
