package checklists

import (
	"io/fs"
	"os"
	"path/filepath"
)

// dirFS is os.DirFS for a local routine, except that files are opened
// without waiting: opening a FIFO for reading otherwise blocks until some
// other program opens it for writing, and start-up would hang holding the
// database lock. readLimited then refuses what is not a regular file.
type dirFS string

func (d dirFS) path(name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return filepath.Join(string(d), filepath.FromSlash(name)), nil
}

func (d dirFS) Open(name string) (fs.File, error) {
	p, err := d.path(name)
	if err != nil {
		return nil, err
	}
	return os.OpenFile(p, os.O_RDONLY|openNoWait, 0)
}

func (d dirFS) Stat(name string) (fs.FileInfo, error) {
	p, err := d.path(name)
	if err != nil {
		return nil, err
	}
	return os.Stat(p)
}

func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	p, err := d.path(name)
	if err != nil {
		return nil, err
	}
	return os.ReadDir(p)
}
