package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Report is the state of a database file as Check found it.
type Report struct {
	// Schema is the file's layout version.
	Schema uint64
	// Encrypted tells whether its records are sealed.
	Encrypted bool
	// Structure is bbolt's own verdict: nil when its pages, free list and
	// buckets are consistent, else an error wrapping ErrCorrupt. When it
	// is set nothing else could be looked at.
	Structure error
	// Records is the number of records whose checksum (and seal) was
	// checked; Damaged the ids of plans with a record that failed, and
	// OtherDamaged the failed records that belong to no plan.
	Records      int
	Damaged      []string
	OtherDamaged int
	// Events is the number of trail events; Breaks where a chain does not
	// hold; Head the hash of the newest event in the file's chain, to be
	// noted elsewhere if the file must be shown whole later.
	Events int
	Breaks []ChainBreak
	Head   string

	// Key is the key the records were checked with (see KeyKind), and
	// KeyErr why a plain file's record key could not be read, if so.
	Key    KeyKind
	KeyErr error
	// Changed are the plans with a record whose checksum is right but
	// whose seal (HMAC or encryption) is not: changed by someone without
	// the key. They are in Damaged too.
	Changed []string
	// Unsealed counts plain records that carry no seal (written before
	// records were sealed, or where no key was), OtherKey those sealed
	// with a record key that is not this user's on this machine: neither
	// can be shown to be unchanged here.
	Unsealed, OtherKey int
	// Ours counts the records sealed with this user's record key here:
	// none at all is a file from another computer (see AdoptSeals).
	Ours int
	// Replayed are the plans whose record is older than the trail says
	// it was written: an earlier record put back in place of a newer one.
	Replayed []string
	// Seen is what an earlier check on this machine saw of the file's
	// chain (its number of events and newest link), kept beside the
	// record key; nil when none did. CutOff is how many events at the
	// end of the chain are gone since, and Rewritten says the event that
	// was newest then is not the same any more.
	Seen      *SeenLink
	CutOff    uint64
	Rewritten bool
	// SeenKept tells whether this check's newest link was kept for the
	// next (only a whole file's is), and SeenErr why it could not be.
	SeenKept bool
	SeenErr  error
	// Front is what the home screen's front page is like. A damaged one
	// makes the check fail; one that is only out of date does not (it is
	// not used and is made again at the next start either way).
	Front FrontCheck
	// lastSeq is the number of the newest event in the file's chain.
	lastSeq uint64
}

// OK tells whether everything checked is whole.
func (r *Report) OK() bool {
	return r.WholeButSeals() && !(r.Key == KeyUser && (r.Unsealed > 0 || r.OtherKey > 0))
}

// WholeButSeals tells whether the file passes every test but the one of
// records sealed with no key or another key than this user's: whole, but
// not proved unchanged here.
func (r *Report) WholeButSeals() bool {
	return r.Structure == nil && len(r.Damaged) == 0 && r.OtherDamaged == 0 && len(r.Breaks) == 0 && r.Front != FrontDamaged &&
		len(r.Changed) == 0 && len(r.Replayed) == 0 && r.CutOff == 0 && !r.Rewritten
}

// Check looks at the whole file without writing to it: bbolt's own check
// of its structure, the checksum (and, for an encrypted file, the seal) of
// every record, and every trail's hash chain. It returns an error only
// when the file cannot be looked at at all: missing, locked, not sipmote's,
// or encrypted and not unlocked.
func Check(path string, opts ...Option) (*Report, error) {
	d, err := Open(path, append(opts, WithReadOnly())...)
	if err != nil {
		if errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNotSipmote) {
			return &Report{Structure: err}, nil
		}
		return nil, err
	}
	defer d.Close()
	return d.Check()
}

