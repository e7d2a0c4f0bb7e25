package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// expandPaths turns command-line PATHs into the documents to read: a file
// or "-" stands for itself; a directory, or DIR/... as go vet writes it,
// stands for every .xml file below it in lexical order, leaving out files
// and directories whose names start with a dot (editors' lock and swap
// files) and anything but regular files (a named pipe would block the
// read). A directory named through a
// symbolic link is walked too (links below it are not followed). A path
// that cannot be read is kept, so reading it reports the error in order.
func expandPaths(args []string) []string {
	var out []string
	for _, arg := range args {
		dir, recursive := strings.CutSuffix(arg, "...")
		if recursive {
			dir = filepath.Clean(strings.TrimSuffix(dir, "/"))
			if dir == "" {
				dir = "."
			}
		}
		info, err := os.Stat(dir)
		if arg == "-" || err != nil || !info.IsDir() {
			out = append(out, arg)
			continue
		}
		// WalkDir does not follow a root that is a link; the link with a
		// trailing separator names the directory it points to.
		root := dir
		if l, err := os.Lstat(dir); err == nil && l.Mode()&fs.ModeSymlink != 0 {
			root = dir + string(filepath.Separator)
		}
		var found []string
		walkErr := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				found = append(found, path) // reading it reports the error
				return nil
			}
			if d.IsDir() {
				if path != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.EqualFold(filepath.Ext(path), ".xml") && !strings.HasPrefix(d.Name(), ".") && !special(path, d) {
				found = append(found, path)
			}
			return nil
		})
		if walkErr != nil {
			found = append(found, dir)
		}
		out = append(out, found...)
	}
	return out
}

// special reports a directory entry that is neither a regular file nor a
// link to one: a named pipe, a socket, a device, a link to a directory. A
// link that cannot be followed is not special, so reading it reports why.
func special(path string, d fs.DirEntry) bool {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		info, err := os.Stat(path)
		if err != nil {
			return false
		}
		mode = info.Mode()
	}
	return !mode.IsRegular()
}

// stdinTwice reports PATHs that name standard input more than once: the
// second read would find it empty.
func stdinTwice(args []string) bool {
	n := 0
	for _, arg := range args {
		if arg == "-" {
			n++
		}
	}
	return n > 1
}
