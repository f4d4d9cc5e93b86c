//go:build !unix

package store

import (
	"os"
	"time"
)

// lockShared leaves the lock to bbolt here: inspect reads the head
// through bbolt's read-only open, which takes it.
func lockShared(*os.File, time.Duration) error { return errHeadFallback }
