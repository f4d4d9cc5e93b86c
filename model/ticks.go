package model

import (
	"errors"
	"maps"
)

// The before/after checklist ticks belong to a meeting: they are kept on
// the version the screen shows (the draft, or the last finalised version
// when there is no draft), so a follow-up meeting starts with none ticked
// while the ticks of earlier meetings stay on their versions.

// ErrNoVersionToTick is returned by Tick for a plan with no version at all.
var ErrNoVersionToTick = errors.New("the plan has no meeting to tick for")

// Tick sets whether checklist item id is done for the current meeting.
// A finalised version takes ticks too, since the after-meeting list is
// ticked after the plan is finalised; a closed plan takes none.
func (p *Plan) Tick(id string, done bool) error {
	if p.ReadOnly() {
		return ErrClosed
	}
	v := p.Current()
	if v == nil {
		return ErrNoVersionToTick
	}
	if done {
		if v.Ticks == nil {
			v.Ticks = map[string]bool{}
		}
		v.Ticks[id] = true
	} else {
		delete(v.Ticks, id)
	}
	return nil
}

// Ticked tells whether checklist item id is done for the current meeting.
func (p *Plan) Ticked(id string) bool {
	v := p.Current()
	return v != nil && v.Ticks[id]
}

// CurrentTicks returns a copy of the current meeting's ticks.
func (p *Plan) CurrentTicks() map[string]bool {
	v := p.Current()
	if v == nil {
		return nil
	}
	return maps.Clone(v.Ticks)
}