// Check reads the whole open file without writing to it, as the function
// Check does: every record's checksum and seal, and every trail chain.
func (d *DB) Check() (*Report, error) {
	r := &Report{Encrypted: d.Encrypted()}
	err := d.view(func(tx *bolt.Tx) error {
		// The check reads every page; the program it runs in (the
		// screens, once a day) does not keep them (pagetrim.go).
		defer giveBack(tx)
		v, err := readSchema(tx)
		if err != nil {
			return err
		}
		r.Schema = v
		// The page tree's shape first: bbolt's walks below would loop on
		// a branch that points back up the tree.
		if err := checkTree(d.path, tx.DB().Info().PageSize); err != nil {
			return err
		}
		if v < checksumSchema {
			// An older file has neither checksums nor chains; opening it
			// in sipmote upgrades it.
			return nil
		}
		r.Records = d.verifyRecords(tx, r)
		r.Front = d.checkFront(tx)
		c := d.verifyChains(tx)
		r.Events, r.Breaks, r.Head = c.events, c.breaks, c.head
		r.Replayed = d.findReplayed(tx)
		d.compareSeen(tx, r)
		// bbolt's own check, of the free list and of pages nothing
		// reaches, done on pages read from the file (structcheck.go).
		err = checkStructure(d.path, uint64(tx.ID()))
		if errors.Is(err, errNoMeta) {
			// bbolt's: it runs on a goroutine of its own, where a fault
			// would not be caught, which is why every record has been
			// read first.
			err = nil
			for range tx.Check() {
				err = ErrCorrupt
			}
		}
		if err != nil {
			r.Structure = fmt.Errorf("%w: the database structure is inconsistent", ErrCorrupt)
		}
		return nil
	})
	if err != nil {
		if errors.Is(err, ErrCorrupt) {
			r.Structure = err
			return r, nil
		}
		return nil, err
	}
	r.Damaged, r.OtherDamaged = d.Damaged()
	switch {
	case d.aead != nil:
		r.Key = KeyFile
	case d.mac != nil:
		r.Key = KeyUser
	default:
		r.KeyErr = d.keyErr
	}
	if r.OK() {
		// Kept only from a whole file: a cut-off tail is not the newest
		// link ever seen.
		r.SeenKept, r.SeenErr = keepSeen(d.path, r)
	}
	slices.SortFunc(r.Breaks, func(a, b ChainBreak) int {
		if c := strings.Compare(a.Chain, b.Chain); c != 0 {
			return c
		}
		return int(a.Seq) - int(b.Seq)
	})
	return r, nil
}

// verifyRecords opens every record outside meta, marking the damaged ones
// and noting in r the changed and the unproved ones, and returns how many
// there are.
func (d *DB) verifyRecords(tx *bolt.Tx, r *Report) int {
	n := 0
	trim := pageTrim{tx: tx, every: checkTrimRecords}
	defer trim.end()
	var visit func(name string, b *bolt.Bucket)
	visit = func(name string, b *bolt.Bucket) {
		_ = forEachRecord(name, b, func(k, v []byte) error {
			if v == nil {
				if nb := b.Bucket(k); nb != nil {
					visit(name+"/"+string(k), nb)
				}
				return nil
			}
			n++
			trim.read()
			if name == bucketPlans && r.Schema >= partsSchema && b.Get(k) != nil {
				// A whole record beside the parts was put there by
				// hand: a save deletes it, and the migration left none.
				d.markDamaged(name, k)
			}
			if _, err := openRecord(d.ring(), name, k, v); err != nil {
				d.markDamaged(name, k)
				if id, ok := planOfRecord(name, k); ok && errors.Is(err, ErrChangedRecord) && !slices.Contains(r.Changed, id) {
					r.Changed = append(r.Changed, id)
				}
				return nil
			}
			switch sealKind(d.ring(), v) {
			case "none":
				r.Unsealed++
			case "other":
				r.OtherKey++
			case "user":
				r.Ours++
			}
			return nil
		})
	}
	_ = tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		if string(name) != bucketMeta {
			visit(string(name), b)
		}
		return nil
	})
	return n
}
