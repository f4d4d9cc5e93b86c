package components

import (
	"strings"
	"time"
	"unicode/utf8"
)

// A secretary presses ctrl+z first when she has typed into the wrong
// field (a phone number into E-post). Each text field of a form keeps the
// values it had before its last changes, and Undo takes them back one
// step at a time; Redo (ctrl+y) brings back what Undo took, until the
// field is changed again.
//
// A step is small, so that one ctrl+z never takes a minute of typing with
// it (tryout42b #5: four sentences typed 0.4 s apart went at once, and a
// 7,600-character paste with them). A step ends at a pause (undoGap), at
// the end of a sentence or a line, at a word's end once it holds a few
// words (stepChars), and where typing turns to deleting or back. A paste
// (one insert of pasteMin characters or more, or a run of them, as a
// terminal that does not mark pastes sends it) is a step of its own.

const (
	undoGap   = time.Second
	undoSteps = 100
	// stepChars is how much typing a step holds before the next space
	// ends it: a few words.
	stepChars = 24
	// pasteMin is the fewest characters one insert has to be a paste;
	// pasteGap the longest pause between the parts of one paste.
	pasteMin = 8
	pasteGap = 250 * time.Millisecond
)

// fieldHistory is one field's earlier values, the newest last, and the
// values Undo took back, for Redo.
type fieldHistory struct {
	steps []string
	redo  []string
	at    time.Time // the last change
	// cut is set when the last change ended its step: the next change
	// begins a new one.
	cut bool
	// typed counts the characters typed in the step going on; deleting
	// tells whether the step deletes rather than types.
	typed    int
	deleting bool
	// pasting tells whether the step is a paste.
	pasting bool
}

// remember notes the value of the focused field before a change, and the
// value after it.
func (f *Form) remember(before, after string) {
	if f.history == nil {
		f.history = map[int]*fieldHistory{}
	}
	h := f.history[f.Focus]
	if h == nil {
		h = &fieldHistory{}
		f.history[f.Focus] = h
	}
	now := f.clock()
	inserted, deleting := changed(before, after)
	n := utf8.RuneCountInString(inserted)
	// A paste: one insert longer than typing gives (a run of typed keys
	// holds the few that came while the screen was busy). A paste the
	// terminal did not mark comes as several such inserts in a row,
	// which stay one step.
	pasted := n >= pasteMin
	same := len(h.steps) > 0 && now.Sub(h.at) < undoGap && deleting == h.deleting && !h.cut
	if pasted || h.pasting {
		// A paste joins only what came back to back with it: the parts
		// of one paste, or of one burst of keys sent at once. A second
		// paste, or a sentence sent at once, 0.4 s later is a step of
		// its own.
		same = same && now.Sub(h.at) < pasteGap
	}
	if !same {
		h.steps = append(h.steps, before)
		if len(h.steps) > undoSteps {
			h.steps = h.steps[1:]
		}
		h.typed = 0
	}
	h.redo = h.redo[:0] // a change of its own: what was undone stays undone
	h.at, h.deleting, h.pasting = now, deleting, pasted
	h.typed += n
	h.cut = !pasted && endsStep(inserted, h.typed)
}

// changed returns the text a change inserted (the part of after that is
// not in before, between their common start and end) and whether the
// change deleted rather than typed.
func changed(before, after string) (inserted string, deleting bool) {
	p := 0
	for p < len(before) && p < len(after) && before[p] == after[p] {
		p++
	}
	// Back to whole characters: the common parts may end inside one.
	for p > 0 && p < len(after) && !utf8.RuneStart(after[p]) {
		p--
	}
	s := 0
	for s < len(before)-p && s < len(after)-p && before[len(before)-1-s] == after[len(after)-1-s] {
		s++
	}
	for s > 0 && !utf8.RuneStart(after[len(after)-s]) {
		s--
	}
	return after[p : len(after)-s], len(after) < len(before)
}

// endsStep tells whether typing inserted ends the step: a sentence's end,
// a new line, or a word's end once the step holds a few words.
func endsStep(inserted string, typed int) bool {
	if inserted == "" {
		return false
	}
	if strings.ContainsAny(inserted, ".!?…\n") {
		return true
	}
	return typed >= stepChars && strings.HasSuffix(inserted, " ")
}

// Undo puts the focused text field back as it was before its last step
// of changes and tells whether there was one.
func (f *Form) Undo() bool {
	h, fl := f.undoable()
	if h == nil || len(h.steps) == 0 {
		return false
	}
	v := h.steps[len(h.steps)-1]
	h.steps = h.steps[:len(h.steps)-1]
	h.redo = append(h.redo, fl.Get())
	f.restore(h, fl, v)
	return true
}

// Redo brings back the step the last Undo took, and tells whether there
// was one.
func (f *Form) Redo() bool {
	h, fl := f.undoable()
	if h == nil || len(h.redo) == 0 {
		return false
	}
	v := h.redo[len(h.redo)-1]
	h.redo = h.redo[:len(h.redo)-1]
	h.steps = append(h.steps, fl.Get())
	f.restore(h, fl, v)
	return true
}

// undoable is the focused field's history, when the field is a text field
// that can be changed now.
func (f *Form) undoable() (*fieldHistory, *Field) {
	fl := f.Current()
	if fl == nil || f.Held || fl.Private && !f.revealed || (fl.Kind != KindText && fl.Kind != KindArea) {
		return nil, nil
	}
	return f.history[f.Focus], fl
}

// restore puts value v into the field, as Undo and Redo do.
func (f *Form) restore(h *fieldHistory, fl *Field, v string) {
	// Typing after an undo or redo is a step of its own.
	h.at, h.cut, h.pasting = time.Time{}, true, false
	fl.Set(v)
	// A whole value brought back is as it was on arriving: the next key
	// typed replaces it again.
	fl.Prefilled, f.Replace = false, fl.Whole && fl.Kind == KindText && v != "" && f.passes(fl)
	switch fl.Kind {
	case KindText:
		f.input.SetValue(v)
	case KindArea:
		f.area.SetValue(v)
		f.areaView = ""
	}
}
