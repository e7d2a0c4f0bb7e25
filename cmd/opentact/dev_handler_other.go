//go:build !unix

package main

import "os/exec"

// shellCommand runs command with cmd.exe.
func shellCommand(command string) *exec.Cmd { return exec.Command("cmd", "/C", command) }

// setProcessGroup does nothing here: only the process itself is stopped.
func setProcessGroup(*exec.Cmd) {}

// killGroup kills the handler process.
func killGroup(c *exec.Cmd, _ bool) {
	if c.Process != nil {
		_ = c.Process.Kill()
	}
}
