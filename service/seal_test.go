package service

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/outfile"
	"github.com/sipmote/sipmote/seal"
)

func needTool(t testing.TB, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is needed in CI", name)
		}
		t.Skipf("%s not installed", name)
	}
}

// sshKey makes an ed25519 key with the real ssh-keygen.
func sshKey(t testing.TB, dir, name string) string {
	t.Helper()
	needTool(t, "ssh-keygen")
	p := filepath.Join(dir, name)
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name+"@test", "-f", p).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v %s", err, out)
	}
	return p
}

func keysOf(t testing.TB, key string) ([]seal.Recipient, *seal.Keyring) {
	t.Helper()
	to, err := seal.ResolveRecipients(key+".pub", nil)
	if err != nil {
		t.Fatal(err)
	}
	kr := seal.NewKeyring(nil)
	if err := kr.Add(key); err != nil {
		t.Fatal(err)
	}
	return to, kr
}

func openSealedFile(t testing.TB, svc *Service, path string, kr *seal.Keyring) (*Sealed, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	o, err := seal.Open(f, kr, MaxSealed)
	if err != nil {
		return nil, err
	}
	return svc.ReadSealed(context.Background(), o)
}

func TestSealedPlanGoesToAnotherDatabase(t *testing.T) {
	keys := t.TempDir()
	anna, per := sshKey(t, keys, "anna"), sshKey(t, keys, "per")
	signer, err := seal.LoadSigner(anna, nil)
	if err != nil {
		t.Fatal(err)
	}
	toPer, perRing := keysOf(t, per)
	from, to := openTest(t, Options{}), openTest(t, Options{})
	p := newPlan(t, from, "Maja Lind")
	out := filepath.Join(t.TempDir(), "maja.age")
	path, err := from.SealPlan(context.Background(), p.ID, SealOptions{To: toPer, Signer: signer, File: out})
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("sealed file %v %v", st, err)
	}
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, []byte("Maja")) || bytes.Contains(raw, []byte("Rahimi")) {
		t.Fatal("the sealed file holds plain text")
	}
	if _, err := from.SealPlan(context.Background(), p.ID, SealOptions{To: toPer, Signer: signer, File: out}); !errors.Is(err, outfile.ErrExists) {
		t.Fatalf("sealed over an existing file: %v", err)
	}
	trail, _ := from.Trail(context.Background(), p.ID)
	last := trail[len(trail)-1]
	if last.Kind != "sealed" || last.Key != signer.Fingerprint || !slices.Equal(last.To, []string{toPer[0].Fingerprint}) {
		t.Fatalf("trail: %+v", last)
	}

	sd, err := openSealedFile(t, to, path, perRing)
	if err != nil {
		t.Fatal(err)
	}
	if !sd.Signed || sd.Fingerprint != signer.Fingerprint || sd.Comment != "anna@test" || sd.Plan.ID == p.ID {
		t.Fatalf("read: %+v", sd)
	}
	if len(sd.Trail) != len(trail)-1 {
		t.Errorf("carried %d events, the sender had %d before sealing", len(sd.Trail), len(trail)-1)
	}
	if err := to.SaveSealed(context.Background(), sd); err != nil {
		t.Fatal(err)
	}
	got, err := to.Load(context.Background(), sd.Plan.ID)
	if err != nil || got.Person.Name != "Maja Lind" {
		t.Fatalf("stored: %v %v", got, err)
	}
	kinds := trailKinds(t, to, sd.Plan.ID)
	if kinds[0] != "created" || kinds[len(kinds)-1] != "imported:sealed" {
		t.Errorf("receiver's trail %v", kinds)
	}
	rt, _ := to.Trail(context.Background(), sd.Plan.ID)
	if !rt[0].Carried || rt[len(rt)-1].Carried || rt[len(rt)-1].Key != signer.Fingerprint {
		t.Errorf("carried marks: %+v", rt)
	}
	to.Close()
	rep, err := Check(to.Path(), Options{})
	if err != nil || !rep.OK() {
		t.Fatalf("check after the import: %+v %v", rep, err)
	}
}

