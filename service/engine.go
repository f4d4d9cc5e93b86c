package service

import (
	"errors"

	"github.com/sipmote/sipmote/store"
	"github.com/sipmote/sipmote/store/postgres"
)

// The engine is chosen by the --db value: postgres://… (or postgresql://…)
// is a PostgreSQL database shared by many programs, anything else the path
// of a bbolt file, the laptop default that needs no server.

// ErrFileOnly is a command that works on a database file only (rescue,
// encrypt), given a PostgreSQL address.
var ErrFileOnly = errors.New("service: the command works on a database file, not on PostgreSQL")

// Errors of a PostgreSQL server, for errors.Is.
var (
	ErrUnreachable = postgres.ErrUnreachable
	ErrLogin       = postgres.ErrLogin
	ErrNoDatabase  = postgres.ErrNoDatabase
	ErrHeld        = store.ErrHeld
)

// HeldError names the program that has a plan open.
type HeldError = store.HeldError

// Shown is a --db value as it may be shown: a PostgreSQL address without
// its password, a file path as it is.
func Shown(path string) string {
	if postgres.IsAddress(path) {
		return postgres.Redact(path)
	}
	return path
}

// IsServer tells whether path names a PostgreSQL database.
func IsServer(path string) bool { return postgres.IsAddress(path) }

// openStore opens the database path names with the engine it needs.
func openStore(path string, o Options, extra ...store.Option) (store.Store, error) {
	opts := append(o.storeOptions(), extra...)
	if postgres.IsAddress(path) {
		return postgres.Open(path, opts...)
	}
	return store.Open(path, append(opts, store.WithReadOnlyIfDenied())...)
}

// Engine is "bbolt" or "postgres".
func (s *Service) Engine() string { return s.db.Engine() }

// Upgraded is the schema a PostgreSQL database had before Open brought it
// up to date, and the one it has now; from is 0 when nothing was done.
func (s *Service) Upgraded() (from, to int) {
	if pg, ok := s.db.(*postgres.DB); ok && pg.Migrated() > 0 {
		return pg.Migrated(), postgres.SchemaVersion()
	}
	return 0, 0
}
