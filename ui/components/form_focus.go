package components

import tea "charm.land/bubbletea/v2"

// move goes d fields on and tells whether leaving the field rewrote it
// (tidy): that is a change of the plan like a key typed, so it is saved
// and its findings are worked out again (tryout42a #13: a date the field
// had already put right kept its error until a later save).
func (f *Form) move(d int) (tea.Cmd, bool) {
	changed := f.Settle()
	n := f.Focus + d
	for n >= 0 && n < len(f.Fields) && f.Fields[n].hidden() {
		n += d
	}
	if n < 0 || n >= len(f.Fields) {
		return nil, changed
	}
	cmd := f.FocusField(n, -1)
	f.replaceWrong()
	f.replaceWhole()
	return cmd, changed
}

// replaceWhole marks a whole value (Field.Whole) for replacing when the
// secretary has moved to it herself: the first key typed replaces it.
// Where a step change or the opening of the meeting put the cursor, it
// is not armed: keys typed on there are added, never put in place of the
// meeting's date.
func (f *Form) replaceWhole() {
	fl := f.Current()
	if fl != nil && fl.Whole && fl.Kind == KindText && !f.Held && !fl.Private && fl.Get() != "" {
		f.Replace = true
	}
}

// Mend focuses field i to correct it: a value its check refuses is
// replaced by the first text typed, as a suggestion is (an arrow key
// keeps it to edit), so that a date typed again is not added to the end
// of the wrong one.
func (f *Form) Mend(i int) tea.Cmd {
	cmd := f.FocusField(i, -1)
	f.replaceWrong()
	return cmd
}

// replaceWrong marks the focused one-line field's value for replacing
// when its check refuses it (see Mend). ctrl+z brings the value back.
func (f *Form) replaceWrong() {
	fl := f.Current()
	if fl != nil && fl.Kind == KindText && !f.Held && !fl.Private && fl.Check != nil && fl.Get() != "" && fl.Check(fl.checked()) != "" {
		f.Replace = true
	}
}

// Next moves to the next field shown, as tab does.
func (f *Form) Next() tea.Cmd {
	cmd, _ := f.move(1)
	return cmd
}

func (fl *Field) hidden() bool { return fl.Hide != nil && fl.Hide() }

// LeaveIdentity moves the focus off a field that names the person, to the
// next field shown: a text typed on after the agenda moved must not
// become the person's name.
func (f *Form) LeaveIdentity() tea.Cmd {
	fl := f.Current()
	if fl == nil || !fl.Identity {
		return nil
	}
	for n := f.Focus + 1; n < len(f.Fields); n++ {
		if !f.Fields[n].hidden() && !f.Fields[n].Identity {
			return f.FocusField(n, -1)
		}
	}
	return nil
}

// AtLast tells whether the focus is on the last field shown.
func (f *Form) AtLast() bool {
	for i := f.Focus + 1; i < len(f.Fields); i++ {
		if !f.Fields[i].hidden() {
			return false
		}
	}
	return true
}

// Settle puts the focused field's value in its standard form, as leaving
// it does: 9.30 becomes 09:30, 15/1 2027 becomes 2027-01-15. It tells
// whether the value changed; ctrl+z brings back what was typed. A screen
// calls it before it uses the value without the field being left (a save
// key, a step change), so that "idag" is never stored as a word.
func (f *Form) Settle() bool {
	fl := f.Current()
	if fl == nil || fl.Kind != KindText || f.Held {
		return false
	}
	if fl.Leave != nil {
		before := fl.Get()
		if fl.Leave() {
			if v := fl.Get(); v != before {
				f.remember(before, v)
				f.input.SetValue(v)
			}
			return true
		}
	}
	if fl.Tidy == nil {
		return false
	}
	before := fl.Get()
	v := fl.Tidy(before)
	if v == before {
		return false
	}
	f.remember(before, v)
	fl.Set(v)
	f.input.SetValue(v)
	return true
}

// checked is the value a field's check reads: as it will be once the
// field is left, so that "15/1 2027" is not refused while it is typed.
func (fl *Field) checked() string {
	if fl.Tidy != nil && fl.Kind == KindText {
		return fl.Tidy(fl.Get())
	}
	return fl.Get()
}

// passes tells whether the field's value passes its check.
func (f *Form) passes(fl *Field) bool {
	return fl.Check == nil || fl.Check(fl.checked()) == ""
}

// Jump focuses the field with path, if the form has it.
func (f *Form) Jump(path string) (tea.Cmd, bool) {
	for i, fl := range f.Fields {
		if fl.Path == path && !fl.hidden() {
			return f.FocusField(i, -1), true
		}
	}
	return nil, false
}
