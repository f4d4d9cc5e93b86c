package store

import (
	"errors"
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
}

// OK tells whether everything checked is whole.
func (r *Report) OK() bool {
	return r.Structure == nil && len(r.Damaged) == 0 && r.OtherDamaged == 0 && len(r.Breaks) == 0
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
		v, err := readSchema(tx)
		if err != nil {
			return err
		}
		r.Schema = v
		if v < checksumSchema {
			// An older file has neither checksums nor chains; opening it
			// in sipmote upgrades it.
			return nil
		}
		r.Records = d.verifyRecords(tx)
		c := d.verifyChains(tx)
		r.Events, r.Breaks, r.Head = c.events, c.breaks, c.head
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
	slices.SortFunc(r.Breaks, func(a, b ChainBreak) int {
		if c := strings.Compare(a.Chain, b.Chain); c != 0 {
			return c
		}
		return int(a.Seq) - int(b.Seq)
	})
	return r, nil
}

// verifyRecords opens every record outside meta, marking the damaged ones,
// and returns how many there are.
func (d *DB) verifyRecords(tx *bolt.Tx) int {
	n := 0
	var visit func(name string, b *bolt.Bucket)
	visit = func(name string, b *bolt.Bucket) {
		_ = b.ForEach(func(k, v []byte) error {
			if v == nil {
				if nb := b.Bucket(k); nb != nil {
					visit(name+"/"+string(k), nb)
				}
				return nil
			}
			n++
			if _, err := openRecord(d.aead, name, k, v); err != nil {
				d.markDamaged(name, k)
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
