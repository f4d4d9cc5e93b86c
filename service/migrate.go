package service

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/sipmote/sipmote/store"
	"github.com/sipmote/sipmote/store/postgres"
)

// MigrateReport is what Migrate copied and what the checks found.
type MigrateReport struct {
	store.CopyReport
	// From and To are the two databases' checks after the copy; Head is
	// the newest link of the trail's chain, the same in both.
	From, To *Report
	Head     string
}

// ErrMigrateMismatch is a copy whose check does not match its source.
var ErrMigrateMismatch = errors.New("service: the copy does not match the database it was copied from")

// Migrate copies everything in the database at from (a file or a
// PostgreSQL address) into the one at to, which must be empty or not
// exist yet: every plan with all its versions, every editor draft and
// form, and every trail event in its order. The new database takes the
// old one's key, so an encrypted one opens with the same passphrase.
// Both are then checked whole, and their trails must end in the same
// link. A file made here is removed again when anything fails.
func Migrate(from, to string, o Options) (*MigrateReport, error) {
	if same(from, to) {
		return nil, fmt.Errorf("service: migrate: %w", store.ErrNotEmpty)
	}
	src, err := openStore(from, o)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	created := false
	if !postgres.IsAddress(to) {
		if _, err := os.Lstat(to); errors.Is(err, fs.ErrNotExist) {
			created = true
		}
	}
	to2 := o
	to2.NewPassphrase = nil
	dst, err := openStore(to, to2, store.WithCodec(src.Codec()))
	if err != nil {
		return nil, err
	}
	rep, err := migrateInto(src, dst)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil && created {
		_ = os.Remove(to)
	}
	return rep, err
}

func migrateInto(src, dst store.Store) (*MigrateReport, error) {
	if src.Encrypted() != dst.Encrypted() {
		// An existing target with a key of its own: it is not empty.
		return nil, fmt.Errorf("service: migrate: %w", store.ErrNotEmpty)
	}
	cr, err := store.Copy(src, dst)
	if err != nil {
		return nil, err
	}
	rep := &MigrateReport{CopyReport: cr}
	if rep.From, err = src.Check(); err != nil {
		return nil, err
	}
	if rep.To, err = dst.Check(); err != nil {
		return nil, err
	}
	if !rep.From.OK() || !rep.To.OK() || rep.From.Head != rep.To.Head || rep.From.Events != rep.To.Events {
		return rep, ErrMigrateMismatch
	}
	rep.Head = rep.To.Head
	// Reading everything is a read of every plan: both trails say so.
	_ = src.LogFile(store.TrailEvent{Kind: store.TrailExported, Section: "migrate", Count: cr.Plans})
	_ = dst.LogFile(store.TrailEvent{Kind: store.TrailImported, Section: "migrate", Count: cr.Plans})
	return rep, nil
}

// same tells whether two --db values name one database.
func same(a, b string) bool {
	if postgres.IsAddress(a) || postgres.IsAddress(b) {
		return a == b
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}
