package store

import (
	"fmt"
	"io"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// SaveNewPlan stores a plan that came from elsewhere together with its
// trail events, in one transaction: the events carried from the sender's
// file first, then the event of the import. A carried event of a kind this
// version does not know is left out. Either all of it is stored or
// none, so a plan never appears without the trail it came with.
func (d *DB) SaveNewPlan(p *model.Plan, events ...TrailEvent) error {
	var keep []TrailEvent
	for _, e := range events {
		if !knownKind(e.Kind) {
			// A carried event of a kind a newer sipmote knows is left
			// out rather than refusing the plan.
			if e.Carried {
				continue
			}
			return fmt.Errorf("store: log: %w", ErrBadEvent)
		}
		fillEvent(&e)
		keep = append(keep, e)
	}
	events = keep
	rec, err := d.encodePlan(p)
	if err != nil {
		return err
	}
	StampRecord(events, rec.plan, rec.summary, p)
	return d.update(func(tx *bolt.Tx) error {
		if err := rec.put(tx, d); err != nil {
			return err
		}
		for _, e := range events {
			if err := d.appendEvent(tx, p.ID, e); err != nil {
				return err
			}
		}
		return nil
	})
}

// Snapshot writes the whole database file, as it stands at one moment, to
// w: bbolt's Tx.WriteTo inside a read transaction, so saves go on beside
// it and the copy is consistent. An encrypted file's copy is encrypted the
// same way. It returns the number of bytes written.
func (d *DB) Snapshot(w io.Writer) (n int64, err error) {
	err = d.view(func(tx *bolt.Tx) error {
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}
