package store

import (
	"errors"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// TestCheckRecordKeepsDamage: Open reads no record, so a damaged plan
// that nobody reads is found by the whole-file check; what it found is
// kept in the file, and the next start refuses to write to that plan's
// file again without reading it.
func TestCheckRecordKeepsDamage(t *testing.T) {
	path, a, b := twoPlans(t)
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		v := slices.Clone(getPlanRecord(tx.Bucket([]byte(bucketPlans)), []byte(a.ID)))
		v[len(v)/2] ^= 0x55
		return putPlanRecord(tx.Bucket([]byte(bucketPlans)), []byte(a.ID), v)
	})
	d, err := Open(path)
	if err != nil {
		t.Fatalf("Open of a file with one damaged record: %v", err)
	}
	if ids, _ := d.Damaged(); len(ids) != 0 {
		t.Fatalf("Open read the records: %v", ids)
	}
	if _, ok, _ := d.LastCheck(); ok {
		t.Fatal("a check is recorded before any ran")
	}
	rep, err := d.Check()
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	rec := RecordOf(rep, at)
	if rec.OK() || !slices.Equal(rec.Damaged, []string{a.ID}) {
		t.Fatalf("the check found %+v", rec)
	}
	if err := d.RecordCheck(rec); err != nil {
		t.Fatalf("recording the check in a file with a damaged record: %v", err)
	}
	if err := d.SavePlan(b); !errors.Is(err, ErrDamaged) {
		t.Errorf("SavePlan after the check found damage: %v, want ErrDamaged", err)
	}
	d.Close()

	d, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	got, ok, err := d.LastCheck()
	if err != nil || !ok || !got.At.Equal(at) || !slices.Equal(got.Damaged, []string{a.ID}) {
		t.Errorf("LastCheck after a restart = %+v %v %v", got, ok, err)
	}
	if err := d.SavePlan(b); !errors.Is(err, ErrDamaged) {
		t.Errorf("SavePlan after a restart: %v, want ErrDamaged", err)
	}
}

// TestReadDamageIsKept: a damaged record found by reading it is recorded
// in the file, so that the next start refuses writes without reading it.
func TestReadDamageIsKept(t *testing.T) {
	path, a, b := twoPlans(t)
	rawUpdate(t, path, func(tx *bolt.Tx) error {
		v := slices.Clone(getPlanRecord(tx.Bucket([]byte(bucketPlans)), []byte(a.ID)))
		v[len(v)/2] ^= 0x55
		return putPlanRecord(tx.Bucket([]byte(bucketPlans)), []byte(a.ID), v)
	})
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Writable(); err != nil {
		t.Errorf("Writable before the damage is read: %v", err)
	}
	if _, err := d.LoadPlan(a.ID); !errors.Is(err, ErrDamagedRecord) {
		t.Fatalf("LoadPlan of the damaged plan: %v", err)
	}
	if err := d.Writable(); !errors.Is(err, ErrDamaged) {
		t.Errorf("Writable once the damage is read: %v, want ErrDamaged", err)
	}
	d.Close()
	d, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if ids, _ := d.Damaged(); !slices.Equal(ids, []string{a.ID}) {
		t.Errorf("after a restart Damaged = %v", ids)
	}
	if err := d.Writable(); !errors.Is(err, ErrDamaged) {
		t.Errorf("Writable after a restart: %v, want ErrDamaged", err)
	}
	if err := d.SavePlan(b); !errors.Is(err, ErrDamaged) {
		t.Errorf("SavePlan after a restart: %v, want ErrDamaged", err)
	}
}

// TestWritableSaysWhatAWriteWouldMeet: Writable answers as the next write
// would, for a file opened to write, one opened to read, and one whose
// page tree is broken (found at the first use of the bucket).
func TestWritableSaysWhatAWriteWouldMeet(t *testing.T) {
	path, _, b := twoPlans(t)
	ro, err := Open(path, WithReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.Writable(); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only: Writable = %v, want ErrReadOnly", err)
	}
	if err := ro.SavePlan(b); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only: SavePlan = %v, want ErrReadOnly", err)
	}
	ro.Close()
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Writable(); err != nil {
		t.Errorf("a sound file: Writable = %v", err)
	}
	if err := d.SavePlan(b); err != nil {
		t.Errorf("a sound file: SavePlan = %v", err)
	}
}
