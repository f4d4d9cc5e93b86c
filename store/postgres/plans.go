package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
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
//
// The stored row is locked and read, and the new one written, in one
// trip to the server (a batch runs its statements in order, so the lock
// is held before the write); the check comes after, and a refused write
// is rolled back with the transaction. Only a closed plan's old record is
// read and opened, to compare.
func (d *DB) put(ctx context.Context, tx pgx.Tx, s sealed) error {
	b := &pgx.Batch{}
	b.Queue(`SELECT summary FROM sipmote_summaries WHERE id = $1 FOR UPDATE`, s.p.ID)
	b.Queue(`WITH plan AS (
			INSERT INTO sipmote_plans (id, record) VALUES ($1, $2)
			ON CONFLICT (id) DO UPDATE SET record = excluded.record)
		INSERT INTO sipmote_summaries (id, summary) VALUES ($1, $3)
		ON CONFLICT (id) DO UPDATE SET summary = excluded.summary`,
		s.p.ID, s.plan, s.summary)
	br := tx.SendBatch(ctx, b)
	var old []byte
	err := br.QueryRow().Scan(&old)
	found := err == nil
	if errors.Is(err, pgx.ErrNoRows) {
		err = nil
	}
	if err == nil {
		_, err = br.Exec()
	}
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil || !found {
		return err
	}
	var sum model.Summary
	if err := d.codec.OpenSummary(s.p.ID, old, &sum); err != nil {
		d.markIfDamaged(s.p.ID, err)
		return fmt.Errorf("store: plan %s: %w", s.p.ID, err)
	}
	if sum.Status != model.StatusClosed {
		return nil
	}
	// The plan as closed is the committed row, which other connections
	// still see (this transaction's write is not theirs to see, and the
	// lock keeps anyone else from changing it meanwhile).
	var oldRecord []byte
	if err := d.pool.QueryRow(ctx, `SELECT record FROM sipmote_plans WHERE id = $1`, s.p.ID).Scan(&oldRecord); err != nil {
		return err
	}
	was, err := d.codec.OpenPlan(s.p.ID, oldRecord)
	if err != nil {
		d.markIfDamaged(s.p.ID, err)
		return fmt.Errorf("store: plan %s: %w", s.p.ID, err)
	}
	if !model.SameButTold(was, s.p) {
		return fmt.Errorf("store: plan %s: %w", s.p.ID, store.ErrClosedPlan)
	}
	return nil
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
	store.StampRecord(keep, s.plan, s.summary, p)
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
			r.events = append([]store.TrailEvent(nil), sub.Events...)
			store.StampRecord(r.events, s.plan, s.summary, sub.Plan)
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
// not hide the others: they come with an error wrapping ErrCorrupt. It
// reads the summaries only, decoding each straight from the row as it
// arrives, so that a hundred thousand plans list in a blink.
func (d *DB) List() ([]model.Summary, error) {
	var out []model.Summary
	var bad []string
	known, _ := d.Damaged()
	err := d.read(func(ctx context.Context, tx pgx.Tx) error {
		// The planner's row estimate sizes the slice: no count(*) pass.
		var est float64
		if err := tx.QueryRow(ctx, `SELECT reltuples FROM pg_class WHERE oid = 'sipmote_summaries'::regclass`).Scan(&est); err != nil {
			return err
		}
		out = make([]model.Summary, 0, min(max(int(est), 0)+16, 1<<22))
		bad = bad[:0]
		// The table in its own order, sorted here (sortByID): plan ids are
		// random, so an ORDER BY walks the index and fetches the rows
		// from all over the table, which costs the server twice as much
		// as reading it straight through.
		rows, err := tx.Query(ctx, `SELECT id, summary FROM sipmote_summaries`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			raw := rows.RawValues()
			id := string(raw[0])
			out = append(out, model.Summary{})
			if err := d.codec.OpenSummary(id, raw[1], &out[len(out)-1]); err != nil || contains(known, id) {
				d.markIfDamaged(id, err)
				bad = append(bad, id)
				out = out[:len(out)-1]
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	out = sortByID(out)
	return out, store.SummariesDamaged(bad)
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

// sortByID puts summaries in id order. It sorts small keys and then moves
// each summary once, rather than swapping large structs around.
func sortByID(s []model.Summary) []model.Summary {
	if slices.IsSortedFunc(s, func(a, b model.Summary) int { return strings.Compare(a.ID, b.ID) }) {
		return s
	}
	type key struct {
		id string
		i  int32
	}
	keys := make([]key, len(s))
	for i := range s {
		keys[i] = key{s[i].ID, int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int { return strings.Compare(a.id, b.id) })
	out := make([]model.Summary, len(s))
	for i, k := range keys {
		out[i] = s[k.i]
	}
	return out
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
