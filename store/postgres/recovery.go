package postgres

import (
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// Recovery files are the same as the file's (store.RecoverySite): they
// name this database by its address without user or password, and are
// sealed with its key.

func (d *DB) WriteRecovery(p *model.Plan, base, now time.Time) (store.RecoveryWritten, error) {
	return d.site.WriteRecovery(p, base, now)
}

func (d *DB) ReadRecovery(path string) (*model.Plan, store.RecoveryHeader, error) {
	return d.site.ReadRecovery(path)
}

func (d *DB) Recoveries() []store.Recovery     { return d.site.Recoveries() }
func (d *DB) RemoveRecovery(path string) error { return d.site.RemoveRecovery(path) }
func (d *DB) RecoveryDirs() []string           { return d.site.RecoveryDirs() }
