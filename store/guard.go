package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// guard checks the database's folder and file before anything is opened:
// a symbolic link at the path or a file of another user is refused; a
// folder others may write in is made private when it is ours and refused
// when it is not (anyone who can write there can swap the file). The
// folder is made if missing, with mode 0700. It returns the folder it
// tightened, if any, so that the user can be told. With write false (check,
// rescue) it makes and changes nothing: a loose folder is refused.
func guard(path string, write bool) (tightened string, err error) {
	dir := filepath.Dir(path)
	if write {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", fmt.Errorf("store: %s: %w", dir, err)
		}
	}
	st, err := os.Stat(dir)
	if err != nil {
		return "", fmt.Errorf("store: %s: %w", dir, err)
	}
	if runtime.GOOS == "windows" {
		// Mode bits say little there; the folder's access list rules.
		return "", nil
	}
	mode := st.Mode()
	ours := ownedByUs(st)
	othersWrite := mode.Perm()&0o022 != 0 && mode&fs.ModeSticky == 0
	switch {
	case othersWrite && !ours:
		return "", &PathError{Path: dir, Err: ErrLooseFolder}
	case !write:
		// Looking changes nothing; a loose folder is still looked in.
	case othersWrite, ours && mode.Perm()&0o077 != 0 && isDefaultDir(dir):
		if err := os.Chmod(dir, 0o700); err != nil {
			return "", &PathError{Path: dir, Err: ErrLooseFolder}
		}
		tightened = dir
	}
	lst, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return tightened, nil
	case err != nil:
		return tightened, &PathError{Path: path, Err: err}
	case lst.Mode()&fs.ModeSymlink != 0:
		return tightened, &PathError{Path: path, Err: ErrSymlink}
	case lst.Mode().IsRegular() && !ownedByUs(lst):
		return tightened, &PathError{Path: path, Err: ErrForeignOwner}
	}
	return tightened, nil
}

// isDefaultDir tells whether dir is the folder sipmote chooses itself.
func isDefaultDir(dir string) bool {
	def, err := DefaultPath()
	return err == nil && filepath.Clean(filepath.Dir(def)) == filepath.Clean(dir)
}

// PathError is an error about the database's file or folder, with the path
// (the user's own, never personal data) for the message.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return "store: " + e.Path + ": " + e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }
