//go:build unix

package main

import (
	"os/exec"
	"syscall"
)

// shellCommand runs command with sh, as a shell would.
func shellCommand(command string) *exec.Cmd { return exec.Command("/bin/sh", "-c", command) }

// setProcessGroup puts the handler in a process group of its own, so that
// stopping it stops what it started (go run's compiled program).
func setProcessGroup(c *exec.Cmd) { c.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }

// killGroup signals the handler's process group: SIGTERM, or SIGKILL when
// hard.
func killGroup(c *exec.Cmd, hard bool) {
	if c.Process == nil {
		return
	}
	sig := syscall.SIGTERM
	if hard {
		sig = syscall.SIGKILL
	}
	_ = syscall.Kill(-c.Process.Pid, sig)
}
