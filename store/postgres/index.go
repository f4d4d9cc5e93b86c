package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// Index is every plan's index entry, in no particular order: the first
// part of each summary record, opened with the database's codec, as on
// the file. The name's sort key is inside the sealed record, not in a
// column of its own: a collation key gives the name back, and an
// encrypted database must not keep names where anyone who can read its
// tables sees them.
func (d *DB) Index() ([]model.ListEntry, error) {
	var out []model.ListEntry
	var bad []string
	known, _ := d.Damaged()
	err := d.read(func(ctx context.Context, tx pgx.Tx) error {
		var est float64
		if err := tx.QueryRow(ctx, `SELECT reltuples FROM pg_class WHERE oid = 'sipmote_summaries'::regclass`).Scan(&est); err != nil {
			return err
		}
		out = make([]model.ListEntry, 0, min(max(int(est), 0)+16, 1<<22))
		bad = bad[:0]
		rows, err := tx.Query(ctx, `SELECT id, summary FROM sipmote_summaries`)
		if err != nil {
			return err
		}
		defer rows.Close()
		var e model.ListEntry
		for rows.Next() {
			raw := rows.RawValues()
			id := string(raw[0])
			if err := d.codec.OpenEntry(id, raw[1], &e); err != nil || contains(known, id) {
				d.markIfDamaged(id, err)
				bad = append(bad, id)
				continue
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, store.SummariesDamaged(bad)
}

// Summaries reads the list lines of the plans named, in that order,
// leaving out ids with no plan, in one query.
func (d *DB) Summaries(ids []string) ([]model.Summary, error) {
	got := make(map[string]model.Summary, len(ids))
	var bad []string
	known, _ := d.Damaged()
	err := d.read(func(ctx context.Context, tx pgx.Tx) error {
		clear(got)
		bad = bad[:0]
		rows, err := tx.Query(ctx, `SELECT id, summary FROM sipmote_summaries WHERE id = ANY($1)`, ids)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			raw := rows.RawValues()
			id := string(raw[0])
			var s model.Summary
			if err := d.codec.OpenSummary(id, raw[1], &s); err != nil || contains(known, id) {
				d.markIfDamaged(id, err)
				bad = append(bad, id)
				continue
			}
			got[id] = s
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	out := make([]model.Summary, 0, len(got))
	for _, id := range ids {
		if s, ok := got[id]; ok {
			out = append(out, s)
		}
	}
	return out, store.SummariesDamaged(bad)
}

// upgradeSummaries writes every summary again in summary format 3, sealed
// as it was, inside the migration's transaction (migrations/0004). It runs
// once, when a database of schema 3 is opened by this version.
func (d *DB) upgradeSummaries(ctx context.Context, tx pgx.Tx) error {
	rows, err := tx.Query(ctx, `SELECT id, summary FROM sipmote_summaries`)
	if err != nil {
		return err
	}
	type rec struct {
		id  string
		raw []byte
	}
	var out []rec
	for rows.Next() {
		raw := rows.RawValues()
		id := string(raw[0])
		up, changed, err := d.codec.UpgradeSummary(id, raw[1])
		if err != nil {
			rows.Close()
			return err
		}
		if changed {
			out = append(out, rec{id, up})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	b := &pgx.Batch{}
	for _, r := range out {
		b.Queue(`UPDATE sipmote_summaries SET summary = $2 WHERE id = $1`, r.id, r.raw)
	}
	return tx.SendBatch(ctx, b).Close()
}
