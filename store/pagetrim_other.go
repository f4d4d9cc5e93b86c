//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// giveBack does nothing here: it is for Linux's fault-around (see
// pagetrim.go and pagetrim_linux.go).
func giveBack(*bolt.Tx) {}
