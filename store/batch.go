package store

import (
	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// batchRecord is one Submission encoded for writing.
type batchRecord struct {
	planRecord
	draft  []byte // nil clears the draft
	events []TrailEvent
}

// SaveBatch writes plans with their summaries, editor drafts and trail
// events in one transaction: a plan's change and the events that record
// it are both in the file, or neither is.
func (d *DB) SaveBatch(batch []Submission) error {
	recs := make([]batchRecord, 0, len(batch))
	for _, sub := range batch {
		r := batchRecord{planRecord: planRecord{id: []byte(sub.ID)}}
		var err error
		if sub.Plan != nil {
			if r.planRecord, err = d.encodePlan(sub.Plan); err != nil {
				return err
			}
			if sub.Draft != nil {
				if r.draft, err = d.sealValue(bucketDrafts, r.id, sub.Draft); err != nil {
					return err
				}
			}
		}
		if r.events, err = readyEvents(sub.Events); err != nil {
			return err
		}
		StampRecord(r.events, r.plan, r.summary, sub.Plan)
		recs = append(recs, r)
	}
	return d.update(func(tx *bolt.Tx) error {
		drafts := bucket(tx, bucketDrafts)
		for _, r := range recs {
			if err := r.putWithDraft(tx, d, drafts); err != nil {
				return err
			}
			for _, e := range r.events {
				if err := d.appendEvent(tx, string(r.id), e); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// readyEvents checks the kinds of events and fills in what Log fills in.
func readyEvents(events []TrailEvent) ([]TrailEvent, error) {
	out := make([]TrailEvent, 0, len(events))
	for _, e := range events {
		if !knownKind(e.Kind) {
			return nil, ErrBadEvent
		}
		fillEvent(&e)
		out = append(out, e)
	}
	return out, nil
}

// putWithDraft writes the plan and its draft, if the record holds a plan.
func (r batchRecord) putWithDraft(tx *bolt.Tx, d *DB, drafts *bolt.Bucket) error {
	if r.p == nil {
		return nil
	}
	if err := r.put(tx, d); err != nil {
		return err
	}
	if r.draft != nil {
		return drafts.Put(r.id, r.draft)
	}
	return drafts.Delete(r.id)
}

// SavePlanLogged stores the plan and appends e to its trail in one
// transaction.
func (d *DB) SavePlanLogged(p *model.Plan, e TrailEvent) error { return d.SaveNewPlan(p, e) }
