//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// gnuTime is the path of GNU time when it is installed, "" otherwise.
var gnuTime = sync.OnceValue(func() string {
	path, err := exec.LookPath("time")
	if err != nil {
		return ""
	}
	out := filepath.Join(os.TempDir(), "opentact-time-probe")
	defer os.Remove(out)
	if exec.Command(path, "-f", "%M", "-o", out, "true").Run() != nil {
		return ""
	}
	return path
})

// measurePeakRSS makes cmd run under GNU time, when it is installed, and
// returns a function that reports the peak resident memory of the command
// once it has exited.
//
// The kernel's ru_maxrss of a child the test starts itself is not that of
// the command alone: Go starts children with vfork, and Linux carries the
// high-water mark of the memory the child shared with its parent (the
// whole test process) over the exec. GNU time starts the command with a
// plain fork of its own small process, so its figure is the command's.
// Without GNU time the child's ru_maxrss is used, an upper bound that
// includes the test process.
//
// The command runs in a process group of its own; signal it with
// syscall.Kill(-cmd.Process.Pid, sig), which reaches the command (GNU time
// ignores interrupts while it waits).
func measurePeakRSS(t *testing.T, cmd *exec.Cmd) func() int64 {
	t.Helper()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	path := gnuTime()
	if path == "" {
		t.Log("GNU time is not installed: the peak is the child's ru_maxrss, which includes the test process")
		return func() int64 {
			ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			if !ok {
				t.Skip("no rusage on this system")
			}
			return ru.Maxrss * 1024 // KiB on Linux
		}
	}
	out := filepath.Join(t.TempDir(), "maxrss")
	cmd.Args = append([]string{path, "-f", "%M", "-o", out}, cmd.Args...)
	cmd.Path = path
	return func() int64 {
		t.Helper()
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		// GNU time writes "Command exited with non-zero status N" first
		// when the command fails.
		lines := strings.Fields(strings.TrimSpace(string(data)))
		kib, err := strconv.ParseInt(lines[len(lines)-1], 10, 64)
		if err != nil {
			t.Fatalf("GNU time wrote %q", data)
		}
		return kib * 1024
	}
}

// TestMeasurePeakRSS: the measured peak of a child that holds 80 MiB is
// at least that, and that of a small command is well under it, whatever
// memory the test process itself holds.
func TestMeasurePeakRSS(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	if gnuTime() == "" {
		t.Skip("GNU time is not installed")
	}
	ballast := make([]byte, 80<<20) // the test process's own memory
	for i := range ballast {
		ballast[i] = 1
	}
	small := exec.Command("true")
	peak := measurePeakRSS(t, small)
	if err := small.Run(); err != nil {
		t.Fatal(err)
	}
	if p := peak(); p <= 0 || p > 40<<20 {
		t.Errorf("true: peak %d bytes, want a few MiB", p)
	}
	big := exec.Command("python3", "-c", "b = bytearray(80 << 20)")
	peak = measurePeakRSS(t, big)
	if err := big.Run(); err != nil {
		t.Skip("python3:", err)
	}
	if p := peak(); p < 80<<20 {
		t.Errorf("python3 holding 80 MiB: peak %d MiB", p>>20)
	}
	_ = ballast[len(ballast)-1]
}
