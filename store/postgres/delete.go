package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/store"
)

// DeletePlan removes plan id's record, its list line and its editor draft,
// and appends e to the plan's trail and to the file's (Section: the id),
// in one transaction, as the bbolt engine does. A closed plan is refused.
func (d *DB) DeletePlan(id string, e store.TrailEvent) error {
	if id == "" {
		return fmt.Errorf("store: delete: %w", store.ErrNoID)
	}
	e.Kind = store.TrailDeleted
	return d.write(func(ctx context.Context, tx pgx.Tx) error {
		var raw []byte
		err := tx.QueryRow(ctx, `SELECT summary FROM sipmote_summaries WHERE id = $1 FOR UPDATE`, id).Scan(&raw)
		if err == nil {
			var sum model.Summary
			if d.codec.OpenSummary(id, raw, &sum) == nil && sum.Status == model.StatusClosed {
				return fmt.Errorf("store: plan %s: %w", id, store.ErrClosedPlan)
			}
		}
		tag, err := tx.Exec(ctx, `DELETE FROM sipmote_plans WHERE id = $1`, id)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("store: plan %s: %w", id, store.ErrNotFound)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM sipmote_summaries WHERE id = $1`, id); err != nil {
			return err
		}
		if err := putDraft(ctx, tx, id, nil); err != nil {
			return err
		}
		if err := d.appendEvents(ctx, tx, id, []store.TrailEvent{e}); err != nil {
			return err
		}
		fe := e
		fe.Section = id
		return d.appendEvents(ctx, tx, store.FileTrailOwner, []store.TrailEvent{fe})
	})
}
