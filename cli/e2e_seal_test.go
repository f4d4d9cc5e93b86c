package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The hand-over as users do it, with the built program in real terminals:
// a backup taken from another terminal while the program has the file
// open, a plan sealed with a passphrase-protected key (asked on the
// terminal), opened with a protected key, and a backup restored; without
// a terminal the protected key is refused.
func TestSealOnRealTerminals(t *testing.T) {
	needTool(t, "tmux")
	needTool(t, "ssh-keygen")
	bin := buildBinary(t)
	home := t.TempDir()
	os.MkdirAll(filepath.Join(home, ".ssh"), 0o700)
	keygen(t, filepath.Join(home, ".ssh", "id_ed25519"), "ed25519", "annas fras 1", "anna@kommun")
	dir := t.TempDir()
	per := keygen(t, filepath.Join(dir, "per"), "ed25519", "pers fras 2", "per@region")
	env := []string{"env", "HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config")}
	run := func(args ...string) (string, string, error) {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"))
		var o, e strings.Builder
		cmd.Stdout, cmd.Stderr = &o, &e
		err := cmd.Run()
		return o.String(), e.String(), err
	}
	// shell runs a command in a terminal and keeps the window after it.
	shell := func(args ...string) *tmux {
		line := strings.Join(append(env, args...), " ") + "; echo EXIT=$?; sleep 120"
		return startTmux(t, 100, 30, "sh", "-c", line)
	}
	dbA, dbB := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	if _, e, err := run("demo", "--db", dbA); err != nil {
		t.Fatalf("demo: %v %s", err, e)
	}
	ids, _, _ := run("list", "--json", "--db", dbA)
	id := ids[strings.Index(ids, `"id": "`)+7:][:8]

	// The program on the home screen has the file; a backup from another
	// terminal still works.
	screens := startTmux(t, 80, 24, append(env, bin, "--db", dbA)...)
	screens.waitFor("Planer", 30*time.Second)
	backups := filepath.Join(dir, "backups")
	o, e, err := run("backup", backups, "--to", per+".pub", "--db", dbA)
	if err != nil || !strings.Contains(o, "Säkerhetskopia sparad") {
		t.Fatalf("backup while the screens are open: %v %q %q", err, o, e)
	}

	// Sealing asks for the signing key's passphrase on the terminal.
	sealed := filepath.Join(dir, "plan.age")
	// Sealing needs the file itself: while the screens have it, it says
	// so at once, before any passphrase is asked.
	if _, e, err := run("seal", id, "--to", per+".pub", "-o", sealed, "--db", dbA); err == nil || !strings.Contains(e, "används redan") {
		t.Fatalf("seal while held: %v %q", err, e)
	}
	screens.keys("q")
	// The file is free once the screens have ended; under load that can
	// take more than a moment, so wait for it rather than guess.
	for end := time.Now().Add(30 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		if _, e, err := run("list", "--db", dbA); err == nil || !strings.Contains(e, "används redan") {
			break
		}
		if time.Now().After(end) {
			t.Fatal("the screens still hold the file 30 s after q")
		}
	}
	tm := shell(bin, "seal", id, "--to", per+".pub", "-o", sealed, "--db", dbA)
	tm.waitFor("Lösenfras för nyckeln", 30*time.Second)
	tm.keys("-l", "annas fras 1")
	tm.keys("Enter")
	s := tm.waitFor("EXIT=", 30*time.Second)
	if !strings.Contains(s, "Förseglad fil sparad") || !strings.Contains(s, "EXIT=0") || strings.Contains(s, "annas fras") {
		t.Fatalf("seal on a terminal:\n%s", s)
	}

	// Without a terminal the protected key is refused, and nothing is
	// written.
	if _, e, err := run("open", sealed, "--identity", per, "--db", dbB); err == nil || !strings.Contains(e, "ingen terminal") {
		t.Fatalf("open without a terminal: %v %q", err, e)
	}
	if _, err := os.Stat(dbB); err == nil {
		if n, _, _ := run("list", "--json", "--db", dbB); strings.Contains(n, `"id"`) {
			t.Fatal("a refused open wrote a plan")
		}
	}
	tm = shell(bin, "open", sealed, "--identity", per, "--db", dbB)
	tm.waitFor("Lösenfras för nyckeln", 30*time.Second)
	tm.keys("-l", "pers fras 2")
	tm.keys("Enter")
	s = tm.waitFor("EXIT=", 30*time.Second)
	if !strings.Contains(s, "Signerad av: en nyckel som INTE") || !strings.Contains(s, "anna@kommun") || !strings.Contains(s, "EXIT=0") {
		t.Fatalf("open on a terminal:\n%s", s)
	}

	// The backup taken while the screens were open restores into a file
	// that passes the check.
	files, _ := filepath.Glob(filepath.Join(backups, "sipmote-backup-*.db.age"))
	if len(files) != 1 {
		t.Fatalf("backups %v", files)
	}
	restored := filepath.Join(dir, "restored.db")
	tm = shell(bin, "restore", files[0], restored, "--identity", per)
	tm.waitFor("Lösenfras för nyckeln", 30*time.Second)
	tm.keys("-l", "pers fras 2")
	tm.keys("Enter")
	if s := tm.waitFor("EXIT=", 30*time.Second); !strings.Contains(s, "kontrollen godkänd") || !strings.Contains(s, "EXIT=0") {
		t.Fatalf("restore:\n%s", s)
	}
	if o, e, err := run("check", "--db", restored); err != nil {
		t.Fatalf("check of the restored file: %v %s %s", err, o, e)
	}
}
