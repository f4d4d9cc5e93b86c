//go:build linux

package store

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"

	bolt "go.etcd.io/bbolt"
)

// giveBack unmaps the pages of the file that tx's reads have mapped into
// the process (MADV_DONTNEED). On bbolt's shared, read-only map of the file
// that is only an unmapping: the pages stay in the page cache, and the
// next read of one maps the same bytes again, so values the transaction
// holds keep their contents. bbolt maps the file anew only when no read
// transaction is open, so the map is where Info says for as long as tx is.
func giveBack(tx *bolt.Tx) {
	size := tx.Size()
	if size <= 0 {
		return
	}
	// Advice only: if the kernel refuses it, the pages stay mapped.
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, tx.DB().Info().Data, uintptr(size), syscall.MADV_DONTNEED)
}

// readRandomly turns the kernel's read-ahead off for reads through f.
func readRandomly(f *os.File) { _ = unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_RANDOM) }
