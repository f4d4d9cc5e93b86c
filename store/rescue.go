package store

import (
	"crypto/cipher"
	"errors"
	"io/fs"
	"os"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// RescueReport says what Rescue copied and what it had to leave.
type RescueReport struct {
	// Plans is the number of plans copied whole.
	Plans int
	// Lost are the ids of plans whose record was damaged: not copied.
	Lost []string
	// Events is the number of trail events copied; LostEvents those left
	// out because they were damaged.
	Events, LostEvents int
	// Drafts left out because they were damaged.
	LostDrafts int
	// PageWalk says the file's tree could not be walked, so its pages
	// were read one by one (see salvage.go); Unreadable counts the
	// records found there that failed their checksum or seal, older
	// copies included, and Lost is then empty: a plan whose every copy
	// is damaged cannot be named.
	PageWalk   bool
	Unreadable int
}

// rescueBatch is how many plans go into one write transaction of the new
// file, so that memory stays bounded with many plans.
const rescueBatch = 500

// Rescue copies everything whole from the file at src into a new file at
// dst, which must not exist: every plan whose record passes its checksum
// (with a list summary made again from it), the drafts and the trail
// events that pass theirs. The trail is chained anew in the new file, in
// its old order, and ends with a file-level "rescued" event. The new file
// is encrypted with the same key when the old one is. src is only read.
func Rescue(src, dst string, opts ...Option) (*RescueReport, error) {
	if _, err := os.Lstat(dst); err == nil {
		return nil, &PathError{Path: dst, Err: fs.ErrExist}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, &PathError{Path: dst, Err: err}
	}
	rep, err := rescueTree(src, dst, opts)
	switch {
	case err == nil:
		// The tree was walked: what it lost was damaged. A page walk
		// would find only older copies of those, which must not pass
		// for the plan as it was last saved.
		return rep, nil
	case errors.Is(err, ErrNotSipmote):
		// A damaged root page can hide the marker that names the file
		// sipmote's; its records, whose checksums name their buckets,
		// still say so. A bolt file of another program has none.
		if bolty, _ := hasBoltMagic(src); !bolty {
			return nil, err
		}
	case err != nil && !errors.Is(err, ErrCorrupt):
		return nil, err
	}
	// The tree could not be walked: a damaged root or branch page hides
	// every record under it. Read the pages one by one instead.
	o := options{}
	for _, opt := range opts {
		opt(&o)
	}
	sv, aead, serr := salvage(src, o.ask)
	if serr != nil || len(sv.plans) == 0 && sv.crypt == nil && len(sv.events) == 0 {
		return nil, err
	}
	return rescuePages(dst, sv, aead)
}

// rescueTree is Rescue through bbolt, walking the file's tree.
func rescueTree(src, dst string, opts []Option) (*RescueReport, error) {
	// A file whose structure is broken is read as far as it goes: what
	// can be reached and passes its checksum is still worth having.
	s, err := Open(src, append(opts, WithReadOnly(), func(o *options) { o.salvage = true })...)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	// Every record is opened once more here, so that damage Open could not
	// see (a seal that does not open) is known too. A tree bbolt cannot
	// walk to its end is left to the page walk (ErrCorrupt).
	if err := s.view(func(tx *bolt.Tx) error {
		if err := s.soundFile(tx); err != nil {
			return err
		}
		s.verifyRecords(tx, &Report{})
		return nil
	}); err != nil {
		return nil, err
	}
	d, err := s.createLike(dst)
	if err != nil {
		return nil, err
	}
	rep, err := rescueInto(s, d)
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(dst)
		return nil, err
	}
	return rep, nil
}

// createLike makes a new file at path, encrypted with s's key if s is.
func (s *DB) createLike(path string) (*DB, error) {
	var crypt *cryptMeta
	if s.aead != nil {
		if err := s.view(func(tx *bolt.Tx) error {
			var err error
			crypt, err = readCrypt(tx)
			return err
		}); err != nil {
			return nil, err
		}
	}
	return Open(path, func(o *options) { o.inherit = &inherited{crypt: crypt, aead: s.aead} })
}

// inherited is the key a new file takes over from the file it is made from.
type inherited struct {
	crypt *cryptMeta
	aead  cipher.AEAD
}

