// How a form draws itself: its fields with their findings, in a window
// that keeps the field in focus visible.

package components

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/sipmote/sipmote/model"
)

// View draws the form in width columns.
func (f *Form) View(findings map[string]string) string {
	f.fitArea(findings)
	blocks := make([]string, 0, len(f.Fields))
	var b strings.Builder
	for i, fl := range f.Fields {
		if i > 0 {
			blocks = append(blocks, b.String())
			b.Reset()
		}
		focused := i == f.Focus
		if fl.hidden() && !focused {
			continue
		}
		label := fl.Label
		if focused {
			b.WriteString(f.st.Focused.Render("› " + label))
			if f.Replace && fl.Kind == KindText && !fl.Private {
				// On the label's line when it fits, else under it: a
				// long label must not cut the one line that says typing
				// replaces the text.
				hint := "(" + model.T(f.lang, "skriv för att ersätta", "type to replace") + ")"
				if fl.Check != nil && fl.Check(fl.checked()) != "" {
					// A wrong value is mended as often as replaced.
					hint = "(" + model.T(f.lang, "skriv för att ersätta, ← för att ändra", "type to replace, ← to edit") + ")"
				}
				sep := "  "
				if ansi.StringWidth("› "+label+sep+hint) > f.width {
					sep = "\n  "
				}
				b.WriteString(sep + f.st.Subtle.Render(hint))
			}
		} else {
			b.WriteString(f.st.Label.Render("  " + label))
		}
		b.WriteByte('\n')
		switch {
		case focused && fl.Private && !f.revealed:
			// Never the text itself: the focus alone must not put it on
			// a screen the room may see.
			b.WriteString("  " + f.st.Focused.Render(hiddenLine(f.lang, &fl)))
		case focused && f.Held:
			lines := strings.Split(ansi.Wordwrap(fl.Get(), max(10, f.width-2), ""), "\n")
			if len(lines) > 3 {
				lines = append(lines[:3], "…")
			}
			b.WriteString("  " + strings.Join(lines, "\n  "))
		case focused && fl.Kind == KindText:
			b.WriteString("  " + f.input.View())
			if v := f.input.Value(); ansi.StringWidth(v) >= f.input.Width() {
				// The field scrolls to show where the cursor is, so a
				// long line shows only its end: under it, it is read
				// from its start, wrapped, in three lines at most (a
				// line longer than that is a paste to move to a text
				// field; ← and → still reach all of it).
				lines := strings.Split(ansi.Wordwrap(v, max(10, f.width-2), ""), "\n")
				if len(lines) > 3 {
					lines = append(lines[:3], "…")
				}
				b.WriteString("\n  " + f.st.Subtle.Render(strings.Join(lines, "\n  ")))
			}
		case focused && fl.Kind == KindArea:
			if f.areaView == "" {
				f.areaView = f.area.View()
			}
			b.WriteString(f.areaView)
		case fl.Kind == KindAction:
			btn := "[ " + fl.Hint + " ]"
			if focused {
				btn = f.st.Focused.Render(btn) + f.st.Subtle.Render("  "+model.T(f.lang, "enter", "enter"))
			}
			b.WriteString("  " + btn)
			if fl.Note != nil {
				if n := fl.Note(); n != "" {
					// Every line of it indented, as the field's own lines are.
					w := ansi.Wordwrap(n, max(10, f.width-4), "")
					b.WriteString("\n  " + f.st.Subtle.Render(strings.ReplaceAll(w, "\n", "\n  ")))
				}
			}
		case fl.Kind == KindToggle:
			mark := "[ ] " + model.T(f.lang, "nej", "no")
			if fl.Get() == "true" {
				mark = "[x] " + model.T(f.lang, "ja", "yes")
			}
			if focused {
				mark = f.st.Focused.Render(mark) + f.st.Subtle.Render("  "+model.T(f.lang, "j/n eller mellanslag", "y/n or space"))
			}
			b.WriteString("  " + mark)
		case fl.Kind == KindChoice:
			lbl := fl.Get()
			for _, o := range fl.choices() {
				if o.Value == fl.Get() {
					lbl = o.Label
				}
			}
			if lbl == "" {
				lbl = "—"
			}
			if focused {
				b.WriteString("  " + f.st.Focused.Render("‹ "+lbl+" ›") + f.st.Subtle.Render(choiceHint(f.lang, f.width-ansi.StringWidth(lbl)-6)))
			} else {
				b.WriteString("  " + lbl)
			}
		default:
			v := fl.Get()
			if v == "" {
				b.WriteString("  " + f.st.Subtle.Render("—"))
			} else if fl.Private {
				b.WriteString("  " + f.st.Subtle.Render(restingLine(f.lang, &fl)))
			} else if fl.Kind == KindArea {
				lines := strings.Split(ansi.Wordwrap(v, max(10, f.width-2), ""), "\n")
				if len(lines) > 3 {
					lines = append(lines[:3], "…")
				}
				b.WriteString("  " + strings.Join(lines, "\n  "))
			} else {
				if fl.Resting != nil {
					v = fl.Resting(v)
				}
				b.WriteString("  " + ansi.Truncate(v, max(10, f.width-2), "…"))
			}
		}
		if fl.Note != nil && fl.Kind != KindAction {
			if n := fl.Note(); n != "" {
				w := ansi.Wordwrap(n, max(10, f.width-4), "")
				b.WriteString("\n  " + f.st.Subtle.Render(strings.ReplaceAll(w, "\n", "\n  ")))
			}
		}
		b.WriteByte('\n')
		if focused && fl.Private && f.revealed {
			b.WriteString("  " + f.st.Warn.Render(shownNote(f.lang)) + "\n")
		}
		checked := false
		if fl.Check != nil {
			if msg := fl.Check(fl.checked()); msg != "" {
				w := ansi.Wordwrap(msg, max(10, f.width-2), "")
				b.WriteString("  " + f.st.Err.Render(strings.ReplaceAll(w, "\n", "\n  ")) + "\n")
				checked = true
			}
		}
		if r := readAs(f.lang, &fl, focused); r != "" && !checked {
			// What the field will hold once it is left stands in for
			// the findings, which were worked out on the words typed.
			b.WriteString("  " + f.st.Subtle.Render(r) + "\n")
			checked = true
		}
		if msg, ok := findings[fl.Path]; ok && focused && !checked {
			w := ansi.Wordwrap(msg, max(10, f.width-2), "")
			b.WriteString("  " + f.st.Warn.Render(strings.ReplaceAll(w, "\n", "\n  ")) + "\n")
		}
	}
	blocks = append(blocks, b.String())
	notice := ""
	if f.Notice != "" {
		notice = f.st.Warn.Render(ansi.Wordwrap(f.Notice, max(10, f.width), ""))
	}
	// The notice answers the key just pressed: the fields make room for
	// it, so that it is not cut off below the form.
	out := f.window(blocks, strings.Count(notice, "\n")+min(1, len(notice)))
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) > f.width {
			lines[i] = ansi.Truncate(l, f.width, "…")
		}
	}
	out = strings.Join(lines, "\n")
	if notice != "" {
		out += "\n" + notice
	}
	return out
}

