package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// A hash chain shows an event changed or removed in its middle, but not
// the newest events cut off together: the chain that is left is whole. So
// check keeps, beside the user's record key (outside the database), the
// newest link it has seen of each database: how many events its chain had
// and the hash of the newest. A later check that finds fewer events, or
// another event in that place, says so.

// seenFile is the file in KeyDir that keeps the links.
const seenFile = "seen.json"

// SeenLink is what a check saw of one database's chain.
type SeenLink struct {
	Events uint64    `json:"events"` // the number of the newest event
	Head   string    `json:"head"`   // its hash
	At     time.Time `json:"at"`     // when the check ran
}

func readSeen() (map[string]SeenLink, string, error) {
	dir, err := KeyDir()
	if err != nil {
		return nil, "", err
	}
	path := filepath.Join(dir, seenFile)
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]SeenLink{}, path, nil
	}
	if err != nil {
		return nil, "", err
	}
	m := map[string]SeenLink{}
	if err := json.Unmarshal(raw, &m); err != nil {
		return map[string]SeenLink{}, path, nil
	}
	return m, path, nil
}

// keepSeen notes the chain of the database at path as r found it, and
// tells whether it did: a check must not say the link is kept when it
// was not.
func keepSeen(path string, r *Report) (bool, error) {
	return KeepSeen(dbIdentity(path), r)
}

// KeepSeen notes, under identity, the newest link of the chain r found
// (see CompareSeen), in the user's own folder outside the database, and
// tells whether it did. identity names the database the same way at every
// check: a file's absolute path, a server's address without user and
// password. Only a whole chain's link is to be kept: a cut-off tail is not
// the newest link ever seen.
func KeepSeen(identity string, r *Report) (bool, error) {
	if r.Head == "" {
		return false, nil
	}
	m, file, err := readSeen()
	if err != nil {
		return false, err
	}
	if err := privateDir(filepath.Dir(file), true); err != nil {
		return false, err
	}
	m[identity] = SeenLink{Events: r.lastSeq, Head: r.Head, At: time.Now().UTC()}
	raw, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return false, err
	}
	tmp := file + ".new"
	_ = os.Remove(tmp)
	if err := writeNew(tmp, raw); err != nil {
		return false, err
	}
	if err := os.Rename(tmp, file); err != nil {
		return false, err
	}
	return true, nil
}

// CompareSeen compares a chain whose newest event is number last with
// what an earlier check kept under identity, and says in r what it found
// (Seen, CutOff, Rewritten). hashAt gives the hash of the chain's event
// numbered seq, and false when there is none; an error reading it counts
// as another event.
func CompareSeen(identity string, last uint64, hashAt func(seq uint64) (string, bool), r *Report) {
	r.lastSeq = last
	m, _, err := readSeen()
	if err != nil {
		return
	}
	seen, ok := m[identity]
	if !ok {
		return
	}
	r.Seen = &seen
	if last < seen.Events {
		r.CutOff = seen.Events - last
		return
	}
	if h, ok := hashAt(seen.Events); !ok || h != seen.Head {
		r.Rewritten = true
	}
}

// compareSeen compares the file's chain with what an earlier check kept.
func (d *DB) compareSeen(tx *bolt.Tx, r *Report) {
	idx := bucket(tx, bucketTrailIndex)
	if idx == nil {
		return
	}
	var last uint64
	if k, _ := idx.Cursor().Last(); k != nil {
		last = binary.BigEndian.Uint64(k)
	}
	CompareSeen(dbIdentity(d.path), last, func(seq uint64) (string, bool) {
		v := idx.Get(seqKey(seq))
		if v == nil {
			return "", false
		}
		inner, err := d.pointedEvent(tx, seqKey(seq), v)
		if err != nil {
			return "", true
		}
		return eventHash(inner), true
	}, r)
}

// findReplayed returns the plans whose stored record (or list summary) is
// older than the newest one their trail says was written: for each plan,
// the newest event that carries a record's hash either names these
// records, or was written with records no newer than these (UpdatedAt);
// else an older record was put back.
func (d *DB) findReplayed(tx *bolt.Tx) []string {
	var out []string
	tb := bucket(tx, bucketTrail)
	if tb == nil {
		return nil
	}
	trim := pageTrim{tx: tx, every: checkTrimPlans}
	defer trim.end()
	_ = eachPlanRecord(bucket(tx, bucketPlans), func(k, raw []byte) error {
		trim.read()
		b := tb.Bucket(k)
		if b == nil {
			return nil
		}
		var newest *TrailEvent
		c := b.Cursor()
		for ek, ev := c.Last(); ek != nil; ek, ev = c.Prev() {
			var e TrailEvent
			inner, err := openRecord(d.ring(), trailBucket(string(k)), ek, ev)
			if err != nil || decode(inner, &e) != nil {
				return nil // reported as damaged
			}
			if e.Record != "" {
				newest = &e
				break
			}
		}
		if newest == nil || RecordHash(raw, bucket(tx, bucketSummaries).Get(k)) == newest.Record {
			return nil
		}
		var p model.Plan
		inner, err := openRecord(d.ring(), bucketPlans, k, raw)
		if err != nil || decode(inner, &p) != nil {
			return nil // reported as damaged
		}
		var sum model.Summary
		sumRaw := bucket(tx, bucketSummaries).Get(k)
		if inner, err := openRecord(d.ring(), bucketSummaries, k, sumRaw); err != nil || decode(inner, &sum) != nil {
			return nil // reported as damaged
		}
		// Either record older than the newest one written with an event
		// was put back; both written later (plain saves since) is fine.
		if p.UpdatedAt.Before(newest.RecordAt) || sum.UpdatedAt.Before(newest.RecordAt) {
			out = append(out, string(k))
		}
		return nil
	})
	return out
}
