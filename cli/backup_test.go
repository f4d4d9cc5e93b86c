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
