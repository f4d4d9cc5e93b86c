package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/sipmote/sipmote/model"
)

// Exporter reads a whole database as values, for copying it to another
// engine: plans, editor drafts, forms and the trail in the database's
// order of logging.
type Exporter interface {
	Export(to ExportFuncs) error
}

// ExportFuncs receive what Export reads; a nil one skips that kind. An
// error from one stops Export and is returned.
type ExportFuncs struct {
	Plan  func(p *model.Plan) error
	Draft func(planID string, ed EditorDraft) error
	Form  func(name string, at time.Time, values json.RawMessage) error
	// Event gets every trail event in the order it was logged; owner is
	// a plan id or FileTrailOwner.
	Event func(owner string, e TrailEvent) error
}

// CopyReport counts what Copy copied.
type CopyReport struct {
	Plans, Drafts, Forms, Events int
}

// ErrNotEmpty is a target database that already holds something.
var ErrNotEmpty = errors.New("the target database is not empty")

// copyBatch is how many submissions go into one transaction of Copy.
const copyBatch = 500

// errStop ends an Export early.
var errStop = errors.New("stop")

// Empty tells whether db holds nothing at all: no plan, draft, form or
// trail event.
func Empty(db Store) (bool, error) {
	stop := func() error { return errStop }
	err := db.Export(ExportFuncs{
		Plan:  func(*model.Plan) error { return stop() },
		Draft: func(string, EditorDraft) error { return stop() },
		Form:  func(string, time.Time, json.RawMessage) error { return stop() },
		Event: func(string, TrailEvent) error { return stop() },
	})
	if errors.Is(err, errStop) {
		return false, nil
	}
	return err == nil, err
}

// Copy copies everything in src into dst, which must be empty: every plan
// with all its versions, every editor draft and form, and every trail
// event in its order, so that dst's chains come out link for link as
// src's (the same hashes, when both use the same codec: see WithCodec).
func Copy(src, dst Store) (CopyReport, error) {
	var rep CopyReport
	if empty, err := Empty(dst); err != nil {
		return rep, err
	} else if !empty {
		return rep, ErrNotEmpty
	}
	var batch []Submission
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := dst.SaveBatch(batch)
		batch = batch[:0]
		return err
	}
	add := func(s Submission) error {
		batch = append(batch, s)
		if len(batch) >= copyBatch {
			return flush()
		}
		return nil
	}
	var drafts []func() error
	err := src.Export(ExportFuncs{
		Plan: func(p *model.Plan) error {
			rep.Plans++
			return add(Submission{ID: p.ID, Plan: p})
		},
		// Drafts after the plans: a plan's write clears its draft.
		Draft: func(id string, ed EditorDraft) error {
			rep.Drafts++
			drafts = append(drafts, func() error { return dst.SaveEditorDraft(id, ed) })
			return nil
		},
		Form: func(name string, at time.Time, v json.RawMessage) error {
			rep.Forms++
			drafts = append(drafts, func() error { return dst.SaveForm(name, v, at) })
			return nil
		},
		Event: func(owner string, e TrailEvent) error {
			rep.Events++
			return add(Submission{ID: owner, Events: []TrailEvent{e}})
		},
	})
	if err == nil {
		err = flush()
	}
	for _, save := range drafts {
		if err != nil {
			break
		}
		err = save()
	}
	if err != nil {
		return rep, fmt.Errorf("store: copy: %w", err)
	}
	return rep, nil
}
