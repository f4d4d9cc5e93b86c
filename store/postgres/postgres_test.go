package postgres

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sipmote/sipmote/internal/pgtest"
	"github.com/sipmote/sipmote/internal/testkeys"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// The contract's own tests (store/contract_test.go) run against this
// engine and the file alike; these are what only a server has: other
// programs' databases, logins, networks, schemas and many programs at once.

func TestMain(m *testing.M) {
	// Check keeps the newest link it saw in the key folder: a test's own.
	done := testkeys.Use()
	code := pgtest.Main(m)
	done()
	os.Exit(code)
}

var testNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

func openT(t *testing.T, dsn string, opts ...store.Option) *DB {
	t.Helper()
	d, err := Open(dsn, append(opts, store.WithRecoveryDirs([]string{t.TempDir()}))...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// sql runs statements on dsn directly, as another program would.
func sql(t *testing.T, dsn string, stmts ...string) {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	for _, s := range stmts {
		if _, err := c.Exec(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func tables(t *testing.T, dsn string) []string {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	rows, _ := c.Query(ctx, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func TestForeignDatabaseIsRefusedUntouched(t *testing.T) {
	dsn := pgtest.DSN(t)
	sql(t, dsn, `CREATE TABLE invoices (id int PRIMARY KEY, total numeric)`)
	_, err := Open(dsn)
	if !errors.Is(err, store.ErrNotSipmote) {
		t.Fatalf("another program's database gave %v", err)
	}
	if got := strings.Join(tables(t, dsn), ","); got != "invoices" {
		t.Errorf("the database now has tables %s", got)
	}
	// A sipmote_meta of someone else's is not ours either.
	dsn2 := pgtest.DSN(t)
	sql(t, dsn2, `CREATE TABLE sipmote_meta (key text PRIMARY KEY, value bytea NOT NULL)`,
		`INSERT INTO sipmote_meta VALUES ('app', 'other')`)
	if _, err := Open(dsn2); !errors.Is(err, store.ErrNotSipmote) {
		t.Errorf("a meta table of another program gave %v", err)
	}
}

func TestBadLogins(t *testing.T) {
	dsn := pgtest.DSN(t)
	openT(t, dsn).Close()
	wrong := strings.Replace(dsn, ":"+pgtest.Password+"@", ":not-the-password@", 1)
	if wrong == dsn {
		if os.Getenv("CI") != "" {
			t.Fatal("the test server's address has no password to change")
		}
		t.Skip("the test server's address has no password to change")
	}
	start := time.Now()
	_, err := Open(wrong)
	if !errors.Is(err, ErrLogin) {
		t.Errorf("a wrong password gave %v", err)
	}
	if err != nil && strings.Contains(err.Error(), "not-the-password") {
		t.Errorf("the error shows the password: %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("a wrong password took %v", time.Since(start))
	}
	if _, err := Open(pgtest.WithDatabase(dsn, "no_such_db")); !errors.Is(err, ErrNoDatabase) {
		t.Errorf("a missing database gave %v", err)
	}
	if _, err := Open("postgres://%zz"); err == nil || strings.Contains(err.Error(), "%zz") {
		t.Errorf("an unreadable address gave %v", err)
	}
}

// TestUnreachableIsToldQuickly: no server on the port, and a server that
// never answers (an address that drops packets), each within 5 s.
func TestUnreachableIsToldQuickly(t *testing.T) {
	pgtest.Server(t)
	// A server that takes the connection and then says nothing.
	mute, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer mute.Close()
	go func() {
		for {
			c, err := mute.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	for _, dsn := range []string{
		"postgres://sipmote:secret@127.0.0.1:1/sipmote",
		// TEST-NET-1 (RFC 5737): nothing answers there.
		"postgres://sipmote:secret@192.0.2.1:5432/sipmote",
		"postgres://sipmote:secret@" + mute.Addr().String() + "/sipmote",
	} {
		start := time.Now()
		_, err := Open(dsn)
		took := time.Since(start)
		if !errors.Is(err, ErrUnreachable) {
			t.Errorf("%s gave %v", redactFor(dsn), err)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("the error shows the password: %v", err)
		}
		if took > 5*time.Second {
			t.Errorf("%s took %v to say so", redactFor(dsn), took)
		}
	}
}

func redactFor(dsn string) string { return strings.Replace(dsn, "secret", "***", 1) }

func TestSchemaVersions(t *testing.T) {
	// An old database (schema 1: before holds) is migrated, and says so.
	dsn := pgtest.DSN(t)
	ms, err := migrations()
	if err != nil || len(ms) < 2 {
		t.Fatalf("migrations: %d, %v", len(ms), err)
	}
	sql(t, dsn, ms[0].sql, `INSERT INTO sipmote_meta VALUES ('app', 'sipmote'), ('schema', '1')`)
	d := openT(t, dsn)
	if d.Migrated() != 1 {
		t.Errorf("Migrated = %d, want 1", d.Migrated())
	}
	if !strings.Contains(strings.Join(tables(t, dsn), ","), "sipmote_holds") {
		t.Error("the migration did not add the holds")
	}
	p := model.Demo(testNow)
	if _, err := d.Hold(p.ID); err != nil {
		t.Errorf("holding on the migrated database: %v", err)
	}
	ft, _ := d.FileTrail()
	if len(ft) != 1 || ft[0].Kind != store.TrailUpgraded {
		t.Errorf("the upgrade is not in the trail: %+v", ft)
	}
	d.Close()
	if d2 := openT(t, dsn); d2.Migrated() != 0 {
		t.Errorf("opened again, Migrated = %d", d2.Migrated())
	}

	// A newer one is refused and left as it is.
	dsn2 := pgtest.DSN(t)
	openT(t, dsn2).Close()
	sql(t, dsn2, `UPDATE sipmote_meta SET value = '99' WHERE key = 'schema'`)
	if _, err := Open(dsn2); !errors.Is(err, store.ErrNewerSchema) {
		t.Errorf("a newer schema gave %v", err)
	}
}

// TestServerSeesOnlyCiphertext reads every byte the server keeps of an
// encrypted database and finds no word typed: only ids and numbers.
func TestServerSeesOnlyCiphertext(t *testing.T) {
	kdf := &store.KDFParams{Time: 1, MemKiB: 64, Threads: 1}
	for _, enc := range []bool{false, true} {
		dsn := pgtest.DSN(t)
		var opts []store.Option
		if enc {
			opts = append(opts, store.WithNewPassphrase([]byte("lösen"), kdf))
		}
		d := openT(t, dsn, opts...)
		p := model.Demo(testNow)
		p.Person.Name = "Zebulon Qvist"
		if err := d.SavePlanLogged(p, store.TrailEvent{Kind: store.TrailCreated, Secretary: "Yngve Xander"}); err != nil {
			t.Fatal(err)
		}
		if err := d.SaveEditorDraft(p.ID, store.EditorDraft{Field: "needs", Text: "Zebulon vill"}); err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		c, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		var all []byte
		for _, q := range []string{
			`SELECT record FROM sipmote_plans`, `SELECT summary FROM sipmote_summaries`, `SELECT record FROM sipmote_drafts`,
			`SELECT record FROM sipmote_trail`, `SELECT value FROM sipmote_meta`,
		} {
			rows, _ := c.Query(ctx, q)
			bs, err := pgx.CollectRows(rows, pgx.RowTo[[]byte])
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, bytes.Join(bs, nil)...)
		}
		c.Close(ctx)
		for _, word := range []string{"Zebulon", "Qvist", "Yngve"} {
			if got := bytes.Contains(all, []byte(word)); got == enc {
				t.Errorf("encrypted=%v: %q in the server's bytes: %v", enc, word, got)
			}
		}
	}
}

// TestTamperIsFound: an event changed or removed on the server breaks the
// chain, and a plan record moved under another id does not open.
func TestTamperIsFound(t *testing.T) {
	dsn := pgtest.DSN(t)
	d := openT(t, dsn)
	a, b := model.Demo(testNow), model.Demo(testNow)
	b.ID = model.NewID()
	for _, p := range []*model.Plan{a, b} {
		if err := d.SavePlanLogged(p, store.TrailEvent{Kind: store.TrailCreated}); err != nil {
			t.Fatal(err)
		}
		for range 3 {
			if err := d.Log(p.ID, store.TrailEvent{Kind: store.TrailViewed, Section: "diff"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if rep, err := d.Check(); err != nil || !rep.OK() || rep.Events != 8 {
		t.Fatalf("check before = %+v, %v", rep, err)
	}
	if err := d.Writable(); err != nil {
		t.Errorf("Writable before any damage = %v", err)
	}
	sql(t, dsn, `DELETE FROM sipmote_trail WHERE file_seq = 3`)
	rep, err := d.Check()
	if err != nil || rep.OK() || len(rep.Breaks) == 0 {
		t.Fatalf("a removed event: check = %+v, %v", rep, err)
	}
	sql(t, dsn, `UPDATE sipmote_plans SET record = (SELECT record FROM sipmote_plans WHERE id = '`+b.ID+`') WHERE id = '`+a.ID+`'`)
	if _, err := d.LoadPlan(a.ID); !errors.Is(err, store.ErrDamagedRecord) {
		t.Errorf("a record moved to another id gave %v", err)
	}
	if err := d.Writable(); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("Writable after damage was found = %v, want ErrDamaged", err)
	}
	if err := d.SavePlan(b); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("a write after damage was found gave %v", err)
	}
}

// TestCutEndIsFound: the newest events deleted by hand leave a whole
// chain; the link the earlier check kept on this computer shows the cut,
// and an event written in their place afterwards shows as another one.
func TestCutEndIsFound(t *testing.T) {
	t.Setenv("SIPMOTE_KEY_DIR", filepath.Join(t.TempDir(), "keys"))
	dsn := pgtest.DSN(t)
	d := openT(t, dsn)
	p := model.Demo(testNow)
	if err := d.SavePlanLogged(p, store.TrailEvent{Kind: store.TrailCreated}); err != nil {
		t.Fatal(err)
	}
	for range 4 {
		if err := d.Log(p.ID, store.TrailEvent{Kind: store.TrailViewed, Section: "diff"}); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := d.Check()
	if err != nil || !rep.OK() || rep.Seen != nil || !rep.SeenKept {
		t.Fatalf("first check = %+v, %v", rep, err)
	}
	// More events since are no cut.
	if err := d.Log(p.ID, store.TrailEvent{Kind: store.TrailViewed, Section: "diff"}); err != nil {
		t.Fatal(err)
	}
	rep, err = d.Check()
	if err != nil || !rep.OK() || rep.Seen == nil || rep.Seen.Events != 5 {
		t.Fatalf("check after one more event = %+v, %v", rep, err)
	}
	sql(t, dsn, `DELETE FROM sipmote_trail WHERE file_seq >= (SELECT max(file_seq) - 1 FROM sipmote_trail)`)
	// A program of its own, as sipmote check would be.
	rep, err = openT(t, dsn, store.WithReadOnly()).Check()
	if err != nil || len(rep.Breaks) != 0 {
		t.Fatalf("check after the cut = %+v, %v", rep, err)
	}
	if rep.OK() || rep.CutOff != 2 || rep.SeenKept {
		t.Errorf("two newest events deleted: OK %v, CutOff %d, kept %v; want a cut of 2, not kept", rep.OK(), rep.CutOff, rep.SeenKept)
	}
	// An event written where the deleted ones were is not the one seen.
	for range 3 {
		if err := d.Log(p.ID, store.TrailEvent{Kind: store.TrailViewed, Section: "diff"}); err != nil {
			t.Fatal(err)
		}
	}
	rep, err = d.Check()
	if err != nil || rep.OK() || !rep.Rewritten || rep.CutOff != 0 {
		t.Errorf("new events in the cut's place: %+v, %v; want Rewritten", rep, err)
	}
}

// TestManyProgramsOneChain: several programs logging at once keep one
// whole chain.
func TestManyProgramsOneChain(t *testing.T) {
	dsn := pgtest.DSN(t)
	var dbs []*DB
	for range 3 {
		dbs = append(dbs, openT(t, dsn))
	}
	var wg sync.WaitGroup
	for i, d := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := model.Demo(testNow)
			p.ID = model.NewID()
			for j := range 10 {
				if err := d.SavePlanLogged(p, store.TrailEvent{Kind: store.TrailChanged, Section: "s"}); err != nil {
					t.Errorf("program %d, save %d: %v", i, j, err)
				}
			}
		}()
	}
	wg.Wait()
	rep, err := dbs[0].Check()
	if err != nil || !rep.OK() || rep.Events != 30 {
		t.Fatalf("check = %+v, %v", rep, err)
	}
}

// TestSnapshotIsAFile: a backup of the database is a whole sipmote file
// with the same plans and trail, checked whole.
func TestSnapshotIsAFile(t *testing.T) {
	d := openT(t, pgtest.DSN(t))
	for _, p := range model.DemoPlans(testNow) {
		if err := d.SavePlanLogged(p, store.TrailEvent{Kind: store.TrailCreated}); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	n, err := d.Snapshot(&buf)
	if err != nil || n != int64(buf.Len()) || n == 0 {
		t.Fatalf("Snapshot = %d, %v", n, err)
	}
	path := t.TempDir() + "/backup.db"
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	rep, err := store.Check(path)
	if err != nil || !rep.OK() || rep.Events != 3 {
		t.Fatalf("check of the snapshot: %+v, %v", rep, err)
	}
	want, _ := d.Check()
	if rep.Head != want.Head {
		t.Errorf("the snapshot's trail ends in %s, the database's in %s", rep.Head, want.Head)
	}
}
