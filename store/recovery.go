package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/outfile"
)

// A recovery file holds a plan that could not be saved in the database
// (the disk was full, the file damaged) when its meeting ended. It is the
// last place typed text can go, so it is written where the database is
// not (see recovery_dir.go) and read back at the next start.
//
// It is sealed exactly as a record in the database is (record.go): with
// the database's key when the database is encrypted, so that a recovery
// file is never plain text for an encrypted store, else in plain with a
// checksum. Its layout is
//
//	"SIPMOTE-RECOVERY 1\n"  magic, so that a person can tell what it is
//	uint32 big-endian       length of the header
//	header                  JSON: format, plan id, when, which database
//	record                  sealRecord(bucketRecovery, header, plan JSON)
//
// The header is the record's key, so the checksum (and, encrypted, the
// seal) covers it too: a changed or torn header is found as surely as a
// changed plan. The header holds no personal data: a plan id (random), a
// time and the database's path.
const (
	recoveryMagic  = "SIPMOTE-RECOVERY 1\n"
	recoveryFormat = 1
	// RecoveryExt ends the name of every recovery file.
	RecoveryExt = ".sipmote-recovery"
	// bucketRecovery is the name recovery files go by in checksums and
	// seals, so that a sealed record of the database does not pass for a
	// recovery file, nor the other way round.
	bucketRecovery = "recovery"
	// maxRecoveryBytes bounds what is read: a plan is at most
	// model.MaxPlanBytes, and a damaged length must not make us read a
	// disk's worth.
	maxRecoveryBytes = 8 << 20
)

// ErrDamagedRecovery is a recovery file that fails its checksum or seal,
// or is not a recovery file at all: it is left where it is, untouched.
var ErrDamagedRecovery = errors.New("the recovery file is damaged")

// ErrOtherDatabase is a recovery file written for another database.
var ErrOtherDatabase = errors.New("the recovery file belongs to another database")

// RecoveryHeader is what a recovery file says about itself, readable
// without the key.
type RecoveryHeader struct {
	Format int `json:"format"`
	// Plan is the plan's id.
	Plan string `json:"plan"`
	// Written is when the file was written.
	Written time.Time `json:"written"`
	// DB is the absolute path of the database the plan belongs to: only
	// that database offers the file back.
	DB string `json:"db"`
	// Base is the UpdatedAt of the plan as the database held it when the
	// file was written, zero when it held none. A stored plan changed
	// after that has changes the recovered plan does not have.
	Base time.Time `json:"base"`
	// Sealed says the plan is encrypted with the database's key.
	Sealed bool `json:"sealed"`
}

// Recovery is a recovery file found for this database.
type Recovery struct {
	Path   string
	Header RecoveryHeader
	// Plan is the plan the file holds, nil when Err is set.
	Plan *model.Plan
	// Err says why the file cannot be read (ErrDamagedRecovery,
	// ErrEncrypted): it is listed so that the user is told, never dropped.
	Err error
}

// dbIdentity is how a recovery file names its database: the absolute,
// cleaned path, with links in the folder resolved, so that the same file
// reached as ./sip.db or /home/x/sip.db is one database.
func dbIdentity(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// encodeRecovery makes the bytes of a recovery file.
func (s *RecoverySite) encodeRecovery(p *model.Plan, h RecoveryHeader) ([]byte, error) {
	head, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	inner, err := encode(p)
	if err != nil {
		return nil, err
	}
	rec, err := sealRecord(keyring{aead: s.codec.aead}, bucketRecovery, head, inner)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(recoveryMagic)+4+len(head)+len(rec))
	out = append(out, recoveryMagic...)
	out = binary.BigEndian.AppendUint32(out, uint32(len(head)))
	out = append(out, head...)
	return append(out, rec...), nil
}

