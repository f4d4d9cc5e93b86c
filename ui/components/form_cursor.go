package components

import "strings"

// BeforeCursor is the focused text field's text up to the cursor, as the
// editor holds it; empty for a field that is not text, or one held.
func (f *Form) BeforeCursor() string {
	fl := f.Current()
	if fl == nil || f.Held {
		return ""
	}
	switch fl.Kind {
	case KindText:
		r := []rune(f.input.Value())
		return string(r[:min(max(f.input.Position(), 0), len(r))])
	case KindArea:
		lines := strings.Split(f.area.Value(), "\n")
		row := min(max(f.area.Line(), 0), len(lines)-1)
		cur := []rune(lines[row])
		col := min(max(f.area.Column(), 0), len(cur))
		return strings.Join(append(lines[:row:row], string(cur[:col])), "\n")
	}
	return ""
}
