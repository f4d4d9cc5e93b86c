package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sipmote/sipmote/internal/pgtest"
)

// pgExec runs statements on dsn directly, as someone at the server would.
func pgExec(t *testing.T, dsn string, stmts ...string) {
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

// TestCheckFindsCutTrailOnPostgres: the newest trail events deleted on
// the server by hand leave a whole chain; check compares its end with
// the link the earlier check on this computer kept, as for a file, and
// says so in both languages.
func TestCheckFindsCutTrailOnPostgres(t *testing.T) {
	t.Setenv("SIPMOTE_KEY_DIR", filepath.Join(t.TempDir(), "keys"))
	dsn := pgtest.DSN(t)
	c := newCLI(t)
	c.ok("demo")
	c.ok("migrate", c.db, dsn)
	pg := &runner{t: t, db: dsn}
	// migrate checked the new database and kept its link.
	if first := pg.ok("check"); !strings.Contains(first, "Åtkomstloggens slut: i ordning (inget borttaget sedan kontrollen") {
		t.Errorf("the check after migrate does not compare the end:\n%s", first)
	}
	if again := pg.ok("check", "--lang", "en"); !strings.Contains(again, "The trail's end: whole (nothing removed since the check of") {
		t.Errorf("the second check does not compare the end:\n%s", again)
	}
	pgExec(t, dsn, `DELETE FROM sipmote_trail WHERE file_seq >= (SELECT max(file_seq) - 2 FROM sipmote_trail)`)
	for _, tc := range []struct{ lang, want string }{
		{"sv", "Åtkomstloggens slut: FEL: 3 av de senaste händelserna har tagits bort sedan kontrollen"},
		{"en", "The trail's end: BROKEN: 3 of the newest events were removed since the check of"},
	} {
		out, _, code := pg.run("check", "--lang", tc.lang)
		if code != 1 || !strings.Contains(out, tc.want) {
			t.Errorf("%s: exit %d, want %q:\n%s", tc.lang, code, tc.want, out)
		}
	}
	// On another computer (key folder) the chain left is what it sees
	// first; one event cut after that is told in the singular.
	t.Setenv("SIPMOTE_KEY_DIR", filepath.Join(t.TempDir(), "keys"))
	pg.ok("check")
	pgExec(t, dsn, `DELETE FROM sipmote_trail WHERE file_seq = (SELECT max(file_seq) FROM sipmote_trail)`)
	if out, _, code := pg.run("check", "--lang", "en"); code != 1 || !strings.Contains(out, "The trail's end: BROKEN: 1 of the newest events was removed since the check of") {
		t.Errorf("one event cut: exit %d:\n%s", code, out)
	}
}