func rescueInto(s, d *DB) (*RescueReport, error) {
	rep := &RescueReport{}
	lost := map[string]bool{}
	var ids [][]byte
	err := s.view(func(tx *bolt.Tx) error {
		return eachPlanRecord(bucket(tx, bucketPlans), func(k, _ []byte) error {
			ids = append(ids, slices.Clone(k))
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	for start := 0; start < len(ids); start += rescueBatch {
		batch := ids[start:min(start+rescueBatch, len(ids))]
		var recs []planRecord
		var drafts [][2][]byte
		err := s.view(func(tx *bolt.Tx) error {
			for _, id := range batch {
				var p model.Plan
				if err := s.openValue(bucketPlans, id, getPlanRecord(bucket(tx, bucketPlans), id), &p); err != nil || p.ID != string(id) {
					lost[string(id)] = true
					continue
				}
				rec, err := d.encodePlan(&p)
				if err != nil {
					return err
				}
				recs = append(recs, rec)
				if raw := bucket(tx, bucketDrafts).Get(id); raw != nil {
					inner, err := openRecord(s.ring(), bucketDrafts, id, raw)
					if err != nil {
						rep.LostDrafts++
						continue
					}
					sealed, err := sealRecord(d.ring(), bucketDrafts, id, inner)
					if err != nil {
						return err
					}
					drafts = append(drafts, [2][]byte{id, sealed})
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		err = d.update(func(tx *bolt.Tx) error {
			for _, r := range recs {
				if err := r.put(tx, d); err != nil {
					return err
				}
			}
			for _, dr := range drafts {
				if err := bucket(tx, bucketDrafts).Put(dr[0], dr[1]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		rep.Plans += len(recs)
	}
	for id := range lost {
		rep.Lost = append(rep.Lost, id)
	}
	slices.Sort(rep.Lost)
	events, bad, err := s.wholeEvents()
	if err != nil {
		return nil, err
	}
	rep.LostEvents = bad
	if rep.Events, err = d.copyTrail(events, func(owner string) bool { return lost[owner] }, rep.Plans); err != nil {
		return nil, err
	}
	return rep, nil
}

// copyTrail appends the events rescued to d, each to its plan's chain (the
// file's for an event of no plan), in batches of a transaction each, and
// leaves out those of a plan skip names (one not copied); then it records
// the rescue itself, with the number of plans copied. It gives the number
// of events copied. Rescue and Salvage both end with it.
func (d *DB) copyTrail(events []TrailEvent, skip func(owner string) bool, plans int) (int, error) {
	const eventBatch = 2000
	n := 0
	for start := 0; start < len(events); start += eventBatch {
		batch := events[start:min(start+eventBatch, len(events))]
		err := d.update(func(tx *bolt.Tx) error {
			for _, e := range batch {
				owner := e.Plan
				if owner == "" {
					owner = fileTrail
				}
				if skip(owner) {
					continue
				}
				if err := d.appendEvent(tx, owner, e); err != nil {
					return err
				}
				n++
			}
			return nil
		})
		if err != nil {
			return n, err
		}
	}
	e := TrailEvent{Kind: TrailRescued, Count: plans}
	fillEvent(&e)
	return n, d.update(func(tx *bolt.Tx) error { return d.appendEvent(tx, fileTrail, e) })
}

// wholeEvents returns every trail event that passes its checks, in the
// order they were logged, and the number that did not.
func (s *DB) wholeEvents() ([]TrailEvent, int, error) {
	var out []TrailEvent
	bad := 0
	err := s.view(func(tx *bolt.Tx) error {
		tb := bucket(tx, bucketTrail)
		return tb.ForEach(func(owner, v []byte) error {
			b := tb.Bucket(owner)
			if v != nil || b == nil {
				return nil
			}
			return b.ForEach(func(k, raw []byte) error {
				var e TrailEvent
				if err := s.openValue(trailBucket(string(owner)), k, raw, &e); err != nil {
					bad++
					return nil
				}
				if string(owner) == fileTrail {
					e.Plan = ""
				} else {
					e.Plan = string(owner)
				}
				out = append(out, e)
				return nil
			})
		})
	})
	if err != nil {
		return nil, 0, err
	}
	slices.SortStableFunc(out, func(a, b TrailEvent) int {
		switch {
		case a.FileSeq != b.FileSeq:
			return cmpU(a.FileSeq, b.FileSeq)
		case a.At.Before(b.At):
			return -1
		case b.At.Before(a.At):
			return 1
		}
		return 0
	})
	return out, bad, nil
}

func cmpU(a, b uint64) int {
	if a < b {
		return -1
	}
	return 1
}
