package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/sipmote/sipmote/store"
)

// The schema is a list of migrations, embedded: migrations/NNNN_name.sql
// brings the layout from version NNNN-1 to NNNN. A new database runs them
// all, an older one the ones it lacks, in order, in one transaction, so a
// failure half-way leaves it as it was. The version is kept in
// sipmote_meta beside the program's name, which is how a database of
// another program is told from ours.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

const (
	keyApp    = "app"
	keySchema = "schema"
	keyCrypt  = "crypt"
	appName   = "sipmote"
	// lockMigrate is the advisory lock taken while the layout is made or
	// migrated, so that two programs starting at once do it once.
	lockMigrate = 0x5150_0001
)

// schemaSummaryIndex is the migration after which every summary is
// written again in Go (upgradeSummaries).
const schemaSummaryIndex = 4

type migration struct {
	version int
	sql     string
}

// migrations returns the embedded migrations in order. Their numbers must
// run 1, 2, 3 … without a gap.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var out []migration
	for i, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		n, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil || n != i+1 {
			return nil, fmt.Errorf("store: migration %s is out of order", base)
		}
		b, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: n, sql: string(b)})
	}
	return out, nil
}

// SchemaVersion is the layout this code writes.
func SchemaVersion() int {
	ms, _ := migrations()
	return len(ms)
}

// found is what a look at the database found, before anything is written.
type found struct {
	empty   bool
	version int
	header  []byte
}

// inspect looks without writing: is the database empty, ours, of which
// schema, and encrypted how.
func inspect(ctx context.Context, q pgx.Tx) (found, error) {
	var f found
	var meta *string
	if err := q.QueryRow(ctx, `SELECT to_regclass('sipmote_meta')::text`).Scan(&meta); err != nil {
		return f, err
	}
	if meta == nil {
		// Another program's tables mean another program's database.
		var n int
		err := q.QueryRow(ctx, `SELECT count(*) FROM pg_catalog.pg_class c
			JOIN pg_catalog.pg_namespace ns ON ns.oid = c.relnamespace
			WHERE ns.nspname = current_schema() AND c.relkind IN ('r','v','m','p','S','f')`).Scan(&n)
		if err != nil {
			return f, err
		}
		if n > 0 {
			return f, ErrForeign
		}
		f.empty = true
		return f, nil
	}
	rows, err := q.Query(ctx, `SELECT key, value FROM sipmote_meta WHERE key IN ('app','schema','crypt')`)
	if err != nil {
		return f, err
	}
	vals := map[string][]byte{}
	for rows.Next() {
		var k string
		var v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return f, err
		}
		vals[k] = v
	}
	if err := rows.Err(); err != nil {
		return f, err
	}
	if string(vals[keyApp]) != appName {
		return f, ErrForeign
	}
	n, err := strconv.Atoi(string(vals[keySchema]))
	if err != nil || n < 1 {
		return f, fmt.Errorf("%w: schema version missing", store.ErrCorrupt)
	}
	if n > SchemaVersion() {
		return f, store.ErrNewerSchema
	}
	f.version, f.header = n, vals[keyCrypt]
	return f, nil
}

// prepare checks what is there, unlocks it, and only then makes or
// migrates the layout: a wrong passphrase or a foreign database leaves the
// database as it was.
func (d *DB) prepare(set store.Settings) error {
	ctx, cancel := context.WithTimeout(context.Background(), longTimeout)
	defer cancel()
	var f found
	err := pgx.BeginTxFunc(ctx, d.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		var err error
		f, err = inspect(ctx, tx)
		return err
	})
	if err != nil {
		if isOurs(err) || errors.Is(err, store.ErrNotSipmote) || errors.Is(err, store.ErrNewerSchema) {
			return fmt.Errorf("store: open %s: %w", d.path, err)
		}
		return d.wrap("open", err)
	}
	switch {
	case f.empty && set.ReadOnly:
		return fmt.Errorf("store: open %s: %w", d.path, ErrEmpty)
	case f.empty:
		if d.codec, err = set.NewCodec(); err != nil {
			return fmt.Errorf("store: open %s: %w", d.path, err)
		}
	default:
		if d.codec, err = store.UnlockCodec(f.header, set.Ask); err != nil {
			return fmt.Errorf("store: open %s: %w", d.path, err)
		}
	}
	if set.ReadOnly || (!f.empty && f.version == SchemaVersion()) {
		return nil
	}
	err = pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockMigrate); err != nil {
			return err
		}
		// Again under the lock: another program may have done it.
		g, err := inspect(ctx, tx)
		if err != nil {
			return err
		}
		if !g.empty && f.empty {
			// Made meanwhile by another program, with its own key.
			return errMadeMeanwhile
		}
		return d.migrate(ctx, tx, g)
	})
	if errors.Is(err, errMadeMeanwhile) {
		return d.prepare(set)
	}
	if err != nil {
		if isOurs(err) || errors.Is(err, store.ErrNotSipmote) || errors.Is(err, store.ErrNewerSchema) {
			return fmt.Errorf("store: open %s: %w", d.path, err)
		}
		return d.wrap("migrate", err)
	}
	return nil
}

var errMadeMeanwhile = errors.New("made meanwhile")

// migrate runs the migrations g lacks and notes the new version; a new
// database also gets its name and its key header.
func (d *DB) migrate(ctx context.Context, tx pgx.Tx, g found) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range ms[g.version:] {
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			return fmt.Errorf("schema %d: %w", m.version, err)
		}
		if m.version == schemaSummaryIndex && !g.empty {
			if err := d.upgradeSummaries(ctx, tx); err != nil {
				return fmt.Errorf("schema %d: %w", m.version, err)
			}
		}
	}
	put := `INSERT INTO sipmote_meta (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`
	if g.empty {
		header, err := d.codec.Header()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, put, keyApp, []byte(appName)); err != nil {
			return err
		}
		if header != nil {
			if _, err := tx.Exec(ctx, put, keyCrypt, header); err != nil {
				return err
			}
		}
	} else if g.version < len(ms) {
		d.migrated = g.version
	}
	_, err = tx.Exec(ctx, put, keySchema, []byte(strconv.Itoa(len(ms))))
	return err
}
