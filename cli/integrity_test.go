package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/internal/spoil"
)

// damageName flips a byte inside the stored plan record of the person
// named, as a failing disk would.
func damageName(t *testing.T, path, name string) { spoil.Name(t, path, name) }

func TestDamagedPlanIsNeverShown(t *testing.T) {
	c := newCLI(t)
	out := c.ok("demo", "--lang", "en")
	maja := strings.Fields(out)[0]
	damageName(t, c.db, "Maja")

	// Not exported as if whole: refused, by id, naming no one.
	o, e, code := c.run("export", maja, "--format", "md", "--lang", "en")
	if code == 0 || strings.Contains(o, "Maja") || !strings.Contains(e, maja) || strings.Contains(e, "Maja") {
		t.Errorf("export of a damaged plan: exit %d\n%s\n%s", code, o, e)
	}
	// Nothing more is written into the file.
	before, _ := os.ReadFile(c.db)
	_, e, code = c.run("new", "--person", "Ny Person", "--lang", "en")
	if code == 0 || !strings.Contains(e, "rescue") {
		t.Errorf("new into a damaged file: exit %d %s", code, e)
	}
	if after, _ := os.ReadFile(c.db); !bytes.Equal(before, after) {
		t.Errorf("the damaged file was written to")
	}
	// list shows no one: showing the names cannot be recorded in a file
	// that takes no more writes. It names the damage and the way out.
	o, e, code = c.run("list", "--lang", "en")
	if code == 0 || strings.Contains(o, "Maja") || strings.Contains(o, "Elias") || !strings.Contains(e, "trail") || !strings.Contains(e, "rescue") {
		t.Errorf("list: exit %d\n%s\n%s", code, o, e)
	}
	// check says what is wrong, and where.
	o, _, code = c.run("check", "--lang", "en")
	if code == 0 || !strings.Contains(o, "damaged plan: "+maja) || !strings.Contains(o, "File structure (pages, free pages and the order of keys): whole") {
		t.Errorf("check: exit %d\n%s", code, o)
	}
	// rescue copies what is whole (the other two demo plans); the new file takes writes.
	newDB := filepath.Join(t.TempDir(), "rescued.db")
	o = c.ok("rescue", newDB, "--lang", "en")
	if !strings.Contains(o, "damaged, not copied: plan "+maja) || !strings.Contains(o, "2 plans") {
		t.Errorf("rescue:\n%s", o)
	}
	c.db = newDB
	c.ok("new", "--person", "Ny Person")
	// Its home screen's first page was kept by every plan it was given.
	if o := c.ok("check", "--lang", "en"); !strings.Contains(o, "Everything is whole.") || !strings.Contains(o, "The home screen's first page: whole") {
		t.Errorf("check of the rescued file:\n%s", o)
	}
}

func TestForgedTrailIsFound(t *testing.T) {
	c := newCLI(t)
	id := strings.TrimSpace(c.ok("new", "--person", "Tora Test"))
	c.ok("export", id, "--format", "md")
	c.ok("export", id, "--format", "txt")
	// A forger edits the user name in the first event with a hex editor.
	// (bbolt keeps old copies of pages; change them all.)
	raw, _ := os.ReadFile(c.db)
	if !bytes.Contains(raw, []byte(`"kind":"created"`)) {
		t.Fatal("no created event in the file")
	}
	raw = bytes.ReplaceAll(raw, []byte(`"kind":"created"`), []byte(`"kind":"printed"`))
	os.WriteFile(c.db, raw, 0o600)
	o, _, code := c.run("check", "--lang", "en")
	if code == 0 || !strings.Contains(o, "BROKEN") {
		t.Errorf("check after a forgery: exit %d\n%s", code, o)
	}
}

func TestDatabasePathsNotOurs(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.db")
	c := newCLI(t)
	c.db = real
	c.ok("new", "--person", "A")

	// A symlink at the database path is refused.
	c.db = filepath.Join(dir, "link.db")
	os.Symlink(real, c.db)
	if _, e, code := c.run("list", "--lang", "en"); code == 0 || !strings.Contains(e, "symbolic link") || strings.Contains(e, "unexpected") {
		t.Errorf("symlink: exit %d %s", code, e)
	}

	// A loose folder of ours is made private, and the user is told.
	loose := filepath.Join(t.TempDir(), "loose")
	os.Mkdir(loose, 0o777)
	os.Chmod(loose, 0o777)
	c.db = filepath.Join(loose, "sip.db")
	_, e, code := c.run("new", "--person", "B", "--lang", "en")
	if st, _ := os.Stat(loose); code != 0 || st.Mode().Perm() != 0o700 || !strings.Contains(e, "now only you") {
		t.Errorf("loose folder: exit %d, mode %v, %q", code, st.Mode().Perm(), e)
	}

	if os.Geteuid() != 0 {
		t.Log("not root: the foreign-owner cases need chown")
		return
	}
	// A file of another user is refused.
	os.Chown(real, 4242, 4242)
	c.db = real
	if _, e, code := c.run("list", "--lang", "en"); code == 0 || !strings.Contains(e, "belongs to another user") {
		t.Errorf("foreign file: exit %d %s", code, e)
	}
	// A folder others may write in, not ours, is refused.
	theirs := filepath.Join(t.TempDir(), "theirs")
	os.Mkdir(theirs, 0o777)
	os.Chmod(theirs, 0o777)
	os.Chown(theirs, 4242, 4242)
	c.db = filepath.Join(theirs, "sip.db")
	if _, e, code := c.run("new", "--person", "B", "--lang", "en"); code == 0 || !strings.Contains(e, "not yours") {
		t.Errorf("foreign loose folder: exit %d %s", code, e)
	}
	if _, err := os.Stat(c.db); err == nil {
		t.Errorf("a database was created in a foreign loose folder")
	}
}

func TestEncryptCommand(t *testing.T) {
	c := newCLI(t)
	c.ok("new", "--person", "Gunnvor Qvarnström", "--pnr", "19121212-1212")
	in := "en lång lösenfras\nen lång lösenfras\n"
	var o, e bytes.Buffer
	if code := Run([]string{"encrypt", "--db", c.db, "--lang", "en"}, strings.NewReader(in), &o, &e); code != 0 {
		t.Fatalf("encrypt: %d %s", code, e.String())
	}
	raw, _ := os.ReadFile(c.db)
	for _, s := range []string{"Gunnvor", "Qvarnstr", "19121212"} {
		if bytes.Contains(raw, []byte(s)) {
			t.Errorf("the encrypted file holds %q", s)
		}
	}
	o.Reset()
	e.Reset()
	code := Run([]string{"list", "--db", c.db, "--lang", "en"}, strings.NewReader("fel lösenfras\n"), &o, &e)
	if code == 0 || !strings.Contains(e.String(), "passphrase is not right") || strings.Contains(o.String(), "Gunnvor") {
		t.Errorf("wrong passphrase: %d %q %q", code, o.String(), e.String())
	}
	o.Reset()
	if code := Run([]string{"list", "--db", c.db}, strings.NewReader("en lång lösenfras\n"), &o, &e); code != 0 || !strings.Contains(o.String(), "Gunnvor") {
		t.Errorf("right passphrase: %d %q", code, o.String())
	}
	// Never from an argument or the environment: no such flag exists.
	if code := Run([]string{"list", "--db", c.db, "--passphrase", "en lång lösenfras"}, strings.NewReader(""), &o, &e); code == 0 {
		t.Errorf("a --passphrase flag was accepted")
	}
}
