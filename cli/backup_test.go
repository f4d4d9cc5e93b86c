package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBackupSaysItMadeTheFolder: a missing backup folder (and the folder of
// a restored file) is made private (0700) and the user is told so, in the
// language asked for; a folder that is there already is not mentioned.
func TestBackupSaysItMadeTheFolder(t *testing.T) {
	sealHome(t)
	key := keygen(t, filepath.Join(t.TempDir(), "backup"), "ed25519", "", "backup@x")
	c := newCLI(t)
	c.ok("demo")
	dir := filepath.Join(t.TempDir(), "kopior", "sip")
	out := c.ok("backup", dir, "--to", key+".pub")
	if want := "Skapade mappen " + dir + " (bara du kommer åt den)."; !strings.Contains(out, want) {
		t.Errorf("backup into a missing folder does not say %q:\n%s", want, out)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("the folder made: %v %v", st, err)
	}
	if i, j := strings.Index(out, "Skapade mappen"), strings.Index(out, "Säkerhetskopia sparad"); i < 0 || j < 0 || i > j {
		t.Errorf("the folder is not named before the backup:\n%s", out)
	}
	out = c.ok("backup", dir, "--to", key+".pub", "--lang", "en")
	if strings.Contains(out, "Created the folder") || strings.Contains(out, "Skapade") {
		t.Errorf("a folder already there is said to be made:\n%s", out)
	}
	other := filepath.Join(t.TempDir(), "new")
	if out := c.ok("backup", other, "--to", key+".pub", "--lang", "en"); !strings.Contains(out, "Created the folder "+other+" (only you can open it).") {
		t.Errorf("in English:\n%s", out)
	}

	// restore makes the new file's folder as well, and says so.
	backups, _ := filepath.Glob(filepath.Join(dir, "sipmote-backup-*.db.age"))
	if len(backups) == 0 {
		t.Fatal("no backup written")
	}
	into := filepath.Join(t.TempDir(), "återställd")
	newDB := filepath.Join(into, "sip.db")
	r := &runner{t: t, db: newDB}
	out = r.ok("restore", backups[0], newDB, "--identity", key)
	if want := "Skapade mappen " + into + " (bara du kommer åt den)."; !strings.Contains(out, want) || !strings.Contains(out, "kontrollen godkänd") {
		t.Errorf("restore into a missing folder does not say %q:\n%s", want, out)
	}
	if st, err := os.Stat(into); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("the folder restore made: %v %v", st, err)
	}
}

// TestRestoreOnAnotherComputer: a backup restores on a computer that did
// not write it, says that its records are now sealed with this computer's
// key, and checks whole there afterwards; a backup whose records mix this
// computer's key with another is refused with the reason, not only "does
// not pass the check".
func TestRestoreOnAnotherComputer(t *testing.T) {
	sealHome(t)
	key := keygen(t, filepath.Join(t.TempDir(), "backup"), "ed25519", "", "backup@x")
	first := filepath.Join(t.TempDir(), "keys-a")
	t.Setenv("SIPMOTE_KEY_DIR", first)
	c := newCLI(t)
	c.ok("demo")
	dir := filepath.Join(t.TempDir(), "kopior")
	c.ok("backup", dir, "--to", key+".pub")
	backups, _ := filepath.Glob(filepath.Join(dir, "sipmote-backup-*.db.age"))
	if len(backups) != 1 {
		t.Fatalf("backups: %v", backups)
	}

	t.Setenv("SIPMOTE_KEY_DIR", filepath.Join(t.TempDir(), "keys-b"))
	newDB := filepath.Join(t.TempDir(), "sip.db")
	r := &runner{t: t, db: newDB}
	out := r.ok("restore", backups[0], newDB, "--identity", key)
	if !strings.Contains(out, "kontrollen godkänd") || !strings.Contains(out, "skrevs på en annan dator") || !strings.Contains(out, "förseglade med din nyckel") {
		t.Errorf("restore on another computer:\n%s", out)
	}
	if out := r.ok("check", "--lang", "en"); !strings.Contains(out, "Everything is whole.") {
		t.Errorf("the restored file's check on the new computer:\n%s", out)
	}

	// The first computer's file, with a plan added on the second: its
	// backup, restored on the first, is a mix.
	c.ok("new", "--person", "Olle Sund")
	t.Setenv("SIPMOTE_KEY_DIR", filepath.Join(t.TempDir(), "keys-c"))
	c.ok("new", "--person", "Vera Sund")
	mixDir := filepath.Join(t.TempDir(), "blandat")
	c.ok("backup", mixDir, "--to", key+".pub")
	all, _ := filepath.Glob(filepath.Join(mixDir, "sipmote-backup-*.db.age"))
	t.Setenv("SIPMOTE_KEY_DIR", first)
	mixDB := filepath.Join(t.TempDir(), "mix.db")
	m := &runner{t: t, db: mixDB}
	_, e, code := m.run("restore", all[len(all)-1], mixDB, "--identity", key, "--lang", "en")
	if code != 1 || !strings.Contains(e, "does not pass the check (") || !strings.Contains(e, "sealed with another key or none beside") {
		t.Errorf("restore of a mix: exit %d\n%s", code, e)
	}
	if _, err := os.Stat(mixDB); !os.IsNotExist(err) {
		t.Errorf("a refused restore left the file: %v", err)
	}
}
