package service

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/internal/smalldisk"
	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/printout"
	"github.com/sipmote/sipmote/store"
)

// countKind counts the events of kind in plan id's trail.
func countKind(t *testing.T, svc *Service, id, kind string) int {
	t.Helper()
	tr, err := svc.db.Trail(id) // the file itself: no view to record
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range tr {
		if e.Kind == kind {
			n++
		}
	}
	return n
}

// On a real full file system every read either is recorded or shows
// nothing: export, print, the copies list, opening on a screen. Once the
// space is back, they are recorded again.
func TestReadsOnAFullDiskAreRecordedOrRefused(t *testing.T) {
	dir := smalldisk.Mount(t, "1m")
	svc, err := Open(filepath.Join(dir, "sip.db"), Options{
		Now:          func() time.Time { return testNow },
		RecoveryDirs: []string{filepath.Join(t.TempDir(), "recovery")},
		Device: func([]byte, string, string) (printout.Result, error) {
			t.Error("a print reached the printer")
			return printout.Result{}, nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	p := newPlan(t, svc, "Vera Sund")
	free := smalldisk.Fill(t, dir)

	refused := 0
	for i := 0; i < 400 && refused < 4; i++ {
		before := countKind(t, svc, p.ID, store.TrailExported)
		var out bytes.Buffer
		err := svc.Export(context.Background(), &out, p, p.Current(), ExportOptions{Format: FormatJSON})
		switch {
		case err == nil:
			if countKind(t, svc, p.ID, store.TrailExported) != before+1 {
				t.Fatal("an export was made and not recorded")
			}
		case errors.Is(err, ErrUnrecorded):
			refused++
			if out.Len() != 0 {
				t.Fatalf("a refused export wrote %d bytes", out.Len())
			}
			var se *store.SaveError
			if !errors.As(err, &se) || !se.DiskFull() {
				t.Errorf("the reason is not the full disk: %v", err)
			}
		default:
			t.Fatalf("export: %v", err)
		}
	}
	if refused == 0 {
		t.Fatal("the full disk never refused an export's trail event")
	}
	// The other reads, while the disk is still full.
	if _, err := svc.Print(context.Background(), p, p.Current(), PrintOptions{Lang: model.Swedish, Printer: "kontoret"}); !errors.Is(err, ErrUnrecorded) {
		t.Errorf("print: %v, want refused", err)
	}
	if _, err := svc.CopyList(context.Background(), p, p.Current(), model.Swedish); !errors.Is(err, ErrUnrecorded) {
		t.Errorf("copies: %v, want refused", err)
	}
	if got, err := svc.LoadToShow(context.Background(), p.ID); !errors.Is(err, ErrUnrecorded) || got != nil {
		t.Errorf("opening on a screen: %v, want refused and no plan", err)
	}
	if _, _, _, err := svc.Findings(context.Background(), p.ID); !errors.Is(err, ErrUnrecorded) {
		t.Errorf("findings: %v, want refused", err)
	}
	if msg := ErrorText(model.English, &UnrecordedError{Err: &store.SaveError{}}); msg == "" {
		t.Error("no message for a refused read")
	}
	free()
	var out bytes.Buffer
	if err := svc.Export(context.Background(), &out, p, p.Current(), ExportOptions{Format: FormatJSON}); err != nil || out.Len() == 0 {
		t.Fatalf("with space again: %v", err)
	}
	if got, err := svc.LoadToShow(context.Background(), p.ID); err != nil || got == nil {
		t.Fatalf("opening with space again: %v", err)
	}
	opened := countKind(t, svc, p.ID, store.TrailOpened)
	ss := svc.SessionOn(p)
	if err := ss.Close(); err != nil {
		t.Fatal(err)
	}
	if n := countKind(t, svc, p.ID, store.TrailOpened); n != opened {
		t.Errorf("the opening was recorded twice (%d events, was %d)", n, opened)
	}
}

// A damaged record anywhere in the file stops every write to it, the
// trail's too: so no read is shown unrecorded.
func TestReadsInADamagedFileAreRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sip.db")
	svc, err := Open(path, Options{Now: func() time.Time { return testNow }, RecoveryDirs: []string{filepath.Join(dir, "rec")}})
	if err != nil {
		t.Fatal(err)
	}
	p := newPlan(t, svc, "Vera Sund")
	q := newPlan(t, svc, "Olle Sund")
	svc.Close()
	damageRecord(t, path, q.ID)
	svc, err = Open(path, Options{Now: func() time.Time { return testNow }, RecoveryDirs: []string{filepath.Join(dir, "rec")}})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	// Opening reads no record (issue 30): the damage is found when q is
	// read, or by the whole-file check, and from then on nothing is
	// written.
	if _, err := svc.db.LoadPlan(q.ID); !errors.Is(err, store.ErrDamagedRecord) {
		t.Fatalf("reading the damaged plan: %v", err)
	}
	var out bytes.Buffer
	if err := svc.Export(context.Background(), &out, p, p.Current(), ExportOptions{Format: FormatMarkdown}); !errors.Is(err, ErrUnrecorded) || out.Len() != 0 {
		t.Errorf("export from a damaged file: %v, %d bytes", err, out.Len())
	}
	if _, err := svc.Diff(context.Background(), p, p.Current(), p.Current()); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("diff: %v, want the damage named", err)
	}
	if s, err := svc.Summons(context.Background(), p, p.Current(), model.Swedish); !errors.Is(err, ErrUnrecorded) || len(s.People) != 0 {
		t.Errorf("summons: %v, %d people, want refused", err, len(s.People))
	}
	if tr, err := svc.Trail(context.Background(), p.ID); !errors.Is(err, ErrUnrecorded) || tr != nil {
		t.Errorf("trail: %v, %d events, want refused", err, len(tr))
	}
	if sums, err := svc.List(context.Background()); !errors.Is(err, ErrUnrecorded) || sums != nil {
		t.Errorf("list: %v, %d plans, want refused", err, len(sums))
	}
}

// damageRecord flips a byte in the middle of the first part of plan id's
// stored record (the store keeps a plan in parts: its id, a zero byte and
// the part's number; each part's last six bytes are a trailer).
func damageRecord(t *testing.T, path, id string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("plans"))
		k := append([]byte(id), 0, 0, 0)
		v := bytes.Clone(b.Get(k))
		if len(v) < 12 {
			t.Fatalf("no first part of the plan's record (%d bytes)", len(v))
		}
		v[(len(v)-6)/2] ^= 0x20
		return b.Put(k, v)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A session whose database is found damaged while it is open: closing it
// does not try the save again for the whole wait (no try can work), but
// writes the plan to a recovery file at once.
func TestClosingOnARefusingFileDoesNotWait(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sip.db")
	o := Options{Now: func() time.Time { return testNow }, RecoveryDirs: []string{filepath.Join(dir, "rec")}}
	svc, err := Open(path, o)
	if err != nil {
		t.Fatal(err)
	}
	p := newPlan(t, svc, "Vera Sund")
	q := newPlan(t, svc, "Olle Sund")
	svc.Close()
	damageRecord(t, path, q.ID)
	if svc, err = Open(path, o); err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	s, err := svc.OpenSession(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	v := s.Attach()
	if _, err := svc.db.LoadPlan(q.ID); !errors.Is(err, store.ErrDamagedRecord) {
		t.Fatalf("reading the damaged plan: %v", err)
	}
	v.Edit(func(p *model.Plan) {
		p.Draft.Content.Situation = "Skrivet efter att skadan hittades."
		v.Changed("situation")
		v.Tick()
	})
	if err := awaitSave(t, v); !Refused(err) {
		t.Fatalf("the save on a damaged file gave %v, want a refusal", err)
	}
	start := time.Now()
	res := s.CloseWithin(10*time.Second, nil)
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("closing tried a refused save again for %v", took)
	}
	if res.Outcome != OutcomeRecovered || !errors.Is(res.SaveErr, ErrDamaged) {
		t.Fatalf("closing gave %+v, want the plan in a recovery file", res)
	}
	got, _, err := svc.db.ReadRecovery(res.Recovery)
	if err != nil || got.Draft.Content.Situation != "Skrivet efter att skadan hittades." {
		t.Errorf("the recovery file holds %q (%v)", got.Draft.Content.Situation, err)
	}
}
