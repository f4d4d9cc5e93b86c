package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// keyDir gives the test a record-key folder of its own.
func keyDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "keys")
	t.Setenv("SIPMOTE_KEY_DIR", dir)
	return dir
}

// An event changed by someone without the record key, its checksum made
// again and every later link recomputed, is named as changed; so is one
// sealed with another key, or with its seal taken off.
func TestForgedEventIsNamed(t *testing.T) {
	for _, how := range []string{"wrong hmac", "own key", "seal removed"} {
		t.Run(how, func(t *testing.T) {
			keyDir(t)
			path, a, _ := twoPlans(t)
			if r, err := Check(path); err != nil || !r.OK() || r.Key != KeyUser || r.Unsealed != 0 {
				t.Fatalf("a whole file: %+v %v", r, err)
			}
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				tb := tx.Bucket([]byte(bucketTrail)).Bucket([]byte(a.ID))
				key := seqKey(2)
				raw := tb.Get(key)
				inner := slices.Clone(raw[1+macIDLen : len(raw)-macLen-crcLen])
				var e TrailEvent
				if err := decode(inner, &e); err != nil {
					return err
				}
				e.OSUser = "someone-else"
				forged, _ := encode(e)
				var rec []byte
				switch how {
				case "wrong hmac":
					var id [8]byte
					copy(id[:], raw[1:1+macIDLen])
					rec, _ = sealRecord(keyring{mac: &macKey{key: []byte("not the key"), id: id}}, trailBucket(a.ID), key, forged)
				case "own key":
					rec, _ = sealRecord(keyring{mac: newMACKey(bytes.Repeat([]byte{7}, 32))}, trailBucket(a.ID), key, forged)
				case "seal removed":
					rec, _ = sealRecord(keyring{}, trailBucket(a.ID), key, forged)
				}
				return tb.Put(key, rec)
			})
			r, err := Check(path)
			if err != nil || r.OK() {
				t.Fatalf("the forgery passed: %+v %v", r, err)
			}
			switch how {
			case "wrong hmac":
				if !slices.Equal(r.Changed, []string{a.ID}) {
					t.Errorf("Changed = %v, want %s", r.Changed, a.ID)
				}
			case "own key":
				if r.OtherKey != 1 {
					t.Errorf("OtherKey = %d, want 1", r.OtherKey)
				}
			case "seal removed":
				if r.Unsealed != 1 {
					t.Errorf("Unsealed = %d, want 1", r.Unsealed)
				}
			}
		})
	}
}

// An older record of a plan put back in place of the newer one (a closed
// plan made an open draft again) is found, on a plain and on an
// encrypted file alike: the trail's event of the closing carries the hash
// of the record it wrote.
func TestOldRecordPutBackIsFound(t *testing.T) {
	for _, encrypted := range []bool{false, true} {
		t.Run(fmt.Sprintf("encrypted=%v", encrypted), func(t *testing.T) {
			keyDir(t)
			path := filepath.Join(t.TempDir(), "sip.db")
			var opts, ro []Option
			if encrypted {
				opts = append(opts, WithNewPassphrase([]byte("lösen"), testKDF))
				ro = append(ro, WithPassphrase(pass("lösen")))
			}
			d, err := Open(path, opts...)
			if err != nil {
				t.Fatal(err)
			}
			p := model.NewPlan(model.Person{Name: "Vera Sund"}, fixedTime())
			if err := d.SavePlanLogged(p, TrailEvent{Kind: TrailCreated}); err != nil {
				t.Fatal(err)
			}
			var open, openSum []byte
			_ = d.view(func(tx *bolt.Tx) error {
				open = slices.Clone(getPlanRecord(bucket(tx, bucketPlans), []byte(p.ID)))
				openSum = slices.Clone(bucket(tx, bucketSummaries).Get([]byte(p.ID)))
				return nil
			})
			if err := p.Close(model.Closure{Reason: model.CloseGoalsMet, Date: "2025-03-14"}, fixedTime().Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
			if err := d.SavePlanLogged(p, TrailEvent{Kind: TrailClosed}); err != nil {
				t.Fatal(err)
			}
			d.Close()
			if r, err := Check(path, ro...); err != nil || !r.OK() {
				t.Fatalf("a whole file: %+v %v", r, err)
			}
			// The summary alone put back: the list would say the plan is
			// open while its record says closed.
			var closedSum []byte
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				closedSum = slices.Clone(tx.Bucket([]byte(bucketSummaries)).Get([]byte(p.ID)))
				return tx.Bucket([]byte(bucketSummaries)).Put([]byte(p.ID), openSum)
			})
			r, err := Check(path, ro...)
			if err != nil || r.OK() || !slices.Equal(r.Replayed, []string{p.ID}) {
				t.Errorf("the old summary put back: %+v %v", r, err)
			}
			rawUpdate(t, path, func(tx *bolt.Tx) error {
				if err := tx.Bucket([]byte(bucketSummaries)).Put([]byte(p.ID), closedSum); err != nil {
					return err
				}
				return putPlanRecord(tx.Bucket([]byte(bucketPlans)), []byte(p.ID), open)
			})
			r, err = Check(path, ro...)
			if err != nil || r.OK() || !slices.Equal(r.Replayed, []string{p.ID}) || len(r.Damaged) != 0 {
				t.Errorf("the old record put back: %+v %v", r, err)
			}
			if want := map[bool]KeyKind{false: KeyUser, true: KeyFile}[encrypted]; r.Key != want {
				t.Errorf("Key = %v, want %v", r.Key, want)
			}
		})
	}
}

// The newest events cut off together with their index entries leave a
// whole chain; check finds them gone from what an earlier check kept.
func TestCutOffTailIsFound(t *testing.T) {
	keys := keyDir(t)
	path, a, _ := twoPlans(t)
	r, err := Check(path)
	if err != nil || !r.OK() || r.Seen != nil {
		t.Fatalf("first check: %+v %v", r, err)
	}
	if r, err = Check(path); err != nil || !r.OK() || r.Seen == nil {
		t.Fatalf("second check: %+v %v", r, err)
	}
	rawUpdate(t, path, cutNewestEvent)
	r, err = Check(path)
	if err != nil || r.OK() || r.CutOff != 1 || len(r.Breaks) != 0 {
		t.Errorf("a cut-off tail: %+v %v", r, err)
	}
	_ = a
	// On another machine, without this user's key or what was seen, the
	// same file is only as good as its checksums: check says so.
	t.Setenv("SIPMOTE_KEY_DIR", filepath.Join(keys, "elsewhere"))
	r, err = Check(path)
	if err != nil || r.Key != KeyNone || r.OtherKey == 0 || r.Seen != nil {
		t.Errorf("on another machine: %+v %v", r, err)
	}
}

// cutNewestEvent removes the trail's newest event with its entry in the
// file's chain, as someone who cuts the end of the trail off would.
func cutNewestEvent(tx *bolt.Tx) error {
	idx := tx.Bucket([]byte(bucketTrailIndex))
	k, v := idx.Cursor().Last()
	var ptr trailPointer
	if err := decode(v[1+macIDLen:len(v)-macLen-crcLen], &ptr); err != nil {
		return err
	}
	if err := idx.Delete(k); err != nil {
		return err
	}
	owner := tx.Bucket([]byte(bucketTrail)).Bucket([]byte(ptr.Owner))
	if err := owner.Delete(seqKey(ptr.Seq)); err != nil {
		return err
	}
	return idx.SetSequence(binary.BigEndian.Uint64(k) - 1)
}
