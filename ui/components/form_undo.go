package components

import "time"

// A secretary presses ctrl+z first when she has typed into the wrong
// field (a phone number into E-post). Each text field of a form keeps the
// values it had before its last changes, one step per burst of typing or
// paste (a pause of undoGap starts a new step), and Undo takes them back
// one at a time.

const (
	undoGap   = time.Second
	undoSteps = 100
)

// fieldHistory is one field's earlier values, the newest last.
type fieldHistory struct {
	steps []string
	at    time.Time // the last change
}

// remember notes the value of the focused field before a change.
func (f *Form) remember(before string) {
	if f.history == nil {
		f.history = map[int]*fieldHistory{}
	}
	h := f.history[f.Focus]
	if h == nil {
		h = &fieldHistory{}
		f.history[f.Focus] = h
	}
	now := f.clock()
	if len(h.steps) == 0 || now.Sub(h.at) >= undoGap {
		h.steps = append(h.steps, before)
		if len(h.steps) > undoSteps {
			h.steps = h.steps[1:]
		}
	}
	h.at = now
}

// Undo puts the focused text field back as it was before its last burst
// of changes and tells whether there was one.
func (f *Form) Undo() bool {
	fl := f.Current()
	if fl == nil || f.Held || fl.Private && !f.revealed || (fl.Kind != KindText && fl.Kind != KindArea) {
		return false
	}
	h := f.history[f.Focus]
	if h == nil || len(h.steps) == 0 {
		return false
	}
	v := h.steps[len(h.steps)-1]
	h.steps = h.steps[:len(h.steps)-1]
	h.at = time.Time{} // typing after an undo is a step of its own
	fl.Set(v)
	fl.Prefilled, f.Replace = false, false
	switch fl.Kind {
	case KindText:
		f.input.SetValue(v)
	case KindArea:
		f.area.SetValue(v)
		f.areaView = ""
	}
	return true
}