// fitArea makes the focused text area shorter by the lines drawn under it
// (what the field lacks, a check's refusal, a notice), so that they show
// whole inside the form's room instead of being cut at the box's edge;
// the area scrolls its own text. It grows back when they go.
func (f *Form) fitArea(findings map[string]string) {
	fl := f.Current()
	if fl == nil || fl.Kind != KindArea || f.Held {
		return
	}
	lines := func(s string) int { return strings.Count(ansi.Wordwrap(s, max(10, f.width-2), ""), "\n") + 1 }
	extra := 0
	if fl.Private && f.revealed {
		extra++
	}
	checked := false
	if fl.Check != nil {
		if msg := fl.Check(fl.checked()); msg != "" {
			extra += lines(msg)
			checked = true
		}
	}
	if msg, ok := findings[fl.Path]; ok && !checked {
		extra += lines(msg)
	}
	if f.Notice != "" {
		extra += strings.Count(ansi.Wordwrap(f.Notice, max(10, f.width), ""), "\n") + 1
	}
	// areaHeight leaves one line under the area.
	want := max(3, f.areaHeight()-max(0, extra-1))
	if f.area.Height() != want {
		f.area.SetHeight(want)
		f.areaView = ""
	}
}

// window keeps the focused field in view when the form is taller than its
// room less the lines drawn below it, showing as many fields around it as
// fit.
func (f *Form) window(blocks []string, below int) string {
	height := func(s string) int { return strings.Count(s, "\n") }
	total := 0
	for _, bl := range blocks {
		total += height(bl)
	}
	room := max(3, f.height-below)
	if total <= room {
		return strings.TrimRight(strings.Join(blocks, ""), "\n")
	}
	first, last := f.Focus, f.Focus
	used := height(blocks[f.Focus])
	for {
		grown := false
		if last+1 < len(blocks) && used+height(blocks[last+1]) <= room-1 {
			last++
			used += height(blocks[last])
			grown = true
		}
		if first > 0 && used+height(blocks[first-1]) <= room-1 {
			first--
			used += height(blocks[first])
			grown = true
		}
		if !grown {
			break
		}
	}
	out := strings.Join(blocks[first:last+1], "")
	more := ""
	if first > 0 {
		more += "↑ "
	}
	for _, bl := range blocks[last+1:] {
		if bl != "" {
			more += "↓ "
			break
		}
	}
	return strings.TrimRight(out, "\n") + "\n" + f.st.Subtle.Render(more+model.T(f.lang, "fler fält", "more fields"))
}

// choiceHint says how a choice is changed, as long as room allows: the
// first letter as well as the arrows where it fits.
func choiceHint(l model.Lang, room int) string {
	for _, h := range []string{
		model.T(l, "  ← → eller första bokstaven väljer", "  ← → or a word's first letter chooses"),
		model.T(l, "  ← → eller en bokstav", "  ← → or a letter"),
		model.T(l, "  ← → väljer", "  ← → chooses"),
	} {
		if ansi.StringWidth(h) <= room {
			return h
		}
	}
	return ""
}

// readAs says what a focused field's words will be once it is left,
// "läses som 2027-01-15" under "15/1 2027", so that the secretary sees
// the date the program took before she goes on; empty when the value is
// already in its standard form or cannot be read.
func readAs(l model.Lang, fl *Field, focused bool) string {
	if !focused || fl.Tidy == nil || fl.Kind != KindText || fl.Private {
		return ""
	}
	v := fl.checked()
	if v == fl.Get() {
		return ""
	}
	return model.T(l, "läses som ", "read as ") + v
}
