package cli

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/internal/pgtest"
)

// TestServerRefusalsSayWhy: the README's way (no password in --db, a
// ~/.pgpass line, sslmode=verify-full) refused by the server is told by
// its cause: no ~/.pgpass line points at ~/.pgpass, not at --db; a server
// without TLS is not "cannot be reached".
func TestServerRefusalsSayWhy(t *testing.T) {
	dsn := pgtest.DSN(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := u.User.Password(); !ok {
		t.Fatal("the test server's address has no password")
	}
	u.User = url.User(u.User.Username())
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("PGPASSFILE", "")
	t.Setenv("PGPASSWORD", "")
	os.Unsetenv("PGPASSFILE")
	os.Unsetenv("PGPASSWORD")
	pg := &runner{t: t, db: u.String()}
	entry := u.Hostname() + ":" + u.Port() + ":" + strings.TrimPrefix(u.Path, "/") + ":" + u.User.Username()
	for _, tc := range []struct{ lang, want string }{
		{"sv", "det finns inget i ~/.pgpass för " + entry + ". Lägg till raden " + entry + ":LÖSENORD där och gör filen privat (chmod 600 ~/.pgpass)"},
		{"en", "~/.pgpass has none for " + entry + ". Add the line " + entry + ":PASSWORD there and make the file private (chmod 600 ~/.pgpass)"},
	} {
		_, errOut, code := pg.run("list", "--lang", tc.lang)
		if code != 1 || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "i adressen") || strings.Contains(errOut, "in the address") {
			t.Errorf("%s, no ~/.pgpass: exit %d, want %q:\n%s", tc.lang, code, tc.want, errOut)
		}
	}
	if err := os.WriteFile(filepath.Join(home, ".pgpass"), []byte(entry+":not-it\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, _ := pg.run("list", "--lang", "en"); !strings.Contains(errOut, "does not accept the password for "+u.User.Username()+" in ~/.pgpass") {
		t.Errorf("a wrong password in ~/.pgpass:\n%s", errOut)
	}
	q := u.Query()
	q.Set("sslmode", "verify-full")
	u.RawQuery = q.Encode()
	pg.db = u.String()
	for _, tc := range []struct{ lang, want string }{
		{"sv", "databasservern svarar men erbjuder ingen krypterad anslutning (TLS), och adressen kräver en (sslmode=verify-full)"},
		{"en", "the database server answers but offers no encrypted connection (TLS), which the address requires (sslmode=verify-full)"},
	} {
		_, errOut, code := pg.run("list", "--lang", tc.lang)
		if code != 1 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s, a server without TLS: exit %d, want %q:\n%s", tc.lang, code, tc.want, errOut)
		}
	}
}

// TestMigrateTellsTheWholeAddress: migrate's last line gives the address
// to use as the user wrote it, query parameters and all, without the
// password, quoted for the shell.
func TestMigrateTellsTheWholeAddress(t *testing.T) {
	c := newCLI(t)
	c.ok("demo")
	dsn := pgtest.DSN(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.RawQuery = "sslmode=disable&application_name=sipmote_migrate"
	out := c.ok("migrate", c.db, u.String(), "--lang", "en")
	u.User = url.User(u.User.Username())
	want := "Use the new one with --db '" + u.String() + "'."
	if !strings.Contains(out, want) {
		t.Errorf("migrate does not say %q:\n%s", want, out)
	}
	if strings.Contains(out, pgtest.Password) {
		t.Errorf("the password is on the screen:\n%s", out)
	}
}