// A bundle that names another signer than the key that signed it is
// refused: the comment shown must be the signer's own.
func TestSealedSignerMustMatch(t *testing.T) {
	keys := t.TempDir()
	anna, eve, per := sshKey(t, keys, "anna"), sshKey(t, keys, "eve"), sshKey(t, keys, "per")
	sa, _ := seal.LoadSigner(anna, nil)
	se, _ := seal.LoadSigner(eve, nil)
	toPer, perRing := keysOf(t, per)
	svc := openTest(t, Options{})
	p := newPlan(t, svc, "Maja Lind")
	path, err := svc.SealPlan(context.Background(), p.ID, SealOptions{To: toPer, Signer: sa, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	o, err := seal.Open(f, perRing, MaxSealed)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	// Eve re-signs Anna's bundle, which still names Anna.
	var buf bytes.Buffer
	if err := seal.Seal(&buf, o.Content, toPer, se); err != nil {
		t.Fatal(err)
	}
	o2, err := seal.Open(&buf, perRing, MaxSealed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ReadSealed(context.Background(), o2); !errors.Is(err, ErrSignerMismatch) {
		t.Fatalf("another signer taken: %v", err)
	}
	// A bundle whose plan does not pass import's checks is refused too.
	var b map[string]any
	json.Unmarshal(o.Content, &b)
	b["export"] = map[string]any{"format": "sipmote-plan", "format_version": 3, "plan": map[string]any{"person": map[string]any{"name": ""}}}
	bad, _ := json.Marshal(b)
	buf.Reset()
	seal.Seal(&buf, bad, toPer, sa)
	o3, err := seal.Open(&buf, perRing, MaxSealed)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ReadSealed(context.Background(), o3); err == nil {
		t.Fatal("a plan that import refuses was taken")
	}
}

func TestBackupKeepAndRestore(t *testing.T) {
	keys := t.TempDir()
	to, kr := keysOf(t, sshKey(t, keys, "backup"))
	now := testNow
	svc := openTest(t, Options{Now: func() time.Time { return now }})
	p := newPlan(t, svc, "Maja Lind")
	dir := filepath.Join(t.TempDir(), "backups")
	os.MkdirAll(dir, 0o700)
	// Not ours: --keep leaves it.
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o600)
	var last *BackupResult
	for i := range 3 {
		now = testNow.Add(time.Duration(i) * time.Hour)
		res, err := svc.Backup(context.Background(), dir, to, 2)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(res.Path) != BackupName(now) {
			t.Errorf("name %s", res.Path)
		}
		if st, _ := os.Stat(res.Path); st.Mode().Perm() != 0o600 {
			t.Errorf("mode %v", st.Mode())
		}
		last = res
	}
	if len(last.Removed) != 1 || filepath.Base(last.Removed[0]) != BackupName(testNow) {
		t.Errorf("removed %v", last.Removed)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(names) != 3 {
		t.Errorf("left %v", names)
	}
	// Another backup in the same second gets a name of its own.
	again, err := svc.Backup(context.Background(), dir, to, 0)
	if err != nil || again.Path == last.Path {
		t.Fatalf("same second: %v %v", again, err)
	}

	dst := filepath.Join(t.TempDir(), "restored.db")
	rep, err := Restore(last.Path, dst, kr, Options{})
	if err != nil || !rep.OK() {
		t.Fatalf("restore: %+v %v", rep, err)
	}
	r, err := Open(dst, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := r.Load(context.Background(), p.ID); err != nil || got.Person.Name != "Maja Lind" {
		t.Fatalf("restored plan: %v %v", got, err)
	}
	ft, _ := r.FileTrail(context.Background())
	r.Close()
	if ft[len(ft)-1].Kind != "restored" {
		t.Errorf("file trail %+v", ft)
	}
	before, _ := os.ReadFile(dst)
	if _, err := Restore(last.Path, dst, kr, Options{}); !errors.Is(err, ErrRestoreExists) {
		t.Fatalf("restored over a file: %v", err)
	}
	if after, _ := os.ReadFile(dst); !bytes.Equal(before, after) {
		t.Fatal("the existing file changed")
	}
	// A backup cut short is refused and leaves nothing.
	raw, _ := os.ReadFile(last.Path)
	cut := filepath.Join(t.TempDir(), "cut.age")
	os.WriteFile(cut, raw[:len(raw)/2], 0o600)
	dst2 := filepath.Join(t.TempDir(), "new.db")
	if _, err := Restore(cut, dst2, kr, Options{}); !errors.Is(err, seal.ErrDamaged) {
		t.Fatalf("cut backup: %v", err)
	}
	if left, _ := os.ReadDir(filepath.Dir(dst2)); len(left) != 0 {
		t.Fatalf("left behind: %v", left)
	}
}

// The real age tool decrypts a backup into a file sipmote check passes.
func TestAgeToolDecryptsBackup(t *testing.T) {
	needTool(t, "age")
	keys := t.TempDir()
	key := sshKey(t, keys, "backup")
	to, _ := keysOf(t, key)
	svc := openTest(t, Options{})
	newPlan(t, svc, "Maja Lind")
	res, err := svc.Backup(context.Background(), t.TempDir(), to, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "plain.db")
	if o, err := exec.Command("age", "-d", "-i", key, "-o", out, res.Path).CombinedOutput(); err != nil {
		t.Fatalf("age -d: %v %s", err, o)
	}
	rep, err := Check(out, Options{})
	if err != nil || !rep.OK() || rep.Records == 0 {
		t.Fatalf("check: %+v %v", rep, err)
	}
	if !strings.HasPrefix(filepath.Base(res.Path), "sipmote-backup-") {
		t.Error(res.Path)
	}
}

// While one program has the database (a meeting), another gets a backup
// through the first one's socket, with saves going on meanwhile.
func TestBackupWhileAnotherHasTheFile(t *testing.T) {
	keys := t.TempDir()
	to, kr := keysOf(t, sshKey(t, keys, "backup"))
	dir := filepath.Join(t.TempDir(), "d")
	os.MkdirAll(dir, 0o700)
	dbPath := filepath.Join(dir, "sip.db")
	svc, err := Open(dbPath, Options{RecoveryDirs: []string{t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	p := newPlan(t, svc, "Maja Lind")
	if _, err := Open(dbPath, Options{LockTimeout: 50 * time.Millisecond}); !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v", err)
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			_ = svc.Create(context.Background(), model.NewPlan(model.Person{Name: "Plan " + strings.Repeat("x", i%50)}, testNow))
		}
	}()
	res, err := RemoteBackup(dbPath, t.TempDir(), to, 0, testNow)
	close(stop)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	ft, _ := svc.FileTrail(context.Background())
	if e := ft[len(ft)-1]; e.Kind != "backup" || e.Section != "socket" || len(e.To) != 1 {
		t.Errorf("file trail: %+v", e)
	}
	dst := filepath.Join(t.TempDir(), "r.db")
	rep, err := Restore(res.Path, dst, kr, Options{})
	if err != nil || !rep.OK() {
		t.Fatalf("restore: %+v %v", rep, err)
	}
	r, err := Open(dst, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.Load(context.Background(), p.ID); err != nil {
		t.Fatal(err)
	}
	// Once the program has closed, nothing answers: a clear error.
	svc.Close()
	if _, err := os.Stat(socketPath(dbPath)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("socket left behind: %v", err)
	}
	if _, err := RemoteBackup(dbPath, t.TempDir(), to, 0, testNow); !errors.Is(err, ErrNoAnswer) {
		t.Fatalf("nobody there: %v", err)
	}
}

// A snapshot cut short on the socket is an error, never a shorter file.
func TestSnapshotChunksCutShort(t *testing.T) {
	var buf bytes.Buffer
	cw := &chunkWriter{w: &buf}
	data := bytes.Repeat([]byte("sipmote"), 1000)
	if n, err := cw.Write(data); err != nil || n != len(data) {
		t.Fatal(n, err)
	}
	cw.end()
	whole := buf.Bytes()
	got, err := io.ReadAll(&chunkReader{r: bytes.NewReader(whole)})
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("whole: %v", err)
	}
	for _, cut := range []int{len(whole) - 4, len(whole) - 10, 2} {
		if _, err := io.ReadAll(&chunkReader{r: bytes.NewReader(whole[:cut])}); !errors.Is(err, ErrNoAnswer) {
			t.Errorf("cut at %d: %v", cut, err)
		}
	}
}
