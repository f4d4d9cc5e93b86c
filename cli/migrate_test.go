package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sipmote/sipmote/internal/pgtest"
	"github.com/sipmote/sipmote/internal/testkeys"
)

func TestMain(m *testing.M) {
	done := testkeys.Use()
	// The settings a command saves (the accessible mode stays on once
	// asked for) go to a folder of this run, never to the developer's
	// own config folder, where they would change the next real start.
	cfg, err := os.MkdirTemp("", "sipmote-cli-config-")
	if err != nil {
		panic(err)
	}
	if os.Getenv("SIPMOTE_CONFIG_DIR") == "" {
		os.Setenv("SIPMOTE_CONFIG_DIR", filepath.Join(cfg, "sipmote"))
	}
	code := pgtest.Main(m)
	removeFrameBins()
	os.RemoveAll(cfg)
	done()
	os.Exit(code)
}

// TestMigrateCommand: the demo plans go from a file to PostgreSQL, are
// listed and checked there, and a second migrate into it is refused. The
// password never reaches the screen.
func TestMigrateCommand(t *testing.T) {
	c := newCLI(t)
	c.ok("demo")
	dsn := pgtest.DSN(t)
	out := c.ok("migrate", c.db, dsn)
	for _, want := range []string{"3 planer", "kontrollerade och hela", "--db 'postgres://postgres@"} {
		if !strings.Contains(out, want) {
			t.Errorf("migrate does not say %q:\n%s", want, out)
		}
	}
	pg := &runner{t: t, db: dsn}
	if list := pg.ok("list"); !strings.Contains(list, "Maja Lind (exempel)") {
		t.Errorf("list on PostgreSQL:\n%s", list)
	}
	check := pg.ok("check")
	if !strings.Contains(check, "Databas (PostgreSQL)") || !strings.Contains(check, "Allt är i ordning") {
		t.Errorf("check on PostgreSQL:\n%s", check)
	}
	out, errOut, code := c.run("migrate", c.db, dsn, "--lang", "en")
	if code != 1 || !strings.Contains(errOut, "not empty") {
		t.Errorf("into a full database: exit %d\n%s%s", code, out, errOut)
	}
	for _, s := range []string{out, errOut, check} {
		if strings.Contains(s, pgtest.Password) {
			t.Errorf("the password is on the screen:\n%s", s)
		}
	}
}

// TestOldSchemaIsUpgradedWithMessage: a PostgreSQL database of an older
// sipmote is upgraded when opened, and the user is told.
func TestOldSchemaIsUpgradedWithMessage(t *testing.T) {
	dsn := pgtest.DSN(t)
	layout, err := os.ReadFile("../store/postgres/migrations/0001_layout.sql")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{string(layout), `INSERT INTO sipmote_meta VALUES ('app', 'sipmote'), ('schema', '1')`} {
		if _, err := c.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	c.Close(ctx)
	pg := &runner{t: t, db: dsn}
	_, errOut, code := pg.run("list")
	if code != 0 || !strings.Contains(errOut, "schema 1") || !strings.Contains(errOut, "uppgraderad") {
		t.Errorf("exit %d, standard error:\n%s", code, errOut)
	}
	if _, errOut, _ := pg.run("list"); strings.Contains(errOut, "uppgraderad") {
		t.Errorf("upgraded twice:\n%s", errOut)
	}
}

// TestCheckEmptyServerDatabase: check on an empty PostgreSQL database
// says so, in words about a database, and makes nothing in it.
func TestCheckEmptyServerDatabase(t *testing.T) {
	dsn := pgtest.DSN(t)
	pg := &runner{t: t, db: dsn}
	_, errOut, code := pg.run("check")
	if code != 1 || !strings.Contains(errOut, "databasen är tom") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var n int
	if err := c.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("check made %d tables (%v)", n, err)
	}
}
