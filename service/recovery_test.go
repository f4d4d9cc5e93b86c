package service

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sipmote/sipmote/internal/smalldisk"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

var errNoSpace = syscall.ENOSPC

// The whole way of text typed while the disk is full, on a real small file
// system: the open meeting's save fails with "disk full", closing tries
// again for a while and then writes the plan to a recovery file in the
// runtime folder (another file system), 0600 in a 0700 folder; once there
// is space again the next start finds it, and Restore puts the text back
// in the database, logs it and removes the file.
func TestDiskFullTextGoesToRecoveryAndBack(t *testing.T) {
	disk := smalldisk.Mount(t, "2m")
	run := t.TempDir() // on the normal disk: another file system
	t.Setenv("XDG_RUNTIME_DIR", run)
	dbPath := filepath.Join(disk, "sip.db")
	svc, err := Open(dbPath, Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	p := newPlan(t, svc, "Maja Lind")
	s, err := svc.OpenSession(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	v := s.Attach()
	free := smalldisk.Fill(t, disk)

	// A long paste: far more than the free pages bbolt may still have in
	// the file.
	text := "Vill bo kvar hemma. " + strings.Repeat("Behöver hjälp med maten och med att komma ut. ", 4000)
	v.Edit(func(p *model.Plan) {
		p.Draft.Content.Situation = text
		v.Changed("situation")
		v.Tick()
	})
	saveErr := awaitSave(t, v)
	var se *store.SaveError
	if !errors.As(saveErr, &se) || !se.DiskFull() {
		t.Fatalf("the save on a full disk gave %v, want a disk-full SaveError", saveErr)
	}
	if got := ErrorText(model.English, saveErr); !strings.Contains(got, "disk is full") {
		t.Errorf("the error says %q", got)
	}

	start := time.Now()
	res := s.CloseWithin(1500*time.Millisecond, nil)
	if took := time.Since(start); took < time.Second {
		t.Errorf("closing tried again for only %v", took)
	}
	if res.Outcome != OutcomeRecovered || !errors.As(res.SaveErr, &se) {
		t.Fatalf("closing gave %+v, want the plan in a recovery file", res)
	}
	if filepath.Dir(res.Recovery) != filepath.Join(run, "sipmote") {
		t.Errorf("the recovery file is %s, want it in the runtime folder %s", res.Recovery, run)
	}
	for path, want := range map[string]os.FileMode{res.Recovery: 0o600, filepath.Dir(res.Recovery): os.ModeDir | 0o700} {
		if st, err := os.Stat(path); err != nil || st.Mode()&(os.ModeDir|os.ModePerm) != want {
			t.Errorf("%s: %v, want mode %v", path, st.Mode(), want)
		}
	}
	msg := ClosedText(model.English, res)
	for _, want := range []string{"could not be saved in the database", "the disk is full", res.Recovery, "offers to put it back"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message does not say %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "Maja") {
		t.Errorf("the message names the person:\n%s", msg)
	}
	if err := svc.Close(); err != nil {
		t.Fatal(err)
	}

	free()
	svc, err = Open(dbPath, Options{Now: func() time.Time { return testNow.Add(time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if got, _ := svc.Load(context.Background(), p.ID); got.Draft.Content.Situation == text {
		t.Fatal("the text reached the database although the disk was full; the test proves nothing")
	}
	recs := svc.Recoveries()
	if len(recs) != 1 || recs[0].Path != res.Recovery || recs[0].Person != "Maja Lind" || recs[0].Err != nil || recs[0].ChangedSince() {
		t.Fatalf("Recoveries = %+v", recs)
	}
	if _, err := svc.Restore(context.Background(), recs[0]); err != nil {
		t.Fatal(err)
	}
	got, err := svc.Load(context.Background(), p.ID)
	if err != nil || got.Draft.Content.Situation != text {
		t.Fatalf("after Restore the database holds %d characters (err %v), want %d", len(got.Draft.Content.Situation), err, len(text))
	}
	if _, err := os.Stat(res.Recovery); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the recovery file is still there: %v", err)
	}
	if recs := svc.Recoveries(); len(recs) != 0 {
		t.Errorf("offered again after Restore: %+v", recs)
	}
	kinds := strings.Join(trailKinds(t, svc, p.ID), " ")
	if !strings.Contains(kinds, "viewed:recovery") || !strings.Contains(kinds, "recovery:restored") {
		t.Errorf("trail %s has no recovery events", kinds)
	}
}

// awaitSave waits for the session's next save result.
func awaitSave(t *testing.T, v *View) error {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case e := <-v.Events():
			if e.Saved != nil {
				return e.Saved.Err
			}
		case <-deadline:
			t.Fatal("no save result within 10 s")
		}
	}
}

// The offer says when the plan in the database was changed after the file
// was written; a plan closed since is not put back; a file thrown away is
// gone and logged.
func TestRecoveryChangedClosedDiscarded(t *testing.T) {
	svc := openTest(t, Options{})
	p := newPlan(t, svc, "Maja Lind")
	stored, _ := svc.Load(context.Background(), p.ID)
	p.Draft.Content.Situation = "skrivet sist"
	if _, err := svc.db.WriteRecovery(p, stored.UpdatedAt, testNow); err != nil {
		t.Fatal(err)
	}
	recs := svc.Recoveries()
	if len(recs) != 1 || recs[0].ChangedSince() || recs[0].StoredClosed {
		t.Fatalf("fresh recovery: %+v", recs)
	}

	// Changed since: another save of the plan.
	stored.UpdatedAt = testNow.Add(time.Minute)
	stored.Draft.Content.Needs = "ändrat efteråt"
	if err := svc.db.SavePlan(stored); err != nil {
		t.Fatal(err)
	}
	recs = svc.Recoveries()
	if len(recs) != 1 || !recs[0].ChangedSince() || !recs[0].Stored.Equal(stored.UpdatedAt) {
		t.Fatalf("changed since: %+v", recs)
	}

	// Closed since: not put back, the file kept.
	if _, err := svc.ClosePlan(context.Background(), p.ID, model.Closure{Reason: model.CloseGoalsMet}); err != nil {
		t.Fatal(err)
	}
	recs = svc.Recoveries()
	if _, err := svc.Restore(context.Background(), recs[0]); !errors.Is(err, ErrClosedSince) {
		t.Fatalf("restoring over a closed plan: %v", err)
	}
	if got, _ := svc.Load(context.Background(), p.ID); got.Status != model.StatusClosed {
		t.Fatal("the closed plan was opened again by a recovery")
	}
	if _, err := os.Stat(recs[0].Path); err != nil {
		t.Fatalf("the file went with the refusal: %v", err)
	}

	if err := svc.DiscardRecovery(recs[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(recs[0].Path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the discarded file is still there: %v", err)
	}
	if kinds := strings.Join(trailKinds(t, svc, p.ID), " "); !strings.Contains(kinds, "recovery:discarded") {
		t.Errorf("trail %s", kinds)
	}
}

// A session whose saves work writes no recovery file, and says nothing.
func TestCloseWithinSavedWritesNoRecovery(t *testing.T) {
	svc := openTest(t, Options{})
	p := newPlan(t, svc, "Maja Lind")
	s, _ := svc.OpenSession(context.Background(), p.ID)
	v := s.Attach()
	v.Edit(func(p *model.Plan) { p.Draft.Content.Situation = "x"; v.Changed("situation") })
	res := s.CloseWithin(5*time.Second, nil)
	if res.Outcome != OutcomeSaved || res.Err() != nil || ClosedText(model.Swedish, res) != "" {
		t.Fatalf("%+v", res)
	}
	if ents, _ := os.ReadDir(svc.RecoveryDir()); len(ents) != 0 {
		t.Errorf("recovery files written for a saved plan: %v", ents)
	}
}

// What is said on standard error: nothing when saved; where the file is
// when recovered; plainly lost, with no word of saving, when not even a
// recovery file could be written.
func TestClosedText(t *testing.T) {
	disk := &store.SaveError{Err: &os.PathError{Op: "write", Path: "x", Err: errNoSpace}}
	rec := &store.RecoveryError{Tried: []string{"/run/user/1/sipmote", "/tmp/sipmote-1"}, Err: errNoSpace}
	id := "7a0e2858-1111-2222-3333-444455556666"
	for _, tt := range []struct {
		name    string
		l       model.Lang
		c       Closed
		want    []string
		notWant []string
	}{
		{"saved", model.Swedish, Closed{Plan: id}, nil, nil},
		{"recovered sv", model.Swedish, Closed{Plan: id, Outcome: OutcomeRecovered, SaveErr: disk, Recovery: "/run/user/1/sipmote/f.sipmote-recovery", InMemory: true},
			[]string{"7a0e2858", "kunde inte sparas i databasen", "disken är full", "/run/user/1/sipmote/f.sipmote-recovery", "erbjuds du att lägga tillbaka", "startas om"}, []string{"förlorat"}},
		{"recovered en", model.English, Closed{Plan: id, Outcome: OutcomeRecovered, SaveErr: disk, Recovery: "/home/a/f.sipmote-recovery"},
			[]string{"could not be saved in the database", "the disk is full", "/home/a/f.sipmote-recovery", "offers to put it back"}, []string{"restart", "lost"}},
		{"lost sv", model.Swedish, Closed{Plan: id, Outcome: OutcomeLost, SaveErr: disk, RecoveryErr: rec},
			[]string{"kunde inte sparas i databasen", "återställningsfil", "fullt även där", "förlorat"}, []string{"sparad", "sparat i"}},
		{"lost en", model.English, Closed{Plan: id, Outcome: OutcomeLost, SaveErr: disk, RecoveryErr: &store.RecoveryError{Tried: []string{"/a", "/b"}, Err: os.ErrPermission}},
			[]string{"could not be saved", "/a, /b", "is lost"}, []string{"saved in a", "kept", "offers"}},
	} {
		got := ClosedText(tt.l, tt.c)
		if tt.want == nil && got != "" {
			t.Errorf("%s: says %q", tt.name, got)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: does not say %q:\n%s", tt.name, w, got)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(got, w) {
				t.Errorf("%s: says %q:\n%s", tt.name, w, got)
			}
		}
	}
}

// A second signal while closing cuts the retries short: the recovery file
// is written at once instead of after the full wait.
func TestCloseWithinStopsEarly(t *testing.T) {
	disk := smalldisk.Mount(t, "1m")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	svc, err := Open(filepath.Join(disk, "sip.db"), Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	p := newPlan(t, svc, "Maja Lind")
	s, _ := svc.OpenSession(context.Background(), p.ID)
	v := s.Attach()
	smalldisk.Fill(t, disk)
	v.Edit(func(p *model.Plan) {
		p.Draft.Content.Situation = strings.Repeat("Behöver stöd. ", 8000)
		v.Changed("situation")
	})
	stop := make(chan struct{})
	time.AfterFunc(300*time.Millisecond, func() { close(stop) })
	start := time.Now()
	res := s.CloseWithin(time.Minute, stop)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("closing took %v after the stop", took)
	}
	if res.Outcome != OutcomeRecovered {
		t.Errorf("%+v", res)
	}
}
