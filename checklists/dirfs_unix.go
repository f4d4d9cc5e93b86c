//go:build unix

package checklists

import "syscall"

// openNoWait makes open return at once on a FIFO or a device.
const openNoWait = syscall.O_NONBLOCK
