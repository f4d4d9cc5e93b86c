package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// sealed is a plan sealed for writing; sealing happens before the
// transaction, so that it holds its locks only for the writing.
type sealed struct {
	p             *model.Plan
	plan, summary []byte
}

func (d *DB) seal(p *model.Plan) (sealed, error) {
	plan, sum, err := d.codec.SealPlan(p)
	if err != nil {
		if errors.Is(err, store.ErrNoID) {
			return sealed{}, fmt.Errorf("store: save: %w", store.ErrNoID)
		}
		return sealed{}, err
	}
	return sealed{p: p, plan: plan, summary: sum}, nil
}

// put writes a sealed plan inside tx. A closed plan is kept as it was
// closed, as on the file: the one change taken is ticking who was told.
// The row is locked first, so two programs saving at once take turns.
func (d *DB) put(ctx context.Context, tx pgx.Tx, s sealed) error {
	var old []byte
	err := tx.QueryRow(ctx, `SELECT record FROM sipmote_plans WHERE id = $1 FOR UPDATE`, s.p.ID).Scan(&old)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
	case err != nil:
		return err
	default:
		was, err := d.codec.OpenPlan(s.p.ID, old)
		if err != nil {
			d.damage.mark(s.p.ID)
			return fmt.Errorf("store: plan %s: %w", s.p.ID, err)
		}
		if was.Status == model.StatusClosed && !model.SameButTold(was, s.p) {
			return fmt.Errorf("store: plan %s: %w", s.p.ID, store.ErrClosedPlan)
		}
	}
	_, err = tx.Exec(ctx, `INSERT INTO sipmote_plans (id, record, summary) VALUES ($1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET record = excluded.record, summary = excluded.summary`,
		s.p.ID, s.plan, s.summary)
	return err
}

// SavePlan stores the plan and its summary in one transaction.
func (d *DB) SavePlan(p *model.Plan) error {
	s, err := d.seal(p)
	if err != nil {
		return err
	}
	return d.write(func(ctx context.Context, tx pgx.Tx) error { return d.put(ctx, tx, s) })
}

// SavePlanLogged stores the plan and appends e to its trail in one
// transaction.
func (d *DB) SavePlanLogged(p *model.Plan, e store.TrailEvent) error {
	return d.SaveNewPlan(p, e)
}

// SaveNewPlan stores a plan with its trail events in one transaction; a
// carried event of a kind this version does not know is left out.
func (d *DB) SaveNewPlan(p *model.Plan, events ...store.TrailEvent) error {
	s, err := d.seal(p)
	if err != nil {
		return err
	}
	var keep []store.TrailEvent
	for _, e := range events {
		if e.Carried && !store.KnownKind(e.Kind) {
			continue
		}
		keep = append(keep, e)
	}
	return d.write(func(ctx context.Context, tx pgx.Tx) error {
		if err := d.put(ctx, tx, s); err != nil {
			return err
		}
		return d.appendEvents(ctx, tx, p.ID, keep)
	})
}

// SaveBatch writes a Saver's plans, drafts and trail events in one
// transaction.
func (d *DB) SaveBatch(batch []store.Submission) error {
	type rec struct {
		id     string
		plan   *sealed
		draft  []byte
		events []store.TrailEvent
	}
	recs := make([]rec, 0, len(batch))
	for _, sub := range batch {
		r := rec{id: sub.ID, events: sub.Events}
		if sub.Plan != nil {
			s, err := d.seal(sub.Plan)
			if err != nil {
				return err
			}
			r.plan = &s
			if sub.Draft != nil {
				if r.draft, err = d.codec.SealDraft(sub.ID, *sub.Draft); err != nil {
					return err
				}
			}
		}
		recs = append(recs, r)
	}
	return d.write(func(ctx context.Context, tx pgx.Tx) error {
		for _, r := range recs {
			if r.plan != nil {
				if err := d.put(ctx, tx, *r.plan); err != nil {
					return err
				}
				if err := putDraft(ctx, tx, r.id, r.draft); err != nil {
					return err
				}
			}
			if err := d.appendEvents(ctx, tx, r.id, r.events); err != nil {
				return err
			}
		}
		return nil
	})
}

// LoadPlan reads one plan by its full id.
func (d *DB) LoadPlan(id string) (*model.Plan, error) {
	var raw []byte
	err := d.read(func(ctx context.Context, tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `SELECT record FROM sipmote_plans WHERE id = $1`, id).Scan(&raw)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("store: plan %s: %w", id, store.ErrNotFound)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	p, err := d.codec.OpenPlan(id, raw)
	if err != nil {
		if errors.Is(err, store.ErrDamagedRecord) {
			d.damage.mark(id)
		}
		return nil, fmt.Errorf("store: plan %s: %w", id, err)
	}
	return p, nil
}

// List returns every plan's summary in id order. A damaged summary does
// not hide the others: they come with an error wrapping ErrCorrupt.
func (d *DB) List() ([]model.Summary, error) {
	var ids []string
	var raws [][]byte
	err := d.read(func(ctx context.Context, tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id, summary FROM sipmote_plans ORDER BY id`)
		if err != nil {
			return err
		}
		var id string
		var raw []byte
		_, err = pgx.ForEachRow(rows, []any{&id, &raw}, func() error {
			ids = append(ids, id)
			raws = append(raws, raw)
			return nil
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]model.Summary, len(ids))
	var bad []string
	known, _ := d.Damaged()
	n := 0
	for i, id := range ids {
		if err := d.codec.OpenSummary(id, raws[i], &out[n]); err != nil || contains(known, id) {
			if errors.Is(err, store.ErrDamagedRecord) {
				d.damage.mark(id)
			}
			bad = append(bad, id)
			continue
		}
		n++
	}
	out = out[:n]
	if len(bad) > 0 {
		return out, fmt.Errorf("store: list: summaries of %d plans (%s) cannot be read: %w",
			len(bad), strings.Join(bad, ", "), store.ErrCorrupt)
	}
	return out, nil
}

// Resolve returns the full id of the one plan whose id starts with prefix,
// without regard to case.
func (d *DB) Resolve(prefix string) (string, error) {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	if prefix == "" {
		return "", fmt.Errorf("store: resolve: %w", store.ErrNoID)
	}
	var ids []string
	err := d.read(func(ctx context.Context, tx pgx.Tx) error {
		// The ids sort bytewise, so a LIKE on their beginning is a range
		// of the primary key. Two rows are enough to tell one from many.
		rows, err := tx.Query(ctx, `SELECT id FROM sipmote_plans
			WHERE id LIKE $1 ORDER BY id LIMIT 2`, likePrefix(prefix))
		if err != nil {
			return err
		}
		var id string
		_, err = pgx.ForEachRow(rows, []any{&id}, func() error {
			if strings.HasPrefix(id, prefix) {
				ids = append(ids, id)
			}
			return nil
		})
		return err
	})
	if err != nil {
		return "", err
	}
	switch {
	case len(ids) == 0:
		return "", fmt.Errorf("store: resolve: %w", store.ErrNotFound)
	case ids[0] == prefix:
		return ids[0], nil
	case len(ids) > 1:
		return "", fmt.Errorf("store: resolve: %w", store.ErrAmbiguous)
	}
	return ids[0], nil
}

// likePrefix is a LIKE pattern matching what starts with s.
func likePrefix(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s) + "%"
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
