// Package postgres is sipmote's second store engine: one PostgreSQL
// database that many programs use at once, for a municipality whose
// coordinators share plans over years. It meets the same contract as the
// bbolt file (store.Store) and keeps the same promises: every record goes
// through store's record codec, so checksums, encryption at rest (the
// server sees ciphertext and ids) and the trail's chains are the file's;
// a plan's write and its trail event share one transaction.
//
// What a shared database adds is holds (holds.go): a plan open in a
// meeting belongs to that program until it lets go or stops renewing.
//
// Errors carry no personal data and never the password.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/sipmote/sipmote/store"
)

// IsAddress tells whether a --db value names a PostgreSQL database rather
// than a bbolt file.
func IsAddress(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Errors of reaching the server. None holds the password.
var (
	// ErrUnreachable: no answer from the server in time, or no server.
	ErrUnreachable = errors.New("the database server cannot be reached")
	// ErrLogin: the server refused the user name or password (a
	// *LoginError says where the password came from).
	ErrLogin = errors.New("the database server refused the login")
	// ErrNoDatabase: the server has no database of that name.
	ErrNoDatabase = errors.New("the database server has no database of that name")
	// ErrEmpty: a read-only command (check) found no sipmote tables: the
	// database is empty, and is left so.
	ErrEmpty = errors.New("the database holds no sipmote plans yet")
	// ErrForeign: the database holds another program's tables. It is
	// store.ErrNotSipmote too.
	ErrForeign = fmt.Errorf("the database holds another program's tables: %w", store.ErrNotSipmote)
)

// Timeouts. An operation of a meeting (a save, a read) gives up after
// opTimeout so that a screen hears of a lost server within seconds; the
// Saver tries again. Whole-database work (check, migrate) gets longer.
const (
	connectTimeout = 4 * time.Second
	opTimeout      = 4 * time.Second
	longTimeout    = 10 * time.Minute
)

// DB is an open sipmote database on PostgreSQL. Safe for concurrent use.
type DB struct {
	pool     *pgxpool.Pool
	codec    *store.Codec
	path     string // the address without the password
	identity string // the address without user and password
	site     *store.RecoverySite
	readOnly bool
	// conn is what the address says of the login and TLS, to say why a
	// connection was refused (connerr.go).
	conn connInfo
	// migrated is the schema Open found when it upgraded it, else 0.
	migrated int

	damage damage
	holds  holds
	// down is when the server was last found unreachable (UnixNano).
	down atomic.Int64
}

// downFor is how long after the server was found unreachable an
// operation fails at once rather than wait opTimeout again: closing a
// meeting makes several (the last save, the trail, letting go of the
// plan), and the user should not wait for each in turn.
const downFor = 3 * time.Second

// stillDown returns ErrUnreachable, wrapped for op, while the server was
// found unreachable less than downFor ago.
func (d *DB) stillDown(op string) error {
	if t := d.down.Load(); t != 0 && time.Since(time.Unix(0, t)) < downFor {
		return fmt.Errorf("store: %s %s: %w", op, d.path, ErrUnreachable)
	}
	return nil
}

// Open connects to the database at dsn (postgres://…), makes its layout
// when it is empty, migrates an older one and unlocks an encrypted one.
// It refuses, without writing anything, a database that holds another
// program's tables (store.ErrNotSipmote), one of a newer sipmote
// (store.ErrNewerSchema) and a wrong passphrase (store.ErrPassphrase).
func Open(dsn string, opts ...store.Option) (*DB, error) {
	set := store.ReadSettings(opts...)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// The parse error may quote the address, password and all.
		return nil, parseError(err)
	}
	cfg.ConnConfig.ConnectTimeout = connectTimeout
	cfg.MaxConns = 8
	if cfg.ConnConfig.RuntimeParams == nil {
		cfg.ConnConfig.RuntimeParams = map[string]string{}
	}
	cfg.ConnConfig.RuntimeParams["application_name"] = "sipmote"
	d := &DB{path: redact(cfg.ConnConfig, true), identity: redact(cfg.ConnConfig, false), readOnly: set.ReadOnly, conn: readConnInfo(dsn, cfg)}
	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout+time.Second)
	defer cancel()
	if d.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, d.wrap("open", err)
	}
	if err := d.pool.Ping(ctx); err != nil {
		d.pool.Close()
		return nil, d.wrap("open", err)
	}
	if err := d.prepare(set); err != nil {
		d.pool.Close()
		return nil, err
	}
	dirs := set.RecoveryDirs
	if dirs == nil {
		dirs = laptopRecoveryDirs()
	}
	d.site = store.NewRecoverySite(d.identity, d.codec, dirs)
	d.holds.init(d)
	if d.migrated > 0 {
		// Who upgraded the layout, and when, is the database's own event.
		e := store.TrailEvent{Kind: store.TrailUpgraded, Section: fmt.Sprintf("schema-%d-%d", d.migrated, SchemaVersion())}
		if err := d.LogFile(e); err != nil {
			d.Close()
			return nil, err
		}
	}
	return d, nil
}

// laptopRecoveryDirs are the usual recovery folders of this user: the
// database is on a server, so the folder of the default file stands in
// for "beside the database".
func laptopRecoveryDirs() []string {
	if p, err := store.DefaultPath(); err == nil {
		return store.RecoveryDirs(p)
	}
	return store.RecoveryDirs(filepath.Join(".", "sipmote.db"))
}

