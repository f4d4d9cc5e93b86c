package store

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// rawUpdate changes the file with bbolt alone, as a damaged disk or a
// hostile program would, behind the store's back.
func rawUpdate(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// rawView reads the file with bbolt alone, read-only, as the tests'
// witness of what a file holds.
func rawView(t *testing.T, path string, fn func(tx *bolt.Tx)) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_ = b.View(func(tx *bolt.Tx) error { fn(tx); return nil })
}

// twoPlans makes a file with two plans and a trail for each.
func twoPlans(t *testing.T) (path string, a, b *model.Plan) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "sipmote.db")
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a, b = fullPlan(), LargePlan()
	a.ID, b.ID = "aaaaaaaa-0000-4000-8000-000000000000", "bbbbbbbb-0000-4000-8000-000000000000"
	for _, p := range []*model.Plan{a, b} {
		if err := d.SavePlan(p); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{TrailCreated, TrailOpened, TrailChanged, TrailPrinted} {
			if err := d.Log(p.ID, TrailEvent{Kind: k}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := d.LogFile(TrailEvent{Kind: TrailListed, Count: 2}); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	return path, a, b
}

func TestEveryDamageToAPlanIsCaught(t *testing.T) {
	path, a, b := twoPlans(t)
	r := rand.New(rand.NewPCG(14, 14))
	for i := range 40 {
		var pos int
		rawUpdate(t, path, func(tx *bolt.Tx) error {
			v := slices.Clone(getPlanRecord(tx.Bucket([]byte(bucketPlans)), []byte(a.ID)))
			pos = r.IntN(len(v))
			v[pos] ^= byte(1 + r.IntN(255))
			return putPlanRecord(tx.Bucket([]byte(bucketPlans)), []byte(a.ID), v)
		})
		d, err := Open(path)
		if err != nil {
			t.Fatalf("damage %d at byte %d: Open: %v", i, pos, err)
		}
		if _, err := d.LoadPlan(a.ID); !errors.Is(err, ErrDamagedRecord) || !strings.Contains(err.Error(), a.ID) {
			t.Errorf("damage %d at byte %d: LoadPlan = %v, want ErrDamagedRecord with the id", i, pos, err)
		}
		if strings.Contains(errText(d.LoadPlan(a.ID)), a.Person.Name) {
			t.Errorf("the error names the person")
		}
		// The other plan is whole and can be read; the damaged one is
		// not listed as if it were.
		if _, err := d.LoadPlan(b.ID); err != nil {
			t.Errorf("the whole plan: %v", err)
		}
		sums, err := d.List()
		if !errors.Is(err, ErrCorrupt) || len(sums) != 1 || sums[0].ID != b.ID {
			t.Errorf("List = %d summaries, %v", len(sums), err)
		}
		// Nothing more is written to the file.
		if err := d.SavePlan(b); !errors.Is(err, ErrDamaged) {
			t.Errorf("SavePlan into a damaged file: %v, want ErrDamaged", err)
		}
		if ids, _ := d.Damaged(); !slices.Equal(ids, []string{a.ID}) {
			t.Errorf("Damaged = %v", ids)
		}
		d.Close()
		// Undo, for the next round.
		restore(t, path, a)
	}
}

// restore writes p's record back as the store would.
func restore(t *testing.T, path string, p *model.Plan) {
	t.Helper()
	rec, err := (&DB{}).encodePlan(p)
	if err != nil {
		t.Fatal(err)
	}
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		return putPlanRecord(tx.Bucket([]byte(bucketPlans)), rec.id, rec.plan)
	})
}

