package postgres

import (
	"io"
	"os"
	"path/filepath"

	"github.com/sipmote/sipmote/store"
)

// Snapshot writes the whole database to w as a sipmote database file, the
// form a backup of the file takes: everything is copied into a new bbolt
// file (with the same key when encrypted) in a private temporary folder,
// checked, streamed and removed. A municipality's own backups are
// pg_dump's; this is the one a user makes from sipmote.
func (d *DB) Snapshot(w io.Writer) (int64, error) {
	dir, err := os.MkdirTemp("", "sipmote-snapshot-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "sipmote.db")
	dst, err := store.Open(path, store.WithCodec(d.codec), store.WithRecoveryDirs([]string{dir}))
	if err != nil {
		return 0, err
	}
	if _, err := store.Copy(d, dst); err != nil {
		dst.Close()
		return 0, err
	}
	if err := dst.Close(); err != nil {
		return 0, err
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return io.Copy(w, f)
}
