package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// DeletePlan removes plan id's record (every part of it), its list line
// and its editor draft, and appends e to the plan's trail and to the
// file's (Section: the id), in one fsynced transaction. The summaries'
// sequence moves on, so the home screen's front page, which may name the
// plan, is not taken as current again. A closed plan is refused.
func (d *DB) DeletePlan(id string, e TrailEvent) error {
	if id == "" {
		return fmt.Errorf("store: delete: %w", ErrNoID)
	}
	e.Kind = TrailDeleted
	fillEvent(&e)
	return d.update(func(tx *bolt.Tx) error {
		k := []byte(id)
		plans, sums := bucket(tx, bucketPlans), bucket(tx, bucketSummaries)
		if getPlanRecord(plans, k) == nil {
			return fmt.Errorf("store: plan %s: %w", id, ErrNotFound)
		}
		var sum model.Summary
		if raw := sums.Get(k); raw != nil && d.openValue(bucketSummaries, k, raw, &sum) == nil && sum.Status == model.StatusClosed {
			return fmt.Errorf("store: plan %s: %w", id, ErrClosedPlan)
		}
		var keys [][]byte
		c := plans.Cursor()
		if got, _ := c.Seek(k); bytes.Equal(got, k) {
			keys = append(keys, bytes.Clone(got)) // a whole record of schema 5
		}
		for got, _ := c.Seek(partKey(k, 0)); got != nil; got, _ = c.Next() {
			kid, _, ok := splitPartKey(got)
			if !ok || !bytes.Equal(kid, k) {
				break
			}
			keys = append(keys, bytes.Clone(got))
		}
		for _, key := range keys {
			if err := plans.Delete(key); err != nil {
				return err
			}
		}
		if err := sums.Delete(k); err != nil {
			return err
		}
		if _, err := sums.NextSequence(); err != nil {
			return err
		}
		if err := bucket(tx, bucketDrafts).Delete(k); err != nil {
			return err
		}
		if err := d.appendEvent(tx, id, e); err != nil {
			return err
		}
		fe := e
		fe.Section = id
		return d.appendEvent(tx, fileTrail, fe)
	})
}
