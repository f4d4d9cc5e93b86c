// Package outfile writes the files sipmote hands to the user: printed
// PDFs, calendar invitations, exports, default checklists.
//
// They may hold health and social-services data, so every one is written
// the same careful way: to a temporary file in the same folder, readable
// by its owner only (0600), synced, and then put in place under its name.
// An existing file is refused unless the caller says to replace it, a
// symbolic link is never followed (not even with force: the link could
// point anywhere), and a reader never sees half a file.
package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Errors of Write. They name no content; the path is the user's own.
var (
	// ErrExists means a file of that name is there already.
	ErrExists = errors.New("the file already exists")
	// ErrSymlink means the name is a symbolic link.
	ErrSymlink = errors.New("the name is a symbolic link")
	// ErrNotFile means the name is a folder or a device.
	ErrNotFile = errors.New("the name is not a regular file")
	// ErrNoFreeName means WriteFree found every numbered name taken.
	ErrNoFreeName = errors.New("no free file name")
)

// Write writes data to path as a new file with mode 0600. An existing
// file is refused with ErrExists unless force is set; a symbolic link or
// anything but a regular file is always refused.
func Write(path string, data []byte, force bool) error {
	return WriteFrom(path, force, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFrom is Write for data too large to hold at once: fill writes it
// to the temporary file, and only when fill returns nil is the file put in
// place under its name. On any error nothing is left behind.
func WriteFrom(path string, force bool, fill func(io.Writer) error) error {
	if err := check(path, force); err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			_ = os.Remove(name)
		}
	}()
	// CreateTemp makes 0600 already; say it, in case of an odd umask rule.
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if err := fill(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if force {
		// Check again right before: a link made since is still refused.
		if err := check(path, true); err != nil {
			return err
		}
		// rename replaces the name, never what a link at it points to.
		if err := os.Rename(name, path); err != nil {
			return err
		}
	} else if err := os.Link(name, path); err != nil {
		// A hard link fails if the name has been taken meanwhile, whatever
		// took it: no check-then-write race.
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
		if !linkUnsupported(err) {
			return err
		}
		// A file system without hard links: check once more and rename.
		if err := check(path, false); err != nil {
			return err
		}
		if err := os.Rename(name, path); err != nil {
			return err
		}
	} else {
		_ = os.Remove(name)
	}
	ok = true
	SyncDir(dir)
	return nil
}

// WriteFree writes data as a new file at path, or at path-2, path-3 and so
// on before the extension if the name is taken, and returns the name used.
func WriteFree(path string, data []byte) (string, error) {
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	for i := 1; i <= 999; i++ {
		p := path
		if i > 1 {
			p = fmt.Sprintf("%s-%d%s", base, i, ext)
		}
		err := Write(p, data, false)
		if errors.Is(err, ErrExists) || errors.Is(err, ErrSymlink) || errors.Is(err, ErrNotFile) {
			continue
		}
		if err != nil {
			return "", err
		}
		return p, nil
	}
	return "", ErrNoFreeName
}

// check says whether path may be written.
func check(path string, force bool) error {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case st.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%s: %w", path, ErrSymlink)
	case !st.Mode().IsRegular():
		return fmt.Errorf("%s: %w", path, ErrNotFile)
	case !force:
		return fmt.Errorf("%s: %w", path, ErrExists)
	}
	return nil
}

func linkUnsupported(err error) bool {
	return errors.Is(err, errors.ErrUnsupported) || errors.Is(err, fs.ErrPermission) ||
		strings.Contains(err.Error(), "operation not permitted") ||
		strings.Contains(err.Error(), "not supported")
}

// SyncDir makes a newly created file's directory entry durable, so that
// the file is still there after a power cut. It is best effort: not every
// platform can open a directory for syncing. The database uses it too.
func SyncDir(dir string) {
	f, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = f.Sync()
	_ = f.Close()
}
