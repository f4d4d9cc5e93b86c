package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sipmote/sipmote/store"
)

// putDraft keeps raw as the draft under key, or clears it when raw is nil.
func putDraft(ctx context.Context, tx pgx.Tx, key string, raw []byte) error {
	var err error
	if raw == nil {
		_, err = tx.Exec(ctx, `DELETE FROM sipmote_drafts WHERE key = $1`, key)
	} else {
		_, err = tx.Exec(ctx, `INSERT INTO sipmote_drafts (key, record) VALUES ($1, $2)
			ON CONFLICT (key) DO UPDATE SET record = excluded.record`, key, raw)
	}
	return err
}

// getDraft reads the draft under key; nil when there is none.
func (d *DB) getDraft(key string) ([]byte, error) {
	var raw []byte
	err := d.read(func(ctx context.Context, tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `SELECT record FROM sipmote_drafts WHERE key = $1`, key).Scan(&raw)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		return err
	})
	return raw, err
}

func (d *DB) setDraft(key string, raw []byte) error {
	return d.write(func(ctx context.Context, tx pgx.Tx) error { return putDraft(ctx, tx, key, raw) })
}

// SaveEditorDraft keeps ed as the open field of plan planID.
func (d *DB) SaveEditorDraft(planID string, ed store.EditorDraft) error {
	if planID == "" {
		return fmt.Errorf("store: save draft: %w", store.ErrNoID)
	}
	raw, err := d.codec.SealDraft(planID, ed)
	if err != nil {
		return err
	}
	return d.setDraft(planID, raw)
}

// LoadEditorDraft returns the draft kept for plan planID.
func (d *DB) LoadEditorDraft(planID string) (store.EditorDraft, bool, error) {
	raw, err := d.getDraft(planID)
	if err != nil || raw == nil {
		return store.EditorDraft{}, false, err
	}
	ed, err := d.codec.OpenDraft(planID, raw)
	if err != nil {
		d.markIfDamaged(planID, err)
		return store.EditorDraft{}, false, fmt.Errorf("store: draft %s: %w", planID, err)
	}
	return ed, true, nil
}

// ClearEditorDraft forgets the draft of plan planID.
func (d *DB) ClearEditorDraft(planID string) error {
	if planID == "" {
		return fmt.Errorf("store: clear draft: %w", store.ErrNoID)
	}
	return d.setDraft(planID, nil)
}

// SaveForm keeps values as the draft of the form name.
func (d *DB) SaveForm(name string, values any, at time.Time) error {
	raw, err := d.codec.SealForm(name, values, at)
	if err != nil {
		return fmt.Errorf("store: encoding form %s: %w", name, err)
	}
	return d.setDraft(store.FormKey(name), raw)
}

// LoadForm reads the draft of the form name into values.
func (d *DB) LoadForm(name string, values any) (time.Time, bool, error) {
	raw, err := d.getDraft(store.FormKey(name))
	if err != nil || raw == nil {
		return time.Time{}, false, err
	}
	at, err := d.codec.OpenForm(name, raw, values)
	if err != nil {
		d.markIfDamaged("", err)
		return time.Time{}, false, fmt.Errorf("store: form %s: %w", name, err)
	}
	return at, true, nil
}

// ClearForm forgets the draft of the form name.
func (d *DB) ClearForm(name string) error { return d.setDraft(store.FormKey(name), nil) }

// markIfDamaged notes a record that failed its checksum or seal.
func (d *DB) markIfDamaged(plan string, err error) {
	if errors.Is(err, store.ErrDamagedRecord) {
		d.damage.mark(plan)
	}
}
