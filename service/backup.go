package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"time"

	"github.com/sipmote/sipmote/outfile"
	"github.com/sipmote/sipmote/seal"
	"github.com/sipmote/sipmote/store"
)

// Backups: the whole database file as it stands at one moment (bbolt's
// Tx.WriteTo, taken beside saves that go on), encrypted with age for the
// keys given, in a file named for the time it was taken (UTC). Restore
// turns one back into a new database file and checks it before it gets
// its name.

// backupName matches the files Backup makes, and only those: --keep
// removes nothing else.
var backupName = regexp.MustCompile(`^sipmote-backup-\d{8}T\d{6}Z(-\d+)?\.db\.age$`)

// BackupName is the name of a backup taken at t.
func BackupName(t time.Time) string {
	return "sipmote-backup-" + t.UTC().Format("20060102T150405Z") + ".db.age"
}

// BackupResult says where a backup went and which older ones --keep
// removed.
type BackupResult struct {
	Path    string
	Size    int64
	Removed []string
}

// Backup writes an encrypted snapshot of the whole database to a new file
// in dir (made 0700 when missing), records it in the file's trail, and
// then, when keep is above zero, removes the oldest of the backups in dir
// beyond the keep newest. A failure leaves no partial file.
func (s *Service) Backup(ctx context.Context, dir string, to []seal.Recipient, keep int) (*BackupResult, error) {
	now := s.o.Now()
	res, err := writeBackup(dir, to, now, func(w io.Writer) (int64, error) { return s.db.Snapshot(w) })
	if err != nil {
		return nil, err
	}
	var fps []string
	for _, r := range to {
		fps = append(fps, r.Fingerprint)
	}
	_ = s.db.LogFile(store.TrailEvent{At: now, Kind: store.TrailBackup, OSUser: s.osUser, To: fps})
	if keep > 0 {
		removed, err := pruneBackups(dir, keep)
		res.Removed = removed
		if err != nil {
			return res, err
		}
	}
	return res, nil
}

// writeBackup writes what snapshot gives, encrypted for to, as a new file
// in dir named for now (made 0700 when missing).
func writeBackup(dir string, to []seal.Recipient, now time.Time, snapshot func(io.Writer) (int64, error)) (*BackupResult, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, &FileError{Path: dir, Err: err}
	}
	res := &BackupResult{}
	write := func(path string) error {
		return outfile.WriteFrom(path, false, func(w io.Writer) error {
			enc, err := seal.Encrypt(w, to)
			if err != nil {
				return err
			}
			if res.Size, err = snapshot(enc); err != nil {
				return err
			}
			return enc.Close()
		})
	}
	base := filepath.Join(dir, BackupName(now))
	path := base
	for i := 2; ; i++ {
		err := write(path)
		if err == nil {
			break
		}
		if !errors.Is(err, outfile.ErrExists) || i > 99 {
			var se *seal.Error
			if errors.As(err, &se) || errors.Is(err, ErrNoAnswer) {
				return nil, err
			}
			return nil, &FileError{Path: path, Err: err}
		}
		path = fmt.Sprintf("%s-%d.db.age", base[:len(base)-len(".db.age")], i)
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	res.Path = path
	return res, nil
}

// pruneBackups removes the oldest backups in dir beyond the keep newest.
// Only regular files with Backup's names count; the names sort by time.
func pruneBackups(dir string, keep int) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &FileError{Path: dir, Err: err}
	}
	var ours []string
	for _, e := range entries {
		if e.Type().IsRegular() && backupName.MatchString(e.Name()) {
			ours = append(ours, e.Name())
		}
	}
	slices.Sort(ours)
	var removed []string
	for len(ours) > keep {
		p := filepath.Join(dir, ours[0])
		if err := os.Remove(p); err != nil {
			return removed, &RemoveError{Path: p, Err: err}
		}
		removed = append(removed, p)
		ours = ours[1:]
	}
	return removed, nil
}

// ErrRestoreExists is a restore onto a name already taken.
var ErrRestoreExists = errors.New("service: the new database's name is taken")

// ErrRestoreCheck is a restored file that did not pass the check; it is
// not kept.
var ErrRestoreCheck = errors.New("service: the restored file did not pass the check")

// Restored is what Restore made: the check of the new file, and how many
// of its records, sealed on another computer, it sealed anew here.
type Restored struct {
	*Report
	Adopted int
}

// sealAdopter is an engine that can seal a file from another computer
// anew with this user's record key (store.DB.AdoptSeals).
type sealAdopter interface{ AdoptSeals() (int, error) }

// Restore decrypts the backup at src with the keys in kr into a new
// database file at dst, checks it (as sipmote check does: structure,
// every record, the trail's chains), and only then gives it its name;
// an existing dst is never touched. The new file's trail records the
// restore. o unlocks an encrypted database.
//
// A plain backup written on another computer (a lost laptop's, or one
// taken from a shared database) has no record sealed with this user's
// key: its seals cannot be proved here, which a check would count
// against it for ever. Such a file, whole in every other way, has its
// records sealed anew with this computer's key before it gets its name,
// and the result says how many (trust on first use, as docs/security.md
// says). A file with records of this key and others' is not adopted: on
// the computer that wrote it, another key's seal is what a forger leaves.
func Restore(src, dst string, kr *seal.Keyring, o Options) (*Restored, error) {
	if _, err := os.Lstat(dst); err == nil {
		return nil, ErrRestoreExists
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, &FileError{Path: dst, Err: err}
	}
	f, err := os.Open(src)
	if err != nil {
		return nil, &FileError{Path: src, Err: err}
	}
	defer f.Close()
	dr, err := seal.Decrypt(f, kr)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, &FileError{Path: dir, Err: err}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dst)+".restore-*")
	if err != nil {
		return nil, &FileError{Path: dst, Err: err}
	}
	name := tmp.Name()
	defer os.Remove(name)
	_, err = io.Copy(tmp, dr)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		var se *seal.Error
		if errors.As(err, &se) {
			return nil, err
		}
		return nil, &FileError{Path: dst, Err: err}
	}
	rep, err := Check(name, o)
	if err != nil {
		return nil, err
	}
	foreign := !rep.Encrypted && rep.Ours == 0 && rep.Unsealed+rep.OtherKey > 0
	if !rep.OK() && !(foreign && rep.WholeButSeals()) {
		return &Restored{Report: rep}, ErrRestoreCheck
	}
	adopted := 0
	if foreign {
		// Opened to write, the file gets this user's record key (made
		// if there is none yet), and its records are sealed with it.
		svc, err := Open(name, o)
		if err != nil {
			return nil, err
		}
		if a, ok := svc.db.(sealAdopter); ok {
			adopted, err = a.AdoptSeals()
		}
		if cerr := svc.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		if rep, err = Check(name, o); err != nil {
			return nil, err
		}
		if !rep.OK() {
			return &Restored{Report: rep}, ErrRestoreCheck
		}
	}
	// A hard link takes the name only if it is still free.
	if err := os.Link(name, dst); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return nil, ErrRestoreExists
		}
		return nil, &FileError{Path: dst, Err: err}
	}
	svc, err := Open(dst, o)
	if err != nil {
		return &Restored{Report: rep, Adopted: adopted}, err
	}
	_ = svc.db.LogFile(store.TrailEvent{At: svc.o.Now(), Kind: store.TrailRestored, OSUser: svc.osUser, Count: adopted})
	svc.Close()
	rep, err = Check(dst, o)
	return &Restored{Report: rep, Adopted: adopted}, err
}
