package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissingDatabaseIsNotCreated: a command that reads plans refuses a
// database file that is not there, says so, and creates neither the file
// nor its folders, so a mistyped --db is never shown as "no plans yet".
// new and demo create it and say so.
func TestMissingDatabaseIsNotCreated(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "nonexistent", "dir", "x.db")
	for _, args := range [][]string{
		{"list"}, {"findings", "abc"}, {"export", "abc", "--format", "md"}, {"print", "abc"},
		{"copies", "abc"}, {"summons", "abc"}, {"due"}, {"diff", "abc"}, {"trail"}, {"trail", "abc"},
		{"meeting", "abc"}, {"close", "abc", "--reason", "other"},
	} {
		var o, e bytes.Buffer
		code := Run(append(args, "--db", typo), strings.NewReader(""), &o, &e)
		if code == 0 || !strings.Contains(e.String(), "databasen "+typo+" finns inte") || !strings.Contains(e.String(), "inget skapades") {
			t.Errorf("%v on a missing file: exit %d, stdout %q, stderr %q", args, code, o.String(), e.String())
		}
		if _, err := os.Stat(filepath.Join(dir, "nonexistent")); err == nil {
			t.Fatalf("%v created the folders of a missing database", args)
		}
	}
	var o, e bytes.Buffer
	if code := Run([]string{"list", "--db", typo, "--lang", "en"}, strings.NewReader(""), &o, &e); code == 0 || !strings.Contains(e.String(), "the database "+typo+" does not exist") {
		t.Errorf("--lang en: exit %d, %q", code, e.String())
	}
	// The default place, before anything made it: the message says how
	// a database comes to be.
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("SIPMOTE_DB", "")
	o.Reset()
	e.Reset()
	if code := Run([]string{"list"}, strings.NewReader(""), &o, &e); code == 0 || !strings.Contains(e.String(), "det finns ingen databas ännu") {
		t.Errorf("list with no database yet: exit %d, %q", code, e.String())
	}
	for _, args := range [][]string{{"new", "--person", "Nora Ny"}, {"demo"}} {
		db := filepath.Join(t.TempDir(), args[0]+".db")
		o.Reset()
		e.Reset()
		if code := Run(append(args, "--db", db), strings.NewReader(""), &o, &e); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, e.String())
		}
		if !strings.Contains(e.String(), "en ny databas skapades:\n  "+db) {
			t.Errorf("%v does not say it created the database: %q", args, e.String())
		}
		if _, err := os.Stat(db); err != nil {
			t.Errorf("%v made no database: %v", args, err)
		}
		if args[0] == "demo" {
			// import makes a database too: a plan from a file goes
			// into a new one.
			js := filepath.Join(t.TempDir(), "plan.json")
			id := strings.Fields(strings.Split(runOn(t, db, "list"), "\n")[1])[0]
			if err := os.WriteFile(js, []byte(runOn(t, db, "export", id, "--format", "json")), 0o600); err != nil {
				t.Fatal(err)
			}
			into := filepath.Join(t.TempDir(), "sip.db")
			o.Reset()
			e.Reset()
			if code := Run([]string{"import", js, "--db", into}, strings.NewReader(""), &o, &e); code != 0 || !strings.Contains(e.String(), "en ny databas skapades:\n  "+into) {
				t.Errorf("import into a new database: exit %d, %q", code, e.String())
			}
		}
		// Once there, nothing more is said about creating it.
		o.Reset()
		e.Reset()
		if code := Run([]string{"list", "--db", db}, strings.NewReader(""), &o, &e); code != 0 || e.String() != "" {
			t.Errorf("list after %v: exit %d, %q", args, code, e.String())
		}
	}
}

// runOn runs a command on db and returns its output, failing t if it fails.
func runOn(t *testing.T, db string, args ...string) string {
	t.Helper()
	r := &runner{t: t, db: db}
	return r.ok(args...)
}

// A database the user names (--db, SIPMOTE_DB) in a folder that is not
// there is not made: every command that could make one refuses, names the
// folder, and makes neither it nor the file, so a mistyped folder is not
// shown as a new, empty list of plans. Only sipmote's own default folder
// is made without asking.
func TestNewDatabaseNotMadeInMissingFolder(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "plan.json")
	seed := filepath.Join(dir, "seed.db")
	runOn(t, seed, "new", "--person", "Saga Sökväg")
	id := strings.Fields(strings.Split(runOn(t, seed, "list"), "\n")[1])[0]
	if err := os.WriteFile(js, []byte(runOn(t, seed, "export", id, "--format", "json")), 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "plnaer")
	typo := filepath.Join(missing, "sip.db")
	for _, args := range [][]string{{}, {"new", "--person", "Nora Ny"}, {"demo"}, {"import", js}} {
		var o, e bytes.Buffer
		code := Run(append(args, "--db", typo), strings.NewReader(""), &o, &e)
		if code == 0 || !strings.Contains(e.String(), "mappen "+missing+" finns inte, så databasen "+typo+" skapas inte") ||
			!strings.Contains(e.String(), "Inget skapades.") {
			t.Errorf("%v in a missing folder: exit %d, stdout %q, stderr %q", args, code, o.String(), e.String())
		}
		o.Reset()
		e.Reset()
		code = Run(append(args, "--db", typo, "--lang", "en"), strings.NewReader(""), &o, &e)
		if code == 0 || !strings.Contains(e.String(), "the folder "+missing+" does not exist, so the database "+typo+" is not created") {
			t.Errorf("%v --lang en in a missing folder: exit %d, stderr %q", args, code, e.String())
		}
		if _, err := os.Stat(missing); !os.IsNotExist(err) {
			t.Fatalf("%v made the missing folder: %v", args, err)
		}
	}
	t.Setenv("SIPMOTE_DB", typo)
	var o, e bytes.Buffer
	if code := Run([]string{"demo"}, strings.NewReader(""), &o, &e); code == 0 || !strings.Contains(e.String(), "mappen "+missing+" finns inte") {
		t.Errorf("SIPMOTE_DB in a missing folder: exit %d, %q", code, e.String())
	}
	// The default place is sipmote's own: its folder is made.
	t.Setenv("SIPMOTE_DB", "")
	t.Setenv("XDG_DATA_HOME", filepath.Join(t.TempDir(), "data"))
	o.Reset()
	e.Reset()
	if code := Run([]string{"new", "--person", "Dag Standard"}, strings.NewReader(""), &o, &e); code != 0 || !strings.Contains(e.String(), "en ny databas skapades") {
		t.Errorf("new in the default place: exit %d, %q", code, e.String())
	}
}