// Redact is dsn without its password, to show: the password stays out of
// every message, hint and trail. The rest is kept as the user wrote it,
// query parameters too (an address told back without its
// sslmode=verify-full would lower the user's guard if used). What cannot
// be read is shown as a placeholder.
func Redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && IsAddress(dsn) {
		if u.User != nil {
			u.User = url.User(u.User.Username())
		}
		var keep []string
		for _, kv := range strings.Split(u.RawQuery, "&") {
			k, _, _ := strings.Cut(kv, "=")
			if k, err := url.QueryUnescape(k); kv == "" || err != nil || strings.Contains(strings.ToLower(k), "password") {
				continue
			}
			keep = append(keep, kv)
		}
		u.RawQuery, u.Fragment, u.RawFragment = strings.Join(keep, "&"), "", ""
		return u.String()
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return "postgres://…"
	}
	return redact(cfg, true)
}

// redact writes the address back without the password, and without the
// user when withUser is false.
func redact(c *pgx.ConnConfig, withUser bool) string {
	u := url.URL{Scheme: "postgres", Host: net.JoinHostPort(c.Host, strconv.Itoa(int(c.Port))), Path: "/" + c.Database}
	if strings.HasPrefix(c.Host, "/") {
		u.Host = ""
		u.RawQuery = "host=" + url.QueryEscape(c.Host)
	}
	if withUser && c.User != "" {
		u.User = url.User(c.User)
	}
	return u.String()
}

// wrap names what failed and turns the driver's errors into ours. The
// driver's own text is dropped when it may hold the address.
func (d *DB) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	c := d.conn.explain(classify(err))
	if errors.Is(c, ErrUnreachable) {
		d.down.Store(time.Now().UnixNano())
	}
	return fmt.Errorf("store: %s %s: %w", op, d.path, c)
}

// Path names the database: its address without the password.
func (d *DB) Path() string { return d.path }

// Engine is "postgres".
func (d *DB) Engine() string { return "postgres" }

// Encrypted tells whether records are sealed with a passphrase's key.
func (d *DB) Encrypted() bool { return d.codec.Encrypted() }

// Codec is the database's record codec.
func (d *DB) Codec() *store.Codec { return d.codec }

// Tightened is always "": there is no folder to make private.
func (d *DB) Tightened() string { return "" }

// Migrated is the schema version Open found and upgraded, 0 when it did
// not need to, so that the program can say it did.
func (d *DB) Migrated() int { return d.migrated }

// Close lets go of every hold and the connections.
func (d *DB) Close() error {
	d.holds.releaseAll()
	d.pool.Close()
	return nil
}

// op is the context of one operation of a meeting.
func op() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), opTimeout)
}

// write runs fn in one transaction, and reports a failure to commit as a
// *store.SaveError, as the file does for a full disk: the Saver tries
// again and the screen says the text is not saved yet. A database found
// damaged, or opened read-only, is not written to.
func (d *DB) write(fn func(ctx context.Context, tx pgx.Tx) error) error {
	if d.damage.any() {
		return store.ErrDamaged
	}
	if d.readOnly {
		return store.ErrReadOnly
	}
	if err := d.stillDown("save"); err != nil {
		return &store.SaveError{Err: err}
	}
	ctx, cancel := op()
	defer cancel()
	err := pgx.BeginFunc(ctx, d.pool, func(tx pgx.Tx) error { return fn(ctx, tx) })
	if err == nil {
		return nil
	}
	if isOurs(err) {
		return err
	}
	return &store.SaveError{Err: d.wrap("save", err)}
}

// isOurs tells an error of the store's own rules (a closed plan, a bad
// event, a damaged record) from one of the server.
func isOurs(err error) bool {
	for _, e := range []error{store.ErrClosedPlan, store.ErrBadEvent, store.ErrNoID, store.ErrCorrupt, store.ErrDamaged} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// read runs fn in a read-only transaction, so that what it reads is one
// moment of the database.
func (d *DB) read(fn func(ctx context.Context, tx pgx.Tx) error) error {
	if err := d.stillDown("read"); err != nil {
		return err
	}
	ctx, cancel := op()
	defer cancel()
	err := pgx.BeginTxFunc(ctx, d.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead},
		func(tx pgx.Tx) error { return fn(ctx, tx) })
	if err != nil && !isOurs(err) && !errors.Is(err, store.ErrNotFound) && !errors.Is(err, store.ErrAmbiguous) {
		return d.wrap("read", err)
	}
	return err
}

// damage is what reads found damaged; while it is not empty nothing is
// written, as with the file.
type damage struct {
	mu    sync.Mutex
	plans map[string]bool
	other int
}

func (g *damage) mark(plan string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if plan == "" || plan == store.FileTrailOwner {
		g.other++
		return
	}
	if g.plans == nil {
		g.plans = map[string]bool{}
	}
	g.plans[plan] = true
}

func (g *damage) any() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.plans) > 0 || g.other > 0
}

// Damaged names the plans with a damaged record found so far, and counts
// the other damaged records.
func (d *DB) Damaged() (plans []string, other int) {
	d.damage.mu.Lock()
	defer d.damage.mu.Unlock()
	for id := range d.damage.plans {
		plans = append(plans, id)
	}
	slices.Sort(plans)
	return plans, d.damage.other
}

// Writable is nil while write would write, and otherwise its refusal.
func (d *DB) Writable() error {
	switch {
	case d.damage.any():
		return store.ErrDamaged
	case d.readOnly:
		return store.ErrReadOnly
	}
	return nil
}

var _ store.Store = (*DB)(nil)
