package postgres

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// Check reads the whole database without writing: every plan, summary
// and draft through the codec (checksum and seal), and every chain of the
// trail. Damaged records are noted, so nothing more is written.
func (d *DB) Check() (*store.Report, error) {
	r := &store.Report{Encrypted: d.Encrypted()}
	var recs []store.TrailRecord
	ctx, cancel := context.WithTimeout(context.Background(), longTimeout)
	defer cancel()
	err := pgx.BeginTxFunc(ctx, d.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		f, err := inspect(ctx, tx)
		if err != nil {
			return err
		}
		r.Schema = uint64(f.version)
		rows, err := tx.Query(ctx, `SELECT p.id, p.record, s.summary FROM sipmote_plans p
			LEFT JOIN sipmote_summaries s USING (id) ORDER BY p.id`)
		if err != nil {
			return err
		}
		var id string
		var plan, sum []byte
		_, err = pgx.ForEachRow(rows, []any{&id, &plan, &sum}, func() error {
			r.Records += 2
			var s model.Summary
			if _, err := d.codec.OpenPlan(id, plan); err != nil {
				d.damage.mark(id)
			} else if err := d.codec.OpenSummary(id, sum, &s); err != nil {
				d.damage.mark(id)
			}
			return nil
		})
		if err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT key, record FROM sipmote_drafts ORDER BY key`)
		if err != nil {
			return err
		}
		var key string
		var raw []byte
		_, err = pgx.ForEachRow(rows, []any{&key, &raw}, func() error {
			r.Records++
			if name, ok := strings.CutPrefix(key, store.FormKey("")); ok {
				var v any
				if _, err := d.codec.OpenForm(name, raw, &v); err != nil {
					d.damage.mark("")
				}
			} else if _, err := d.codec.OpenDraft(key, raw); err != nil {
				d.damage.mark(key)
			}
			return nil
		})
		if err != nil {
			return err
		}
		recs, err = trailRecords(ctx, tx, `ORDER BY file_seq`)
		return err
	})
	if err != nil {
		return nil, d.wrap("check", err)
	}
	c := d.codec.VerifyTrail(recs)
	for _, owner := range c.Damaged {
		d.damage.mark(owner)
	}
	r.Records += len(recs)
	r.Events, r.Breaks, r.Head = c.Events, c.Breaks, c.Head
	r.Damaged, r.OtherDamaged = d.Damaged()
	d.compareSeen(recs, r)
	return r, nil
}

// compareSeen compares the trail's end with the newest link an earlier
// check on this computer kept, and keeps this one's when all is whole. A
// chain whose newest events were deleted by hand is whole by itself; only
// a link kept outside the database shows the cut (store.KeepSeen). The
// link is kept under the address without user and password, so another
// role's check of the same database compares with it too.
func (d *DB) compareSeen(recs []store.TrailRecord, r *store.Report) {
	var last uint64
	if n := len(recs); n > 0 {
		last = recs[n-1].FileSeq
	}
	store.CompareSeen(d.identity, last, func(seq uint64) (string, bool) {
		i, ok := slices.BinarySearchFunc(recs, seq, func(rec store.TrailRecord, seq uint64) int { return cmp.Compare(rec.FileSeq, seq) })
		if !ok {
			return "", false
		}
		_, h, err := d.codec.OpenEvent(recs[i].Owner, recs[i].Seq, recs[i].Raw)
		if err != nil {
			return "", true
		}
		return h, true
	}, r)
	if r.OK() {
		r.SeenKept, r.SeenErr = store.KeepSeen(d.identity, r)
	}
}

// Export reads the whole database as values: plans in id order, drafts
// and forms, then the trail in the order of logging, all from one moment.
func (d *DB) Export(to store.ExportFuncs) error {
	ctx, cancel := context.WithTimeout(context.Background(), longTimeout)
	defer cancel()
	err := pgx.BeginTxFunc(ctx, d.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		if to.Plan != nil {
			rows, err := tx.Query(ctx, `SELECT id, record FROM sipmote_plans ORDER BY id`)
			if err != nil {
				return err
			}
			var id string
			var raw []byte
			if _, err := pgx.ForEachRow(rows, []any{&id, &raw}, func() error {
				p, err := d.codec.OpenPlan(id, raw)
				if err != nil {
					d.markIfDamaged(id, err)
					return fmt.Errorf("store: plan %s: %w", id, err)
				}
				return to.Plan(p)
			}); err != nil {
				return err
			}
		}
		rows, err := tx.Query(ctx, `SELECT key, record FROM sipmote_drafts ORDER BY key`)
		if err != nil {
			return err
		}
		var key string
		var raw []byte
		if _, err := pgx.ForEachRow(rows, []any{&key, &raw}, func() error {
			if name, ok := strings.CutPrefix(key, store.FormKey("")); ok {
				if to.Form == nil {
					return nil
				}
				var v json.RawMessage
				at, err := d.codec.OpenForm(name, raw, &v)
				if err != nil {
					d.markIfDamaged("", err)
					return err
				}
				return to.Form(name, at, v)
			}
			if to.Draft == nil {
				return nil
			}
			ed, err := d.codec.OpenDraft(key, raw)
			if err != nil {
				d.markIfDamaged(key, err)
				return err
			}
			return to.Draft(key, ed)
		}); err != nil || to.Event == nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT owner, seq, record FROM sipmote_trail ORDER BY file_seq`)
		if err != nil {
			return err
		}
		var owner string
		var seq int64
		_, err = pgx.ForEachRow(rows, []any{&owner, &seq, &raw}, func() error {
			e, _, err := d.codec.OpenEvent(owner, uint64(seq), raw)
			if err != nil {
				d.markIfDamaged(owner, err)
				return fmt.Errorf("store: trail %s: %w", owner, err)
			}
			return to.Event(owner, e)
		})
		return err
	})
	if err != nil && !isOurs(err) {
		return d.wrap("export", err)
	}
	return err
}
