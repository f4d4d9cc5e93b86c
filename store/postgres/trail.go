package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sipmote/sipmote/store"
)

// lockTrail is the advisory lock that puts trail appends in one line: the
// database's chain links every event to the one logged before it, by
// whichever program.
const lockTrail = 0x5150_0002

// appendEvents adds events to owner's trail, and to the database's chain,
// inside tx. The links are made from the newest events there now, each
// checked before it is linked to.
func (d *DB) appendEvents(ctx context.Context, tx pgx.Tx, owner string, events []store.TrailEvent) error {
	if len(events) == 0 {
		return nil
	}
	for _, e := range events {
		if !store.KnownKind(e.Kind) {
			return fmt.Errorf("store: log: %w", store.ErrBadEvent)
		}
	}
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockTrail); err != nil {
		return err
	}
	var seq, fseq uint64
	var prev, fprev string
	last := func(q string, args ...any) (string, uint64, uint64, error) {
		var o string
		var s, f int64
		var raw []byte
		err := tx.QueryRow(ctx, q, args...).Scan(&o, &s, &f, &raw)
		if errors.Is(err, pgx.ErrNoRows) {
			return "", 0, 0, nil
		}
		if err != nil {
			return "", 0, 0, err
		}
		_, h, err := d.codec.OpenEvent(o, uint64(s), raw)
		if err != nil {
			d.markIfDamaged(o, err)
			return "", 0, 0, fmt.Errorf("store: trail %s: %w", o, err)
		}
		return h, uint64(s), uint64(f), nil
	}
	var err error
	if prev, seq, _, err = last(`SELECT owner, seq, file_seq, record FROM sipmote_trail
		WHERE owner = $1 ORDER BY seq DESC LIMIT 1`, owner); err != nil {
		return err
	}
	if fprev, _, fseq, err = last(`SELECT owner, seq, file_seq, record FROM sipmote_trail
		ORDER BY file_seq DESC LIMIT 1`); err != nil {
		return err
	}
	for _, e := range events {
		seq++
		fseq++
		if err := store.ChainEvent(&e, owner, seq, fseq, prev, fprev); err != nil {
			return err
		}
		raw, h, err := d.codec.SealEvent(owner, e)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO sipmote_trail (file_seq, owner, seq, record)
			VALUES ($1, $2, $3, $4)`, int64(fseq), owner, int64(seq), raw); err != nil {
			return err
		}
		prev, fprev = h, h
	}
	return nil
}

// Log appends e to the trail of plan planID, and to the database's chain.
func (d *DB) Log(planID string, e store.TrailEvent) error {
	if planID == "" || planID == store.FileTrailOwner {
		return fmt.Errorf("store: log: %w", store.ErrNoID)
	}
	return d.logTo(planID, e)
}

// LogFile appends an event of the database as a whole.
func (d *DB) LogFile(e store.TrailEvent) error { return d.logTo(store.FileTrailOwner, e) }

func (d *DB) logTo(owner string, e store.TrailEvent) error {
	if !store.KnownKind(e.Kind) {
		return fmt.Errorf("store: log: %w", store.ErrBadEvent)
	}
	return d.write(func(ctx context.Context, tx pgx.Tx) error {
		return d.appendEvents(ctx, tx, owner, []store.TrailEvent{e})
	})
}

// Trail returns the trail of plan planID, oldest first.
func (d *DB) Trail(planID string) ([]store.TrailEvent, error) { return d.trailOf(planID) }

// FileTrail returns the database's own events, oldest first.
func (d *DB) FileTrail() ([]store.TrailEvent, error) { return d.trailOf(store.FileTrailOwner) }

func (d *DB) trailOf(owner string) ([]store.TrailEvent, error) {
	var recs []store.TrailRecord
	err := d.read(func(ctx context.Context, tx pgx.Tx) error {
		var err error
		recs, err = trailRecords(ctx, tx, `WHERE owner = $1 ORDER BY seq`, owner)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]store.TrailEvent, 0, len(recs))
	for _, r := range recs {
		e, _, err := d.codec.OpenEvent(r.Owner, r.Seq, r.Raw)
		if err != nil {
			d.markIfDamaged(owner, err)
			return nil, fmt.Errorf("store: trail %s: %w", owner, err)
		}
		out = append(out, e)
	}
	return out, nil
}

// trailRecords reads trail rows; where is the rest of the query.
func trailRecords(ctx context.Context, tx pgx.Tx, where string, args ...any) ([]store.TrailRecord, error) {
	rows, err := tx.Query(ctx, `SELECT owner, seq, file_seq, record FROM sipmote_trail `+where, args...)
	if err != nil {
		return nil, err
	}
	var out []store.TrailRecord
	var r store.TrailRecord
	var s, f int64
	_, err = pgx.ForEachRow(rows, []any{&r.Owner, &s, &f, &r.Raw}, func() error {
		r.Seq, r.FileSeq = uint64(s), uint64(f)
		out = append(out, r)
		return nil
	})
	return out, err
}
