package service

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// computer makes the record key folder of another computer (or user) the
// one in use, for the rest of the test: with made, that computer has used
// sipmote before (its record key exists).
func computer(t *testing.T, made bool) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "keys")
	t.Setenv("SIPMOTE_KEY_DIR", dir)
	if made {
		svc, err := Open(filepath.Join(t.TempDir(), "own.db"), Options{RecoveryDirs: []string{t.TempDir()}})
		if err != nil {
			t.Fatal(err)
		}
		svc.Close()
	}
}

// backupOn writes a database of two plans on the computer in use, backs it
// up for the key given and returns the backup's path.
func backupOn(t *testing.T, to string) (path string, plan string) {
	t.Helper()
	recips, _ := keysOf(t, to)
	svc := openTest(t, Options{})
	for _, name := range []string{"Maja Lind", "Per Ek"} {
		plan = newPlan(t, svc, name).ID
	}
	res, err := svc.Backup(context.Background(), filepath.Join(t.TempDir(), "backups"), recips, 0)
	if err != nil {
		t.Fatal(err)
	}
	return res.Path, plan
}

// A backup restores on a computer other than the one it was written on (a
// lost laptop's, on its new one), whether that computer has used sipmote
// before or not: the file is whole, its seals are of a key that is not
// here, and it is sealed anew with this computer's key, so that its checks
// pass here from then on and a change made without this key shows.
func TestRestoreOnAnotherComputer(t *testing.T) {
	for _, c := range []struct {
		name string
		used bool
	}{{"a computer that used sipmote", true}, {"a new computer", false}} {
		t.Run(c.name, func(t *testing.T) {
			key := sshKey(t, t.TempDir(), "backup")
			_, kr := keysOf(t, key)
			computer(t, true)
			backup, id := backupOn(t, key)

			computer(t, c.used)
			dst := filepath.Join(t.TempDir(), "restored.db")
			got, err := Restore(backup, dst, kr, Options{Now: func() time.Time { return testNow }})
			if err != nil || !got.OK() {
				t.Fatalf("restore on another computer: %+v, %v", got, err)
			}
			if got.Adopted == 0 || got.Ours != got.Records || got.OtherKey != 0 || got.Unsealed != 0 {
				t.Errorf("adopted %d of %d records; now %d ours, %d of another key, %d unsealed",
					got.Adopted, got.Records, got.Ours, got.OtherKey, got.Unsealed)
			}
			// Its checks pass here from now on, and a plan reads whole.
			rep, err := Check(dst, Options{})
			if err != nil || !rep.OK() || rep.Key != KeyUser {
				t.Fatalf("a later check here: %+v, %v", rep, err)
			}
			svc, err := Open(dst, Options{RecoveryDirs: []string{t.TempDir()}})
			if err != nil {
				t.Fatal(err)
			}
			defer svc.Close()
			if p, err := svc.Load(context.Background(), id); err != nil || p.Person.Name != "Per Ek" {
				t.Fatalf("a restored plan: %v, %v", p, err)
			}
			ft, err := svc.FileTrail(context.Background())
			if err != nil || ft[len(ft)-1].Kind != "restored" || ft[len(ft)-1].Count != got.Adopted {
				t.Errorf("the restore in the file's trail: %+v, %v", ft[len(ft)-1], err)
			}
		})
	}
}

// A backup whose records are sealed partly with this computer's key and
// partly with another is not adopted: on the computer that wrote the file,
// a seal of another key is what a change made without its key leaves. It
// is refused, and nothing is written.
func TestRestoreOfAMixIsRefused(t *testing.T) {
	key := sshKey(t, t.TempDir(), "backup")
	recips, kr := keysOf(t, key)
	computer(t, true)
	home := os.Getenv("SIPMOTE_KEY_DIR")
	svc := openTest(t, Options{})
	newPlan(t, svc, "Maja Lind")
	path := svc.Path()
	svc.Close()
	// Someone with the file and a key of their own adds a plan.
	computer(t, true)
	svc, err := Open(path, Options{Now: func() time.Time { return testNow }, RecoveryDirs: []string{t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	newPlan(t, svc, "Olle Sund")
	res, err := svc.Backup(context.Background(), filepath.Join(t.TempDir(), "backups"), recips, 0)
	svc.Close()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("SIPMOTE_KEY_DIR", home)
	dst := filepath.Join(t.TempDir(), "restored.db")
	got, err := Restore(res.Path, dst, kr, Options{})
	if !errors.Is(err, ErrRestoreCheck) || got == nil || got.Report == nil || got.Ours == 0 || got.OtherKey == 0 {
		t.Fatalf("restore of a mix: %+v, %v; want refused with the mix counted", got, err)
	}
	if left, _ := os.ReadDir(filepath.Dir(dst)); len(left) != 0 {
		t.Errorf("a refused restore left %v", left)
	}
}
