package store

import (
	"time"

	"github.com/sipmote/sipmote/model"
)

// RecoverySite is where one database's recovery files go and are found:
// the folders, the name the files give their database, and the codec that
// seals them. Recovery files are the same for every engine; only the name
// of the database differs (a file's absolute path, or a PostgreSQL
// address without user or password).
type RecoverySite struct {
	identity string
	codec    *Codec
	dirs     []string
}

// NewRecoverySite is the site of the database named identity, sealing
// with codec, writing in dirs (best first).
func NewRecoverySite(identity string, codec *Codec, dirs []string) *RecoverySite {
	return &RecoverySite{identity: identity, codec: codec, dirs: dirs}
}

// RecoveryDirs lists the folders, best first.
func (s *RecoverySite) RecoveryDirs() []string { return s.dirs }

func (d *DB) recoverySite() *RecoverySite {
	return NewRecoverySite(dbIdentity(d.path), d.Codec(), d.RecoveryDirs())
}

// WriteRecovery writes p to a new recovery file in the first folder of
// RecoveryDirs that takes it, trying the next on failure. base is the
// UpdatedAt of the plan the database holds now (zero for none). The file
// is created new (never over another), mode 0600, written in full and
// synced before it is given its name, so a file with the name is whole.
func (d *DB) WriteRecovery(p *model.Plan, base, now time.Time) (RecoveryWritten, error) {
	return d.recoverySite().WriteRecovery(p, base, now)
}

// ReadRecovery reads the recovery file at path with this database's key.
// A file for another database gives ErrOtherDatabase.
func (d *DB) ReadRecovery(path string) (*model.Plan, RecoveryHeader, error) {
	return d.recoverySite().ReadRecovery(path)
}

// Recoveries lists the recovery files of this database, oldest first
// (see RecoverySite.Recoveries).
func (d *DB) Recoveries() []Recovery { return d.recoverySite().Recoveries() }

// RemoveRecovery deletes a recovery file once its plan is back in the
// database, or the user has thrown it away.
func (d *DB) RemoveRecovery(path string) error { return d.recoverySite().RemoveRecovery(path) }
