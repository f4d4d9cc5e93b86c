package store

import (
	"bytes"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/sipmote/sipmote/model"
)

// SavePlan stores the plan and its list summary in one fsynced
// transaction, so the list never disagrees with the plan. Setting
// p.UpdatedAt is the caller's job. The stored editor draft, if any, is
// left as it is; the Saver is the way to save both together.
func (d *DB) SavePlan(p *model.Plan) error {
	rec, err := d.encodePlan(p)
	if err != nil {
		return err
	}
	return d.update(func(tx *bolt.Tx) error { return rec.put(tx, d) })
}

// LoadPlan reads one plan by its full id. It returns ErrNotFound when there
// is none; Resolve turns a prefix typed by the user into a full id. A plan
// whose record fails its checksum gives ErrDamagedRecord with the id and
// nothing else: a damaged plan is never shown as if it were whole.
func (d *DB) LoadPlan(id string) (*model.Plan, error) {
	var p model.Plan
	err := d.view(func(tx *bolt.Tx) error {
		v := getPlanRecord(bucket(tx, bucketPlans), []byte(id))
		if v == nil {
			return fmt.Errorf("store: plan %s: %w", id, ErrNotFound)
		}
		if err := d.openValue(bucketPlans, []byte(id), v, &p); err != nil {
			return fmt.Errorf("store: plan %s: %w", id, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// List returns the summary of every plan, in id order; the caller sorts
// them as the screen needs. It reads only the summaries, never a whole
// plan, so that it stays fast with many plans.
//
// A damaged summary does not hide the others: List then returns every
// summary it could read together with an error wrapping ErrCorrupt. A plan
// whose record Open found damaged is left out the same way, even if its
// summary is whole, so that it is not listed as if it were.
func (d *DB) List() ([]model.Summary, error) {
	var out []model.Summary
	var bad []string
	err := d.view(func(tx *bolt.Tx) error {
		b := bucket(tx, bucketSummaries)
		// Counting first costs a pass over the keys but saves growing a
		// slice of large structs many times over.
		n := 0
		c := b.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			n++
		}
		out = make([]model.Summary, n)
		i := 0
		known := d.damagedPlans()
		trim := pageTrim{tx: tx}
		defer trim.end()
		for k, v := c.First(); k != nil && i < n; k, v = c.Next() {
			trim.read()
			if err := d.openValue(bucketSummaries, k, v, &out[i]); err != nil || known[string(k)] {
				bad = append(bad, string(k))
				continue
			}
			i++
		}
		out = out[:i]
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, SummariesDamaged(bad)
}

// Resolve returns the full id of the one plan whose id starts with prefix,
// so that the user can type just the first few characters. The prefix is
// matched without regard to case. A full id always resolves to itself. It
// returns ErrNotFound when nothing matches and ErrAmbiguous when more than
// one plan does. The errors do not repeat the prefix: a user may have typed
// a name where an id belongs.
func (d *DB) Resolve(prefix string) (string, error) {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	if prefix == "" {
		return "", fmt.Errorf("store: resolve: %w", ErrNoID)
	}
	var id string
	err := d.view(func(tx *bolt.Tx) error {
		c := bucket(tx, bucketPlans).Cursor()
		p := []byte(prefix)
		k, _ := c.Seek(p)
		if k == nil || !bytes.HasPrefix(k, p) {
			return fmt.Errorf("store: resolve: %w", ErrNotFound)
		}
		if pid, _, ok := splitPartKey(k); ok {
			k = pid
		}
		id = string(k)
		if len(k) == len(p) {
			return nil
		}
		// The next plan's first key: past every part of this one.
		if k2, _ := c.Seek(append([]byte(id), 1)); k2 != nil && bytes.HasPrefix(k2, p) {
			return fmt.Errorf("store: resolve: %w", ErrAmbiguous)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	return id, nil
}

// planRecord is a plan encoded for writing. Encoding happens before the
// write transaction starts, so that the file's single writer lock is held
// only for the writing itself.
type planRecord struct {
	id, plan, summary []byte
	p                 *model.Plan
	entry             model.ListEntry // the summary's index entry
}

func (d *DB) encodePlan(p *model.Plan) (planRecord, error) {
	if p == nil || p.ID == "" {
		return planRecord{}, fmt.Errorf("store: save: %w", ErrNoID)
	}
	id := []byte(p.ID)
	plan, err := d.sealValue(bucketPlans, id, p)
	if err != nil {
		return planRecord{}, fmt.Errorf("store: encoding plan %s: %w", p.ID, err)
	}
	s := p.Summarise()
	sum, err := d.sealValue(bucketSummaries, id, s)
	if err != nil {
		return planRecord{}, fmt.Errorf("store: encoding summary %s: %w", p.ID, err)
	}
	return planRecord{id: id, plan: plan, summary: sum, p: p, entry: s.Entry()}, nil
}

// onlyTold tells whether the record differs from the stored plan only in
// who has been told of the closing.
func (d *DB) onlyTold(tx *bolt.Tx, r planRecord) bool {
	old := getPlanRecord(bucket(tx, bucketPlans), r.id)
	if old == nil || r.p == nil {
		return false
	}
	var was model.Plan
	if d.openValue(bucketPlans, r.id, old, &was) != nil {
		return false
	}
	return model.SameButTold(&was, r.p)
}

func (r planRecord) put(tx *bolt.Tx, d *DB) error {
	// A closed plan is kept as it was closed: the store refuses to change
	// it, whatever a screen or a command may try. The one exception is
	// the coordinator ticking who has been told.
	// The home screen's front page changes only with a plan that is new,
	// renamed, given another personnummer, or closed: a save of what is
	// typed leaves it (and the summaries' sequence) as it is.
	moved := true
	old := bucket(tx, bucketSummaries).Get(r.id)
	if old != nil {
		var sum model.Summary
		if d.openValue(bucketSummaries, r.id, old, &sum) == nil {
			if sum.Status == model.StatusClosed && !d.onlyTold(tx, r) {
				return fmt.Errorf("store: plan %s: %w", r.id, ErrClosedPlan)
			}
			was := sum.Entry()
			moved = was.NameKey != r.entry.NameKey || was.PNRMasked != r.entry.PNRMasked ||
				(was.Status == model.StatusClosed) != (r.entry.Status == model.StatusClosed)
		}
	}
	if err := putPlanRecord(bucket(tx, bucketPlans), r.id, r.plan); err != nil {
		return err
	}
	if err := bucket(tx, bucketSummaries).Put(r.id, r.summary); err != nil {
		return err
	}
	if !moved {
		return nil
	}
	return d.noteSummary(tx, r.entry, old == nil)
}

// EachSummary calls fn with every whole summary, in id order, one at a
// time, so that a list of any length is written in constant memory. The
// summary passed is reused: fn must not keep it. Damaged summaries are
// skipped and named in the error returned at the end, as List does; an
// error from fn stops the walk and is returned.
func (d *DB) EachSummary(fn func(*model.Summary) error) error {
	var bad []string
	var fnErr error
	err := d.view(func(tx *bolt.Tx) error {
		known := d.damagedPlans()
		c := bucket(tx, bucketSummaries).Cursor()
		trim := pageTrim{tx: tx}
		defer trim.end()
		var s model.Summary
		for k, v := c.First(); k != nil; k, v = c.Next() {
			trim.read()
			s = model.Summary{}
			if err := d.openValue(bucketSummaries, k, v, &s); err != nil || known[string(k)] {
				bad = append(bad, string(k))
				continue
			}
			if fnErr = fn(&s); fnErr != nil {
				return nil
			}
		}
		return nil
	})
	switch {
	case err != nil:
		return err
	case fnErr != nil:
		return fnErr
	}
	return SummariesDamaged(bad)
}
