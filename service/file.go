package service

import (
	"context"
	"errors"

	"github.com/sipmote/sipmote/store"
	"github.com/sipmote/sipmote/store/postgres"
)

// The database file as a whole: unlocking, checking, rescuing and
// encrypting it, and what Open found. These are the store's, named here
// so that the command line needs no import of store.

// Errors of opening and checking the file, for errors.Is.
var (
	ErrPassphrase       = store.ErrPassphrase
	ErrEncrypted        = store.ErrEncrypted
	ErrAlreadyEncrypted = store.ErrAlreadyEncrypted
	ErrDamaged          = store.ErrDamaged
	// ErrReadOnlyFile is Writable's answer for a file that may be read
	// but not written; it was opened for reading only.
	ErrReadOnlyFile = store.ErrReadOnlyFile
)

// Report is what Check found; RescueReport what Rescue copied.
type (
	Report       = store.Report
	ChainBreak   = store.ChainBreak
	RescueReport = store.RescueReport
)

// The kinds of ChainBreak.
const (
	BreakDamaged  = store.BreakDamaged
	BreakLink     = store.BreakLink
	BreakMissing  = store.BreakMissing
	BreakUnlisted = store.BreakUnlisted
	BreakNumber   = store.BreakNumber
)

// What a check found of the home screen's front page (see store.FrontCheck).
const (
	FrontNone    = store.FrontNone
	FrontWhole   = store.FrontWhole
	FrontStale   = store.FrontStale
	FrontDamaged = store.FrontDamaged
)

// The keys a check can use (see store.KeyKind).
const (
	KeyNone = store.KeyNone
	KeyUser = store.KeyUser
	KeyFile = store.KeyFile
)

// KeyDir is the folder of the user's record key and of what check has
// seen of each database.
func KeyDir() (string, error) { return store.KeyDir() }

// Passphrase supplies the passphrase of an encrypted file when Open finds
// one; the store wipes the slice once the key is derived.
type Passphrase = store.Passphrase

// storeOptions turns the Service's options into the store's.
func (o Options) storeOptions() []store.Option {
	var opts []store.Option
	if o.LockTimeout > 0 {
		opts = append(opts, store.WithLockTimeout(o.LockTimeout))
	}
	if o.Passphrase != nil {
		opts = append(opts, store.WithPassphrase(o.Passphrase))
	}
	if o.NewPassphrase != nil {
		opts = append(opts, store.WithNewPassphrase(o.NewPassphrase, nil))
	}
	if o.RecoveryDirs != nil {
		opts = append(opts, store.WithRecoveryDirs(o.RecoveryDirs))
	}
	return opts
}

// Check reads the whole file without writing to it: bbolt's own check,
// every record's checksum and every trail chain.
func Check(path string, o Options) (*Report, error) {
	if postgres.IsAddress(path) {
		db, err := postgres.Open(path, append(o.storeOptions(), store.WithReadOnly())...)
		if err != nil {
			return nil, err
		}
		defer db.Close()
		return db.Check()
	}
	return store.Check(path, o.storeOptions()...)
}

// Rescue copies every whole record of the file at src to a new file dst.
// A PostgreSQL database has the server's own tools instead.
func Rescue(src, dst string, o Options) (*RescueReport, error) {
	if postgres.IsAddress(src) || postgres.IsAddress(dst) {
		return nil, ErrFileOnly
	}
	return store.Rescue(src, dst, o.storeOptions()...)
}

// Encrypt converts the plain file at path to one encrypted with pass, and
// checks the result. A PostgreSQL database is encrypted when it is made,
// or by migrating it to a new one made with a passphrase.
func Encrypt(path string, pass []byte) error {
	if postgres.IsAddress(path) {
		return ErrFileOnly
	}
	return store.Encrypt(path, pass, nil)
}

// Tightened is the folder Open made private, if it had to.
func (s *Service) Tightened() string { return s.db.Tightened() }

// Damaged names the plans with damaged records, and counts other damaged
// records, found when the file was opened.
func (s *Service) Damaged() (plans []string, other int) { return s.db.Damaged() }

// Writable is nil while the database takes writes, and otherwise the
// refusal every write would meet (ErrDamaged, ErrReadOnly). It reads no
// file: a screen may ask it before it lets the user type.
func (s *Service) Writable() error { return s.db.Writable() }

// Refused tells whether err is the database's refusal to be written at
// all (damaged, or opened read-only): trying again will not mend it, so a
// screen says so rather than "trying again".
func Refused(err error) bool {
	return errors.Is(err, store.ErrDamaged) || errors.Is(err, store.ErrReadOnly)
}

// FileTrail returns the file's own events (lists shown, rescues), oldest
// first.
func (s *Service) FileTrail(ctx context.Context) ([]TrailEvent, error) { return s.db.FileTrail() }