// splitRecovery checks the frame of a recovery file and returns its header
// and record, without opening the record.
func splitRecovery(raw []byte) (RecoveryHeader, []byte, []byte, error) {
	var h RecoveryHeader
	rest, ok := bytes.CutPrefix(raw, []byte(recoveryMagic))
	if !ok || len(rest) < 4 {
		return h, nil, nil, ErrDamagedRecovery
	}
	n := binary.BigEndian.Uint32(rest)
	rest = rest[4:]
	if uint64(n) > uint64(len(rest)) {
		return h, nil, nil, ErrDamagedRecovery
	}
	head, rec := rest[:n], rest[n:]
	if err := json.Unmarshal(head, &h); err != nil || h.Format != recoveryFormat || h.Plan == "" {
		return RecoveryHeader{}, nil, nil, ErrDamagedRecovery
	}
	if !checkRecord(bucketRecovery, head, rec) {
		return h, nil, nil, ErrDamagedRecovery
	}
	return h, head, rec, nil
}

// decodeRecovery opens a recovery file's bytes with this database's key.
func (s *RecoverySite) decodeRecovery(raw []byte) (*model.Plan, RecoveryHeader, error) {
	h, head, rec, err := splitRecovery(raw)
	if err != nil {
		return nil, h, err
	}
	inner, err := openRecord(keyring{aead: s.codec.aead}, bucketRecovery, head, rec)
	switch {
	case errors.Is(err, ErrEncrypted):
		return nil, h, err
	case err != nil:
		return nil, h, ErrDamagedRecovery
	}
	var p model.Plan
	if err := decode(inner, &p); err != nil || p.ID != h.Plan {
		return nil, h, ErrDamagedRecovery
	}
	return &p, h, nil
}

// RecoveryWritten says where WriteRecovery put the plan.
type RecoveryWritten struct {
	Path string
	// InMemory is set when the folder is on a file system kept in memory
	// (tmpfs): the file is gone when the computer restarts.
	InMemory bool
}

// RecoveryError says that no recovery file could be written, with the
// folders tried and why the last one failed; Reasons says why each of
// Tried failed, in the same order.
type RecoveryError struct {
	Tried   []string
	Reasons []error
	Err     error
}

func (e *RecoveryError) Error() string {
	return "store: no recovery file could be written (tried " + strings.Join(e.Tried, ", ") + "): " + e.Err.Error()
}
func (e *RecoveryError) Unwrap() error { return e.Err }

// DiskFull tells whether every folder tried was full: only then is "the
// disk is full there too" the reason.
func (e *RecoveryError) DiskFull() bool {
	if len(e.Reasons) == 0 {
		return (&SaveError{Err: e.Err}).DiskFull()
	}
	for _, r := range e.Reasons {
		if !(&SaveError{Err: r}).DiskFull() {
			return false
		}
	}
	return true
}

// WriteRecovery writes p to a new recovery file in the first folder of
// RecoveryDirs that takes it, trying the next on failure. base is the
// UpdatedAt of the plan the database holds now (zero for none). The file
// is created new (never over another), mode 0600, written in full and
// synced before it is given its name, so a file with the name is whole.
func (s *RecoverySite) WriteRecovery(p *model.Plan, base, now time.Time) (RecoveryWritten, error) {
	if p == nil || p.ID == "" {
		return RecoveryWritten{}, ErrNoID
	}
	h := RecoveryHeader{Format: recoveryFormat, Plan: p.ID, Written: now.UTC(), DB: s.identity, Base: base, Sealed: s.codec.Encrypted()}
	raw, err := s.encodeRecovery(p, h)
	if err != nil {
		return RecoveryWritten{}, err
	}
	rerr := &RecoveryError{Err: errors.New("no folder to write in")}
	for _, dir := range s.dirs {
		rerr.Tried = append(rerr.Tried, dir)
		if err := prepareRecoveryDir(dir, true); err != nil {
			rerr.Err = err
			rerr.Reasons = append(rerr.Reasons, err)
			continue
		}
		path, err := writeRecoveryIn(dir, recoveryName(p.ID, now), raw)
		if err != nil {
			rerr.Err = err
			rerr.Reasons = append(rerr.Reasons, err)
			continue
		}
		return RecoveryWritten{Path: path, InMemory: inMemory(dir)}, nil
	}
	return RecoveryWritten{}, rerr
}

