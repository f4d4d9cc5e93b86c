//go:build !unix

package checklists

// openNoWait is zero where there are no FIFOs to wait on.
const openNoWait = 0
