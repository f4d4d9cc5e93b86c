package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/smalldisk"
)

// When every folder is full or unusable, WriteRecovery says so, names the
// folders it tried, and leaves no half-written file behind.
func TestRecoveryNowhereToGo(t *testing.T) {
	disk := smalldisk.Mount(t, "1m")
	run := smalldisk.Mount(t, "64k")
	t.Setenv("XDG_RUNTIME_DIR", run)
	live := recoveryEnvironment
	recoveryEnvironment = func() recoveryEnv {
		env := live()
		env.tmp = filepath.Join(t.TempDir(), "gone", "tmp") // cannot be made
		env.exists = func(p string) bool { return p == run }
		return env
	}
	t.Cleanup(func() { recoveryEnvironment = live })
	d, err := Open(filepath.Join(disk, "sipmote.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := os.Mkdir(filepath.Join(run, "sipmote"), 0o700); err != nil {
		t.Fatal(err)
	}
	smalldisk.Fill(t, disk)
	smalldisk.Fill(t, run)
	p := secretPlan()
	p.Draft.Content.Situation = string(make([]byte, 200<<10))
	_, err = d.WriteRecovery(p, time.Time{}, fixedTime())
	var re *RecoveryError
	if !errors.As(err, &re) || len(re.Tried) != 3 || len(re.Reasons) != 3 {
		t.Fatalf("WriteRecovery with nowhere to go: %v", err)
	}
	// Two were full; the temporary folder could not be made, so "full
	// there too" is not the whole reason, and each folder keeps its own.
	full := func(e error) bool { return (&SaveError{Err: e}).DiskFull() }
	if re.DiskFull() || !full(re.Reasons[0]) || full(re.Reasons[1]) || !full(re.Reasons[2]) {
		t.Errorf("reasons %v", re.Reasons)
	}
	for _, dir := range []string{filepath.Join(run, "sipmote"), disk} {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if e.Name() != "filler" && e.Name() != "sipmote.db" {
				t.Errorf("left behind in %s: %s", dir, e.Name())
			}
		}
	}
}
