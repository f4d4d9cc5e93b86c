package store

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// EditorDraft is the text of an editor field that was open when it was
// saved: typed, but not yet put into the plan. It is kept apart from the
// plan so that "nothing typed is lost" holds even for a field the user never
// closed; on reopening, the screen puts the text back into the field.
type EditorDraft struct {
	// Field names the field being edited, as the screen knows it.
	Field string `json:"field"`
	// Text is everything in the field.
	Text string `json:"text"`
	// Cursor is the position in Text, as the screen counts it.
	Cursor int `json:"cursor"`
	// SavedAt is when the draft was taken; the Saver fills it in if zero.
	SavedAt time.Time `json:"saved_at"`
}

// SaveEditorDraft keeps d as the open field of plan planID, replacing any
// earlier draft of that plan.
func (d *DB) SaveEditorDraft(planID string, ed EditorDraft) error {
	if planID == "" {
		return fmt.Errorf("store: save draft: %w", ErrNoID)
	}
	v, err := d.sealValue(bucketDrafts, []byte(planID), ed)
	if err != nil {
		return fmt.Errorf("store: encoding draft %s: %w", planID, err)
	}
	return d.update(func(tx *bolt.Tx) error {
		return bucket(tx, bucketDrafts).Put([]byte(planID), v)
	})
}

// LoadEditorDraft returns the draft kept for plan planID; ok is false when
// there is none.
func (d *DB) LoadEditorDraft(planID string) (ed EditorDraft, ok bool, err error) {
	err = d.view(func(tx *bolt.Tx) error {
		v := bucket(tx, bucketDrafts).Get([]byte(planID))
		if v == nil {
			return nil
		}
		ok = true
		if err := d.openValue(bucketDrafts, []byte(planID), v, &ed); err != nil {
			return fmt.Errorf("store: draft %s: %w", planID, err)
		}
		return nil
	})
	if err != nil {
		return EditorDraft{}, false, err
	}
	return ed, ok, nil
}

// ClearEditorDraft forgets the draft of plan planID, once its text is in
// the plan or the user has thrown it away. Clearing a plan without a
// draft is not an error.
func (d *DB) ClearEditorDraft(planID string) error {
	if planID == "" {
		return fmt.Errorf("store: clear draft: %w", ErrNoID)
	}
	return d.update(func(tx *bolt.Tx) error {
		return bucket(tx, bucketDrafts).Delete([]byte(planID))
	})
}
