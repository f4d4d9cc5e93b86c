//go:build !linux

package store

import (
	"os"

	bolt "go.etcd.io/bbolt"
)

// giveBack does nothing here: it is for Linux's fault-around (see
// pagetrim.go and pagetrim_linux.go).
func giveBack(*bolt.Tx) {}

// readRandomly does nothing here, as giveBack.
func readRandomly(*os.File) {}
