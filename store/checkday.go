package store

import (
	"encoding/json"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The whole-file check is too slow to run at every start with thousands
// of plans (every page of the file is read), so Open does not run it:
// each record is checked when it is read, sipmote check runs it on
// demand, and the program runs it in the background at most once a day
// (see service.CheckDaily). Its outcome is kept in the file, in the meta
// bucket, so that the next start knows when it last ran and what it
// found: plans found damaged stay refused for writing, as if found again.

// keyChecked holds the last whole-file check's CheckRecord, as JSON;
// keyDamaged the damaged records found since, when they were read (a
// foundDamage).
const (
	keyChecked = "checked"
	keyDamaged = "damaged"
)

// foundDamage is the damage reads have found, as kept in the file.
type foundDamage struct {
	Plans []string `json:"plans,omitempty"`
	Other int      `json:"other,omitempty"`
}

// CheckRecord is the outcome of the last whole-file check, as kept in the
// file. It names plans by id only.
type CheckRecord struct {
	At time.Time `json:"at"`
	// Damaged are the plans with a damaged record; OtherDamaged counts
	// damaged records of no plan; Breaks the breaks in the trail's
	// chains; Structure says bbolt found the file's structure broken.
	Damaged      []string `json:"damaged,omitempty"`
	OtherDamaged int      `json:"other_damaged,omitempty"`
	Breaks       int      `json:"breaks,omitempty"`
	Structure    bool     `json:"structure,omitempty"`
}

// OK tells whether the check found everything whole.
func (c CheckRecord) OK() bool {
	return len(c.Damaged) == 0 && c.OtherDamaged == 0 && c.Breaks == 0 && !c.Structure
}

// maxRecordedDamage bounds the plan ids kept in a CheckRecord.
const maxRecordedDamage = 1000

// RecordOf is what a Report says, as kept in the file.
func RecordOf(r *Report, at time.Time) CheckRecord {
	c := CheckRecord{At: at, OtherDamaged: r.OtherDamaged, Breaks: len(r.Breaks), Structure: r.Structure != nil}
	c.Damaged = slices.Clone(r.Damaged[:min(len(r.Damaged), maxRecordedDamage)])
	return c
}

// readCheckRecord reads the last check's record from the meta bucket.
func readCheckRecord(tx *bolt.Tx) (CheckRecord, bool) { return checkRecordIn(metaOf(tx)) }

// checkRecordIn reads the last check from the meta bucket's records.
func checkRecordIn(meta metaGetter) (CheckRecord, bool) {
	var c CheckRecord
	if meta == nil {
		return c, false
	}
	raw := meta.Get([]byte(keyChecked))
	if raw == nil || json.Unmarshal(raw, &c) != nil {
		return CheckRecord{}, false
	}
	return c, true
}

// readFoundDamage reads the damage reads have found from the meta bucket.
func readFoundDamage(tx *bolt.Tx) foundDamage { return foundDamageIn(metaOf(tx)) }

// foundDamageIn reads the damage found from the meta bucket's records.
func foundDamageIn(meta metaGetter) (f foundDamage) {
	if meta != nil {
		if raw := meta.Get([]byte(keyDamaged)); raw != nil {
			_ = json.Unmarshal(raw, &f)
		}
	}
	return f
}

// markFound takes up the damage earlier reads found and recorded.
func (d *DB) markFound(f foundDamage) {
	for _, id := range f.Plans {
		d.markDamaged(bucketPlans, []byte(id))
	}
	for range f.Other {
		d.markDamaged(bucketMeta, nil)
	}
	d.damage.mu.Lock()
	d.damage.fresh = false
	d.damage.mu.Unlock()
}

// keepDamage records in the file the damage found by reads that it does
// not record yet. Like RecordCheck it writes to a file with damaged
// records, one key of the meta bucket: the next start must know, and it
// reads no record to find out. Best effort: a file that takes not even
// this still refuses writes for as long as this program runs.
func (d *DB) keepDamage() {
	if d.readOnly {
		return
	}
	d.damage.mu.Lock()
	if !d.damage.fresh {
		d.damage.mu.Unlock()
		return
	}
	d.damage.fresh = false
	f := foundDamage{Other: d.damage.other}
	for id := range d.damage.plans {
		if len(f.Plans) < maxRecordedDamage {
			f.Plans = append(f.Plans, id)
		}
	}
	d.damage.mu.Unlock()
	slices.Sort(f.Plans)
	raw, err := json.Marshal(f)
	if err != nil {
		return
	}
	func() {
		defer catchCorrupt(&err)
		_ = d.bolt.Update(func(tx *bolt.Tx) error {
			return bucket(tx, bucketMeta).Put([]byte(keyDamaged), raw)
		})
	}()
}

// markChecked keeps the damage a recorded check found: those plans are
// not written to, as when their records are read.
func (d *DB) markChecked(c CheckRecord) {
	for _, id := range c.Damaged {
		d.markDamaged(bucketPlans, []byte(id))
	}
	for range c.OtherDamaged {
		d.markDamaged(bucketMeta, nil)
	}
}

// LastCheck returns the last whole-file check recorded in the file, and
// false when none was.
func (d *DB) LastCheck() (c CheckRecord, ok bool, err error) {
	err = d.view(func(tx *bolt.Tx) error {
		c, ok = readCheckRecord(tx)
		return nil
	})
	return c, ok, err
}

// RecordCheck keeps c in the file. It writes even to a file with damaged
// records, whose structure is whole: the record is one key of the meta
// bucket, and what it says must survive the program. A file whose
// structure is broken is not written to at all (ErrDamaged).
func (d *DB) RecordCheck(c CheckRecord) error {
	if d.readOnly {
		return ErrReadOnly
	}
	if c.Structure {
		return ErrDamaged
	}
	raw, err := json.Marshal(c)
	if err != nil {
		return err
	}
	defer catchCorrupt(&err)
	if err := d.bolt.Update(func(tx *bolt.Tx) error {
		return bucket(tx, bucketMeta).Put([]byte(keyChecked), raw)
	}); err != nil {
		return &SaveError{Err: err}
	}
	return nil
}
