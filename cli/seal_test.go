package cli

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/pgtest"
	"github.com/sipmote/sipmote/service"
)

// sealHome gives the test a home of its own, with the sender's key at
// ~/.ssh/id_ed25519 (made by ssh-keygen), and returns it.
func sealHome(t *testing.T) string {
	t.Helper()
	needTool(t, "ssh-keygen")
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	os.MkdirAll(filepath.Join(home, ".ssh"), 0o700)
	keygen(t, filepath.Join(home, ".ssh", "id_ed25519"), "ed25519", "", "anna@kommun")
	return home
}

func keygen(t *testing.T, path, typ, pass, comment string) string {
	t.Helper()
	args := []string{"-q", "-t", typ, "-N", pass, "-C", comment, "-f", path}
	if typ == "rsa" {
		args = append(args, "-b", "2048")
	}
	if out, err := exec.Command("ssh-keygen", args...).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v %s", err, out)
	}
	return path
}

func firstID(t *testing.T, c *runner) string {
	t.Helper()
	var rows []struct{ ID string }
	if err := json.Unmarshal([]byte(c.ok("list", "--json")), &rows); err != nil || len(rows) == 0 {
		t.Fatalf("list: %v %v", rows, err)
	}
	return rows[0].ID
}

func planCount(t *testing.T, c *runner) int {
	t.Helper()
	var rows []struct{ ID string }
	if err := json.Unmarshal([]byte(c.ok("list", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

func TestSealAndOpenBetweenTwoDatabases(t *testing.T) {
	needTool(t, "age")
	home := sealHome(t)
	per := keygen(t, filepath.Join(t.TempDir(), "per"), "ed25519", "", "per@region")
	from, to := newCLI(t), newCLI(t)
	from.ok("demo")
	id := firstID(t, from)
	file := filepath.Join(t.TempDir(), "plan.age")
	out := from.ok("seal", id[:8], "--to", per+".pub", "-o", file)
	if !strings.Contains(out, "per@region") || !strings.Contains(out, "anna@kommun") {
		t.Errorf("seal says %q", out)
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("sealed file: %v %v", st, err)
	}
	// Never over a file.
	if _, e, code := from.run("seal", id[:8], "--to", per+".pub", "-o", file); code != 1 || !strings.Contains(e, "finns redan") {
		t.Errorf("sealed over a file: %d %q", code, e)
	}
	if trail := from.ok("trail", id[:8]); !strings.Contains(trail, "förseglad") {
		t.Errorf("the sender's trail: %s", trail)
	}
	// The real age tool opens it.
	plain, err := exec.Command("age", "-d", "-i", per, file).Output()
	if err != nil || !strings.Contains(string(plain), `"sipmote-sealed"`) || !strings.Contains(string(plain), "BEGIN SSH SIGNATURE") {
		t.Fatalf("age -d: %v", err)
	}
	// The sender's own key cannot open it: it is for Per.
	if _, e, code := to.run("open", file); code != 1 || !strings.Contains(e, "någon annan") {
		t.Errorf("opened with the wrong key: %d %q", code, e)
	}
	if _, err := os.Stat(to.db); !os.IsNotExist(err) {
		t.Fatalf("a refused open made the database: %v", err)
	}
	// Per knows Anna's key: open names her as his list does.
	annaPub, _ := os.ReadFile(filepath.Join(home, ".ssh", "id_ed25519.pub"))
	os.MkdirAll(filepath.Join(home, ".config", "sipmote"), 0o700)
	os.WriteFile(filepath.Join(home, ".config", "sipmote", "recipients"), []byte("Anna Berg, LSS "+string(annaPub)), 0o600)
	o, e, code := to.run("open", file, "--identity", per, "--lang", "en")
	if code != 0 {
		t.Fatalf("open: %d %s", code, e)
	}
	fp, _ := exec.Command("ssh-keygen", "-l", "-f", filepath.Join(home, ".ssh", "id_ed25519.pub")).Output()
	if !strings.Contains(e, "Signed by: Anna Berg, LSS in your recipients list — "+strings.Fields(string(fp))[1]+" (anna@kommun)") {
		t.Errorf("open says %q; ssh-keygen -l says %q", e, fp)
	}
	newID := strings.TrimSpace(o)
	if newID == id || len(newID) != 36 {
		t.Errorf("new id %q", newID)
	}
	if trail := to.ok("trail", newID, "--lang", "en"); !strings.Contains(trail, "[sender's trail] created") || !strings.Contains(trail, "sealed file") {
		t.Errorf("the receiver's trail: %s", trail)
	}
	to.ok("check")
}

func TestOpenWhatAgeEncrypted(t *testing.T) {
	needTool(t, "age")
	sealHome(t)
	per := keygen(t, filepath.Join(t.TempDir(), "per"), "ed25519", "", "per@region")
	from, to := newCLI(t), newCLI(t)
	from.ok("demo")
	dir := t.TempDir()
	export := filepath.Join(dir, "plan.json")
	from.ok("export", firstID(t, from)[:8], "--format", "json", "-o", export)
	sealed := filepath.Join(dir, "plan.json.age")
	if out, err := exec.Command("age", "-R", per+".pub", "-o", sealed, export).CombinedOutput(); err != nil {
		t.Fatalf("age: %v %s", err, out)
	}
	_, e, code := to.run("open", sealed, "--identity", per)
	if code != 0 || !strings.Contains(e, "OSIGNERAD") {
		t.Fatalf("open: %d %q", code, e)
	}
	if planCount(t, to) != 1 {
		t.Fatal("no plan")
	}
	// Cut short: refused, nothing written.
	raw, _ := os.ReadFile(sealed)
	cut := filepath.Join(dir, "cut.age")
	os.WriteFile(cut, raw[:len(raw)-20], 0o600)
	if _, e, code := to.run("open", cut, "--identity", per, "--lang", "en"); code != 1 || !strings.Contains(e, "cut short") {
		t.Errorf("cut file: %d %q", code, e)
	}
	if planCount(t, to) != 1 {
		t.Fatal("a cut file wrote a plan")
	}
}

// Bad keys and lists each get a message of their own, in either language,
// and nothing is written.
func TestSealBadInput(t *testing.T) {
	home := sealHome(t)
	dir := t.TempDir()
	rsa := keygen(t, filepath.Join(dir, "rsa"), "rsa", "", "old@x")
	locked := keygen(t, filepath.Join(dir, "locked"), "ed25519", "hemlig fras", "locked@x")
	per := keygen(t, filepath.Join(dir, "per"), "ed25519", "", "per@region")
	garbage := filepath.Join(dir, "team.keys")
	pub, _ := os.ReadFile(per + ".pub")
	os.WriteFile(garbage, []byte(string(pub)+"not a key at all\n"), 0o600)
	c := newCLI(t)
	c.ok("demo")
	id := firstID(t, c)[:8]
	cases := []struct {
		args   []string
		sv, en string
	}{
		{[]string{"seal", id, "--to", rsa + ".pub"}, "age behöver en ed25519-nyckel", "age needs an ed25519 key"},
		{[]string{"seal", id, "--to", "ecdsa-sha2-nistp999 AAAA"}, "kan inte användas", "cannot be used"},
		{[]string{"seal", id, "--to", garbage}, "rad 2", "line 2"},
		{[]string{"seal", id, "--to", "Nobody Known"}, "varken en nyckel", "neither a key"},
		{[]string{"seal", id, "--to", per + ".pub", "--sign", locked}, "ingen terminal", "no terminal"},
		{[]string{"seal", id, "--to", per + ".pub", "--sign", rsa}, "RSA", "RSA"},
		{[]string{"seal", id}, "minst en mottagare", "at least one recipient"},
		{[]string{"open", garbage, "--identity", locked}, "inte en förseglad fil", "not a sealed file"},
	}
	for _, tc := range cases {
		for _, lang := range []string{"sv", "en"} {
			want := tc.sv
			if lang == "en" {
				want = tc.en
			}
			_, e, code := c.run(append(tc.args, "--lang", lang)...)
			if code != 1 || !strings.Contains(e, want) {
				t.Errorf("%v %s: %d %q, want %q", tc.args, lang, code, e, want)
			}
		}
	}
	// A file for a passphrase-protected identity, with no terminal.
	lockedPub := locked + ".pub"
	file := filepath.Join(dir, "p.age")
	c.ok("seal", id, "--to", lockedPub, "-o", file)
	to := newCLI(t)
	if _, e, code := to.run("open", file, "--identity", locked); code != 1 || !strings.Contains(e, "ingen terminal") {
		t.Errorf("protected identity: %d %q", code, e)
	}
	// The recipients file gives names; a garbage line in it is named.
	rf := filepath.Join(home, ".config", "sipmote", "recipients")
	os.MkdirAll(filepath.Dir(rf), 0o700)
	os.WriteFile(rf, []byte("# kollegor\nPer Wall, region "+string(pub)), 0o600)
	if out := c.ok("seal", id, "--to", "per wall, region", "-o", filepath.Join(dir, "n.age")); !strings.Contains(out, "Per Wall, region") {
		t.Errorf("by name: %q", out)
	}
	os.WriteFile(rf, []byte("Per Wall "+string(pub)+"garbage\n"), 0o600)
	if _, e, code := c.run("seal", id, "--to", "Per Wall"); code != 1 || !strings.Contains(e, "rad 2") {
		t.Errorf("garbage in recipients: %d %q", code, e)
	}
	if n, _ := filepath.Glob("sipmote-plan-*"); len(n) != 0 {
		t.Errorf("files left: %v", n)
	}
}

func TestBackupAndRestore(t *testing.T) {
	sealHome(t)
	key := keygen(t, filepath.Join(t.TempDir(), "backup"), "ed25519", "", "backup@x")
	c := newCLI(t)
	c.ok("demo")
	dir := filepath.Join(t.TempDir(), "backups")
	c.ok("backup", dir, "--to", key+".pub")
	time.Sleep(1100 * time.Millisecond) // a name of its own second
	out := c.ok("backup", dir, "--to", key+".pub", "--keep", "1")
	if !strings.Contains(out, "äldre kopia borttagen") {
		t.Errorf("keep: %q", out)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "sipmote-backup-*.db.age"))
	if len(left) != 1 {
		t.Fatalf("left %v", left)
	}
	if st, _ := os.Stat(left[0]); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode())
	}
	newDB := filepath.Join(t.TempDir(), "restored.db")
	r := &runner{t: t, db: newDB}
	out = r.ok("restore", left[0], newDB, "--identity", key)
	if !strings.Contains(out, "kontrollen godkänd") {
		t.Errorf("restore: %q", out)
	}
	r.ok("check")
	if planCount(t, r) != planCount(t, c) {
		t.Error("the restored file holds other plans")
	}
	if _, e, code := r.run("restore", left[0], newDB, "--identity", key); code != 1 || !strings.Contains(e, "finns redan") {
		t.Errorf("restore over a file: %d %q", code, e)
	}
}

// While a meeting has the database, backup asks it for the copy.
func TestBackupWhileTheFileIsHeld(t *testing.T) {
	sealHome(t)
	key := keygen(t, filepath.Join(t.TempDir(), "backup"), "ed25519", "", "backup@x")
	c := newCLI(t)
	c.ok("demo")
	held, err := service.Open(c.db, service.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	dir := t.TempDir()
	o, e, code := c.run("backup", dir, "--to", key+".pub")
	if code != 0 || !strings.Contains(e, "öppen i en annan sipmote") || !strings.Contains(o, "Säkerhetskopia sparad") {
		t.Fatalf("backup while held: %d %q %q", code, o, e)
	}
	ft, _ := held.FileTrail(context.Background())
	if ft[len(ft)-1].Kind != "backup" {
		t.Errorf("the holder's trail: %+v", ft[len(ft)-1])
	}
}

// A PostgreSQL database backs up the same way (no one holds it), and the
// backup restores into a database file that passes the check.
func TestBackupFromPostgres(t *testing.T) {
	sealHome(t)
	key := keygen(t, filepath.Join(t.TempDir(), "backup"), "ed25519", "", "backup@x")
	c := &runner{t: t, db: pgtest.DSN(t)}
	c.ok("demo")
	dir := t.TempDir()
	out := c.ok("backup", dir, "--to", key+".pub")
	if !strings.Contains(out, "Säkerhetskopia sparad") {
		t.Fatalf("backup: %q", out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "sipmote-backup-*.db.age"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	newDB := filepath.Join(t.TempDir(), "from-pg.db")
	r := &runner{t: t, db: newDB}
	r.ok("restore", files[0], newDB, "--identity", key)
	r.ok("check")
	if planCount(t, r) != planCount(t, c) {
		t.Error("the restored file holds other plans")
	}
}

// TestOpenTwiceAndAStrangersComment: opening the same sealed file twice
// does not make a second plan at work for the person (--anyway does), and
// a key not in the recipients list is said to be unknown even when its
// comment copies a name that is in the list.
func TestOpenTwiceAndAStrangersComment(t *testing.T) {
	needTool(t, "age")
	home := sealHome(t)
	per := keygen(t, filepath.Join(t.TempDir(), "per"), "ed25519", "", "per@region")
	stranger := keygen(t, filepath.Join(t.TempDir(), "stranger"), "ed25519", "", "Anna Berg, LSS")
	annaPub, _ := os.ReadFile(filepath.Join(home, ".ssh", "id_ed25519.pub"))
	os.MkdirAll(filepath.Join(home, ".config", "sipmote"), 0o700)
	os.WriteFile(filepath.Join(home, ".config", "sipmote", "recipients"), []byte("Anna Berg, LSS "+string(annaPub)), 0o600)
	from, to := newCLI(t), newCLI(t)
	from.ok("demo")
	var rows []struct{ ID, Person, Status string }
	if err := json.Unmarshal([]byte(from.ok("list", "--json")), &rows); err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, r := range rows {
		if r.Status != "closed" && strings.HasPrefix(r.Person, "Maja") {
			id = r.ID
		}
	}
	if id == "" {
		t.Fatalf("no open plan of Maja in the demo: %+v", rows)
	}
	file := filepath.Join(t.TempDir(), "plan.age")
	from.ok("seal", id[:8], "--to", per+".pub", "-o", file)

	o, e, code := to.run("open", file, "--identity", per, "--lang", "en")
	if code != 0 || !strings.Contains(e, "Signed by: Anna Berg, LSS in your recipients list") {
		t.Fatalf("first open: %d %s", code, e)
	}
	first := strings.TrimSpace(o)
	if _, e, code := to.run("open", file, "--identity", per, "--lang", "en"); code != 1 ||
		!strings.Contains(e, "A plan not yet closed already exists for that personal identity number ("+first[:8]+")") {
		t.Errorf("the same file opened twice: %d %s", code, e)
	}
	if n := strings.Count(to.ok("list"), "\n"); n != 2 {
		t.Errorf("the list after a refused second open has %d lines, want a header and one plan", n)
	}
	if _, e, code := to.run("open", file, "--identity", per, "--anyway"); code != 0 {
		t.Errorf("--anyway: %d %s", code, e)
	}

	forged := filepath.Join(t.TempDir(), "forged.age")
	from.ok("seal", id[:8], "--to", per+".pub", "--sign", stranger, "-o", forged)
	_, e, code = to.run("open", forged, "--identity", per, "--anyway", "--lang", "en")
	if code != 0 || !strings.Contains(e, "Signed by: a key NOT in your recipients list: SHA256:") ||
		!strings.Contains(e, `(the key's own comment, which the sender chooses: "Anna Berg, LSS")`) || strings.Contains(e, "in your recipients list —") {
		t.Errorf("a stranger's key with a copied comment: %d %s", code, e)
	}
}