// writeRecoveryIn writes a new file named name in dir, or name-2, name-3
// and so on when a file of that name is there already: an earlier file is
// never replaced.
func writeRecoveryIn(dir, name string, raw []byte) (string, error) {
	base := strings.TrimSuffix(name, RecoveryExt)
	for i := 1; ; i++ {
		path := filepath.Join(dir, name)
		err := writeNew(path, raw)
		if !errors.Is(err, fs.ErrExist) || i >= 100 {
			return path, err
		}
		name = base + "-" + strconv.Itoa(i+1) + RecoveryExt
	}
}

// recoveryName names a plan's recovery file: the start of its id, for a
// person looking at the folder, and the time, so that a second file for
// the same plan never replaces the first.
func recoveryName(planID string, now time.Time) string {
	short := planID
	if len(short) > 8 {
		short = short[:8]
	}
	return "sipmote-" + short + "-" + now.Format("20060102-150405") + RecoveryExt
}

// writeNew writes data to a new file at path, mode 0600, through a
// temporary name in the same folder, synced before and after the rename.
// On failure nothing is left behind.
func writeNew(path string, data []byte) (err error) {
	tmp := path + ".part"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if _, err = os.Lstat(path); err == nil {
		return os.ErrExist
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	outfile.SyncDir(filepath.Dir(path))
	return nil
}

// ReadRecovery reads the recovery file at path with this database's key.
// A file for another database gives ErrOtherDatabase.
func (s *RecoverySite) ReadRecovery(path string) (*model.Plan, RecoveryHeader, error) {
	raw, err := readRecoveryFile(path)
	if err != nil {
		return nil, RecoveryHeader{}, err
	}
	p, h, err := s.decodeRecovery(raw)
	if err != nil {
		return nil, h, err
	}
	if h.DB != s.identity {
		return nil, h, ErrOtherDatabase
	}
	return p, h, nil
}

// readRecoveryFile reads a recovery file that is a regular file of ours,
// without following a link.
func readRecoveryFile(path string) ([]byte, error) {
	if !strings.HasSuffix(path, RecoveryExt) {
		return nil, ErrDamagedRecovery
	}
	st, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &PathError{Path: path, Err: ErrSymlink}
	}
	if !ownedByUs(st) {
		return nil, &PathError{Path: path, Err: ErrForeignOwner}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxRecoveryBytes))
}

// Recoveries lists the recovery files of this database in every folder
// RecoveryDirs names, oldest first. A file that cannot be read is listed
// with its error when its header names this database, or when it cannot
// tell which database it is for; files of other databases are left out.
// Folders that others may write in are not looked in: a file there could
// be anyone's.
func (s *RecoverySite) Recoveries() []Recovery {
	self := s.identity
	var out []Recovery
	seen := map[string]bool{}
	for _, dir := range s.dirs {
		if seen[dir] || prepareRecoveryDir(dir, false) != nil {
			continue
		}
		seen[dir] = true
		ents, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range ents {
			if !strings.HasSuffix(e.Name(), RecoveryExt) {
				continue
			}
			path := filepath.Join(dir, e.Name())
			raw, err := readRecoveryFile(path)
			if err != nil {
				out = append(out, Recovery{Path: path, Err: err})
				continue
			}
			h, _, _, err := splitRecovery(raw)
			if h.DB != "" && h.DB != self {
				continue
			}
			var p *model.Plan
			if err == nil {
				p, _, err = s.decodeRecovery(raw)
			}
			out = append(out, Recovery{Path: path, Header: h, Plan: p, Err: err})
		}
	}
	sortRecoveries(out)
	return out
}

// RemoveRecovery deletes a recovery file once its plan is back in the
// database, or the user has thrown it away.
func (s *RecoverySite) RemoveRecovery(path string) error {
	if !strings.HasSuffix(path, RecoveryExt) {
		return fmt.Errorf("store: %s: %w", path, ErrDamagedRecovery)
	}
	if err := os.Remove(path); err != nil {
		return err
	}
	outfile.SyncDir(filepath.Dir(path))
	return nil
}
