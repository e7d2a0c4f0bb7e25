package flowtest

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// UpdateEnv is the environment variable that, set to 1 (or true), makes
// Golden and GoldenText rewrite golden files instead of comparing with
// them:
//
//	OPENTACT_UPDATE_GOLDEN=1 go test ./...
//
// It is the way to update golden files because it works for every package
// at once. This package defines no -update flag: a flag exists only in the
// test binaries of packages that define it, so "go test ./... -update"
// would fail in every other package with "flag provided but not defined".
// A test package that defines a boolean -update flag of its own (with
// flag.Bool) gets it honoured too.
const UpdateEnv = "OPENTACT_UPDATE_GOLDEN"

// updateFlag is the name of the command-line flag that, when the test
// package defines it, makes Golden rewrite golden files.
const updateFlag = "update"

// updating reports whether golden files are to be rewritten.
func updating() bool {
	if on, err := strconv.ParseBool(os.Getenv(UpdateEnv)); err == nil && on {
		return true
	}
	return flagUpdating(flag.CommandLine)
}

// flagUpdating reports whether the -update flag of fs is on, whichever
// package defined it.
func flagUpdating(fs *flag.FlagSet) bool {
	f := fs.Lookup(updateFlag)
	if f == nil {
		return false
	}
	on, err := strconv.ParseBool(f.Value.String())
	return err == nil && on
}

// boolFlag reports whether the -update flag of fs takes no value, so that
// "-update" alone turns it on.
func boolFlag(fs *flag.FlagSet) bool {
	f := fs.Lookup(updateFlag)
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// updateCommand returns the shell command that reruns the test named name
// (as testing.T.Name gives it) and rewrites its golden files: with -update
// when that is a boolean flag, else with the environment variable.
func updateCommand(name string) string {
	return updateCommandFor(name, flag.CommandLine)
}

// updateCommandFor is updateCommand for the flags of fs.
func updateCommandFor(name string, fs *flag.FlagSet) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	args := "go test " + packageDir() + " -run " + shellQuote(strings.Join(parts, "/"))
	if boolFlag(fs) {
		return args + " -update"
	}
	return UpdateEnv + "=1 " + args
}

// packageDir returns the directory of the running test's package relative
// to its module root ("./ivr"), or "." when there is no go.mod above it.
func packageDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rel, err := filepath.Rel(dir, wd)
			if err != nil || rel == "." {
				return "."
			}
			return "./" + filepath.ToSlash(rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "."
		}
		dir = parent
	}
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