func errText(_ any, err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestCheckAndRescue(t *testing.T) {
	path, a, b := twoPlans(t)
	if r, err := Check(path); err != nil || !r.OK() || r.Events != 9 || r.Head == "" {
		t.Fatalf("a whole file: %+v, %v", r, err)
	}
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		v := slices.Clone(getPlanRecord(tx.Bucket([]byte(bucketPlans)), []byte(a.ID)))
		v[len(v)/2] ^= 0x20
		return putPlanRecord(tx.Bucket([]byte(bucketPlans)), []byte(a.ID), v)
	})
	r, err := Check(path)
	if err != nil || r.OK() || !slices.Equal(r.Damaged, []string{a.ID}) || r.Structure != nil {
		t.Fatalf("Check: %+v, %v", r, err)
	}
	out := filepath.Join(t.TempDir(), "rescued.db")
	rep, err := Rescue(path, out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Plans != 1 || !slices.Equal(rep.Lost, []string{a.ID}) || rep.Events != 5 {
		t.Errorf("Rescue: %+v", rep)
	}
	r, err = Check(out)
	if err != nil || !r.OK() {
		t.Fatalf("the rescued file: %+v, %v", r, err)
	}
	d, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	got, err := d.LoadPlan(b.ID)
	if err != nil || got.Person != b.Person {
		t.Errorf("rescued plan: %v", err)
	}
	// The new file takes writes.
	if err := d.SavePlan(got); err != nil {
		t.Errorf("SavePlan into the rescued file: %v", err)
	}
	// Rescue never writes over a file.
	if _, err := Rescue(path, out); err == nil {
		t.Errorf("Rescue over an existing file succeeded")
	}
}

// TestChainsShowForgery does what a 20-line bbolt program can: change one
// event (with a correct checksum, as someone who read this code would)
// and remove a whole plan's trail. Check must say where.
func TestChainsShowForgery(t *testing.T) {
	path, a, b := twoPlans(t)
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		tb := tx.Bucket([]byte(bucketTrail))
		pb := tb.Bucket([]byte(a.ID))
		key := seqKey(2)
		inner, err := openRecord(keyring{}, trailBucket(a.ID), key, pb.Get(key))
		if err != nil {
			return err
		}
		var e TrailEvent
		if err := decode(inner, &e); err != nil {
			return err
		}
		e.OSUser = "someone-else"
		forged, _ := encode(e)
		rec, _ := sealRecord(keyring{}, trailBucket(a.ID), key, forged)
		if err := pb.Put(key, rec); err != nil {
			return err
		}
		return tb.DeleteBucket([]byte(b.ID))
	})
	r, err := Check(path)
	if err != nil {
		t.Fatal(err)
	}
	if r.OK() || len(r.Damaged) != 0 {
		t.Fatalf("forgery not seen: %+v", r)
	}
	var forgedAt, missing bool
	for _, br := range r.Breaks {
		if br.Chain == a.ID && br.Seq == 3 && br.Code == BreakLink {
			forgedAt = true
		}
		if br.Chain == "" && br.Code == BreakMissing && strings.Contains(br.Problem, b.ID) {
			missing = true
		}
	}
	if !forgedAt || !missing {
		t.Errorf("breaks %+v: want the link after event 2 of plan a, and b's events missing", r.Breaks)
	}
}

// TestRescueFromBrokenStructure wrecks one page at a time. Whatever Open
// makes of it, Rescue never writes to the old file, never crashes, and
// what it copies passes Check.
func TestRescueFromBrokenStructure(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	makeDB(t, good)
	orig := read(t, good)
	ps := os.Getpagesize()
	rescued, tried := 0, 0
	// Every fifth page, for time; the pages differ in kind, not in turn.
	for pg := 2; pg < len(orig)/ps; pg += 5 {
		tried++
		b := bytes.Clone(orig)
		for i := pg*ps + 16; i < (pg+1)*ps; i++ {
			b[i] = byte(i*7 + pg)
		}
		path := filepath.Join(dir, "damaged.db")
		write(t, path, b)
		out := filepath.Join(dir, fmt.Sprintf("rescued-%d.db", pg))
		rep, err := Rescue(path, out)
		if !bytes.Equal(read(t, path), b) {
			t.Fatalf("page %d: Rescue changed the old file", pg)
		}
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("page %d: Rescue: %v", pg, err)
			}
			continue
		}
		rescued++
		if r, err := Check(out); err != nil || !r.OK() {
			t.Errorf("page %d: the rescued file (%d plans): %+v %v", pg, rep.Plans, r, err)
		}
	}
	t.Logf("rescued from %d of %d damaged files", rescued, tried)
}
