package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
)

// Where a recovery file goes. The database's own disk is the one place it
// most likely cannot go (that disk is full, or failing), so the folders
// are tried on other file systems first: the user's runtime folder, which
// is private and in memory, then shared memory, then the temporary
// folder, and last the database's own folder. A folder on a file system
// other than the database's is preferred over one on the same; among
// equals the order below holds.

// ErrRecoveryFolder is a folder a recovery file may not go in: not ours,
// a link, or open for others to write in.
var ErrRecoveryFolder = errors.New("the folder is not private to this user")

// recoveryEnv is what the choice of folders depends on, so that a test can
// set it.
type recoveryEnv struct {
	getenv func(string) string
	uid    int
	tmp    string
	exists func(string) bool
	// device returns the file system a path is on; ok is false when it
	// cannot tell (a folder not made yet is judged by its parent).
	device func(string) (uint64, bool)
}

func liveRecoveryEnv() recoveryEnv {
	return recoveryEnv{
		getenv: os.Getenv,
		uid:    os.Getuid(),
		tmp:    os.TempDir(),
		exists: func(p string) bool { st, err := os.Stat(p); return err == nil && st.IsDir() },
		device: deviceOf,
	}
}

// RecoveryDirs lists the folders a recovery file for the database at
// dbPath may go in, best first.
func RecoveryDirs(dbPath string) []string { return recoveryDirs(recoveryEnvironment(), dbPath) }

// WithRecoveryDirs makes the database write and look for recovery files
// in dirs, best first, instead of the usual folders: for tests that must
// stay out of the machine's shared ones, or a site that wants them
// elsewhere.
func WithRecoveryDirs(dirs []string) Option {
	return func(o *options) { o.recoveryDirs = dirs }
}

// RecoveryDirs lists the folders this database's recovery files go in,
// best first.
func (d *DB) RecoveryDirs() []string {
	if d.recoveryDirs != nil {
		return d.recoveryDirs
	}
	return RecoveryDirs(d.path)
}

// recoveryEnvironment is the live one; tests that must not touch the
// machine's shared folders replace it.
var recoveryEnvironment = liveRecoveryEnv

func recoveryDirs(env recoveryEnv, dbPath string) []string {
	suffix := "sipmote"
	if env.uid >= 0 {
		suffix += "-" + strconv.Itoa(env.uid)
	}
	var cands []string
	add := func(dir string) {
		if dir == "" || !filepath.IsAbs(dir) {
			return
		}
		dir = filepath.Clean(dir)
		if !slices.Contains(cands, dir) {
			cands = append(cands, dir)
		}
	}
	// The XDG spec says a relative value is invalid and must be ignored.
	if x := env.getenv("XDG_RUNTIME_DIR"); x != "" && filepath.IsAbs(x) && env.exists(x) {
		add(filepath.Join(x, "sipmote"))
	}
	if runtime.GOOS != "windows" && env.uid >= 0 {
		if run := "/run/user/" + strconv.Itoa(env.uid); env.exists(run) {
			add(filepath.Join(run, "sipmote"))
		}
		if env.exists("/dev/shm") {
			add(filepath.Join("/dev/shm", suffix))
		}
	}
	add(filepath.Join(env.tmp, suffix))
	dbDir := filepath.Dir(dbPath)
	if abs, err := filepath.Abs(dbDir); err == nil {
		dbDir = abs
	}
	add(dbDir)
	// Other file systems first, the order kept within each group.
	dbDev, known := env.device(dbDir)
	if !known {
		return cands
	}
	other := func(dir string) bool {
		d, ok := env.device(dir)
		if !ok {
			d, ok = env.device(filepath.Dir(dir))
		}
		return ok && d != dbDev
	}
	slices.SortStableFunc(cands, func(a, b string) int {
		oa, ob := other(a), other(b)
		switch {
		case oa == ob:
			return 0
		case oa:
			return -1
		}
		return 1
	})
	return cands
}

// prepareRecoveryDir checks that dir is a folder of ours that nobody else
// may write in, and with create makes it (mode 0700) when it is missing.
// An existing folder that others may write in is refused, not tightened:
// anyone could have put a file there already.
func prepareRecoveryDir(dir string, create bool) error {
	st, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) && create {
		// Only the last element is made: a missing runtime folder is not
		// ours to make.
		if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
		// The umask may have taken bits away, never added them; set
		// exactly 0700 all the same.
		if err := os.Chmod(dir, 0o700); err != nil {
			return err
		}
		st, err = os.Lstat(dir)
	}
	if err != nil {
		return err
	}
	return checkRecoveryDir(dir, st)
}

// checkRecoveryDir is the test a recovery folder must pass.
func checkRecoveryDir(dir string, st fs.FileInfo) error {
	switch {
	case st.Mode()&fs.ModeSymlink != 0, !st.IsDir():
		return &PathError{Path: dir, Err: ErrRecoveryFolder}
	case runtime.GOOS == "windows":
		return nil
	case !ownedByUs(st), st.Mode().Perm()&0o077 != 0:
		// Only the user may even list it: a file's name holds a plan id.
		return &PathError{Path: dir, Err: ErrRecoveryFolder}
	}
	return nil
}

// UsableRecoveryDir returns the first of dirs that is, or can be made, a
// folder of this user's own, 0700, and not a link or a file: the place a
// recovery file would go. It makes the folder when it is missing (and its
// parent is there). It returns "" when none of them will do: someone may
// have put a file or a folder of their own in the place.
func UsableRecoveryDir(dirs []string) string {
	for _, dir := range dirs {
		if prepareRecoveryDir(dir, true) == nil {
			return dir
		}
	}
	return ""
}

// sortRecoveries puts the oldest first, so that plans come back in the
// order they were written.
func sortRecoveries(rs []Recovery) {
	slices.SortStableFunc(rs, func(a, b Recovery) int {
		if c := a.Header.Written.Compare(b.Header.Written); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
}
